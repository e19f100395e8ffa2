/**
 * The language server as VS Code drives it (`node dist/server.cjs --stdio`), edited at random:
 * incremental `didChange` edits at valid positions and at invalid ones (past the end, negative,
 * reversed), whole-text replacements, and between them the requests an editor sends (hover,
 * completion, semantic tokens, formatting, range formatting, symbols, inlay hints, code
 * actions, definition, the preview's `workout/getSession`, with null params too). A workspace
 * of hostile files is open beside the edited one. Measured: crashes (the process exits),
 * hangs (a request unanswered after `HANG_MS`), error answers (-32603 and the like; a request
 * cancelled because the text changed is not one), errors the server logs, and range
 * formatting that changes more than blanks.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    CodeActionRequest, CompletionRequest, ConfigurationRequest, createProtocolConnection, DefinitionRequest, DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentFormattingRequest, DocumentRangeFormattingRequest,
    DocumentSymbolRequest, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, InlayHintRequest, PublishDiagnosticsNotification,
    RegistrationRequest, ResponseError, SemanticTokensRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
    type Diagnostic, type Position, type ProtocolConnection, type Range, type TextDocumentContentChangeEvent, type TextEdit
} from 'vscode-languageserver-protocol/node';
import { layoutOnlyProblem, prng } from './document-check.js';
import { classify } from './known-open.js';
import type { Occurrence } from './report.js';
import { excerpt } from './report.js';

/** An editor gives up on an answer after about this long. */
export const HANG_MS = 2000;
/** A request still unanswered after this long is abandoned, and the server restarted. */
const STUCK_MS = 30_000;

export interface ServerFuzzOptions {
    seed: number;
    edits: number;
    /** dist/server.cjs. */
    server: string;
    /** The Node to run it with. */
    node: string;
    /** The text the edited file starts from. */
    startText: string;
    /** Other files of the workspace, by relative path. */
    workspace: Record<string, string>;
    /** Progress, one line at a time. */
    log?: (line: string) => void;
    /** How long an unanswered request is waited for before the server is restarted (STUCK_MS). */
    stuckMs?: number;
    /** Text the known-open predicates see before the edited file's (a hostile file that explains what follows). */
    context?: string;
    /** Names the scenario in replay commands. */
    scenario?: string;
}

export interface ServerFigures {
    edits: number;
    requests: number;
    crashes: number;
    hangs: number;
    /** Error answers by method and code, e.g. `workout/getSession -32603`. */
    errorAnswers: Record<string, number>;
    /** Requests the server cancelled because the text changed meanwhile (normal). */
    cancelled: number;
    /** Errors the server wrote to its log (window/logMessage, type Error). */
    loggedErrors: number;
    rangeFormatChanges: number;
    /** The slowest answer, in milliseconds. */
    slowestMs: number;
    failures: Occurrence[];
    /** The figures of the scenario with a deep-nesting file in the workspace (the full run's second one). */
    deepFileScenario?: ServerFigures;
}

const FEATURE_OF: Record<string, string> = {
    'textDocument/hover': 'hover',
    'textDocument/completion': 'completion',
    'textDocument/semanticTokens/full': 'semanticTokens',
    'textDocument/formatting': 'formatting',
    'textDocument/rangeFormatting': 'rangeFormatting',
    'textDocument/documentSymbol': 'documentSymbol',
    'textDocument/inlayHint': 'inlayHint',
    'textDocument/codeAction': 'codeAction',
    'textDocument/definition': 'definition',
    'workout/getSession': 'getSession'
};

/** What an edit inserts: pieces of the language, line ends of every kind, and trouble. */
const SNIPPETS = [
    '10 squats', '2 x 8-10 burpees per side @ 12kg rest 60s "note"', '\n', '\n', '\r\n', '\r', '<', '>', ';', '"', "'", ' ', '  ', '\t',
    'amrap 20min <\n', 'workout w "W" <\n', 'plan p <\n  week 1 <\n    monday: 30min easy-run; w\n  >\n>\n', 'exercise e <\n  muscles: quads\n>\n',
    'intervals 8 x 20s on 10s off <', '3 rounds rest 60s <', '@', '@ rpe', 'rest', 'max', 'x', '×', '-', '30-45s', 'per', 'monday:', 'week 2 <',
    '9'.repeat(400), '1s'.repeat(40), '\u202E', '\u2028', '\uFEFF', 'é', '💪', '/*', '*/', '// comment\n', 'squats', 'burpess', 'import "x.workout"\n'
];

type Send = (method: string, params: unknown) => Promise<unknown>;

class ServerUnderTest {
    readonly process: ChildProcessWithoutNullStreams;
    readonly connection: ProtocolConnection;
    exited: number | null | undefined = undefined;
    loggedErrors: string[] = [];
    diagnostics = new Map<string, Diagnostic[]>();
    private stderr = '';

    constructor(options: ServerFuzzOptions, private readonly root: string) {
        this.process = spawn(options.node, [options.server, '--stdio'], { cwd: root, stdio: 'pipe' });
        this.process.stderr.on('data', chunk => { this.stderr = (this.stderr + String(chunk)).slice(-4000); });
        this.process.on('exit', code => { this.exited = code; });
        this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        const settings = { loadUnit: 'kg', inlayHints: { enabled: true }, checks: {} };
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section === 'workout' ? settings : null)));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        this.connection.onNotification('window/logMessage', (message: { type: number; message: string }) => {
            if (message.type === 1) {
                this.loggedErrors.push(message.message);
            }
        });
        this.connection.onNotification('$/progress', () => undefined);
        this.connection.onNotification('workout/session', () => undefined);
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => { this.diagnostics.set(params.uri, params.diagnostics); });
        this.connection.onError(() => undefined);
        this.connection.onClose(() => undefined);
        this.connection.listen();
    }

    get lastStderr(): string {
        return this.stderr;
    }

    async start(): Promise<void> {
        const rootUri = pathToFileURL(this.root).toString();
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            clientInfo: { name: 'workout fuzz', version: '1' },
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'fuzz' }],
            capabilities: {
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
                textDocument: {
                    synchronization: { dynamicRegistration: true },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
                    publishDiagnostics: { relatedInformation: true }
                }
            },
            initializationOptions: {}
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { workout: { loadUnit: 'kg', inlayHints: { enabled: true }, checks: {} } } });
    }

    async stop(): Promise<number | null | undefined> {
        if (this.exited === undefined) {
            try {
                await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5000);
                await this.connection.sendNotification(ExitNotification.type);
            } catch {
                // It may already be gone; it is killed below.
            }
            await new Promise(resolve => setTimeout(resolve, 300));
        }
        if (this.exited === undefined) {
            this.process.kill();
        }
        this.connection.dispose();
        return this.exited;
    }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

/** Runs the campaign; the server is restarted after a crash or a stuck request, and the run goes on. */
export async function fuzzServer(options: ServerFuzzOptions): Promise<ServerFigures> {
    const random = prng(options.seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const figures: ServerFigures = {
        edits: 0, requests: 0, crashes: 0, hangs: 0, errorAnswers: {}, cancelled: 0, loggedErrors: 0, rangeFormatChanges: 0, slowestMs: 0, failures: []
    };
    const root = mkdtempSync(path.join(tmpdir(), 'workout-fuzz-server-'));
    for (const [name, text] of Object.entries(options.workspace)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
    }
    const uri = pathToFileURL(path.join(root, 'edited.workout')).toString();
    let mirror = TextDocument.create(uri, 'workout', 1, options.startText);
    let server: ServerUnderTest | undefined;
    /** A request went unanswered for STUCK_MS: the server is restarted before the next edit. */
    let stuck = false;
    const stuckMs = options.stuckMs ?? STUCK_MS;
    const record = (property: string, feature: string, message: string, edit: number) => {
        const [classified] = classify((options.context ?? '') + mirror.getText(), [{ property, feature, message }]);
        const where = `npm run fuzz -- --only server --seed ${options.seed} --edits ${edit + 1}${options.scenario ? ` (scenario: ${options.scenario})` : ''}`;
        figures.failures.push({ ...classified, where, excerpt: excerpt(mirror.getText()) });
    };

    const startServer = async (edit: number): Promise<void> => {
        server = new ServerUnderTest(options, root);
        try {
            await withTimeout(server.start(), stuckMs);
        } catch (error) {
            record('no-crash', 'initialize', (error as Error).message, edit);
        }
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'workout', version: mirror.version, text: mirror.getText() } });
    };

    /** Sends one request, timing it; its answer, or undefined after an error answer or a hang. */
    const request: (edit: number) => Send = edit => async (method, params) => {
        figures.requests++;
        const started = performance.now();
        let late = false;
        const hangTimer = setTimeout(() => {
            late = true;
            figures.hangs++;
            record('no-hang', FEATURE_OF[method] ?? method, `${method} unanswered after ${HANG_MS} ms`, edit);
        }, HANG_MS);
        try {
            return await withTimeout(server!.connection.sendRequest(method, params), stuckMs);
        } catch (error) {
            if (error instanceof ResponseError) {
                if (error.code === -32800 || error.code === -32801) {
                    figures.cancelled++;
                } else {
                    const key = `${method} ${error.code}`;
                    figures.errorAnswers[key] = (figures.errorAnswers[key] ?? 0) + 1;
                    record('no-error-answer', FEATURE_OF[method] ?? method, `${error.code} ${error.message.slice(0, 200)}`, edit);
                }
            } else if (server!.exited === undefined) {
                stuck = true;
                if (!late) {
                    record('no-hang', FEATURE_OF[method] ?? method, `${method}: ${(error as Error).message}`, edit);
                }
            }
            return undefined;
        } finally {
            clearTimeout(hangTimer);
            figures.slowestMs = Math.max(figures.slowestMs, performance.now() - started);
        }
    };

    const randomPosition = (valid: boolean): Position => {
        if (valid) {
            return mirror.positionAt(Math.floor(random() * (mirror.getText().length + 1)));
        }
        return pick<Position>([
            { line: mirror.lineCount + Math.floor(random() * 5), character: Math.floor(random() * 10) },
            { line: Math.floor(random() * mirror.lineCount), character: 1_000_000 },
            { line: -1, character: 0 },
            { line: 0, character: -5 },
            { line: 2 ** 31, character: 2 ** 31 }
        ]);
    };
    const randomRange = (valid: boolean): Range => {
        const a = randomPosition(valid);
        const b = valid ? mirror.positionAt(mirror.offsetAt(a) + Math.floor(random() * 40)) : randomPosition(false);
        // Now and then a reversed range: end before start.
        return random() < 0.1 ? { start: b, end: a } : { start: a, end: b };
    };

    await startServer(0);
    for (let edit = 0; edit < options.edits; edit++) {
        if (server!.exited !== undefined) {
            figures.crashes++;
            record('no-crash', 'server', `exited with ${server!.exited}: ${server!.lastStderr.slice(-600)}`, edit);
            await server!.stop();
            await startServer(edit);
        } else if (stuck) {
            stuck = false;
            await server!.stop();
            await startServer(edit);
        }
        // ---- an edit ----
        const valid = random() < 0.8;
        let change: TextDocumentContentChangeEvent;
        if (random() < 0.03) {
            change = { text: random() < 0.5 ? options.startText : pick(SNIPPETS) };
        } else {
            const range = random() < 0.5 && valid
                ? (() => { const at = randomPosition(true); return { start: at, end: at }; })()
                : randomRange(valid);
            change = { range, text: random() < 0.25 ? '' : pick(SNIPPETS) };
        }
        mirror = TextDocument.update(mirror, [change], mirror.version + 1);
        figures.edits++;
        await server!.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: mirror.version }, contentChanges: [change] });

        // ---- the requests an editor sends while typing ----
        const send = request(edit);
        const textDocument = { uri };
        const count = Math.floor(random() * 3) + 1;
        for (let index = 0; index < count; index++) {
            const inRange = random() < 0.85;
            switch (Math.floor(random() * 11)) {
                case 0: await send(HoverRequest.method, { textDocument, position: randomPosition(inRange) }); break;
                case 1: await send(CompletionRequest.method, { textDocument, position: randomPosition(inRange), context: { triggerKind: 1 } }); break;
                case 2: await send(SemanticTokensRequest.method, { textDocument }); break;
                case 3: await send(DocumentFormattingRequest.method, { textDocument, options: { tabSize: 2, insertSpaces: true } }); break;
                case 4: {
                    const before = mirror.getText();
                    const edits = await send(DocumentRangeFormattingRequest.method, { textDocument, range: randomRange(inRange), options: { tabSize: 2, insertSpaces: true } }) as TextEdit[] | null | undefined;
                    if (edits && edits.length > 0) {
                        const problem = layoutOnlyProblem(before, TextDocument.applyEdits(mirror, edits));
                        if (problem) {
                            figures.rangeFormatChanges++;
                            record('range-format-whitespace', 'rangeFormatting', problem, edit);
                        }
                    }
                    break;
                }
                case 5: await send(DocumentSymbolRequest.method, { textDocument }); break;
                case 6: await send(InlayHintRequest.method, { textDocument, range: randomRange(inRange) }); break;
                case 7: await send(CodeActionRequest.method, { textDocument, range: randomRange(inRange), context: { diagnostics: server!.diagnostics.get(uri) ?? [] } }); break;
                case 8: await send(DefinitionRequest.method, { textDocument, position: randomPosition(inRange) }); break;
                case 9: await send('workout/getSession', random() < 0.2 ? null : random() < 0.5 ? { uri } : { uri: pick(['', 'not a uri', 'file:///nowhere.workout', uri]) }); break;
                default: await send(HoverRequest.method, { textDocument: { uri: pathToFileURL(path.join(root, pick(Object.keys(options.workspace).concat('missing.workout')))).toString() }, position: randomPosition(true) }); break;
            }
            if (server!.exited !== undefined) {
                break;
            }
        }
        if (server!.loggedErrors.length > 0) {
            figures.loggedErrors += server!.loggedErrors.length;
            record('no-logged-error', 'server', server!.loggedErrors[0].slice(0, 300), edit);
            server!.loggedErrors = [];
        }
        if (options.log && (edit + 1) % 500 === 0) {
            options.log(`  server: ${edit + 1} edits, ${figures.requests} requests, ${figures.crashes} crashes, ${figures.hangs} hangs`);
        }
    }
    if (server!.exited !== undefined) {
        figures.crashes++;
        record('no-crash', 'server', `exited with ${server!.exited}: ${server!.lastStderr.slice(-600)}`, options.edits);
    }
    const code = await server!.stop();
    if (code !== 0 && code !== undefined) {
        record('clean-exit', 'server', `exit code ${code} after shutdown and exit`, options.edits);
    }
    rmSync(root, { recursive: true, force: true });
    return figures;
}
