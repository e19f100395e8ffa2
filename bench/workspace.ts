/**
 * A coach's whole repository, live: the generated workspaces of bench/generate.ts
 * (`workspaceOf`: a shared `exercises.workout`, plans, session files of 30–60 lines) written to
 * a temporary folder, then
 *
 * - the real language server (dist/server.cjs --stdio) opened on the folder as an editor opens
 *   it, one session file open: spawn → first diagnostics of that file; keystrokes in it (a letter
 *   typed at the end of an exercise name, then deleted; one at a time, each followed by a quiet
 *   server) → its diagnostics, the server's CPU (/proc/PID/stat, all threads) and the
 *   `publishDiagnostics` messages per keystroke; renaming a shared exercise in
 *   `exercises.workout` (and back) → the last diagnostics once the server is quiet, checked:
 *   every file that uses the exercise must report it unknown, then clean again; peak RSS
 *   (VmHWM);
 * - `workout check FOLDER` (bin/workout.cjs, the bundle in dist/): wall time, and CPU when
 *   /usr/bin/time is there.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { workspaceOf, type GeneratedWorkspace } from './generate.js';
import { answerAsAnEditor, cpuFromStat, defaultSettings, initializeParams, type PublishDiagnostics } from './lsp.js';
import { median, ms, percentile } from './stats.js';

export interface WorkspaceSizeResult {
    files: number;
    lines: number;
    bytes: number;
    /** Spawn → first diagnostics of the open file. */
    activation: number;
    /** Server CPU (all threads) until then. */
    activationCpu: number;
    /** Spawn → the server done checking the whole workspace (its CPU idle). */
    initialBuild: number;
    initialMessages: number;
    keystrokes: number[];
    keystrokeP50: number;
    keystrokeP95: number;
    /** Server CPU (all threads) per keystroke, mean, from the edit until the server is quiet. */
    cpuPerKeystroke: number;
    messagesPerKeystroke: number;
    /** Edit → last diagnostics of the rename, each round. */
    renames: number[];
    renamesBack: number[];
    renameMessages: number;
    renamedUsers: number;
    peakRssMiB: number;
    cliWall: number[];
    cliCpu?: number[];
    openFile: string;
    renamed: string;
}

const TIMEOUT_MS = 120_000;
/** CPU milliseconds used so far by all threads of a process. */
function processCpu(pid: number | undefined): number {
    return cpuFromStat(`/proc/${pid}/stat`) ?? NaN;
}

function peakRss(pid: number | undefined): number {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    } catch {
        return NaN;
    }
}

const pause = (millis: number) => new Promise(resolve => setTimeout(resolve, millis));
const errorsIn = (params: PublishDiagnostics | undefined) => (params?.diagnostics ?? []).filter(d => (d.severity ?? 1) === 1);

class WorkspaceClient {
    readonly connection: MessageConnection;
    /** Every publishDiagnostics in arrival order, with its time. */
    readonly published: Array<{ at: number; params: PublishDiagnostics }> = [];
    readonly latest = new Map<string, PublishDiagnostics>();
    private listeners: Array<(params: PublishDiagnostics) => void> = [];
    stderr = '';

    constructor(readonly child: ReturnType<typeof spawn>, settings: Record<string, unknown>) {
        this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        child.stderr!.on('data', chunk => this.stderr += chunk);
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnostics) => {
            this.published.push({ at: performance.now(), params });
            this.latest.set(params.uri, params);
            for (const listener of [...this.listeners]) listener(params);
        });
        answerAsAnEditor(this.connection, settings);
    }

    /** Calls `listener` with every diagnostics from now on; returns how to stop. */
    onPublish(listener: (params: PublishDiagnostics) => void): () => void {
        this.listeners.push(listener);
        return () => {
            const at = this.listeners.indexOf(listener);
            if (at >= 0) this.listeners.splice(at, 1);
        };
    }

    /** Resolves with the first diagnostics (from now on) that satisfy `test`. */
    waitFor(test: (params: PublishDiagnostics) => boolean, what: string): Promise<PublishDiagnostics> {
        return this.timeout(new Promise(resolve => {
            const listener = (params: PublishDiagnostics) => {
                if (test(params)) {
                    this.listeners.splice(this.listeners.indexOf(listener), 1);
                    resolve(params);
                }
            };
            this.listeners.push(listener);
        }), what);
    }

    /** When the server last used CPU or sent diagnostics, as `settle` saw it. */
    lastBusy = 0;

    /**
     * Waits until the server is quiet: no diagnostics and no CPU tick for `quietMs`. Returns the
     * time of the last diagnostics received (or `since` if none came); `lastBusy` is when it was
     * last seen working.
     */
    async settle(since: number, quietMs = 300): Promise<number> {
        const started = performance.now();
        let cpu = processCpu(this.child.pid);
        let count = this.published.length;
        let quietSince = performance.now();
        while (performance.now() - quietSince < quietMs) {
            await pause(50);
            const nowCpu = processCpu(this.child.pid);
            if (nowCpu !== cpu || this.published.length !== count) {
                cpu = nowCpu;
                count = this.published.length;
                quietSince = performance.now();
                this.lastBusy = quietSince;
            }
            if (performance.now() - started > TIMEOUT_MS) {
                throw new Error(`The language server did not settle within ${TIMEOUT_MS / 1000} s.`);
            }
        }
        const last = this.published[this.published.length - 1];
        return last && last.at > since ? last.at : since;
    }

    timeout<T>(promise: Promise<T>, what: string): Promise<T> {
        let timer: NodeJS.Timeout;
        return Promise.race([
            promise.finally(() => clearTimeout(timer)),
            new Promise<T>((_, reject) => {
                timer = setTimeout(() => reject(new Error(`The language server sent no ${what} within ${TIMEOUT_MS / 1000} s.${this.stderr ? ` Its stderr:\n${this.stderr.slice(-2000)}` : ''}`)), TIMEOUT_MS);
            })
        ]);
    }
}

function writeWorkspace(workspace: GeneratedWorkspace): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-workspace-'));
    for (const [file, text] of workspace.files) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.writeFileSync(path.join(folder, file), text);
    }
    return folder;
}

/** An entry line of the file (`3 x 10 squats`, `12 lunges`) and where its catalog name ends, if it has one. */
function editSite(lines: string[]): { line: number; nameStart: number; nameEnd: number } | undefined {
    const pattern = /^(\s+(?:[0-9]+ ?x ?)?[0-9]+(?:-[0-9]+)? )([a-z][a-z0-9-]*[a-z])(\s|$)/;
    for (let line = 0; line < lines.length; line++) {
        const match = pattern.exec(lines[line]);
        if (match && !match[2].startsWith('coach-move-')) {
            return { line, nameStart: match[1].length, nameEnd: match[1].length + match[2].length };
        }
    }
    return undefined;
}

/** `workout check FOLDER`, as a coach runs it: wall time, and CPU (user + system) if /usr/bin/time exists. */
function cliCheck(folder: string, root: string): { wall: number; cpu?: number } {
    const cli = path.join(root, 'bin/workout.cjs');
    const timer = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const started = performance.now();
    const result = timer
        ? spawnSync(timer, ['-f', 'cpu=%U+%S', process.execPath, cli, 'check', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        : spawnSync(process.execPath, [cli, 'check', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wall = performance.now() - started;
    if (result.status !== 0) {
        throw new Error(`workout check ${folder} exited with ${result.status}: ${(result.stderr ?? '').slice(-2000)}`);
    }
    const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? '');
    return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined };
}

export async function workspaceBench(size: number, options: { keystrokes: number; renames: number; cliRuns: number; log: (text: string) => void }): Promise<WorkspaceSizeResult> {
    const root = process.cwd();
    const workspace = workspaceOf(size);
    const folder = writeWorkspace(workspace);
    const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).href;
    const { log } = options;
    try {
        // The open file: a session near the middle of the workspace that a plan schedules.
        const scheduled = workspace.sessionFiles.filter(file => workspace.plansOf.has(file));
        const middle = Math.floor(scheduled.length / 2);
        const openFile = [...scheduled.slice(middle), ...scheduled.slice(0, middle)].find(file => editSite(workspace.files.get(file)!.split('\n')));
        if (!openFile) {
            throw new Error('No scheduled session file has an entry line to edit.');
        }
        const openUri = uriOf(openFile);
        const openText = workspace.files.get(openFile)!;
        const site = editSite(openText.split('\n'))!;
        const name = openText.split('\n')[site.line].slice(site.nameStart, site.nameEnd);

        const spawned = performance.now();
        const env = { ...process.env, NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'workout-bench-compile-cache') };
        // `--profile` (bench/run.mjs) starts an unminified bundle with V8's profiler instead.
        const server = process.env.WORKOUT_BENCH_SERVER ?? path.join(root, 'dist/server.cjs');
        const flags = process.env.WORKOUT_BENCH_SERVER_FLAGS?.split(' ') ?? [];
        const child = spawn(process.execPath, [...flags, server, '--stdio'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
        const client = new WorkspaceClient(child, defaultSettings(root));
        const rpc = client.connection;
        try {
            const firstDiagnostics = client.waitFor(params => params.uri === openUri, 'first diagnostics');
            await client.timeout(rpc.sendRequest('initialize', initializeParams(folder)), 'initialize answer');
            rpc.sendNotification('initialized', {});
            const versions = new Map<string, number>();
            const open = (file: string) => {
                versions.set(file, 1);
                rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'workout', version: 1, text: workspace.files.get(file)! } });
            };
            const change = (file: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string) => {
                const version = versions.get(file)! + 1;
                versions.set(file, version);
                rpc.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ range, text }] });
            };
            open(openFile);
            const opened = await firstDiagnostics;
            const activation = performance.now() - spawned;
            const activationCpu = processCpu(child.pid);
            if (errorsIn(opened).length > 0) {
                throw new Error(`The open file ${openFile} has errors: ${errorsIn(opened).map(d => d.message).join('; ')}`);
            }
            // Checked: the server stops using CPU (its last tick, within the 50 ms of a poll).
            client.lastBusy = performance.now();
            await client.settle(spawned, 500);
            const initialBuild = client.lastBusy - spawned;
            const initialMessages = client.published.length;
            const withErrors = [...client.latest.values()].filter(params => errorsIn(params).length > 0);
            if (withErrors.length > 0) {
                throw new Error(`${withErrors.length} files of the generated workspace have errors, e.g. ${withErrors[0].uri}: ${errorsIn(withErrors[0])[0].message}`);
            }
            log(`    ${size} files: first diagnostics after ${ms(activation)} (server CPU ${ms(activationCpu)}), workspace checked after ${ms(initialBuild)} (server CPU ${ms(processCpu(child.pid))}) (${initialMessages} messages), RSS ${peakRss(child.pid).toFixed(0)} MiB`);

            // Keystrokes in the open file.
            const keystroke = async (typed: boolean) => {
                const at = { line: site.line, character: site.nameEnd };
                const answer = client.waitFor(params => params.uri === openUri, 'keystroke diagnostics');
                const cpuBefore = processCpu(child.pid);
                const messagesBefore = client.published.length;
                const sent = performance.now();
                change(openFile, typed ? { start: at, end: at } : { start: at, end: { line: site.line, character: site.nameEnd + 1 } }, typed ? 'z' : '');
                const params = await answer;
                const latency = performance.now() - sent;
                const unknown = params.diagnostics.some(d => d.message.includes(`\`${name}z\``));
                if (unknown !== typed || errorsIn(params).length !== (typed ? 1 : 0)) {
                    throw new Error(`After a keystroke the open file reported ${errorsIn(params).length} errors, expected ${typed ? 1 : 0}.`);
                }
                await client.settle(sent, 150);
                return { latency, cpu: processCpu(child.pid) - cpuBefore, messages: client.published.length - messagesBefore };
            };
            for (let i = 0; i < 4; i++) {
                await keystroke(i % 2 === 0);
            }
            const samples = [];
            for (let i = 0; i < options.keystrokes; i++) {
                samples.push(await keystroke(i % 2 === 0));
            }
            const keystrokes = samples.map(sample => sample.latency);
            const cpuPerKeystroke = samples.reduce((sum, sample) => sum + sample.cpu, 0) / samples.length;
            const messagesPerKeystroke = samples.reduce((sum, sample) => sum + sample.messages, 0) / samples.length;
            log(`    keystrokes: p50 ${ms(percentile(keystrokes, 50))}, p95 ${ms(percentile(keystrokes, 95))}, ${ms(cpuPerKeystroke)} server CPU and ${messagesPerKeystroke.toFixed(1)} messages per keystroke`);

            // Rename the shared exercise used by the most files, then back.
            const renamed = [...workspace.usersOf.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0][0];
            const users = workspace.usersOf.get(renamed)!.map(uriOf);
            const exercisesLines = workspace.files.get(workspace.exercisesFile)!.split('\n');
            const defLine = exercisesLines.findIndex(line => line.startsWith(`exercise ${renamed} `));
            const nameStart = 'exercise '.length;
            open(workspace.exercisesFile);
            await client.settle(performance.now(), 300);
            const renames: number[] = [];
            const renamesBack: number[] = [];
            const messagesBeforeRenames = client.published.length;
            const reports = (params: PublishDiagnostics | undefined) => errorsIn(params).some(d => d.message.includes(`\`${renamed}\``));
            for (let round = 0; round < options.renames; round++) {
                for (const back of [false, true]) {
                    const pending = new Set(users);
                    let stop = () => undefined as void;
                    const allReported = new Promise<void>(resolve => {
                        stop = client.onPublish(params => {
                            if (pending.has(params.uri) && reports(params) !== back) {
                                pending.delete(params.uri);
                            }
                            if (pending.size === 0) {
                                resolve();
                            }
                        });
                    });
                    const sent = performance.now();
                    const range = back
                        ? { start: { line: defLine, character: nameStart }, end: { line: defLine, character: nameStart + renamed.length + 1 } }
                        : { start: { line: defLine, character: nameStart }, end: { line: defLine, character: nameStart + renamed.length } };
                    change(workspace.exercisesFile, range, back ? renamed : `${renamed}x`);
                    await client.timeout(allReported, `diagnostics of all ${users.length} users of ${renamed}`).finally(stop);
                    const last = await client.settle(sent, 300);
                    (back ? renamesBack : renames).push(last - sent);
                }
            }
            const renameMessages = (client.published.length - messagesBeforeRenames) / Math.max(1, options.renames * 2);
            const stale = [...client.latest.values()].filter(params => errorsIn(params).length > 0);
            if (stale.length > 0) {
                throw new Error(`After renaming ${renamed} back, ${stale.length} files still report errors, e.g. ${stale[0].uri}: ${errorsIn(stale[0])[0].message}`);
            }
            log(`    rename of ${renamed} (${users.length} files use it): ${renames.map(ms).join(', ')}; back: ${renamesBack.map(ms).join(', ')}`);
            const peakRssMiB = peakRss(child.pid);
            await client.timeout(rpc.sendRequest('shutdown'), 'shutdown answer').catch(() => undefined);
            rpc.sendNotification('exit');

            const cliWall: number[] = [];
            const cliCpu: number[] = [];
            for (let run = 0; run < options.cliRuns; run++) {
                const result = cliCheck(folder, root);
                cliWall.push(result.wall);
                if (result.cpu !== undefined) cliCpu.push(result.cpu);
            }
            log(`    workout check: ${cliWall.map(ms).join(', ')}${cliCpu.length ? ` (CPU ${cliCpu.map(ms).join(', ')})` : ''}`);
            return {
                files: workspace.files.size, lines: workspace.lines, bytes: workspace.bytes, activation, activationCpu, initialBuild, initialMessages,
                keystrokes, keystrokeP50: percentile(keystrokes, 50), keystrokeP95: percentile(keystrokes, 95), cpuPerKeystroke, messagesPerKeystroke,
                renames, renamesBack, renameMessages, renamedUsers: users.length, peakRssMiB, cliWall, cliCpu: cliCpu.length ? cliCpu : undefined,
                openFile, renamed
            };
        } finally {
            await pause(100);
            rpc.dispose();
            if (child.exitCode === null) {
                child.kill();
            }
        }
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

/** log(t3000 / t1000) / log(3): 1 is linear growth. */
export function growth(small: { files: number; value: number }, large: { files: number; value: number }): number {
    return Math.log(large.value / small.value) / Math.log(large.files / small.files);
}

export { median };
