// What a coach gets from the editor while writing a .workout file, asked through the same
// VS Code API commands the editor's UI uses, answered by the bundled language server.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { workspaceUri, openEditor, waitFor, codeOf, positionOf, labelOf, hoverText, closeAllEditors } = require('./helpers.cjs');

function unknownExerciseDiagnostics(uri) {
    return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'unknown-exercise');
}

describe('Workout language features', () => {
    afterEach(async () => {
        // Leave every file as it is on disk for the next test.
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await closeAllEditors();
    });

    it('reports a misspelled exercise as an error with its code and a suggestion', async () => {
        const { document } = await openEditor('typo-day.workout');
        const [diagnostic] = await waitFor('the unknown-exercise diagnostic', () => {
            const found = unknownExerciseDiagnostics(document.uri);
            return found.length ? found : undefined;
        });
        assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(document.getText(diagnostic.range), 'burpess');
        assert.equal(diagnostic.range.start.line, 3, 'on the line of the typo');
        assert.match(diagnostic.message, /burpess/);
        assert.match(diagnostic.message, /burpees/, 'the message suggests the catalog name');
    });

    it('reports nothing for a correct example', async () => {
        const { document } = await openEditor('runner-strength-a.workout');
        // Wait until the server has validated the file (it publishes even an empty list), then
        // give it a moment to publish anything late.
        await waitFor('the extension to be active', () => vscode.extensions.getExtension('workout-lang.workout-language')?.isActive);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const problems = vscode.languages.getDiagnostics(document.uri)
            .filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(problems.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
    });

    it('resolves a plan\'s workouts across the files of the workspace', async () => {
        // runner-strength-plan.workout names workouts defined in the other example files.
        const { document } = await openEditor('runner-strength-plan.workout');
        await waitFor('the extension to be active', () => vscode.extensions.getExtension('workout-lang.workout-language')?.isActive);
        await new Promise((resolve) => setTimeout(resolve, 3000));
        const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
    });

    it('completes an exercise name from the catalog', async () => {
        const { document } = await openEditor('draft.workout');
        const position = positionOf(document, '10 burp', '10 burp'.length);
        const list = await waitFor('completion items', async () => {
            const result = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
            return result.items.length ? result : undefined;
        });
        const labels = list.items.map(labelOf);
        assert.ok(labels.includes('burpees'), `completion should offer burpees, offered: ${labels.slice(0, 20).join(', ')}`);
    });

    it('shows the exercise card on hover', async () => {
        const { document } = await openEditor('runner-strength-a.workout');
        const position = positionOf(document, '2 x 15 squats', '2 x 15 sq'.length);
        const text = await waitFor('a hover', async () => {
            const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
            return hoverText(hovers) || undefined;
        });
        assert.match(text, /`squats`/, `the card names the catalog id:\n${text}`);
        assert.match(text, /Muscles:.*quadriceps/i, `the card lists the muscles worked:\n${text}`);
        assert.match(text, /Equipment:/, `the card lists the equipment:\n${text}`);
    });

    it('fixes the misspelled exercise with the quick fix', async () => {
        const { document } = await openEditor('typo-day.workout');
        const [diagnostic] = await waitFor('the unknown-exercise diagnostic', () => {
            const found = unknownExerciseDiagnostics(document.uri);
            return found.length ? found : undefined;
        });
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        const titles = actions.map((action) => action.title);
        const fix = actions.find((action) => /burpees/.test(action.title));
        assert.ok(fix, `a quick fix should offer burpees, offered: ${titles.join(' | ')}`);
        assert.ok(fix.isPreferred, 'the closest name is the preferred fix');
        assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
        assert.match(document.lineAt(3).text, /^\s*10 burpees$/);
        await waitFor('the error to go away', () => unknownExerciseDiagnostics(document.uri).length === 0);
    });

    it('formats a messy file into the canonical layout', async () => {
        const { document } = await openEditor('messy.workout');
        const expected = fs.readFileSync(workspaceUri('messy.formatted.txt').fsPath, 'utf8');
        const edits = await waitFor('formatting edits', async () => {
            const result = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
            return result?.length ? result : undefined;
        });
        const edit = new vscode.WorkspaceEdit();
        edit.set(document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.equal(document.getText(), expected);
    });

    it('lists workouts and their blocks as document symbols', async () => {
        const { document } = await openEditor('runner-strength-a.workout');
        const symbols = await waitFor('document symbols', async () => {
            const result = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
            return result?.length ? result : undefined;
        });
        assert.deepEqual(symbols.map((s) => s.name), ['strength-a']);
        const [workout] = symbols;
        assert.equal(workout.kind, vscode.SymbolKind.Function);
        const blocks = workout.children.map((s) => s.name);
        assert.equal(blocks.length, 4, `warmup and three sections, got: ${blocks.join(' | ')}`);
        for (const section of ['Legs', 'Power', 'Core']) {
            assert.ok(blocks.some((name) => name.includes(section)), `a block symbol for ${section}, got: ${blocks.join(' | ')}`);
        }
        const legs = workout.children.find((s) => s.name.includes('Legs'));
        assert.ok(legs.children.some((s) => /superset/i.test(s.name)), 'the superset inside Legs is nested under it');
    });

    it('opens the preview to the side as a webview panel', async () => {
        await openEditor('runner-strength-a.workout');
        await vscode.commands.executeCommand('workout.openPreviewToSide');
        const tab = await waitFor('a preview tab', () => vscode.window.tabGroups.all
            .flatMap((group) => group.tabs)
            .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('workout.preview')));
        assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the preview opens beside the editor');
        assert.match(tab.label, /Runner strength A|runner-strength-a/i, `the tab names the file or the workout, got "${tab.label}"`);
    });
});
