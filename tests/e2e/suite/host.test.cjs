// The test host itself: a real VS Code with the test workspace open and this extension loaded.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, workspaceUri, openEditor, waitFor, closeAllEditors } = require('./helpers.cjs');

describe('VS Code test host', () => {
    after(closeAllEditors);

    it('opens the workspace with the examples in it', async () => {
        const files = await vscode.workspace.findFiles('**/*.workout');
        const names = files.map((uri) => uri.path.split('/').pop());
        assert.ok(names.includes('runner-strength-a.workout'), `examples should be in the workspace, found: ${names.join(', ')}`);
        assert.ok(names.includes('typo-day.workout'), 'the e2e fixtures should be in the workspace');
        assert.ok(workspaceUri('runner-strength-a.workout'));
    });

    it('activates the Workout extension when a .workout file opens', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `extension ${EXTENSION_ID} should be installed`);
        await openEditor('runner-strength-a.workout');
        await waitFor('the extension to activate', () => extension.isActive);
        const commands = await vscode.commands.getCommands(true);
        for (const command of ['workout.openPreviewToSide', 'workout.openPreview', 'workout.exportHtml', 'workout.exportFit']) {
            assert.ok(commands.includes(command), `command ${command} should be registered`);
        }
    });
});
