/**
 * The session page as a coach meets it: one card per block with the block's own words, the
 * entries with their amounts and notes, each tied to its source line, a summary drawn as bar
 * charts, plans as a calendar; the export is one self-contained file. (The preview's page and
 * its policy are the extension's: tests/extension/preview-html.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { EntryModel, ItemModel, PlanModel, SessionModel, WorkoutModel } from '../../src/core/session-model.js';
import { isRestBetweenBlocks, renderProblemsBanner, renderSessionBody, renderSessionHtml } from '../../src/render/html.js';
import { escapeHtml } from '../../src/render/escape.js';
import { checkText, compileDocument } from '../helpers.js';
import { compileFolder, EXAMPLES_DIR } from './corpus.js';
import { count, readTags } from './markup.js';

async function sessionOf(text: string): Promise<SessionModel> {
    const document = await checkText(text);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    expect(errors.map(e => e.message)).toEqual([]);
    return compileDocument(document.parseResult.value, 'test');
}

function entriesOf(items: ItemModel[]): EntryModel[] {
    return items.flatMap(item => item.type === 'entry' ? [item] : item.type === 'block' ? entriesOf(item.entries) : []);
}

const STRENGTH = `workout legs "Leg day" <
  warmup < 5min dynamic-stretching >
  amrap 12min <
    10 goblet-squats @ 16kg "chest up"
    8 reverse-lunges per leg
  >
  3 rounds rest 60s <
    12 glute-bridges
    30s plank
  >
  tabata < 20s mountain-climbers >
  for-time cap 10min < 50 air-squats >
  cooldown < 5min static-stretching >
>`;

describe('a workout page', () => {
    it('draws one card per block, warm-up and cool-down set apart as calm cards', async () => {
        const html = renderSessionBody(await sessionOf(STRENGTH));
        expect(count(html, /<section class="card /g)).toBe(6);
        expect(count(html, /<section class="card kind-warmup calm"/g)).toBe(1);
        expect(count(html, /<section class="card kind-cooldown calm"/g)).toBe(1);
        expect(count(html, /<section class="card kind-amrap"/g)).toBe(1);
    });

    it('shows the header a coach needs: name, estimated time and equipment to bring', async () => {
        const session = await sessionOf(STRENGTH);
        const html = renderSessionBody(session);
        expect(html).toContain('<h1 class="page-title">Leg day</h1>');
        expect(html).toMatch(/<dt>Time<\/dt><dd>≈ \d+ min<\/dd>/);
        expect(session.workouts[0].equipment.length).toBeGreaterThan(0);
        for (const tool of session.workouts[0].equipment) {
            expect(html.toLowerCase()).toContain(tool.toLowerCase());
        }
    });

    it('says "No equipment" when nothing needs bringing', async () => {
        const html = renderSessionBody(await sessionOf('workout w < 10 burpees >'));
        expect(html).toContain('<dd class="none">No equipment</dd>');
    });

    it('titles each block in the coach\'s words: AMRAP with its cap, rounds with their rest, intervals', async () => {
        const html = renderSessionBody(await sessionOf(STRENGTH));
        expect(html).toContain('>AMRAP 12min</h2>');
        expect(html).toContain('>3 rounds, rest 1min between</h2>');
        expect(html).toContain('>8 × 20s on / 10s off</h2>');
        expect(html).toContain('>For time (cap 10min)</h2>');
        expect(html).toContain('As many rounds as possible in 12min.');
    });

    it('draws intervals as a work/rest timeline with one work bar per interval', async () => {
        const html = renderSessionBody(await sessionOf(STRENGTH));
        const timeline = html.match(/<svg class="timeline"[^]*?<\/svg>/)?.[0] ?? '';
        expect(count(timeline, /class="work"/g)).toBe(8);
        expect(count(timeline, /class="off"/g)).toBe(8);
        expect(html).toContain('4min in all');
    });

    it('gives the athlete something to fill in: rounds done, the time, one box per round', async () => {
        const html = renderSessionBody(await sessionOf(STRENGTH));
        expect(html).toContain('Rounds done <span class="line"></span>');
        expect(html).toContain('Time <span class="line"></span>');
        expect(html).toContain('Rounds <span class="ticks" aria-hidden="true"><i></i><i></i><i></i></span>');
    });

    it('writes each entry with its amount, side, load, rest and note', async () => {
        const html = renderSessionBody(await sessionOf(`workout w <
  2 x 10 step-ups per leg @ 12kg rest 60s "knee over the ankle"
  3 x 30-45s side-plank per side
  max pull-ups
>`));
        expect(html).toMatch(/<span class="amount">2 × 10<\/span><span class="what"><span class="name">Step-?ups<\/span><span class="chips"><span class="chip">per side<\/span><span class="chip">@ 12 kg<\/span><span class="chip">rest 1min<\/span><\/span><span class="note">knee over the ankle<\/span>/i);
        expect(html).toContain('<span class="amount">3 × 30s–45s</span>');
        expect(html).toContain('<span class="amount">max</span>');
    });

    it('ties every entry, rest and block to its source line for click-to-reveal', async () => {
        const text = `workout w <
  section "Legs" <
    2 x 15 squats
    rest 60s
    superset <
      10 push-ups
      10 dumbbell-rows per arm
    >
  >
>`;
        const session = await sessionOf(text);
        const html = renderSessionBody(session);
        const lines = text.split('\n');
        for (const entry of entriesOf(session.workouts[0].blocks)) {
            const element = html.match(new RegExp(`<li class="entry" data-line="${entry.line}">.*?</li>`))?.[0];
            expect(element, entry.exercise).toContain(escapeHtml(entry.name));
            expect(lines[entry.line - 1]).toMatch(new RegExp(entry.exercise.split('-')[0], 'i'));
        }
        expect(html).toContain('<li class="rest-row" data-line="4">');
        expect(html).toContain('<section class="card kind-section" data-line="2">');
        expect(html).toContain('<section class="card kind-superset" data-line="5">');
    });

    it('summarises time per block and sets per muscle group as SVG bar charts, largest first', async () => {
        const session = await sessionOf(STRENGTH);
        const html = renderSessionBody(session);
        const workout = session.workouts[0];
        const timeChart = html.match(/<figure class="chart-box time-chart">[^]*?<\/figure>/)?.[0] ?? '';
        const muscleChart = html.match(/<figure class="chart-box muscle-chart">[^]*?<\/figure>/)?.[0] ?? '';
        expect(timeChart).toContain('<svg class="chart bar-chart"');
        expect(count(timeChart, /<rect class="bar /g)).toBe(workout.blocks.length);
        const muscles = Object.entries(workout.muscles).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
        expect(count(muscleChart, /<rect class="bar muscle"/g)).toBe(muscles.length);
        const labels = [...muscleChart.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map(match => match[1].toLowerCase());
        expect(labels[0]).toBe(muscles[0][0].slice(0, 14).toLowerCase().replace(/…$/, ''));
        const values = [...muscleChart.matchAll(/<text class="value"[^>]*>([^<]*)<\/text>/g)].map(match => Number(match[1]));
        expect(values).toEqual([...values].sort((a, b) => b - a));
    });

    it('draws a rest written between two blocks as a pause between cards, not as a card', async () => {
        const html = renderSessionBody(await sessionOf(`workout w <
  superset <
    2 x 10 push-ups
    2 x 10 dumbbell-rows per arm
  >
  rest 90s
  2 rounds < 10 burpees >
>`));
        expect(count(html, /<section class="card /g)).toBe(2);
        expect(html).toContain('<div class="rest-between" data-line="6"><span class="pause" aria-hidden="true"><i></i><i></i></span>Rest 1min 30s</div>');
        expect(html).toContain('<dt>Blocks</dt><dd>2</dd>');
    });

    it('explains an empty muscle chart instead of drawing nothing', async () => {
        const html = renderSessionBody(await sessionOf('workout w < warmup < 5min dynamic-stretching > >'));
        expect(html).toContain('No strength work counted');
    });

    it('invites the coach to write something when the file is empty', () => {
        expect(renderSessionBody({ workouts: [], plans: [] })).toContain('Nothing to show yet');
    });

    it('renders every example with a card per block and both charts', async () => {
        const examples = await compileFolder(EXAMPLES_DIR);
        expect(examples.length).toBeGreaterThan(0);
        for (const example of examples) {
            expect(example.errors, example.name).toEqual([]);
            const html = renderSessionHtml(example.session, { mode: 'export' });
            expect(readTags(html).problems, example.name).toEqual([]);
            const shownWorkouts = [...example.session.workouts, ...example.session.plans.flatMap(plan => plan.workouts ?? [])];
            const blocks = (workouts: WorkoutModel[]): number => workouts.reduce((sum, workout) => sum + countBlocks(workout.blocks), 0);
            const distinct = [...new Map(shownWorkouts.map(workout => [workout.id, workout])).values()];
            expect(count(html, /<section class="card /g), example.name).toBe(blocks(distinct));
            expect(count(html, /<figure class="chart-box muscle-chart">/g), example.name).toBe(distinct.length);
        }
    });
});

/** Cards on the page: every block but a rest written between two blocks. */
function countBlocks(items: ItemModel[]): number {
    return items.reduce((sum, item) => sum + (item.type === 'block' && !isRestBetweenBlocks(item) ? 1 + countBlocks(item.entries) : 0), 0);
}

describe('the exported page and the banner', () => {
    it('exports one self-contained page: inline CSS, a print stylesheet, no scripts, nothing remote', async () => {
        const html = renderSessionHtml(await sessionOf(STRENGTH), { mode: 'export' });
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain('<style>');
        expect(html).toContain('@media print');
        expect(html).toContain('@page');
        expect(html).not.toMatch(/<script|<link|src=|href=/);
        expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
        expect(html).toContain('<title>Leg day</title>');
    });

    it('counts the problems in a banner above the last good version', () => {
        expect(renderProblemsBanner(3)).toContain('3 problems — showing the last good version');
        expect(renderProblemsBanner(1)).toContain('1 problem — showing the last good version');
        expect(renderProblemsBanner(2, false)).toContain('2 problems — the preview appears once the file has no errors');
        expect(renderProblemsBanner(0)).toBe('');
    });
});

describe('a plan page', () => {
    const week = (number: number, strengthMinutes: number, breaksProgression: boolean) => ({
        week: number, title: number === 1 ? 'Easy start' : undefined, line: 10 * number,
        days: [
            { day: 'monday', dayOfWeek: 1, rest: false, line: 10 * number + 1, items: [
                { type: 'run' as const, ref: 'easy-run', name: 'Easy Run', resolved: true, strength: false, cardio: true, longRun: false, estimatedSeconds: 1800, sets: 0, line: 10 * number + 1,
                  entry: { type: 'entry' as const, exercise: 'easy-run', name: 'Easy Run', known: true, sets: 1, seconds: { min: 1800, max: 1800 }, side: 'both' as const, line: 10 * number + 1, estimatedSeconds: 1800 } },
                { type: 'workout' as const, ref: 'strength-a', name: 'Runner strength A', resolved: true, strength: true, cardio: false, longRun: false, estimatedSeconds: strengthMinutes * 60, sets: 20, line: 10 * number + 1 }
            ] },
            { day: 'saturday', dayOfWeek: 6, rest: false, line: 10 * number + 2, items: [
                { type: 'run' as const, ref: 'long-run', name: 'Long Run', resolved: true, strength: false, cardio: true, longRun: true, estimatedSeconds: 5400, sets: 0, line: 10 * number + 2 }
            ] }
        ],
        strengthSessions: 1, strengthSeconds: strengthMinutes * 60, strengthSets: 20, muscles: { glutes: 10 },
        runSeconds: 7200, restDays: 5, breaksProgression,
        strengthSecondsGrowthPercent: number === 1 ? undefined : 25
    });
    const plan: PlanModel = {
        id: 'base', name: 'Base block', line: 1, level: 'beginner', progressionPercent: 10,
        sessionsPerWeek: { min: 1, max: 2 },
        weeks: [week(1, 40, false), week(2, 50, true)],
        workouts: []
    };

    it('draws a calendar of weeks × weekdays with runs, workouts and rest days', () => {
        const html = renderSessionBody({ workouts: [], plans: [plan] });
        expect(html).toContain('<h1 class="page-title">Base block</h1>');
        expect(count(html, /<th scope="col">/g)).toBe(8);
        expect(count(html, /<tr class="week[^"]*" data-line="\d+">/g)).toBe(2);
        const firstWeek = html.match(/<tr class="week" data-line="10">[^]*?<\/tr>/)?.[0] ?? '';
        const cells = firstWeek.split('<td').slice(1);
        expect(cells).toHaveLength(7);
        expect(cells[0]).toContain('30min Easy Run');
        expect(cells[0]).toContain('Runner strength A');
        expect(cells[5]).toContain('class="pill run long-run"');
        expect(cells[5]).toContain('Long Run<small>≈ 1 h 30 min · long run</small>');
        expect(cells.filter(cell => cell.startsWith(' class="rest-day"'))).toHaveLength(5);
        expect(firstWeek).toContain('<em class="week-title">Easy start</em>');
    });

    it('charts the strength minutes per week and marks a week that grows too fast', () => {
        const html = renderSessionBody({ workouts: [], plans: [plan] });
        const chart = html.match(/<svg class="chart week-chart"[^]*?<\/svg>/)?.[0] ?? '';
        expect(count(chart, /<rect class="bar/g)).toBe(2);
        expect(count(chart, /<rect class="bar over"/g)).toBe(1);
        expect(chart).toContain('>40</text>');
        expect(chart).toContain('>50</text>');
        expect(html).toContain('grows faster than 10% in W2');
        expect(html).toContain('<tr class="week steep" data-line="20">');
    });

    it('follows the calendar with the plan\'s sessions, without source lines from other files', async () => {
        const [workout] = (await sessionOf(STRENGTH)).workouts;
        const html = renderSessionBody({ workouts: [], plans: [{ ...plan, workouts: [workout] }] });
        const sessionPage = html.slice(html.indexOf('</article>'));
        expect(sessionPage).toContain('<h1 class="page-title">Leg day</h1>');
        expect(sessionPage).not.toContain('data-line');
    });
});
