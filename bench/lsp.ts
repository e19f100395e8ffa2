/**
 * Latency of the real language server (dist/server.cjs, started with `--stdio` as an editor
 * would), measured from a JSON-RPC client in this process:
 *
 * - activation: from spawning the server to the first `publishDiagnostics` of the opened file
 *   (spawn → initialize → initialized → didOpen of the 2,000-line file, in a workspace folder
 *   that holds it);
 * - keystroke to diagnostics: one-character incremental `didChange` (a letter typed at the end
 *   of an exercise name, then deleted again) → the next `publishDiagnostics` for the file, one
 *   edit at a time; the error count of each answer is checked against the edit (the typed
 *   letter makes the name unknown), so every sample is the answer to its own version;
 * - completion: `textDocument/completion` inside an exercise name → the response.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { GeneratedProgram } from './generate.js';
import { ms, percentile } from './stats.js';

export interface LspResult {
    activation: number;
    /** CPU milliseconds the server's main thread used: until the first diagnostics, per edit and per completion (means). */
    serverCpu?: { activation: number; perKeystroke: number; perCompletion: number };
    initialize: number;
    keystrokes: number[];
    keystrokeP50: number;
    keystrokeP95: number;
    burst: number[];
    completions: number[];
    completionP50: number;
    completionP95: number;
    completionItems: number;
    notes: string[];
}

export interface Diagnostic {
    severity?: number;
    message: string;
}

export interface PublishDiagnostics {
    uri: string;
    diagnostics: Diagnostic[];
}

const TIMEOUT_MS = 20_000;

/** The defaults of the extension's settings (package.json), shaped as VS Code sends them. */
export function defaultSettings(root: string): Record<string, unknown> {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const settings: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries<{ default?: unknown }>(manifest.contributes?.configuration?.properties ?? {})) {
        const parts = key.split('.').slice(1);
        let target = settings;
        for (const part of parts.slice(0, -1)) {
            target = (target[part] ??= {}) as Record<string, unknown>;
        }
        target[parts[parts.length - 1]] = schema.default;
    }
    return settings;
}

/** What the bench's client sends with `initialize`: the folder as the workspace, and its capabilities. */
export function initializeParams(folder: string, textDocument: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        processId: process.pid,
        clientInfo: { name: 'workout-bench' },
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
            textDocument: {
                synchronization: { didSave: true, dynamicRegistration: true },
                publishDiagnostics: { relatedInformation: true, versionSupport: true },
                ...textDocument
            }
        }
    };
}

/** Ignores other notifications, answers `workspace/configuration` with `settings` and nothing else, and listens. */
export function answerAsAnEditor(connection: MessageConnection, settings: Record<string, unknown>): void {
    connection.onNotification(() => undefined);
    connection.onRequest((method: string, params: unknown) => {
        if (method === 'workspace/configuration') {
            return ((params as { items?: Array<{ section?: string }> }).items ?? []).map(item => item.section === 'workout' ? settings : null);
        }
        return null;
    });
    connection.listen();
}

class Client {
    readonly connection: MessageConnection;
    private waiters: Array<{ uri: string; resolve: (params: PublishDiagnostics) => void }> = [];
    stderr = '';

    constructor(readonly child: ReturnType<typeof spawn>, settings: Record<string, unknown>) {
        this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        child.stderr!.on('data', chunk => this.stderr += chunk);
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnostics) => {
            const waiter = this.waiters.find(candidate => candidate.uri === params.uri);
            if (waiter) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(params);
            }
        });
        answerAsAnEditor(this.connection, settings);
    }

    /** The next diagnostics published for `uri`. */
    nextDiagnostics(uri: string): Promise<PublishDiagnostics> {
        return withTimeout(new Promise(resolve => this.waiters.push({ uri, resolve })), 'diagnostics', this);
    }
}

function withTimeout<T>(promise: Promise<T>, what: string, client: Client): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
        promise.finally(() => clearTimeout(timer)),
        new Promise<T>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`The language server sent no ${what} within ${TIMEOUT_MS / 1000} s.${client.stderr ? ` Its stderr:\n${client.stderr.slice(-2000)}` : ''}`)), TIMEOUT_MS);
        })
    ]);
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * CPU milliseconds (user + system) in a Linux stat file (/proc/PID/stat for a process,
 * /proc/PID/task/TID/stat for a thread), in 10 ms ticks, so only useful summed over many
 * requests; undefined elsewhere.
 */
export function cpuFromStat(file: string): number | undefined {
    try {
        const stat = fs.readFileSync(file, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
    } catch {
        return undefined;
    }
}

/** CPU milliseconds used so far by the main thread of a process. */
function mainThreadCpu(pid: number | undefined): number | undefined {
    return cpuFromStat(`/proc/${pid}/task/${pid}/stat`);
}

const errorsIn = (params: PublishDiagnostics) => params.diagnostics.filter(diagnostic => (diagnostic.severity ?? 1) === 1).length;
/** Whether an error names the exercise exactly as `name` (the unknown-exercise message quotes it). */
const namesUnknown = (params: PublishDiagnostics, name: string) => params.diagnostics.some(diagnostic => diagnostic.message.includes(`\`${name}\``));
const pause = (millis: number) => new Promise(resolve => setTimeout(resolve, millis));

/** A line near the middle with `sets x reps name` and the column where the name ends. */
function editSite(lines: string[]): { line: number; nameStart: number; nameEnd: number } {
    const pattern = /^(\s+[0-9]+ ?x ?[0-9]+ )([a-z][a-z0-9-]*[a-z])(\s|$)/;
    for (let offset = 0; offset < lines.length; offset++) {
        const line = Math.floor(lines.length / 2) + offset;
        const match = pattern.exec(lines[line] ?? '');
        if (match) {
            return { line, nameStart: match[1].length, nameEnd: match[1].length + match[2].length };
        }
    }
    throw new Error('No entry line to edit in the generated program.');
}

export async function lspBench(serverPath: string, program: GeneratedProgram, counts: { keystrokes: number; completions: number }): Promise<LspResult> {
    const root = process.cwd();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-bench-'));
    const file = path.join(folder, 'program.workout');
    fs.writeFileSync(file, program.text);
    const uri = pathToFileURL(file).href;
    const lines = program.text.split('\n');

    const spawned = performance.now();
    // As the extension starts it: with Node's compile cache (warm from the second start on).
    const env = { ...process.env, NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'workout-bench-compile-cache') };
    const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new Client(child, defaultSettings(root));
    const rpc = client.connection;
    try {
        const firstDiagnostics = client.nextDiagnostics(uri);
        await withTimeout(rpc.sendRequest('initialize', initializeParams(folder, {
            completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] }
        })), 'initialize answer', client);
        const initialized = performance.now();
        rpc.sendNotification('initialized', {});
        let version = 1;
        rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'workout', version, text: program.text } });
        const opened = await firstDiagnostics;
        const activation = performance.now() - spawned;
        const cpuAtActivation = mainThreadCpu(child.pid);
        const baseErrors = errorsIn(opened);

        // Keystrokes: type a letter at the end of an exercise name, then delete it, alternately.
        const site = editSite(lines);
        const name = lines[site.line].slice(site.nameStart, site.nameEnd);
        const keystroke = async (typed: boolean): Promise<number> => {
            const at = { line: site.line, character: site.nameEnd };
            const change = typed
                ? { range: { start: at, end: at }, text: 'z' }
                : { range: { start: at, end: { line: site.line, character: site.nameEnd + 1 } }, text: '' };
            const answer = client.nextDiagnostics(uri);
            const sent = performance.now();
            rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
            const params = await answer;
            const latency = performance.now() - sent;
            const expected = baseErrors + (typed ? 1 : 0);
            if (errorsIn(params) !== expected || namesUnknown(params, `${name}z`) !== typed) {
                throw new Error(`After edit ${version} the server reported ${errorsIn(params)} errors, expected ${expected}: the answer does not match the edit.`);
            }
            return latency;
        };
        for (let i = 0; i < 6; i++) {
            await keystroke(i % 2 === 0);
        }
        const keystrokes: number[] = [];
        const cpuBeforeKeystrokes = mainThreadCpu(child.pid);
        for (let i = 0; i < counts.keystrokes; i++) {
            keystrokes.push(await keystroke(i % 2 === 0));
            await pause(15);
        }
        const cpuAfterKeystrokes = mainThreadCpu(child.pid);

        // Fast typing: 8 letters 40 ms apart (a quick typist), then the time from the last
        // letter to the diagnostics of the final text; earlier builds are cancelled.
        const burst: number[] = [];
        for (let round = 0; round < 5; round++) {
            const word = 'abcdefgh';
            let answer: Promise<PublishDiagnostics> | undefined;
            let lastSent = 0;
            for (let i = 0; i < word.length; i++) {
                const at = { line: site.line, character: site.nameEnd + i };
                rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: at, end: at }, text: word[i] }] });
                lastSent = performance.now();
                if (i === word.length - 1) {
                    answer = client.nextDiagnostics(uri);
                } else {
                    await pause(40);
                }
            }
            // Answers for earlier versions may still arrive: wait for the one that reports the
            // name as it is after the last letter.
            let params = await answer!;
            while (!namesUnknown(params, name + word)) {
                params = await client.nextDiagnostics(uri);
            }
            burst.push(performance.now() - lastSent);
            const start = { line: site.line, character: site.nameEnd };
            const restored = client.nextDiagnostics(uri);
            rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start, end: { line: site.line, character: site.nameEnd + word.length } }, text: '' }] });
            let after = await restored;
            while (errorsIn(after) !== baseErrors || namesUnknown(after, name + word)) {
                after = await client.nextDiagnostics(uri);
            }
            await pause(50);
        }

        // Completion inside the name of that entry, three letters typed.
        const position = { line: site.line, character: site.nameStart + 3 };
        let completionItems = 0;
        const complete = async (): Promise<number> => {
            const sent = performance.now();
            const result = await withTimeout(rpc.sendRequest('textDocument/completion', {
                textDocument: { uri }, position, context: { triggerKind: 1 }
            }), 'completion answer', client) as { items?: unknown[] } | unknown[] | null;
            const latency = performance.now() - sent;
            completionItems = Array.isArray(result) ? result.length : result?.items?.length ?? 0;
            return latency;
        };
        for (let i = 0; i < 5; i++) {
            await complete();
        }
        const completions: number[] = [];
        const cpuBeforeCompletions = mainThreadCpu(child.pid);
        for (let i = 0; i < counts.completions; i++) {
            completions.push(await complete());
            await pause(5);
        }
        const cpuAfterCompletions = mainThreadCpu(child.pid);
        const serverCpu = cpuAtActivation === undefined || cpuBeforeKeystrokes === undefined || cpuAfterKeystrokes === undefined
            || cpuBeforeCompletions === undefined || cpuAfterCompletions === undefined ? undefined : {
                activation: cpuAtActivation,
                perKeystroke: (cpuAfterKeystrokes - cpuBeforeKeystrokes) / keystrokes.length,
                perCompletion: (cpuAfterCompletions - cpuBeforeCompletions) / completions.length
            };

        const keystrokeP50 = percentile(keystrokes, 50);
        const keystrokeP95 = percentile(keystrokes, 95);
        const completionP50 = percentile(completions, 50);
        const completionP95 = percentile(completions, 95);
        const notes = [
            `Language server (dist/server.cjs --stdio, a JSON-RPC client in the bench process, the 2,000-line program opened from a workspace folder):`,
            '',
            `- activation ${ms(activation)}: spawn → initialize answered ${ms(initialized - spawned)}, then initialized + didOpen → first diagnostics ${ms(activation - (initialized - spawned))};`,
            `- keystroke to diagnostics over ${keystrokes.length} one-letter edits at the end of \`${name}\` on line ${site.line + 1} (a letter typed, then deleted; one edit at a time): p50 ${ms(keystrokeP50)}, p95 ${ms(keystrokeP95)}, max ${ms(Math.max(...keystrokes))};`,
            `- fast typing, 8 letters 40 ms apart, last letter → diagnostics of the final text: median ${ms(percentile(burst, 50))}, worst ${ms(Math.max(...burst))} over ${burst.length} bursts;`,
            ...(serverCpu ? [`- the server's main thread used ${ms(serverCpu.activation)} of CPU until the first diagnostics (loading the bundle included), ${ms(serverCpu.perKeystroke)} per edit and ${ms(serverCpu.perCompletion)} per completion (means over the samples, from /proc in 10 ms ticks);`] : []),
            `- completion with the cursor after \`${name.slice(0, 3)}\` on that line (${completionItems} items in the answer): p50 ${ms(completionP50)}, p95 ${ms(completionP95)}, max ${ms(Math.max(...completions))}.`
        ];
        await withTimeout(rpc.sendRequest('shutdown'), 'shutdown answer', client).catch(() => undefined);
        rpc.sendNotification('exit');
        return {
            activation, serverCpu, initialize: initialized - spawned, keystrokes, keystrokeP50, keystrokeP95, burst,
            completions, completionP50, completionP95, completionItems, notes
        };
    } finally {
        await pause(100);
        rpc.dispose();
        if (child.exitCode === null) {
            child.kill();
        }
        fs.rmSync(folder, { recursive: true, force: true });
    }
}
