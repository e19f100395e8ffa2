// Small helpers for the extension-host tests: open files of the test workspace and wait for the
// language server, which answers asynchronously.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'workout-lang.workout-language';

function workspaceUri(...segments) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need a workspace folder (the runner opens a copy of examples/ and tests/e2e/workspace/)');
    return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function openEditor(name) {
    const document = await vscode.workspace.openTextDocument(workspaceUri(name));
    const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    assert.equal(document.languageId, 'workout', `${name} should open as a workout file`);
    return editor;
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
async function waitFor(what, probe, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        try {
            last = await probe();
            if (last) return last;
        } catch (error) {
            last = error;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.fail(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

function codeOf(diagnostic) {
    const code = diagnostic.code;
    return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

/** Position of the `occurrence`-th match of `needle` in the document, plus `offsetInNeedle`. */
function positionOf(document, needle, offsetInNeedle = 0) {
    const index = document.getText().indexOf(needle);
    assert.ok(index >= 0, `"${needle}" should be in ${document.uri.path}`);
    return document.positionAt(index + offsetInNeedle);
}

function labelOf(item) {
    return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers) {
    return hovers
        .flatMap((hover) => hover.contents)
        .map((content) => (typeof content === 'string' ? content : content.value))
        .join('\n');
}

async function closeAllEditors() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = { EXTENSION_ID, workspaceUri, openEditor, waitFor, codeOf, positionOf, labelOf, hoverText, closeAllEditors };
