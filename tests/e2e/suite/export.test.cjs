// "Workout: Export for Garmin (FIT)" in a real editor: the command, given a file and a folder
// (as a script or a keybinding can give them; from the menu it asks for the folder), writes one
// FIT workout per workout of the file, each a valid FIT file (header, ".FIT" signature, data).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { workspaceUri, openEditor, waitFor, closeAllEditors } = require('./helpers.cjs');

describe('Export for Garmin (FIT)', () => {
    let folder;
    before(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-fit-e2e-')); });
    after(async () => {
        await closeAllEditors();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it('writes a FIT workout for each workout of the track session into the folder given', async () => {
        await openEditor('track-session.workout');
        await waitFor('the extension to be active', () => vscode.extensions.getExtension('workout-lang.workout-language')?.isActive);
        await vscode.commands.executeCommand('workout.exportFit', workspaceUri('track-session.workout'), vscode.Uri.file(folder));
        const written = await waitFor('the FIT files', () => {
            const names = fs.readdirSync(folder).filter((name) => name.endsWith('.fit'));
            return names.length >= 5 ? names : undefined;
        });
        assert.ok(written.includes('track-800s.fit'), `track-800s.fit should be written, found ${written.join(', ')}`);
        for (const name of written) {
            const bytes = fs.readFileSync(path.join(folder, name));
            assert.ok(bytes.length > 14 + 2, `${name} has data`);
            assert.equal(bytes.toString('latin1', 8, 12), '.FIT', `${name} has the FIT signature`);
            assert.equal(bytes.readUInt32LE(4) + bytes[0] + 2, bytes.length, `${name}: header + data size + CRC is the file's length`);
        }
    });
});
