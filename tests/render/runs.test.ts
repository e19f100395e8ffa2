/**
 * Runs on the page: the steps with their targets in the athlete's numbers, the session's profile
 * coloured by intensity (bounded in size), a workout's running, and a plan's running per week in
 * the coach's unit beside the strength chart.
 */
import { describe, expect, it } from 'vitest';
import { forAthlete } from '../../src/core/athlete.js';
import { MAX_PROFILE_STEPS, runProfile } from '../../src/core/run-profile.js';
import type { SessionModel } from '../../src/core/session-model.js';
import { renderSessionBody, renderSessionHtml } from '../../src/render/html.js';
import { renderSessionMarkdown } from '../../src/render/markdown.js';
import { checkText, compileDocument } from '../helpers.js';
import { count, readTags } from './markup.js';

async function sessionOf(text: string): Promise<SessionModel> {
    const document = await checkText(text);
    return compileDocument(document.parseResult.value, 'session');
}

const JANE = 'athlete jane "Jane Doe" < 5k: 22:30; lthr: 172; 1rm back-squat: 100kg >\n';
const TRACK = `workout track "800s" <
  warmup < 15min easy-run @ easy; 4 x 20s strides @ mile-pace rest 60s walk >
  6 x 800m interval-run @ 5k-pace rest 400m jog
  3 x 5 back-squat @ 75%
  cooldown < 10min easy-run @ z1-2 >
>
`;

describe('a run session on the page', () => {
    it('shows the steps with their targets and recoveries, its running, and a profile coloured by intensity', async () => {
        const html = renderSessionBody(await sessionOf(TRACK));
        expect(html).toContain('6 × 800m');
        expect(html).toContain('@ 5K pace');
        expect(html).toContain('rest 400m jog');
        expect(html).toMatch(/<dt>Running<\/dt><dd>≈ [0-9.]+ km · /);
        expect(html).toContain('class="run-profile"');
        for (const intensity of ['easy', 'interval', 'repetition', 'rest', 'other']) {
            expect(html, intensity).toContain(`class="int-${intensity}"`);
        }
        expect(readTags(renderSessionHtml(await sessionOf(TRACK), { mode: 'export' })).problems).toEqual([]);
    });

    it('for an athlete, shows the targets in her numbers', async () => {
        const { session, problems } = forAthlete(await sessionOf(JANE + TRACK), (await sessionOf(JANE)).athletes![0]);
        expect(problems).toEqual([]);
        const html = renderSessionBody(session);
        expect(html).toContain('For Jane Doe');
        expect(html).toContain('@ 5K pace (4:30/km)');
        expect(html).toContain('@ 75% 1RM (75 kg)');
        expect(html).toMatch(/@ zones 1–2 \([0-9]+–[0-9]+ bpm\)/);
        expect(renderSessionMarkdown(session)).toMatch(/6 × 800m Interval Run \\?@ 5K pace \(4\\?:30\\?\/km\) rest 400m jog/);
    });

    it('keeps the profile bounded however many repeats a file asks for', async () => {
        const session = await sessionOf('workout many < repeat 50 < repeat 50 < 100m run @ mile-pace; 100m jog; 10 squats > > >\n');
        const steps = runProfile(session.workouts[0].blocks);
        expect(steps.length).toBeLessThanOrEqual(MAX_PROFILE_STEPS);
        expect(count(renderSessionBody(session), /<rect class="int-/g)).toBeLessThanOrEqual(MAX_PROFILE_STEPS);
    });

    it('draws a capped block whose first item takes no time (a range written backwards)', async () => {
        // The profile repeats the block's content until its cap; a first step of 0 s ended each
        // pass before anything was drawn, so the preview and `render --format html` never ended.
        const session = await sessionOf('workout a <\n  amrap 48sec <\n    33min-9 static-stretching\n    9 x 2km easy-run\n  >\n>\n');
        const steps = runProfile(session.workouts[0].blocks);
        expect(steps.reduce((sum, step) => sum + step.seconds, 0)).toBe(48);
        expect(renderSessionBody(session)).toContain('class="run-profile"');
    });
});

describe('a plan\'s running', () => {
    const PLAN = `workout core < 2 x 30s plank; 2 x 10 crunches >
plan p "Miles" <
  week 1 <
    monday: 4mi easy-run; core
    wednesday: 5 x 1mi interval-run @ 10k-pace rest 400m jog
    friday: 4mi easy-run; core
    sunday: 8mi long-run
  >
  week 2 <
    monday: 5mi easy-run; core
    wednesday: 5 x 1mi interval-run @ 10k-pace rest 400m jog
    friday: 4mi easy-run; core
    sunday: 9mi long-run
  >
>
`;

    it('totals each week in the coach\'s unit and charts it beside the strength minutes', async () => {
        const html = renderSessionBody(await sessionOf(PLAN));
        expect(html).toContain('Running per week (miles)');
        expect(html).toContain('class="chart week-chart run-chart"');
        expect(html).toMatch(/≈ 2[0-9](\.[0-9])? mi<\/span>/);
        expect(html).toContain('@ 10K pace rest 400m jog');
        expect(count(html, /class="bar hard"/g)).toBe(2);
    });
});
