/**
 * A preview revived after a window reload opens the document in its saved state only when it
 * is a `.workout` file of the workspace (src/extension/preview-restore.ts); anything else is
 * not opened, and the panel falls back to the active editor. URIs are parsed as VS Code does
 * (vscode-uri, strict).
 */
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { restorableUri, type RestoreWorkspace } from '../../src/extension/preview-restore.js';

function workspace(...folders: string[]): RestoreWorkspace<URI> {
    const roots = folders.map(folder => URI.parse(folder));
    return {
        parse: text => URI.parse(text, true),
        folderOf: uri => roots.find(root => root.scheme === uri.scheme && root.authority === uri.authority
            && (uri.path === root.path || uri.path.startsWith(root.path + '/'))),
        schemes: new Set(roots.map(root => root.scheme))
    };
}

const local = workspace('file:///home/coach/programs');
const restored = (state: unknown, where = local) => restorableUri(state, where)?.toString();

describe('the document a revived preview opens', () => {
    it('is the saved .workout file when it lies in a workspace folder', () => {
        const same = (uri: string) => URI.parse(uri).toString();
        expect(restored({ uri: 'file:///home/coach/programs/legs.workout', scrollY: 10, line: 3 }))
            .toBe(same('file:///home/coach/programs/legs.workout'));
        expect(restored({ uri: 'file:///home/coach/programs/block%201/week%202.workout' }))
            .toBe(same('file:///home/coach/programs/block%201/week%202.workout'));
        const remote = workspace('vscode-remote://ssh-remote+gym/srv/plans');
        expect(restored({ uri: 'vscode-remote://ssh-remote+gym/srv/plans/base.workout' }, remote))
            .toBe(same('vscode-remote://ssh-remote+gym/srv/plans/base.workout'));
    });

    it('is nothing when the state has no URI or is not an object', () => {
        for (const state of [undefined, null, 'file:///home/coach/programs/legs.workout', 42, [], {}, { uri: 42 }, { uri: '' }]) {
            expect(restored(state), JSON.stringify(state)).toBeUndefined();
        }
    });

    it('is nothing when the URI does not parse', () => {
        for (const uri of ['not a uri', '://nothing', 'file://', '1http://x/a.workout']) {
            expect(restored({ uri }), uri).toBeUndefined();
        }
    });

    it('is nothing when the file is not a .workout document', () => {
        for (const uri of [
            'file:///home/coach/programs/.ssh/id_rsa', 'file:///home/coach/programs/notes.md',
            'file:///home/coach/programs/legs.workout.exe', 'file:///home/coach/programs/legs.workout/',
            'file:///home/coach/programs/legs.html?x=.workout', 'file:///home/coach/programs/legs.html#.workout'
        ]) {
            expect(restored({ uri }), uri).toBeUndefined();
        }
    });

    it('is nothing outside the workspace folders, or in a scheme the workspace does not use', () => {
        for (const uri of [
            'file:///etc/passwd.workout', 'file:///home/coach/programs-old/legs.workout',
            'file:///home/coach/other/legs.workout', 'untitled:Untitled-1.workout',
            'https://example.com/home/coach/programs/legs.workout', 'command:workbench.action.terminal.new?a.workout',
            'vscode-remote://ssh-remote+elsewhere/home/coach/programs/legs.workout', 'file://server/home/coach/programs/legs.workout'
        ]) {
            expect(restored({ uri }), uri).toBeUndefined();
        }
    });

    it('is nothing when no folder is open', () => {
        expect(restored({ uri: 'file:///home/coach/programs/legs.workout' }, workspace())).toBeUndefined();
    });
});
