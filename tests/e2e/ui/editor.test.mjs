// The editor as a coach sees it: VS Code (code-server) in Chromium, the Workout extension
// installed the way `npm start` installs it, driven with the keyboard and read from the screen.
// One story, step by step; screenshots of each step go to test-output/e2e/.
// Run with `npm run test:e2e` (or `node --test tests/e2e/ui/` after `bash .e2e/install.sh`).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installWorkoutExtension, makeSandbox, startCodeServer, workbenchUrl } from '../../../scripts/code-server.mjs';
import { launchBrowser } from '../../../scripts/browser.mjs';
import { assertBuilt, ensureOutputDir, prepareWorkspace } from '../support.mjs';

const outDir = ensureOutputDir();
const ctrl = 'Control';

let sandbox;
let server;
let browser;
let page;

async function screenshot(name) {
    await page.screenshot({ path: path.join(outDir, `ui-${name}.png`) });
}

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();

/** Text of the active editor's visible lines, joined with newlines (Monaco renders nbsp). */
async function editorText() {
    const lines = await editor().locator('.view-lines .view-line').evaluateAll((nodes) =>
        nodes
            .map((node) => ({ top: parseFloat(node.style.top) || 0, text: node.textContent.replace(/\u00a0/g, ' ') }))
            .sort((a, b) => a.top - b.top)
            .map((line) => line.text));
    return lines.join('\n');
}

async function runQuickInput(opener, text) {
    await page.keyboard.press(opener);
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return input;
}

async function openFile(name) {
    const input = await runQuickInput(`${ctrl}+P`, name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await input.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await editor().locator('.view-lines').waitFor();
    await editor().click({ position: { x: 200, y: 10 } }); // focus the text
}

async function goToLineEnd(line) {
    const input = await runQuickInput(`${ctrl}+G`, `:${line}`); // the ':' keeps it "go to line"
    await input.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.keyboard.press('End');
    // The status bar shows where the cursor is: wait until it is on that line.
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col \\d+$`) }).waitFor();
}

async function runCommand(title) {
    const input = await runQuickInput('F1', `>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await input.press('Enter');
}

/** Opens the Problems panel (Ctrl+Shift+M), pressing again if a busy workbench missed the key. */
async function showProblems() {
    const panel = page.locator('.markers-panel');
    for (let attempt = 0; attempt < 3 && !(await panel.isVisible()); attempt++) {
        await page.keyboard.press(`${ctrl}+Shift+M`);
        await panel.waitFor({ timeout: 5_000 }).catch(() => {});
    }
    await panel.waitFor();
}

/** The preview's document: the webview's outer iframe, then VS Code's inner `#active-frame`. */
function preview() {
    return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** A step of the story; when it fails, a screenshot of that moment is kept (ui-failed-….png). */
function step(title, body) {
    it(title, async () => {
        try {
            await body();
        } catch (error) {
            const name = title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
            await page?.screenshot({ path: path.join(outDir, `ui-failed-${name}.png`) }).catch(() => {});
            throw error;
        }
    });
}

describe('Writing a workout in VS Code', { timeout: 6 * 60_000 }, () => {
    before(async () => {
        assertBuilt();
        sandbox = makeSandbox('workout-e2e-ui-');
        prepareWorkspace(sandbox.workspace);
        // The .vsix the runner packaged (as `npm start` installs it), else this checkout as a folder.
        installWorkoutExtension(sandbox, process.env.WORKOUT_E2E_VSIX || undefined);
        server = await startCodeServer({ sandbox });
        browser = await launchBrowser();
        page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        page.setDefaultTimeout(30_000);
        await page.goto(workbenchUrl(server, sandbox.workspace));
        await page.locator('.monaco-workbench').waitFor();
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'runner-strength-a.workout' }).waitFor({ timeout: 60_000 });
    });

    after(async () => {
        await page?.screenshot({ path: path.join(outDir, 'ui-last.png') }).catch(() => {});
        await browser?.close().catch(() => {});
        await server?.stop();
        if (sandbox) fs.rmSync(sandbox.root, { recursive: true, force: true });
    });

    step('underlines a misspelled exercise and lists it in Problems', async () => {
        await openFile('typo-day.workout');
        const squiggle = editor().locator('.squiggly-error');
        await squiggle.first().waitFor({ timeout: 60_000 });
        await showProblems();
        // The list only draws the rows that fit: filter it to this file, as a coach would.
        await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('typo-day');
        const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'burpess' });
        await problem.first().waitFor();
        const text = await problem.first().innerText();
        assert.match(text, /Unknown exercise/);
        assert.match(text, /burpees/, 'the problem suggests the catalog name');
        await screenshot('1-problems');
    });

    step('accepts a completion for an exercise name', async () => {
        await openFile('draft.workout');
        await editor().locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
        await goToLineEnd(4); // "    10 burp"
        await page.keyboard.press(`${ctrl}+Space`);
        const suggest = page.locator('.editor-widget.suggest-widget.visible');
        const row = suggest.locator('.monaco-list-row', { hasText: /^burpees/ });
        await row.first().waitFor();
        await screenshot('2-completion');
        await row.first().click();
        await suggest.waitFor({ state: 'hidden' });
        assert.match(await editorText(), /^\s*10 burpees\s*$/m);
        await editor().locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
    });

    step('opens the preview to the side and shows the session', async () => {
        await runCommand('Workout: Open Preview to the Side');
        const title = preview().locator('h1');
        await title.first().waitFor({ timeout: 60_000 });
        assert.match(await title.first().innerText(), /Draft/);
        const names = await preview().locator('.entry .name').allInnerTexts();
        assert.deepEqual(names, ['Burpees']);
        assert.equal(await page.locator('.editor-group-container').count(), 2, 'editor and preview side by side');
        await screenshot('3-preview');
    });

    step('follows the text as the coach types', async () => {
        await editor().click({ position: { x: 200, y: 10 } });
        await goToLineEnd(4);
        await page.keyboard.press('Enter');
        await page.locator('.statusbar-item', { hasText: /^Ln 5, Col \d+$/ }).waitFor();
        await page.keyboard.type('12 squats');
        await preview().locator('.entry .name', { hasText: 'Squats' }).first().waitFor({ timeout: 30_000 });
        const names = await preview().locator('.entry .name').allInnerTexts();
        assert.deepEqual(names, ['Burpees', 'Squats']);
        assert.deepEqual(await preview().locator('.entry .amount').allInnerTexts(), ['10', '12']);
        await page.keyboard.press('Escape'); // close the suggestions typing opened, for the picture
        await screenshot('4-preview-follows');
    });
});
