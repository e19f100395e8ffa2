/**
 * The follow-along timer in a real browser (scripts/browser.mjs), on a fake clock
 * (Playwright's page.clock: time moves only when the test says so). The exported page with its
 * timer inlined (src/render/html.ts + dist/webview/timer.js from `npm run build`): an EMOM
 * moves on every minute, an AMRAP counts down and counts rounds on tap, intervals alternate
 * work and rest of the right lengths, pause stops the clock, skip and back move, a per-side
 * entry cues the switch; the page runs under its own strict policy without a violation and
 * fits a 360 × 740 phone; the hostile corpus stays text in the timer. In the preview's webview
 * (dist/webview/preview.js, the timer built in) Play opens the same timer without asking the
 * editor to reveal a line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionModel } from '../../src/core/session-model.js';
import { PREVIEW_SCRIPT, renderPreviewHtml, TIMER_SCRIPT } from '../../src/extension/preview-html.js';
import { renderSessionHtml } from '../../src/render/html.js';
import { checkText, compileDocument } from '../helpers.js';
import { compileFolder, EXAMPLES_DIR, HOSTILE_DIR, shownAs, type CompiledFile } from '../render/corpus.js';
import { launchBrowser } from '../../scripts/browser.mjs';

const ROOT = path.resolve(__dirname, '../..');
const PAGES = path.join(ROOT, 'test-output', 'browser-pages');
const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
const START = new Date('2027-01-04T07:00:00Z');
/** Set by any payload in the hostile corpus that manages to run. */
const PAYLOAD_FLAG = '__pwned';

let browser: Browser;
let timerScript: string;

/** What the page records: policy violations (by an init script, which the policy does not cover). */
const RECORD_VIOLATIONS = `
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', event => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));`;

/** The webview's API, as the preview test stubs it. */
const VSCODE_API_STUB = `
    window.__posted = [];
    window.acquireVsCodeApi = () => ({ postMessage: m => window.__posted.push(m), setState: () => undefined, getState: () => undefined });`;

interface Loaded {
    page: Page;
    errors: string[];
    dialogs: string[];
    requests: string[];
}

async function sessionOf(text: string): Promise<SessionModel> {
    const document = await checkText(text);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    expect(errors.map(e => e.message)).toEqual([]);
    return compileDocument(document.parseResult.value, 'timer');
}

function exportPage(name: string, session: SessionModel): string {
    const file = path.join(PAGES, `${name}.timer.html`);
    writeFileSync(file, renderSessionHtml(session, { mode: 'export', timerScript }));
    return file;
}

/** Opens a page on a fake clock that stands still until the test moves it. */
async function open(file: string, options: { width?: number; height?: number; webview?: boolean } = {}): Promise<Loaded> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 820, height: options.height ?? 900 } });
    const loaded: Loaded = { page, errors: [], dialogs: [], requests: [] };
    page.on('console', message => {
        if (message.type() === 'error') {
            loaded.errors.push(message.text());
        }
    });
    page.on('pageerror', error => loaded.errors.push(String(error)));
    page.on('dialog', dialog => {
        loaded.dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    page.on('request', request => loaded.requests.push(request.url()));
    await page.addInitScript(RECORD_VIOLATIONS);
    if (options.webview) {
        await page.addInitScript(VSCODE_API_STUB);
    }
    await page.clock.install({ time: START });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.clock.pauseAt(new Date(START.getTime() + 60 * 60_000));
    return loaded;
}

interface TimerState {
    state: string;
    kind: string;
    word: string;
    clock: string;
    label: string;
    amount: string;
    context: string;
    side: string;
    next: string;
    rounds: string;
    moves: string[];
    skip: string;
    count: string;
    summary: string;
}

/** What the timer shows, as text (a hidden part reads ''). */
async function shown(page: Page): Promise<TimerState> {
    return await page.evaluate(`(() => {
        const root = document.querySelector('.timer');
        if (!root) return null;
        const text = selector => { const e = root.querySelector(selector); return e && !e.hidden ? e.textContent : ''; };
        return {
            state: root.dataset.state, kind: root.dataset.kind, word: text('.timer-kind'), clock: text('.timer-clock'),
            label: text('.timer-label'), amount: text('.timer-amount'), context: text('.timer-context'), side: text('.timer-side'),
            next: text('.timer-next'), rounds: root.querySelector('.timer-rounds').hidden ? '' : text('.timer-rounds-count'), skip: text('.timer-skip'), count: text('.timer-count'),
            moves: root.querySelector('.timer-moves').hidden ? [] : [...root.querySelectorAll('.timer-move')].map(e => e.textContent),
            summary: text('.timer-summary')
        };
    })()`) as TimerState;
}

async function play(page: Page, workout = 0): Promise<void> {
    await page.locator('.timer-play').nth(workout).click();
    await page.locator('.timer').waitFor();
}

/** Moves the fake clock on and lets the timer draw. */
async function wait(page: Page, ms: number): Promise<TimerState> {
    await page.clock.runFor(ms);
    return shown(page);
}

/** Kept for people to look at (test-output/screenshots), not asserted on; the packaged Chromium sometimes fails a capture. */
async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, name) }).catch((error: Error) => console.warn(`screenshot not saved (${name}): ${error.message.split('\n')[0]}`));
}

async function close(loaded: Loaded): Promise<void> {
    expect(loaded.errors).toEqual([]);
    expect(await loaded.page.evaluate('window.__violations')).toEqual([]);
    expect(loaded.requests.filter(url => !url.startsWith('file://'))).toEqual([]);
    await loaded.page.close();
}

beforeAll(async () => {
    mkdirSync(PAGES, { recursive: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The bundle `npm run build` writes; the test fails (never skips) without it.
    timerScript = readFileSync(path.join(ROOT, ...TIMER_SCRIPT), 'utf8');
    browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
    await browser?.close();
});

describe('the timer on the exported page, on a fake clock', () => {
    it('plays an EMOM: a call at the top of every minute, the minute counted down', async () => {
        const loaded = await open(exportPage('emom', await sessionOf('workout e "EMOM" < emom 3min < 10 burpees "chest to floor" > >')));
        const { page } = loaded;
        await play(page);
        expect(await shown(page)).toMatchObject({ word: 'Get ready', clock: '0:10', state: 'running', next: 'Next: 10 Burpees' });
        expect(await wait(page, 10_000)).toMatchObject({ kind: 'work', label: 'Burpees', amount: '10', clock: '1:00', context: 'EMOM 3min · Minute 1 of 3' });
        expect(await wait(page, 30_000)).toMatchObject({ clock: '0:30', context: 'EMOM 3min · Minute 1 of 3' });
        expect(await wait(page, 30_000)).toMatchObject({ clock: '1:00', context: 'EMOM 3min · Minute 2 of 3' });
        expect(await wait(page, 60_000)).toMatchObject({ clock: '1:00', context: 'EMOM 3min · Minute 3 of 3', next: 'Last step' });
        expect(await wait(page, 60_000)).toMatchObject({ state: 'finished', label: 'Workout done', clock: '3:10' });
        await close(loaded);
    }, 120_000);

    it('plays an AMRAP: counts the cap down, lists the round and counts rounds on tap', async () => {
        const loaded = await open(exportPage('amrap', await sessionOf('workout a "AMRAP" < amrap 2min < 5 burpees; 10 squats @ 20kg > >')), { width: 360, height: 740 });
        const { page } = loaded;
        await play(page);
        const started = await wait(page, 10_000);
        expect(started).toMatchObject({ label: 'AMRAP 2min', clock: '2:00', rounds: '0 rounds', moves: ['5 Burpees', '10 Squats @ 20 kg'] });
        for (let round = 0; round < 3; round++) {
            await page.locator('.timer-rounds').click();
        }
        expect(await wait(page, 60_000)).toMatchObject({ clock: '1:00', rounds: '3 rounds' });
        await screenshot(page, 'timer-amrap-phone.png');
        const done = await wait(page, 60_000);
        expect(done).toMatchObject({ state: 'finished', rounds: '' });
        expect(done.summary).toBe('AMRAP 2min: 3 rounds');
        await close(loaded);
    }, 120_000);

    it('alternates work and rest in intervals, each of its length, cycling through the entries', async () => {
        const loaded = await open(exportPage('intervals', await sessionOf('workout i "Intervals" < intervals 3 x 40s on 20s off < 15 kettlebell-swings; max burpees > >')));
        const { page } = loaded;
        await play(page);
        const seen: string[] = [];
        let state = await wait(page, 10_000);
        // Sample just after each change and just before the next.
        for (const length of [40, 20, 40, 20, 40]) {
            seen.push(`${state.word} ${state.label} ${state.clock} ${state.context}`.replace(/ +/g, ' '));
            state = await wait(page, length * 1000 - 1000);
            seen.push(`${state.word} ${state.clock}`);
            state = await wait(page, 1000);
        }
        expect(seen).toEqual([
            'Work Kettlebell Swings 0:40 3 × 40s on / 20s off · Interval 1 of 3', 'Work 0:01',
            'Rest 0:20 3 × 40s on / 20s off · Interval 1 of 3', 'Rest 0:01',
            'Work Burpees 0:40 3 × 40s on / 20s off · Interval 2 of 3', 'Work 0:01',
            'Rest 0:20 3 × 40s on / 20s off · Interval 2 of 3', 'Rest 0:01',
            'Work Kettlebell Swings 0:40 3 × 40s on / 20s off · Interval 3 of 3', 'Work 0:01'
        ]);
        expect(state.state).toBe('finished');
        await close(loaded);
    }, 120_000);

    it('stops the clock on pause and goes on from there on resume', async () => {
        const loaded = await open(exportPage('pause', await sessionOf('workout p "Pause" < amrap 5min < 5 burpees > >')));
        const { page } = loaded;
        await play(page);
        expect(await wait(page, 15_000)).toMatchObject({ clock: '4:55' });
        await page.locator('.timer-pause').click();
        expect(await wait(page, 120_000)).toMatchObject({ state: 'paused', clock: '4:55' });
        expect(await page.locator('.timer-pause').textContent()).toBe('Resume');
        await page.locator('.timer-pause').click();
        expect(await wait(page, 5_000)).toMatchObject({ state: 'running', clock: '4:50' });
        // Space pauses too, from the timer itself.
        await page.locator('.timer-clock').click();
        await page.keyboard.press('Space');
        expect(await wait(page, 30_000)).toMatchObject({ state: 'paused', clock: '4:50' });
        await close(loaded);
    }, 120_000);

    it('moves on with skip or done, back to the step before, and by the arrow keys', async () => {
        const loaded = await open(exportPage('skip', await sessionOf('workout s "Skip" < 10 squats; 30s plank; rest 60s; 10 burpees >')));
        const { page } = loaded;
        await play(page);
        expect(await shown(page)).toMatchObject({ word: 'Get ready', skip: 'Skip', count: '1 / 5' });
        await page.locator('.timer-skip').click();
        expect(await shown(page)).toMatchObject({ label: 'Squats', amount: '10', skip: 'Done', clock: '0:00', count: '2 / 5' });
        // An open step counts up until it is done.
        expect(await wait(page, 25_000)).toMatchObject({ label: 'Squats', clock: '0:25' });
        await page.locator('.timer-skip').click();
        expect(await shown(page)).toMatchObject({ label: 'Plank', clock: '0:30', skip: 'Skip', next: 'Next: Rest 1:00' });
        await page.locator('.timer-back').click();
        expect(await shown(page)).toMatchObject({ label: 'Squats', clock: '0:00' });
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        expect(await shown(page)).toMatchObject({ kind: 'rest', word: 'Rest', label: '', clock: '1:00', next: 'Next: 10 Burpees' });
        await page.keyboard.press('ArrowLeft');
        expect(await shown(page)).toMatchObject({ label: 'Plank' });
        await page.keyboard.press('Escape');
        expect(await page.locator('.timer').count()).toBe(0);
        expect(await page.evaluate('document.activeElement.className')).toBe('timer-play');
        await close(loaded);
    }, 120_000);

    it('cues the switch between the sides of a per-side entry', async () => {
        const loaded = await open(exportPage('sides', await sessionOf('workout d "Sides" < 2 x 20s side-plank per side rest 30s >')));
        const { page } = loaded;
        await play(page);
        expect(await wait(page, 10_000)).toMatchObject({ label: 'Side Plank', side: 'First side', clock: '0:20', context: 'Set 1 of 2', next: 'Next: Switch sides 0:05' });
        expect(await wait(page, 20_000)).toMatchObject({ kind: 'transition', word: 'Switch sides', side: 'Next: second side', clock: '0:05', label: '' });
        await screenshot(page, 'timer-switch-sides.png');
        expect(await wait(page, 5_000)).toMatchObject({ kind: 'work', label: 'Side Plank', side: 'Second side', clock: '0:20' });
        expect(await wait(page, 20_000)).toMatchObject({ kind: 'rest', clock: '0:30', context: 'Set 1 of 2' });
        expect(await wait(page, 30_000)).toMatchObject({ side: 'First side', context: 'Set 2 of 2' });
        await close(loaded);
    }, 120_000);
});

describe('the exported page as a coach sends it to a phone', () => {
    let examples: CompiledFile[] = [];

    beforeAll(async () => {
        examples = await compileFolder(EXAMPLES_DIR);
    }, 60_000);

    it('runs its timer under its own strict policy, which refuses any other script, and fits 360 × 740', async () => {
        for (const example of examples.filter(file => file.session.workouts.length > 0)) {
            const name = path.basename(example.name, '.workout');
            const loaded = await open(exportPage(`${name}-phone`, example.session), { width: 360, height: 740 });
            const { page } = loaded;
            expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
            await play(page);
            await wait(page, 10_000);
            const layout = await page.evaluate(`(() => {
                const root = document.querySelector('.timer');
                const boxes = [...root.querySelectorAll('.timer-controls button, .timer-clock, .timer-label, .timer-close')].map(e => e.getBoundingClientRect());
                return { scroll: root.scrollWidth, page: document.documentElement.scrollWidth,
                    outside: boxes.filter(b => b.left < 0 || b.right > 360 || b.bottom > 740 || b.width === 0).length,
                    smallest: Math.min(...[...root.querySelectorAll('button:not([hidden])')].map(e => e.getBoundingClientRect().height)) };
            })()`) as { scroll: number; page: number; outside: number; smallest: number };
            expect(layout.scroll, name).toBeLessThanOrEqual(360);
            expect(layout.page, name).toBeLessThanOrEqual(360);
            expect(layout.outside, name).toBe(0);
            expect(layout.smallest, name).toBeGreaterThanOrEqual(40);
            await screenshot(page, `${name}-timer-phone.png`);
            // The policy is there and strict: a script without the page's nonce does not run.
            await page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.append(s); })()`);
            expect(await page.evaluate('typeof window.__injected'), name).toBe('undefined');
            const violations = await page.evaluate('window.__violations.splice(0)') as string[];
            expect(violations, name).toEqual([expect.stringMatching(/^script-src/)]);
            // …which Chromium reports on the console: the one expected error.
            expect(loaded.errors.splice(0).every(error => /Content Security Policy/.test(error)), name).toBe(true);
            await close(loaded);
        }
    }, 180_000);
});

describe('the hostile corpus in the timer', () => {
    let hostile: CompiledFile[] = [];

    beforeAll(async () => {
        hostile = await compileFolder(HOSTILE_DIR);
    }, 60_000);

    it('shows every hostile name, note and title as the text it is, and runs none of it', async () => {
        for (const file of hostile) {
            const name = `hostile-${path.basename(file.name, '.workout')}`;
            const loaded = await open(exportPage(name, file.session), { width: 360, height: 740 });
            const { page } = loaded;
            const workouts = await page.locator('.timer-play').count();
            expect(workouts, file.name).toBe(file.session.workouts.length);
            const texts: string[] = [];
            for (let index = 0; index < workouts; index++) {
                await play(page, index);
                // Step through the whole workout, keeping what every step showed.
                texts.push(...await page.evaluate(`(() => {
                    const root = document.querySelector('.timer');
                    const seen = [root.querySelector('.timer-title').textContent];
                    for (let guard = 0; guard < 5000 && root.dataset.state !== 'finished'; guard++) {
                        seen.push(root.textContent);
                        root.querySelector('.timer-skip').click();
                    }
                    return seen;
                })()`) as string[]);
                const tags = await page.evaluate(`[...new Set([...document.querySelector('.timer').querySelectorAll('*')].map(e => e.tagName.toLowerCase()))].sort()`) as string[];
                expect(tags.filter(tag => !['button', 'div', 'h2', 'li', 'ol', 'p', 'progress', 'span', 'ul'].includes(tag)), file.name).toEqual([]);
                const handlers = await page.evaluate(`[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => a.name))`) as string[];
                expect(handlers, file.name).toEqual([]);
                await page.keyboard.press('Escape');
            }
            const all = texts.join('\n');
            for (const workout of file.session.workouts) {
                expect(all, workout.name).toContain(shownAs(workout.name));
            }
            const names = file.session.workouts.flatMap(workout => JSON.stringify(workout.blocks).match(/"name":"((?:\\.|[^"\\])*)"/g) ?? [])
                .map(match => JSON.parse(match.slice('"name":'.length)) as string);
            const notes = file.session.workouts.flatMap(workout => JSON.stringify(workout.blocks).match(/"note":"((?:\\.|[^"\\])*)"/g) ?? [])
                .map(match => JSON.parse(match.slice('"note":'.length)) as string);
            for (const text of [...names, ...notes]) {
                expect(all, `${file.name}: ${text}`).toContain(shownAs(text).slice(0, 500));
            }
            expect(await page.evaluate(`typeof window.${PAYLOAD_FLAG}`), file.name).toBe('undefined');
            expect(loaded.dialogs, file.name).toEqual([]);
            expect(await page.evaluate(`document.querySelectorAll('script').length`), file.name).toBe(1 + workouts);
            await close(loaded);
        }
    }, 240_000);
});

describe('the timer in the preview webview', () => {
    it('opens from Play without asking the editor to reveal a line, and keeps playing through an update', async () => {
        const session = await sessionOf('workout w "Webview" < 3 rounds rest 30s < 10 squats; 20s plank > >');
        const file = path.join(PAGES, 'timer.webview.html');
        writeFileSync(file, renderPreviewHtml(session, {
            nonce: 'dGVzdC1ub25jZS1mb3ItdGhlLXRpbWVy',
            cspSource: 'file:',
            scriptUri: pathToFileURL(path.join(ROOT, ...PREVIEW_SCRIPT)).href,
            styleUri: pathToFileURL(path.join(ROOT, 'media', 'preview.css')).href
        }));
        const loaded = await open(file, { webview: true });
        const { page } = loaded;
        await play(page);
        expect(await wait(page, 10_000)).toMatchObject({ label: 'Squats', context: 'Round 1 of 3' });
        await page.locator('.timer-skip').click();
        expect(await wait(page, 20_000)).toMatchObject({ kind: 'rest', word: 'Rest', label: 'Rest between rounds', clock: '0:30' });
        // The editor sends new content: the page swaps <main>, the timer plays on.
        await page.evaluate(`window.postMessage({ type: 'update', uri: 'file:///w.workout', title: 'Preview', body: '<p class="empty">x</p>', banner: '' }, '*')`);
        expect(await wait(page, 30_000)).toMatchObject({ label: 'Squats', context: 'Round 2 of 3' });
        expect(await page.evaluate('window.__posted')).toEqual([{ type: 'ready' }]);
        await close(loaded);
    }, 120_000);
});
