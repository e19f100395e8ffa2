/**
 * What the page carries for the follow-along timer (src/render/html-timer.ts): a Play button and
 * the steps as JSON per workout, only when the page has the timer; the export's one script
 * under a nonce drawn per page, in its policy; user text in the JSON that cannot close the
 * data block; and the page unchanged, with no script at all, when the timer is missing.
 */
import { describe, expect, it } from 'vitest';
import type { SessionModel } from '../../src/core/session-model.js';
import { timelineOf, workoutTimeline } from '../../src/core/timeline.js';
import { renderSessionBody, renderSessionHtml } from '../../src/render/html.js';
import { checkedNonce, inlineScript, newPageNonce, scriptJson } from '../../src/render/html-timer.js';
import { checkText, compileDocument } from '../helpers.js';
import { compileFolder, HOSTILE_DIR } from './corpus.js';
import { count, readTags } from './markup.js';

async function sessionOf(text: string): Promise<SessionModel> {
    const document = await checkText(text);
    return compileDocument(document.parseResult.value, 'test');
}

const TEXT = 'workout a "A" < amrap 5min < 5 burpees > >\nworkout b "B" < 3 x 10 squats rest 30s >\nworkout empty "Nothing" < >';
const SCRIPT = 'console.log("timer")';

/** The JSON data blocks of a page, parsed. */
function dataBlocks(html: string): unknown[] {
    return [...html.matchAll(/<script type="application\/json" class="workout-timeline">([^<]*)<\/script>/g)].map(match => JSON.parse(match[1]));
}

describe('the timer on the page', () => {
    it('gives every workout with work in it a Play button and its steps, when the page has the timer', async () => {
        const session = await sessionOf(TEXT);
        const body = renderSessionBody(session, { timer: true });
        expect(count(body, /data-timer-play=""/g)).toBe(2);
        expect(dataBlocks(body)).toEqual(session.workouts.slice(0, 2).map(workout => JSON.parse(JSON.stringify(workoutTimeline(workout)))));
        expect(readTags(body).problems).toEqual([]);
    });

    it('leaves the body as it was without the timer', async () => {
        const session = await sessionOf(TEXT);
        const body = renderSessionBody(session);
        expect(body).not.toMatch(/<script|<button|timer/);
    });

    it('exports a page that runs only its timer, under a nonce in its policy, drawn anew per render', async () => {
        const session = await sessionOf(TEXT);
        const pages = [1, 2].map(() => renderSessionHtml(session, { mode: 'export', timerScript: SCRIPT }));
        const nonces = pages.map(page => /<script nonce="([0-9a-f]+)">/.exec(page)![1]);
        expect(nonces[0]).not.toBe(nonces[1]);
        for (const [index, page] of pages.entries()) {
            expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonces[index]}'">`);
            expect(page).toContain(`<script nonce="${nonces[index]}">${SCRIPT}</script></body></html>`);
            expect(count(page, /<script nonce=/g)).toBe(1);
            expect(page).not.toMatch(/ on[a-z]+=|src=|href=/);
            expect(readTags(page).problems).toEqual([]);
        }
        expect(renderSessionHtml(session, { mode: 'export', timerScript: SCRIPT, nonce: 'fixed-nonce-for-tests' })).toContain('<script nonce="fixed-nonce-for-tests">');
    });

    it('renders the page without Play buttons and without any script when the timer is missing', async () => {
        const session = await sessionOf(TEXT);
        for (const timerScript of [undefined, '']) {
            const page = renderSessionHtml(session, { mode: 'export', timerScript });
            expect(page).not.toMatch(/<script|<button|script-src/);
            expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
        }
    });

    it('refuses a nonce that could break out of the policy, and draws ones it accepts', () => {
        expect(() => checkedNonce(`abc'; script-src *`)).toThrow(/nonce/);
        expect(() => checkedNonce('short')).toThrow(/nonce/);
        const drawn = Array.from({ length: 20 }, newPageNonce);
        expect(new Set(drawn).size).toBe(20);
        drawn.forEach(nonce => expect(checkedNonce(nonce)).toMatch(/^[0-9a-f]{36}$/));
    });

    it('writes user text in the JSON so it cannot close the data block, with the same meaning', () => {
        const hostile = ['</script><script>alert(1)</script>', '<!-- x', 'a & b > c', 'line\u2028sep', 'back\\u0007slash', 'Press\u202Egnp.exe\u202C up', 'bell\u0007'];
        const json = scriptJson({ texts: hostile });
        expect(json).not.toMatch(/[<>&\u2028\u2029\u202E]/);
        expect(JSON.parse(json)).toEqual({ texts: [...hostile.slice(0, 5), 'Press\uFFFDgnp.exe\uFFFD up', 'bell\uFFFD'] });
        // Without a control in it, the text is as typed (the quick path).
        expect(JSON.parse(scriptJson({ text: 'back\\u0007slash' }))).toEqual({ text: 'back\\u0007slash' });
    });

    it('inlines a script that holds `</script` or `<!--` in a string without ending the element', () => {
        const source = 'const a = "</script><b>"; const b = "<!-- x"; const c = "</SCRIPT>";';
        const inlined = inlineScript(source);
        expect(inlined).not.toMatch(/<\/script|<!--/i);
        // eslint-disable-next-line no-new-func
        expect(new Function(`${inlined}; return [a, b, c];`)()).toEqual(['</script><b>', '<!-- x', '</SCRIPT>']);
    });

    it('keeps the hostile corpus inside its data blocks, readable back as the same steps', async () => {
        for (const file of await compileFolder(HOSTILE_DIR)) {
            const body = renderSessionBody(file.session, { timer: true });
            expect(readTags(body).problems, file.name).toEqual([]);
            const blocks = dataBlocks(body);
            expect(blocks.length, file.name).toBe(file.session.workouts.length);
            for (const block of blocks) {
                expect(timelineOf(block)?.steps.length, file.name).toBeGreaterThan(0);
            }
        }
    });
});
