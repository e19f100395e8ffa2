/**
 * The session page in a real browser (scripts/browser.mjs: the headless Chromium of the npm
 * package @sparticuz/chromium through playwright-core, or WORKOUT_E2E_CHROMIUM; no browser
 * download, nothing from apt): the examples render with their cards and charts and no console errors, the
 * webview page (src/extension/preview-html.ts with the built dist/webview/preview.js) talks to
 * the editor the way src/webview/preview.ts promises (reveal on click, highlight on cursor,
 * updates that keep the scroll, its place restored after a reload, malformed messages ignored),
 * and the hostile corpus stays inert text.
 * Screenshots of every example in paper, light and dark themes go to
 * test-output/screenshots/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemModel, SessionModel, WorkoutModel } from '../../src/core/session-model.js';
import { PREVIEW_SCRIPT, renderPreviewHtml } from '../../src/extension/preview-html.js';
import { isRestBetweenBlocks, renderSessionBody, renderSessionHtml } from '../../src/render/html.js';
import { compileFolder, EXAMPLES_DIR, HOSTILE_DIR, looksHostile, shownAs, userTextOf, type CompiledFile } from '../render/corpus.js';
import { launchBrowser } from '../../scripts/browser.mjs';

const ROOT = path.resolve(__dirname, '../..');
const MEDIA = path.join(ROOT, 'media');
const PAGES = path.join(ROOT, 'test-output', 'browser-pages');
const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
/**
 * Screenshots are kept for people to look at (test-output/screenshots), not asserted on. The
 * packaged headless Chromium sometimes fails a full-page capture ("Unable to capture
 * screenshot") after every check of the page has passed: try again, then say so and go on.
 */
async function saveScreenshot(page: Page, file: string, fullPage = true): Promise<void> {
    for (let attempt = 1; attempt <= 3; attempt++) {
        try {
            await page.screenshot({ path: file, fullPage });
            return;
        } catch (error) {
            if (attempt === 3) {
                console.warn(`screenshot not saved (${path.basename(file)}): ${(error as Error).message.split('\n')[0]}`);
            }
        }
    }
}

const NONCE = 'dGVzdC1ub25jZS1mb3ItdGhlLXByZXZpZXc';

/** The colours VS Code hands a webview in its default themes (Light Modern, Dark Modern, High Contrast). */
const THEMES = {
    light: {
        bodyClass: 'vscode-light',
        variables: {
            '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b',
            '--vscode-descriptionForeground': '#3b3b3b', '--vscode-widget-border': '#e5e5e5',
            '--vscode-focusBorder': '#005fb8', '--vscode-editorWarning-foreground': '#bf8803',
            '--vscode-charts-red': '#e51400', '--vscode-charts-blue': '#1a85ff', '--vscode-charts-yellow': '#bf8803',
            '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90',
            '--vscode-charts-foreground': '#616161', '--vscode-terminal-ansiCyan': '#0598bc', '--vscode-terminal-ansiBlue': '#0451a5',
            '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif'
        }
    },
    dark: {
        bodyClass: 'vscode-dark',
        variables: {
            '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc',
            '--vscode-descriptionForeground': '#9d9d9d', '--vscode-widget-border': '#313131',
            '--vscode-focusBorder': '#0078d4', '--vscode-editorWarning-foreground': '#cca700',
            '--vscode-charts-red': '#f14c4c', '--vscode-charts-blue': '#3794ff', '--vscode-charts-yellow': '#cca700',
            '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7',
            '--vscode-charts-foreground': '#cccccc', '--vscode-terminal-ansiCyan': '#11a8cd', '--vscode-terminal-ansiBlue': '#2472c8',
            '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif'
        }
    },
    'high-contrast': {
        bodyClass: 'vscode-high-contrast',
        variables: {
            '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff',
            '--vscode-descriptionForeground': '#ffffff', '--vscode-contrastBorder': '#6fc3df',
            '--vscode-contrastActiveBorder': '#f38518', '--vscode-focusBorder': '#f38518',
            '--vscode-editorWarning-foreground': '#b89500',
            '--vscode-charts-red': '#f14c4c', '--vscode-charts-blue': '#3794ff', '--vscode-charts-yellow': '#cca700',
            '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7',
            '--vscode-charts-foreground': '#ffffff', '--vscode-terminal-ansiCyan': '#0fb4d6', '--vscode-terminal-ansiBlue': '#3b8eea'
        }
    }
} as const;
type ThemeName = keyof typeof THEMES;

/** A stand-in for the API VS Code gives a webview: messages and state are recorded on `window`. */
const VSCODE_API_STUB = `
    window.__posted = [];
    window.__state = undefined;
    window.acquireVsCodeApi = () => ({
        postMessage: message => window.__posted.push(message),
        setState: state => { window.__state = state; },
        getState: () => window.__state
    });`;

/** Set by any payload in the hostile corpus that manages to run. */
const PAYLOAD_FLAG = '__pwned';

let browser: Browser;
let examples: CompiledFile[] = [];
let hostile: CompiledFile[] = [];

interface LoadedPage {
    page: Page;
    consoleErrors: string[];
    dialogs: string[];
    requests: string[];
}

/** `savedState`: what the webview's `getState()` returns on load, as after a window reload. */
async function open(file: string, options: { width?: number; height?: number; theme?: ThemeName; webview?: boolean; savedState?: unknown } = {}): Promise<LoadedPage> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 820, height: options.height ?? 1000 } });
    const loaded: LoadedPage = { page, consoleErrors: [], dialogs: [], requests: [] };
    page.on('console', message => {
        if (message.type() === 'error') {
            loaded.consoleErrors.push(message.text());
        }
    });
    page.on('pageerror', error => loaded.consoleErrors.push(String(error)));
    page.on('dialog', dialog => {
        loaded.dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    page.on('request', request => loaded.requests.push(request.url()));
    if (options.webview) {
        await page.addInitScript(VSCODE_API_STUB);
        if (options.savedState !== undefined) {
            await page.addInitScript(`window.__state = ${JSON.stringify(options.savedState)};`);
        }
    }
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    if (options.theme) {
        const theme = THEMES[options.theme];
        await page.evaluate(`(() => {
            const theme = ${JSON.stringify(theme)};
            for (const [name, value] of Object.entries(theme.variables)) {
                document.documentElement.style.setProperty(name, value);
            }
            document.body.classList.add(theme.bodyClass);
        })()`);
    }
    return loaded;
}

function writePage(name: string, html: string): string {
    const file = path.join(PAGES, name);
    writeFileSync(file, html);
    return file;
}

function exportPage(name: string, session: SessionModel, withPolicy = true): string {
    const html = renderSessionHtml(session, { mode: 'export' });
    // Without its Content-Security-Policy the page has only the escaping to protect it.
    return writePage(`${name}.html`, withPolicy ? html : html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
}

function webviewPage(name: string, session: SessionModel, problems = 0): string {
    return writePage(`${name}.webview.html`, renderPreviewHtml(session, {
        nonce: NONCE,
        cspSource: 'file:',
        // The webview script as the extension ships it: the bundle `npm run build` writes.
        scriptUri: pathToFileURL(path.join(ROOT, ...PREVIEW_SCRIPT)).href,
        styleUri: pathToFileURL(path.join(MEDIA, 'preview.css')).href,
        problems
    }));
}

/** The workouts a page shows: the file's own, then each plan's sessions once. */
function workoutsShown(session: SessionModel): WorkoutModel[] {
    const all = [...session.workouts, ...session.plans.flatMap(plan => plan.workouts ?? [])];
    return [...new Map(all.map(workout => [workout.id, workout])).values()];
}

/** The source lines of the entries, in page order. */
function entryLines(items: ItemModel[]): number[] {
    return items.flatMap(item => item.type === 'entry' ? [item.line] : item.type === 'block' ? entryLines(item.entries) : []);
}

/** Cards on the page: every block but a rest written between two blocks. */
function countBlocks(items: ItemModel[]): number {
    return items.reduce((sum, item) => sum + (item.type === 'block' && !isRestBetweenBlocks(item) ? 1 + countBlocks(item.entries) : 0), 0);
}

function countEntries(items: ItemModel[]): number {
    return items.reduce((sum, item) => sum + (item.type === 'entry' ? 1 : item.type === 'block' ? countEntries(item.entries) : 0), 0);
}

const exampleName = (file: CompiledFile) => path.basename(file.name, '.workout');

beforeAll(async () => {
    mkdirSync(PAGES, { recursive: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Fails (never skips) when no browser can be launched; the first run unpacks it (~3 s).
    browser = await launchBrowser();
    examples = await compileFolder(EXAMPLES_DIR);
    hostile = await compileFolder(HOSTILE_DIR);
}, 60_000);

afterAll(async () => {
    await browser?.close();
});

describe('the examples in a browser', () => {
    it('has examples to show', () => {
        expect(examples.length).toBeGreaterThan(0);
        expect(examples.flatMap(file => file.errors)).toEqual([]);
    });

    it('draws every example on paper with its cards, entries and charts, without console errors', async () => {
        for (const example of examples) {
            const name = exampleName(example);
            const { page, consoleErrors, requests } = await open(exportPage(name, example.session));
            const workouts = workoutsShown(example.session);
            const dom = await page.evaluate(`({
                cards: document.querySelectorAll('section.card').length,
                entries: document.querySelectorAll('li.entry').length,
                entriesWithLine: document.querySelectorAll('li.entry[data-line]').length,
                barCharts: document.querySelectorAll('svg.chart.bar-chart').length,
                titles: [...document.querySelectorAll('h1.page-title')].map(h => h.textContent),
                calendars: document.querySelectorAll('table.calendar').length,
                scripts: document.scripts.length
            })`) as Record<string, unknown>;
            expect(dom.cards, name).toBe(workouts.reduce((sum, workout) => sum + countBlocks(workout.blocks), 0));
            expect(dom.entries, name).toBe(workouts.reduce((sum, workout) => sum + countEntries(workout.blocks), 0));
            const ownEntries = example.session.workouts.reduce((sum, workout) => sum + countEntries(workout.blocks), 0);
            expect(dom.entriesWithLine, name).toBe(ownEntries);
            const withMuscles = workouts.filter(workout => Object.keys(workout.muscles).length > 0).length;
            expect(dom.barCharts, name).toBe(workouts.length + withMuscles);
            expect(dom.titles, name).toEqual([...example.session.workouts.map(w => w.name), ...example.session.plans.map(p => p.name), ...workouts.filter(w => !example.session.workouts.some(own => own.id === w.id)).map(w => w.name), ...(example.session.athletes ?? []).map(a => a.name)]);
            expect(dom.calendars, name).toBe(example.session.plans.length);
            expect(dom.scripts, name).toBe(0);
            expect(consoleErrors, name).toEqual([]);
            expect(requests.filter(url => !url.startsWith('file://')), name).toEqual([]);
            await saveScreenshot(page, path.join(SCREENSHOTS, `${name}-paper.png`));
            if (name === examples.map(exampleName).find(n => !n.includes('plan'))) {
                await page.emulateMedia({ media: 'print' });
                await saveScreenshot(page, path.join(SCREENSHOTS, `${name}-print.png`));
            }
            await page.close();
        }
    }, 120_000);

    it.each(['light', 'dark', 'high-contrast'] as const)('draws every example in the %s theme of the editor, without console errors', async theme => {
        for (const example of examples) {
            const name = exampleName(example);
            const { page, consoleErrors, requests } = await open(webviewPage(name, example.session), { width: 720, theme, webview: true });
            const colours = await page.evaluate(`({
                background: getComputedStyle(document.body).backgroundColor,
                text: getComputedStyle(document.querySelector('.page-title')).color,
                posted: window.__posted
            })`) as { background: string; text: string; posted: unknown[] };
            const expected = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 31)', 'high-contrast': 'rgb(0, 0, 0)' }[theme];
            expect(colours.background, name).toBe(expected);
            expect(colours.text, name).not.toBe(colours.background);
            expect(colours.posted, name).toEqual([{ type: 'ready' }]);
            expect(consoleErrors, name).toEqual([]);
            expect(requests.every(url => url.startsWith('file://')), name).toBe(true);
            await saveScreenshot(page, path.join(SCREENSHOTS, `${name}-${theme}.png`));
            await page.close();
        }
    }, 120_000);

    it('fits a narrow preview beside the editor without sideways scrolling', async () => {
        const example = examples.find(file => file.session.workouts.length > 0)!;
        const name = exampleName(example);
        const { page } = await open(webviewPage(`${name}-narrow`, example.session), { width: 380, theme: 'dark', webview: true });
        const widths = await page.evaluate('({ page: document.documentElement.scrollWidth, view: window.innerWidth })') as { page: number; view: number };
        expect(widths.page).toBeLessThanOrEqual(widths.view);
        await saveScreenshot(page, path.join(SCREENSHOTS, `${name}-narrow-dark.png`));
        await page.close();
    }, 60_000);
});

describe('the webview page and the editor', () => {
    const strength = () => examples.find(file => file.session.workouts.some(w => countEntries(w.blocks) > 5))!;

    it('asks the editor to reveal the line of an entry that is clicked', async () => {
        const example = strength();
        const { page } = await open(webviewPage('reveal', example.session), { webview: true });
        const entry = page.locator('li.entry').nth(2);
        const line = Number(await entry.getAttribute('data-line'));
        await entry.click();
        const posted = await page.evaluate('window.__posted') as unknown[];
        expect(posted).toContainEqual({ type: 'reveal', line });
        await page.close();
    }, 60_000);

    it('highlights the entry on the cursor\'s line and scrolls it into view', async () => {
        const example = strength();
        const { page } = await open(webviewPage('highlight', example.session), { width: 720, webview: true });
        await page.setViewportSize({ width: 720, height: 400 });
        const last = page.locator('li.entry').last();
        const line = Number(await last.getAttribute('data-line'));
        await page.evaluate(`window.postMessage({ type: 'highlight', line: ${line} }, '*')`);
        await expect.poll(() => page.evaluate(`[...document.querySelectorAll('.highlighted')].map(e => e.dataset.line)`)).toEqual([String(line)]);
        const box = await last.boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y).toBeLessThan(400);
        await page.close();
    }, 60_000);

    it('swaps in an update in place, keeps the scroll position and shows the problems banner', async () => {
        const example = strength();
        const { page, consoleErrors } = await open(webviewPage('update', example.session), { width: 720, webview: true });
        await page.setViewportSize({ width: 720, height: 500 });
        const uri = 'file:///workspace/strength.workout';
        const update = (banner: string) => `window.postMessage(${JSON.stringify({ type: 'update', uri, title: 'Preview', body: renderSessionBody(example.session), banner })}, '*')`;
        await page.evaluate(update(''));
        await page.evaluate('window.scrollTo(0, 600)');
        await page.waitForTimeout(150);
        const banner = '<p class="banner" role="status"><span class="banner-icon" aria-hidden="true">⚠</span>2 problems — showing the last good version</p>';
        await page.evaluate(update(banner));
        const after = await page.evaluate(`({ y: window.scrollY, banner: document.getElementById('banner').textContent, cards: document.querySelectorAll('section.card').length, state: window.__state })`) as { y: number; banner: string; cards: number; state: { uri: string; scrollY: number } };
        expect(after.y).toBe(600);
        expect(after.banner).toContain('2 problems — showing the last good version');
        expect(after.cards).toBe(workoutsShown(example.session).reduce((sum, w) => sum + countBlocks(w.blocks), 0));
        expect(after.state.uri).toBe(uri);
        expect(consoleErrors).toEqual([]);
        await saveScreenshot(page, path.join(SCREENSHOTS, 'problems-banner-light.png'), false);
        await page.close();
    }, 60_000);

    it('comes back after a reload where the coach was: the saved scroll position and highlighted line', async () => {
        const example = strength();
        const uri = 'file:///workspace/strength.workout';
        const line = entryLines(example.session.workouts.flatMap(workout => workout.blocks)).at(-1)!;
        const { page, consoleErrors } = await open(webviewPage('restore', example.session), {
            width: 720, height: 400, webview: true, savedState: { uri, scrollY: 300, line }
        });
        const restored = await page.evaluate(`({ y: window.scrollY, highlighted: [...document.querySelectorAll('.highlighted')].map(e => e.dataset.line), posted: window.__posted })`) as { y: number; highlighted: string[]; posted: unknown[] };
        expect(restored.y).toBe(300);
        expect(restored.highlighted).toEqual([String(line)]);
        expect(restored.posted).toEqual([{ type: 'ready' }]);
        // The first update for the same document keeps the saved position.
        await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', uri, title: 'Preview', body: renderSessionBody(example.session), banner: '' })}, '*')`);
        expect(await page.evaluate('window.scrollY')).toBe(300);
        expect(consoleErrors).toEqual([]);
        await page.close();
    }, 60_000);

    it('ignores a saved state and messages that are not of the protocol', async () => {
        const example = strength();
        const { page, consoleErrors } = await open(webviewPage('malformed', example.session), {
            width: 720, height: 400, webview: true, savedState: { uri: 7, scrollY: -50, line: 'x' }
        });
        const before = await page.evaluate(`document.getElementById('session').innerHTML`) as string;
        const entry = await page.locator('li.entry').first().getAttribute('data-line');
        for (const message of [
            { type: 'update', uri: 'file:///x.workout', title: 'x', body: 7, banner: '' },
            { type: 'update', uri: 'file:///x.workout', body: '<p>no title</p>', banner: '' },
            { type: 'highlight', line: -1 }, { type: 'highlight', line: `${entry}` }, { type: 'highlight', line: 1.5 },
            { type: 'reveal', line: 3 }, 'update', null
        ]) {
            await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
        }
        await page.waitForTimeout(50);
        const after = await page.evaluate(`({ html: document.getElementById('session').innerHTML, highlighted: document.querySelectorAll('.highlighted').length, y: window.scrollY, posted: window.__posted })`) as { html: string; highlighted: number; y: number; posted: unknown[] };
        expect(after.html).toBe(before);
        expect(after.highlighted).toBe(0);
        expect(after.y).toBe(0);
        expect(after.posted).toEqual([{ type: 'ready' }]);
        expect(consoleErrors).toEqual([]);
        await page.close();
    }, 60_000);
});

describe('the hostile corpus in a browser', () => {
    async function expectInert(loaded: LoadedPage, file: CompiledFile, ownScripts: number): Promise<void> {
        const { page, dialogs, requests } = loaded;
        // Pointer and focus events too: a payload's onmouseover/onfocus would fire now.
        for (const element of (await page.locator('li.entry, h1, h2, .note, .chip').all()).slice(0, 40)) {
            await element.hover({ timeout: 2000 }).catch(() => undefined);
        }
        await page.keyboard.press('Tab');
        await page.waitForTimeout(100);
        const dom = await page.evaluate(`({
            flag: typeof window.${PAYLOAD_FLAG},
            scripts: document.querySelectorAll('script:not([type="application/json"].workout-timeline)').length,
            handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => e.tagName + ' ' + a.name)),
            // The page's own controls are the timer's Play buttons, which hold no user text.
            foreign: [...document.querySelectorAll('iframe, object, embed, img, a, base, form, input, button:not(.timer-play[data-timer-play=""]), details, template, noscript, math, xmp, body style, main link, main meta, foreignObject, image')].map(e => e.tagName),
            playText: [...document.querySelectorAll('.timer-play')].map(e => e.textContent),
            text: document.body.textContent,
            title: document.title
        })`) as { flag: string; scripts: number; handlers: string[]; foreign: string[]; playText: string[]; text: string; title: string };
        expect(dom.flag, file.name).toBe('undefined');
        expect(dialogs, file.name).toEqual([]);
        expect(dom.scripts, file.name).toBe(ownScripts);
        expect(dom.handlers, file.name).toEqual([]);
        expect(dom.foreign, file.name).toEqual([]);
        expect(dom.playText.every(text => text === '▶ Play'), file.name).toBe(true);
        expect(requests.filter(url => !url.startsWith('file://')), file.name).toEqual([]);
        // Every hostile note and title is on the page, as the characters the coach typed.
        const texts = userTextOf(file.session).filter(looksHostile);
        const page_text = dom.text + dom.title;
        const notes = file.session.workouts.flatMap(workout => JSON.stringify(workout.blocks).match(/"note":"((?:\\.|[^"\\])*)"/g) ?? [])
            .map(match => JSON.parse(match.slice('"note":'.length)) as string);
        for (const note of notes) {
            expect(page_text, `${file.name}: ${note}`).toContain(shownAs(note));
        }
        for (const workout of file.session.workouts) {
            expect(page_text, workout.name).toContain(shownAs(workout.name));
        }
        expect(texts.length, file.name).toBeGreaterThan(0);
    }

    it('has a hostile corpus that checks clean', () => {
        expect(hostile.length).toBeGreaterThanOrEqual(3);
        expect(hostile.flatMap(file => file.errors)).toEqual([]);
    });

    it('keeps every payload inert in the exported page, even with its Content-Security-Policy removed', async () => {
        for (const file of hostile) {
            const name = `hostile-${path.basename(file.name, '.workout')}`;
            const loaded = await open(exportPage(`${name}-no-csp`, file.session, false));
            await expectInert(loaded, file, 0);
            expect(loaded.consoleErrors, file.name).toEqual([]);
            await saveScreenshot(loaded.page, path.join(SCREENSHOTS, `${name}-paper.png`));
            await loaded.page.close();
        }
    }, 120_000);

    it('keeps every payload inert in the webview page, and in an update posted to it', async () => {
        for (const file of hostile) {
            const name = `hostile-${path.basename(file.name, '.workout')}`;
            const loaded = await open(webviewPage(name, file.session), { theme: 'dark', webview: true });
            await expectInert(loaded, file, 1);
            const body = renderSessionBody(file.session);
            await loaded.page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', uri: 'file:///x.workout', title: 'x', body, banner: '' })}, '*')`);
            await expectInert(loaded, file, 1);
            expect(loaded.consoleErrors, file.name).toEqual([]);
            await loaded.page.close();
        }
    }, 120_000);
});
