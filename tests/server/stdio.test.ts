/**
 * The bundled language server, started the way VS Code starts it: `node dist/server.cjs
 * --stdio`, the LSP handshake with a client's capabilities, files opened and edited, settings
 * sent, and a clean shutdown. What a coach would see: the squiggle under a misspelt name on
 * the right line, the preview's session after a clean file, and a setting that takes effect.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CompletionRequest, ConfigurationRequest, createProtocolConnection, DocumentFormattingRequest, DocumentSymbolRequest, HoverRequest, SemanticTokensRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
    DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, ExitNotification, FileChangeType, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
    type ClientCapabilities, type Diagnostic, type InitializeResult, type MarkupContent, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import type { SessionUpdate } from '../../src/protocol/session.js';
import { SessionNotification, SessionRequest } from '../../src/protocol/session.js';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/server.cjs');

/** The newest modification time under a folder, to tell a stale bundle from a fresh one. */
function newestChange(folder: string): number {
    return Math.max(0, ...readdirSync(folder, { withFileTypes: true }).map(entry => {
        const full = path.join(folder, entry.name);
        return entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs;
    }));
}

/** Builds dist/server.cjs when it is missing or older than the sources, as `npm test` would have. */
function ensureBundle(): void {
    if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= newestChange(path.join(ROOT, 'src'))) {
        return;
    }
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (build.status !== 0 || !existsSync(SERVER)) {
        throw new Error(`dist/server.cjs is missing and building it failed: run \`npm run build\` (or \`npx node esbuild.mjs\`) first.\n${build.stderr ?? ''}${build.error?.message ?? ''}`);
    }
}

/** What VS Code 1.101 announces that matters to this server (trimmed to the features the server offers). */
const CLIENT_CAPABILITIES: ClientCapabilities = {
    workspace: {
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        configuration: true,
        workspaceFolders: true,
        semanticTokens: { refreshSupport: true },
        inlayHint: { refreshSupport: true }
    },
    textDocument: {
        synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        completion: { dynamicRegistration: true, contextSupport: true, completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
        codeAction: { dynamicRegistration: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
        formatting: { dynamicRegistration: true },
        onTypeFormatting: { dynamicRegistration: true },
        documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
        foldingRange: { dynamicRegistration: true },
        semanticTokens: { dynamicRegistration: true, requests: { range: true, full: { delta: true } }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        inlayHint: { dynamicRegistration: true },
        rename: { dynamicRegistration: true, prepareSupport: true }
    },
    window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
    general: { positionEncodings: ['utf-16'] }
};

const CROSS_TRAINING = [
    'workout cross-training "Cross-training AMRAP" <',
    '  warmup < 5min dynamic-stretching >',
    '  amrap 20min <',
    '    30 mountain-climbers',
    '    10 burpees',
    '    10 single-leg-deadlift left',
    '    10 single-leg-deadlift right',
    '  >',
    '  cooldown < 5min foam-rolling >',
    '>',
    ''
].join('\n');

/** Hostile files a coach might open or have in the workspace: 200 nested blocks, closed and not. */
const NESTED_200 = `workout deep <\n${'amrap 1min <\n'.repeat(200)}10 burpees\n${'>\n'.repeat(200)}>\n`;
const UNCLOSED_200 = 'amrap <\n'.repeat(200);

const MISSPELT = 'workout quick "Quick" <\n  3 rounds <\n    15 squats\n    10 burpess\n  >\n>\n';
const ONE_SIDED = 'workout balance <\n  10 single-leg-deadlift\n>\n';

class Client {
    readonly diagnostics: PublishDiagnosticsParams[] = [];
    readonly sessions: SessionUpdate[] = [];
    readonly configurationRequests: string[] = [];
    readonly loggedErrors: string[] = [];
    private readonly waiters: Array<() => void> = [];
    settings: Record<string, unknown> = { loadUnit: 'kg', inlayHints: { enabled: true }, checks: {} };

    constructor(readonly connection: ProtocolConnection) {
        connection.onNotification(PublishDiagnosticsNotification.type, params => this.record(() => this.diagnostics.push(params)));
        connection.onNotification(SessionNotification, (update: SessionUpdate) => this.record(() => this.sessions.push(update)));
        // As VS Code answers: the `workout` section of the user's settings.
        connection.onRequest(ConfigurationRequest.type, params => {
            this.record(() => this.configurationRequests.push(...params.items.map(item => item.section ?? '')));
            return params.items.map(item => (item.section === 'workout' ? this.settings : null));
        });
        connection.onRequest(RegistrationRequest.type, () => undefined);
        connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        // What the server logs (Langium sends its console there): errors are kept for the tests.
        connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) {
                this.record(() => this.loggedErrors.push(params.message));
            }
        });
        connection.onNotification('$/progress', () => undefined);
    }

    private record(push: () => void): void {
        push();
        this.waiters.splice(0).forEach(wake => wake());
    }

    /** Waits until `find` returns something from what the server has sent, or fails with what did arrive. */
    async waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 15_000): Promise<T> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const found = find();
            if (found !== undefined) {
                return found;
            }
            const left = deadline - Date.now();
            if (left <= 0) {
                throw new Error(`No ${what} within ${timeoutMs} ms. Diagnostics received: ${JSON.stringify(this.diagnostics.map(d => [d.uri, d.diagnostics.map(x => x.message)]))}; sessions: ${JSON.stringify(this.sessions.map(s => s.uri))}`);
            }
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, left);
                this.waiters.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    /** The diagnostics last published for `uri`, if they pass `accept`. */
    latestDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Diagnostic[] | undefined {
        const latest = this.diagnostics.filter(params => params.uri === uri).at(-1)?.diagnostics;
        return latest && accept(latest) ? latest : undefined;
    }
}

describe('the bundled language server over stdio', () => {
    let server: ChildProcessWithoutNullStreams;
    let client: Client;
    let workspace: string;
    let stderr = '';
    let initializeResult: InitializeResult;
    let exitCode: Promise<number | null>;
    const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

    function open(name: string, text: string, version = 1): void {
        void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: uriOf(name), languageId: 'workout', version, text }
        });
    }

    beforeAll(async () => {
        ensureBundle();
        workspace = mkdtempSync(path.join(tmpdir(), 'workout-lsp-'));
        mkdirSync(path.join(workspace, 'sessions'));
        writeFileSync(path.join(workspace, 'sessions/cross-training.workout'), CROSS_TRAINING);
        writeFileSync(path.join(workspace, 'quick.workout'), MISSPELT);
        writeFileSync(path.join(workspace, 'balance.workout'), ONE_SIDED);
        // Indexed at start-up: they used to overflow the parser's stack and end the server.
        writeFileSync(path.join(workspace, 'nested.workout'), NESTED_200);
        writeFileSync(path.join(workspace, 'unclosed.workout'), UNCLOSED_200);

        server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: workspace, stdio: 'pipe' });
        server.stderr.on('data', chunk => { stderr += String(chunk); });
        exitCode = new Promise(resolve => server.on('exit', code => resolve(code)));
        const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        client = new Client(connection);
        connection.listen();

        initializeResult = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            clientInfo: { name: 'Visual Studio Code', version: '1.101.0' },
            locale: 'en',
            rootUri: pathToFileURL(workspace).toString(),
            workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: path.basename(workspace) }],
            capabilities: CLIENT_CAPABILITIES,
            initializationOptions: {}
        });
        await connection.sendNotification(InitializedNotification.type, {});
        // vscode-languageclient's `synchronize.configurationSection: 'workout'` sends the section once started.
        await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { workout: client.settings } });
    }, 60_000);

    afterAll(async () => {
        if (server && server.exitCode === null) {
            server.kill();
        }
        if (workspace) {
            rmSync(workspace, { recursive: true, force: true });
        }
    });

    it('announces the editor features over stdio', () => {
        const capabilities = initializeResult.capabilities;
        expect(capabilities.completionProvider).toBeDefined();
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.codeActionProvider).toBeTruthy();
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.documentOnTypeFormattingProvider?.firstTriggerCharacter).toBe('>');
        expect(capabilities.documentSymbolProvider).toBeTruthy();
        expect(capabilities.definitionProvider).toBeTruthy();
        expect(capabilities.referencesProvider).toBeTruthy();
        expect(capabilities.renameProvider).toBeTruthy();
        expect(capabilities.semanticTokensProvider).toBeDefined();
        expect(capabilities.inlayHintProvider).toBeTruthy();
        expect(capabilities.foldingRangeProvider).toBeTruthy();
    });

    it('asks the client for the `workout` settings, as VS Code expects', async () => {
        await client.waitFor('workspace/configuration request', () => (client.configurationRequests.includes('workout') ? true : undefined));
    });

    it('publishes the unknown-exercise error for `burpess` on its line', async () => {
        open('quick.workout', MISSPELT);
        const diagnostics = await client.waitFor('diagnostics for quick.workout', () => client.latestDiagnostics(uriOf('quick.workout')));
        const unknown = diagnostics.filter(diagnostic => diagnostic.code === 'unknown-exercise');
        expect(unknown).toHaveLength(1);
        expect(unknown[0].severity).toBe(1);
        expect(unknown[0].range.start).toEqual({ line: 3, character: 7 });
        expect(unknown[0].range.end).toEqual({ line: 3, character: 14 });
        expect(unknown[0].message).toMatch(/Unknown exercise `burpess`\. Did you mean `burpees`/);
        expect(diagnostics.filter(diagnostic => diagnostic.severity === 1)).toHaveLength(1);
    });

    it('sends the session for a clean file, with the AMRAP capped at 1200 s', async () => {
        const uri = uriOf('sessions/cross-training.workout');
        open('sessions/cross-training.workout', CROSS_TRAINING, 7);
        const update = await client.waitFor('workout/session for cross-training.workout', () => client.sessions.find(s => s.uri === uri && s.version === 7));
        expect(update.errors).toBe(0);
        expect(update.session).not.toBeNull();
        const workout = update.session!.workouts[0];
        expect(workout.id).toBe('cross-training');
        const amrap = workout.blocks.find(block => block.kind === 'amrap');
        expect(amrap?.capSeconds).toBe(1200);
        expect(workout.estimatedSeconds).toBe(30 * 60);
        expect(client.latestDiagnostics(uri)?.filter(diagnostic => diagnostic.severity === 1)).toEqual([]);
    });

    it('re-checks an edit typed in the editor: fixing the name clears the error and sends the session', async () => {
        const uri = uriOf('quick.workout');
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 },
            // VS Code sends the change as a range edit: `burpess` → `burpees`.
            contentChanges: [{ range: { start: { line: 3, character: 12 }, end: { line: 3, character: 14 } }, rangeLength: 2, text: 'es' }]
        });
        const update = await client.waitFor('session after the edit', () => client.sessions.find(s => s.uri === uri && s.version === 2));
        expect(update.errors).toBe(0);
        expect(update.session?.workouts[0].blocks[0].kind).toBe('rounds');
        expect(JSON.stringify(update.session)).toContain('"exercise":"burpees"');
        await client.waitFor('the error to clear', () => client.latestDiagnostics(uri, diagnostics => diagnostics.every(d => d.severity !== 1)));
    });

    it('applies a changed workout.checks setting to open files', async () => {
        const uri = uriOf('balance.workout');
        open('balance.workout', ONE_SIDED);
        const first = await client.waitFor('the unilateral hint for balance.workout', () => client.latestDiagnostics(uri, diagnostics => diagnostics.length > 0));
        expect(first.map(diagnostic => [diagnostic.code, diagnostic.severity])).toEqual([['unilateral-needs-side', 4]]);
        client.settings = { ...client.settings, checks: { 'unilateral-needs-side': 'off' } };
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { workout: client.settings } });
        await client.waitFor('the hint to go once the check is off', () => client.latestDiagnostics(uri, diagnostics => diagnostics.length === 0));
        client.settings = { ...client.settings, checks: { 'unilateral-needs-side': 'warning' } };
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { workout: client.settings } });
        const raised = await client.waitFor('the check back as a warning', () => client.latestDiagnostics(uri, diagnostics => diagnostics.length > 0));
        expect(raised.map(diagnostic => [diagnostic.code, diagnostic.severity])).toEqual([['unilateral-needs-side', 2]]);
    });

    it('answers completion, hover and formatting from the bundle', async () => {
        const text = 'workout typing <\n      10   burp\n>\n';
        open('typing.workout', text);
        const textDocument = { uri: uriOf('typing.workout') };
        const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: 1, character: 15 } });
        const items = Array.isArray(completion) ? completion : completion?.items ?? [];
        const burpees = items.find(item => item.label === 'burpees');
        expect(burpees?.detail).toBe('quadriceps, chest · bodyweight');
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('sessions/cross-training.workout') }, position: { line: 4, character: 8 } });
        expect((hover?.contents as MarkupContent).value).toContain('**Burpees**');
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: true } });
        expect(TextDocument.applyEdits(TextDocument.create(textDocument.uri, 'workout', 1, text), edits ?? [])).toBe('workout typing <\n  10 burp\n>\n');
    });

    it('reports 200 nested blocks once, answers about that file, and still answers for the others', async () => {
        for (const [name, text] of [['nested.workout', NESTED_200], ['unclosed.workout', UNCLOSED_200]]) {
            open(name, text);
            const diagnostics = await client.waitFor(`diagnostics for ${name}`, () => client.latestDiagnostics(uriOf(name)));
            const nesting = diagnostics.filter(diagnostic => diagnostic.code === 'nesting-too-deep');
            expect(nesting.map(diagnostic => [diagnostic.range.start.line, diagnostic.severity])).toEqual([[32, 1]]);
            const textDocument = { uri: uriOf(name) };
            const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
            expect(Array.isArray(tokens?.data)).toBe(true);
            await client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 100, character: 3 } });
            await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
            expect(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
        }
        expect(server.exitCode).toBeNull();
        const other = 'workout after "After" <\n  10 burpess\n>\n';
        open('after.workout', other);
        const diagnostics = await client.waitFor('diagnostics for after.workout', () => client.latestDiagnostics(uriOf('after.workout')));
        expect(diagnostics.map(diagnostic => diagnostic.code)).toEqual(['unknown-exercise']);
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('sessions/cross-training.workout') }, position: { line: 4, character: 8 } });
        expect((hover?.contents as MarkupContent).value).toContain('**Burpees**');
    });

    it('says an import path with a broken character cannot be read, and logs nothing', async () => {
        open('broken-import.workout', 'import "common/ex\uD800ercises.workout"\nworkout b <\n  10 burpees\n>\n');
        const diagnostics = await client.waitFor('diagnostics for broken-import.workout', () => client.latestDiagnostics(uriOf('broken-import.workout')));
        expect(diagnostics.map(diagnostic => [diagnostic.code, diagnostic.range.start.line])).toEqual([['import-not-found', 0]]);
        expect(diagnostics[0].message).toMatch(/^Cannot read this path/);
        expect(client.loggedErrors.join('\n')).not.toMatch(/URI malformed|error occurred during validation/);
    });

    it('answers workout/getSession with null for params that name no document', async () => {
        for (const params of [null, {}, { uri: 5 }, { uri: '' }, { uri: 'file:///nowhere.workout' }, { uri: 'file:///x\uD800.workout' }, 'quick.workout']) {
            expect(await client.connection.sendRequest(SessionRequest, params), JSON.stringify(params)).toBeNull();
        }
        const update = await client.connection.sendRequest(SessionRequest, { uri: uriOf('sessions/cross-training.workout') }) as SessionUpdate | null;
        expect(update?.session?.workouts[0].id).toBe('cross-training');
    });

    it('follows the project\'s workout.json, shows what is wrong with it on the file, and reads it again when it changes', async () => {
        mkdirSync(path.join(workspace, 'team'));
        const settingsUri = uriOf('team/workout.json');
        writeFileSync(path.join(workspace, 'team/workout.json'), '{ "checks": { "unilateral-needs-side": "off" } }\n');
        const text = ONE_SIDED.replace('workout balance', 'workout team-balance');
        open('team/balance.workout', text);
        const quiet = await client.waitFor('diagnostics for team/balance.workout', () => client.latestDiagnostics(uriOf('team/balance.workout')));
        expect(quiet).toEqual([]);
        expect(client.latestDiagnostics(settingsUri)).toBeUndefined();

        writeFileSync(path.join(workspace, 'team/workout.json'), '{\n  "checks": {\n    "unilateral-needs-side": "off",\n  }\n}\n');
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: settingsUri, type: FileChangeType.Changed }] });
        const problems = await client.waitFor('diagnostics for team/workout.json', () => client.latestDiagnostics(settingsUri, found => found.length > 0));
        expect(problems.map(problem => [problem.code, problem.severity, problem.range.start])).toEqual([['invalid-settings', 1, { line: 3, character: 2 }]]);
        expect(problems[0].message).toMatch(/^workout\.json is not valid JSON/);
        // Without a readable project file, the editor's settings apply: the hint is back.
        await client.waitFor('the hint back on team/balance.workout', () => client.latestDiagnostics(uriOf('team/balance.workout'), found => found.some(d => d.code === 'unilateral-needs-side')));

        writeFileSync(path.join(workspace, 'team/workout.json'), '{ "checks": { "unilateral-needs-side": "off" } }\n');
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: settingsUri, type: FileChangeType.Changed }] });
        await client.waitFor('the problems on team/workout.json cleared', () => client.latestDiagnostics(settingsUri, found => found.length === 0));
        await client.waitFor('the hint gone again', () => client.latestDiagnostics(uriOf('team/balance.workout'), found => found.length === 0));
    });

    it('shuts down cleanly on shutdown and exit', async () => {
        await client.connection.sendRequest(ShutdownRequest.type);
        await client.connection.sendNotification(ExitNotification.type);
        const code = await Promise.race([exitCode, new Promise<'still running'>(resolve => setTimeout(() => resolve('still running'), 10_000))]);
        expect(code, `server stderr:\n${stderr}`).toBe(0);
        client.connection.dispose();
        expect(stderr).not.toMatch(/Error|TypeError|at .*server\.cjs/);
        expect(client.loggedErrors).toEqual([]);
    });
});
