/**
 * Hover: the exercise card a coach reads over a name, the estimate over a block's header, and
 * markdown that stays text whatever a name contains (a name is user text: it must never become
 * a link, a command or HTML in the editor).
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { MarkupContent } from 'vscode-languageserver';
import { cursorIn, newWorkspace, openFiles, uriOf } from './lsp-kit.js';

/** The hover's markdown at the `‸` of `name`, or undefined when there is none. */
async function hoverAt(files: Record<string, string>, name = 'session.workout'): Promise<string | undefined> {
    const services = newWorkspace();
    const { text, position } = cursorIn(files[name]);
    const documents = await openFiles(services, { ...files, [name]: text });
    const hover = await services.lsp.HoverProvider!.getHoverContent(documents[Object.keys(files).indexOf(name)], { textDocument: { uri: uriOf(name) }, position });
    if (!hover) {
        return undefined;
    }
    expect(MarkupContent.is(hover.contents)).toBe(true);
    const contents = hover.contents as MarkupContent;
    expect(contents.kind).toBe('markdown');
    return contents.value;
}

/** How an editor shows the hover: CommonMark with raw HTML allowed, the most permissive reading. */
const renderer = new MarkdownIt({ html: true, linkify: false });
const rendered = (markdown: string) => renderer.render(markdown);

const inWorkout = (line: string) => ({ 'session.workout': `workout session <\n  ${line}\n>\n` });

describe('hover on the notation of real programs', () => {
    it('explains a tempo, a target, a rep scheme and an EMOM label', async () => {
        expect(await hoverAt(inWorkout('3 x 8 back-squat tem‸po 31X1'))).toBe('**Tempo `31X1`**: 3 s down, 1 s pause, explosive up, 1 s pause at the top — 6 s a rep.');
        expect(await hoverAt(inWorkout('1 x 5+ back-squat @ 6‸5% tm'))).toContain('65% TM**: of the training max');
        expect(await hoverAt(inWorkout('3 x 8 back-squat @ ri‸r 2'))).toContain('reps in reserve');
        expect(await hoverAt(inWorkout('10 thrusters @ 95/6‸5lb'))).toContain('Rx men/women');
        expect(await hoverAt(inWorkout('12-10-‸8 barbell-curl'))).toContain('**Rep scheme `12-10-8`**: 3 sets');
        expect(await hoverAt(inWorkout('for-time 21-1‸5-9 < thrusters; pull-ups >'))).toContain('3 rounds');
        expect(await hoverAt(inWorkout('emom 10min < od‸d: 10 burpees; even: 10 push-ups >'))).toContain('Odd minutes');
    });
});

describe('hover on an exercise name', () => {
    it('shows the catalog card: name, aliases, muscles, equipment, level, sides and time per rep', async () => {
        const card = await hoverAt(inWorkout('10 single-leg-dead‸lift per side'));
        const html = rendered(card!);
        expect(html).toContain('<strong>Single-Leg Deadlift</strong>');
        expect(html).toMatch(/Also: single-leg-rdl, .*sl-rdl/);
        expect(html).toContain('Muscles: hamstrings, glutes');
        expect(html).toContain('Equipment: none (bodyweight)');
        expect(html).toContain('Level: beginner');
        expect(html).toMatch(/One side at a time/);
        expect(html).toContain('About 4s per rep');
        expect(html).toContain('From the exercise catalog');
    });

    it('shows the card of the catalog exercise an alias stands for', async () => {
        const card = rendered((await hoverAt(inWorkout('10 press-u‸ps')))!);
        expect(card).toContain('<strong>Push-ups</strong>');
        expect(card).toContain('<code>push-ups</code>');
        expect(card).toContain('Both sides together');
    });

    it('says a hold is written in time, not reps', async () => {
        expect(rendered((await hoverAt(inWorkout('30s pla‸nk')))!)).toContain('Written in time held');
    });

    it('shows the card of an exercise the coach defined in another file', async () => {
        const card = await hoverAt({
            'session.workout': 'workout session <\n  10 kb-ha‸lo per side\n>\n',
            'exercises.workout': 'exercise kb-halo "Kettlebell halo" <\n  muscles: shoulders, core\n  equipment: kettlebell\n  per-rep: 4s\n  unilateral: yes\n>\n'
        });
        const html = rendered(card!);
        expect(html).toContain('<strong>Kettlebell halo</strong>');
        expect(html).toContain('Muscles: shoulders, abdominals');
        expect(html).toContain('Equipment: kettlebell');
        expect(html).toMatch(/One side at a time/);
        expect(html).toContain('About 4s per rep');
        expect(html).toContain('Defined in this workspace');
    });

    it('shows the card on the definition itself', async () => {
        const card = await hoverAt({ 'session.workout': 'exercise kb-h‸alo "Kettlebell halo" <\n  muscles: shoulders\n  equipment: kettlebell\n>\n' });
        expect(rendered(card!)).toContain('<strong>Kettlebell halo</strong>');
    });

    it('says plainly when a name is unknown', async () => {
        const card = await hoverAt(inWorkout('10 burp‸ess'));
        expect(rendered(card!)).toContain('Unknown exercise <code>burpess</code>');
        // Shown as written, without markdown escapes leaking into the code.
        const hyphenated = await hoverAt(inWorkout('10 single-leg-dead‸liftt'));
        expect(rendered(hyphenated!)).toContain('<code>single-leg-deadliftt</code>');
    });
});

describe('hover on a block or a workout', () => {
    it('gives an AMRAP header its cap as the estimate', async () => {
        const text = await hoverAt(inWorkout('am‸rap 20min <\n    10 burpees\n    20 squats\n  >'));
        expect(rendered(text!)).toContain('<strong>AMRAP 20min</strong> — estimated 20min');
    });

    it('gives a circuit its rounds, its rest and its estimate', async () => {
        const text = await hoverAt(inWorkout('3 rou‸nds rest 60s <\n    10 burpees\n    20 squats\n  >'));
        expect(text).toMatch(/3 rounds.*rest 1min.*estimated \d+min/);
    });

    it('has no block hover over an entry inside the block', async () => {
        const text = await hoverAt(inWorkout('amrap 20min <\n    1‸0 burpees\n  >'));
        expect(text ?? '').not.toMatch(/AMRAP/);
    });

    it('summarises a workout on its own name', async () => {
        const text = await hoverAt({ 'session.workout': 'workout stren‸gth-a "Strength A" <\n  amrap 10min < 10 squats >\n>\n' });
        const html = rendered(text!);
        expect(html).toContain('<strong>Strength A</strong> — estimated 10min');
        expect(html).toContain('AMRAP 10min: 10min');
    });

    it('summarises a workout named in a plan', async () => {
        const text = await hoverAt({
            'session.workout': 'workout strength-a "Strength A" <\n  3 rounds < 10 squats; 10 push-ups >\n>\n',
            'plan.workout': 'plan p <\n  week 1 <\n    monday: strength-‸a\n  >\n>\n'
        }, 'plan.workout');
        expect(rendered(text!)).toMatch(/<strong>Strength A<\/strong> — estimated \d+min/);
    });
});

describe('hover markdown is built safely from user text', () => {
    const hostileLink = '[x](command:workbench.action.quit)';
    const hostileHtml = '<img src=x onerror=alert(1)>';

    function expectInert(markdown: string, visible: string) {
        const html = rendered(markdown);
        expect(html).not.toMatch(/<a[\s>]/);
        expect(html).not.toMatch(/<img/);
        expect(html).not.toContain('command:workbench.action.quit"');
        // The name is still there, as text.
        expect(html).toContain(renderer.utils.escapeHtml(visible));
    }

    it('keeps a link-shaped exercise name as text in the card', async () => {
        const card = await hoverAt({ 'session.workout': `exercise "${hostileLink}" <\n  muscles: chest\n>\nworkout session <\n  10 "[x](command:workbench.action.q‸uit)"\n>\n` });
        expect(card).toContain('\\[x\\]\\(command\\:workbench\\.action\\.quit\\)');
        expectInert(card!, hostileLink);
    });

    it('keeps an HTML-shaped name and title as text in the card', async () => {
        const card = await hoverAt({ 'session.workout': `exercise "${hostileHtml}" "<b>bold</b>" <\n  muscles: chest\n>\nworkout session <\n  10 "<img src=x one‸rror=alert(1)>"\n>\n` });
        expect(card).toContain('\\<b\\>bold\\<\\/b\\>');
        expect(rendered(card!)).not.toContain('<b>');
        expectInert(card!, hostileHtml);
    });

    it('keeps an unknown hostile name as text', async () => {
        const card = await hoverAt(inWorkout(`10 "<img src=x one‸rror=alert(1)>"`));
        expectInert(card!, hostileHtml);
        const link = await hoverAt(inWorkout(`10 "[x](command:workbench.action.q‸uit)"`));
        expectInert(link!, hostileLink);
    });

    it('keeps URLs in names, titles and equipment as text under an editor that links URLs', async () => {
        const linkifying = new MarkdownIt({ html: true, linkify: true });
        const urls = ['https://evil.example/x', 'http://localhost', 'www.evil.com', 'evil.com/path', 'me@evil.com', 'mailto:me@evil.com', 'ftp://files.evil.com', '//evil.com'];
        for (const url of urls) {
            const card = await hoverAt({ 'session.workout': `exercise "${url}" "${url}" <\n  muscles: chest\n  equipment: ${JSON.stringify(url)}\n>\nworkout session <\n  10 "${url.slice(0, 3)}‸${url.slice(3)}"\n>\n` });
            const unknown = await hoverAt(inWorkout(`10 "${url.slice(0, 3)}‸${url.slice(3)}x"`));
            const block = await hoverAt(inWorkout(`sec‸tion "${url}" < 10 burpees >`));
            const summary = await hoverAt({ 'session.workout': `workout w‸w "${url}" <\n  section "${url}" < 10 burpees >\n>\n` });
            for (const markdown of [card, unknown, block, summary]) {
                const html = linkifying.render(markdown!);
                expect(html, `${url}: ${markdown}`).not.toMatch(/<a[\s>]/);
                expect(html, `${url}: ${markdown}`).toContain(linkifying.utils.escapeHtml(url));
            }
        }
    });

    it('shows a name with backticks whole, inside one piece of code', async () => {
        const card = await hoverAt(inWorkout('10 "ab`c`‸d"'));
        expect(rendered(card!)).toContain('<code>ab`c`d</code>');
    });

    it('keeps hostile section and workout titles as text in block and workout hovers', async () => {
        const block = await hoverAt(inWorkout(`sec‸tion "${hostileHtml}" < 10 burpees >`));
        expect(block).toBeDefined();
        expectInert(block!, hostileHtml);
        const summary = await hoverAt({
            'session.workout': `workout hostile "${hostileLink}" <\n  section "${hostileHtml}" < 10 burpees >\n>\n`,
            'plan.workout': 'plan p <\n  week 1 <\n    monday: host‸ile\n  >\n>\n'
        }, 'plan.workout');
        expectInert(summary!, hostileLink);
        expect(rendered(summary!)).not.toMatch(/<img/);
    });
});
