/**
 * The language server checks the files open in the editor before the rest of the workspace
 * (src/language/workout-startup.ts): their first diagnostics must already be those of the whole
 * workspace, names defined in other files included, and the scan that picks the files to check
 * first must find every way a name is defined.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
    ConfigurationRequest, createProtocolConnection, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    RegistrationRequest, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { keysDefinedIn } from '../../src/language/workout-startup.js';

const SERVER = path.resolve(__dirname, '../../dist/server.cjs');

describe('the scan for names a file may define', () => {
    it('finds definitions wherever a parse would, and more', () => {
        const text = [
            'exercise coach-move "Coach move" < muscles: quads >',
            'workout /* the first */ strength-a < 3 x 10 squats >; workout "Strength B" < 10 lunges >',
            'exercise',
            '  hanging-hold < kind: hold >',
            '// workout in-a-comment < >',
            'exercise rest < muscles: core >'
        ].join('\n');
        expect([...keysDefinedIn(text)].sort()).toEqual(['coach-move', 'hanging-hold', 'in-a-comment', 'rest', 'strength-a', 'strength-b']);
    });
});

describe('the first diagnostics of the files open at start-up', () => {
    let server: ChildProcessWithoutNullStreams | undefined;
    let folder: string | undefined;

    afterAll(() => {
        if (server && server.exitCode === null) {
            server.kill();
        }
        if (folder) {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('are those of the whole workspace', async () => {
        expect(existsSync(SERVER), 'dist/server.cjs: run `npm run build` first').toBe(true);
        folder = mkdtempSync(path.join(tmpdir(), 'workout-startup-'));
        const files: Record<string, string> = {
            'exercises.workout': 'exercise coach-move < muscles: quads >\n',
            'sessions/a.workout': 'workout w-a <\n  3 x 10 coach-move\n>\n',
            // The plan's week counts one strength session only if coach-move (two files away) is known.
            'plan.workout': 'import "sessions/a.workout"\n\nplan p <\n  level beginner\n  week 1 <\n    monday: 30min easy-run; w-a\n  >\n>\n',
            'dup.workout': 'workout w-dup < 10 squats >\n',
            'other.workout': 'workout /* again */ w-dup < 10 lunges >\n',
            // Checked last of all (an error, so its diagnostics are sent): the workspace is done.
            'zz-last.workout': 'workout w-last < 10 not-an-exercise >\n'
        };
        for (let i = 0; i < 60; i++) {
            files[`filler/f-${String(i).padStart(2, '0')}.workout`] = `workout filler-${i} <\n  3 x 10 squats\n  30s plank\n>\n`;
        }
        for (const [file, text] of Object.entries(files)) {
            mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
            writeFileSync(path.join(folder, file), text);
        }
        const uriOf = (file: string) => pathToFileURL(path.join(folder!, file)).toString();

        server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
        const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        const published: PublishDiagnosticsParams[] = [];
        let wake = () => undefined as void;
        connection.onNotification(PublishDiagnosticsNotification.type, params => { published.push(params); wake(); });
        connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
        connection.onRequest(RegistrationRequest.type, () => undefined);
        connection.onNotification('window/logMessage', () => undefined);
        connection.listen();
        const until = async (what: string, test: () => boolean) => {
            const deadline = Date.now() + 20_000;
            while (!test()) {
                if (Date.now() > deadline) {
                    throw new Error(`No ${what}; received: ${JSON.stringify(published.map(p => [p.uri, p.diagnostics.map(d => d.message)]))}`);
                }
                await new Promise<void>(resolve => { wake = resolve; setTimeout(resolve, 200); });
            }
        };

        await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: pathToFileURL(folder).toString(), capabilities: { workspace: { configuration: true } },
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'workspace' }]
        });
        await connection.sendNotification(InitializedNotification.type, {});
        for (const file of ['plan.workout', 'dup.workout']) {
            await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(file), languageId: 'workout', version: 1, text: files[file] } });
        }
        const first = (file: string) => published.find(params => params.uri === uriOf(file));
        const latest = (file: string) => published.filter(params => params.uri === uriOf(file)).at(-1);
        await until('first diagnostics of the open files', () => first('plan.workout') !== undefined && first('dup.workout') !== undefined);
        await until('diagnostics of the last file', () => latest('zz-last.workout') !== undefined);

        expect(first('plan.workout')!.diagnostics).toEqual([]);
        expect(first('dup.workout')!.diagnostics.map(d => d.message)).toEqual([expect.stringContaining('also defined in other.workout')]);
        expect(latest('plan.workout')).toEqual(first('plan.workout'));
        expect(latest('dup.workout')).toEqual(first('dup.workout'));
        connection.dispose();
    }, 60_000);
});
