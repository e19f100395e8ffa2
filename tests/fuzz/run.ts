/**
 * `npm run fuzz`: the full fuzz and stress run (scripts/fuzz.mjs bundles this file and starts
 * it with the project's Node). Three parts, one after the other:
 *
 * 1. documents: `--documents` random and mutated documents (tests/fuzz/generate.ts) and the
 *    stress cases (tests/fuzz/stress.ts) through tests/fuzz/document-check.ts, shared among
 *    `--workers` child processes; a worker silent for `WATCHDOG_MS` is a hang, killed and
 *    restarted after the document it was on;
 * 2. server: `--edits` random edits and requests against `node dist/server.cjs --stdio`, with
 *    a workspace of hostile files (tests/fuzz/server-fuzz.ts);
 * 3. cli: the command line over odd files (tests/fuzz/cli-odd-files.ts).
 *
 * Options: `--seed N` (document i uses seed N+i, so `--seed N --documents 1` replays the
 * document of seed N), `--documents N`, `--edits N`, `--workers N`, `--only documents|server|cli`
 * (comma-separated), `--known=allow` (known-open failures do not fail the run), `--stress` (the
 * stress cases, which run by themselves with 1,000 documents or more), `--verbose`.
 * It prints the figures and exits 1 on any failure (a known-open one too, unless allowed).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fuzzCli } from './cli-odd-files.js';
import { DocumentChecker } from './document-check.js';
import { documentOfSeed, EXAMPLES, ROOT } from './generate.js';
import { classify, KNOWN_OPEN } from './known-open.js';
import { excerpt, FailureLog, type Occurrence } from './report.js';
import { fuzzServer, type ServerFigures } from './server-fuzz.js';
import { STRESS_CASES, STRESS_SLOW_MS } from './stress.js';

/** A worker that sends nothing for this long is stuck on its document. */
const WATCHDOG_MS = 60_000;

interface Options {
    seed: number;
    documents: number;
    edits: number;
    workers: number;
    only: Set<string>;
    allowKnown: boolean;
    verbose: boolean;
    /** The stress cases run with a campaign (1,000 documents or more) or with `--stress`. */
    stress: boolean;
}

function parseOptions(argv: string[]): Options {
    const value = (name: string): string | undefined => {
        const index = argv.findIndex(arg => arg === `--${name}` || arg.startsWith(`--${name}=`));
        if (index < 0) {
            return undefined;
        }
        return argv[index].includes('=') ? argv[index].slice(argv[index].indexOf('=') + 1) : argv[index + 1];
    };
    const number = (name: string, fallback: number): number => {
        const text = value(name);
        if (text === undefined) {
            return fallback;
        }
        const parsed = Number(text);
        if (!Number.isInteger(parsed) || parsed < 0) {
            console.error(`fuzz: --${name} must be a whole number, not "${text}".`);
            process.exit(2);
        }
        return parsed;
    };
    return {
        seed: number('seed', Math.floor(Math.random() * 2 ** 31)),
        documents: number('documents', 100_000),
        edits: number('edits', 5_000),
        workers: Math.max(1, number('workers', Math.max(1, cpus().length))),
        only: new Set((value('only') ?? 'documents,server,cli').split(',')),
        allowKnown: value('known') === 'allow',
        verbose: argv.includes('--verbose'),
        stress: argv.includes('--stress') || number('documents', 100_000) >= 1000
    };
}

// ---- the worker: checks documents [from, to) of a seed --------------------------------------

interface WorkerMessage {
    type: 'at' | 'done' | 'finished';
    index?: number;
    /** With `finished`: the worker's CPU time, in milliseconds. */
    cpuMs?: number;
    failures?: Occurrence[];
    calls?: number;
    clean?: boolean;
}

async function worker(): Promise<void> {
    // Started by hand (to profile it: FUZZ_SEED=1 FUZZ_FROM=0 FUZZ_TO=500 node --cpu-prof run.cjs --worker), it just counts.
    const send = (message: WorkerMessage) => new Promise<void>(resolve => (process.send ? process.send(message, () => resolve()) : resolve()));
    const checker = new DocumentChecker();
    const [seed, from, to, stress] = ['seed', 'from', 'to', 'stress'].map(name => Number(process.env[`FUZZ_${name.toUpperCase()}`]));
    if (stress) {
        for (const [index, stressCase] of STRESS_CASES.entries()) {
            await send({ type: 'at', index: -1 - index });
            const text = stressCase.text();
            const { failures, figures } = await checker.check(text, index, stressCase.slowMs ?? STRESS_SLOW_MS);
            await send({ type: 'done', index: -1 - index, calls: figures.calls, failures: failures.map(failure => ({ ...failure, where: `stress case "${stressCase.name}"`, excerpt: excerpt(text, 80) })) });
        }
    }
    const profile = new Map<string, number>();
    const began = performance.now();
    for (let index = from; index < to; index++) {
        const caseSeed = (seed + index) >>> 0;
        // Tell the parent first: if this document hangs the process, it knows which one it was.
        await send({ type: 'at', index });
        const { text } = documentOfSeed(caseSeed);
        const { failures, figures } = await checker.check(text, caseSeed);
        for (const [feature, ms] of Object.entries(figures.ms)) {
            profile.set(feature, (profile.get(feature) ?? 0) + ms);
        }
        await send({
            type: 'done', index, calls: figures.calls, clean: figures.formattedClean,
            failures: failures.map(failure => ({ ...failure, where: `npm run fuzz -- --only documents --seed ${caseSeed} --documents 1`, excerpt: excerpt(text) }))
        });
    }
    if (!process.send) {
        const features = [...profile].sort((a, b) => b[1] - a[1]);
        console.log(`${to - from} documents in ${Math.round(performance.now() - began)} ms; in features ${Math.round(features.reduce((sum, [, ms]) => sum + ms, 0))} ms`);
        console.log(features.map(([feature, ms]) => `${feature} ${Math.round(ms)}`).join(', '));
    }
    const cpu = process.cpuUsage();
    await send({ type: 'finished', cpuMs: (cpu.user + cpu.system) / 1000 });
    process.exit(0);
}

// ---- the parent ---------------------------------------------------------------------------------

interface DocumentFigures {
    documents: number;
    stress: number;
    calls: number;
    formattedClean: number;
    hangs: number;
    crashes: number;
    /** CPU time of the workers that finished, in milliseconds (the machine may be shared: wall time is not all ours). */
    cpuMs: number;
}

/** Runs documents [0, count) over `workers` processes, restarting one after a hang or a crash. */
async function runDocuments(options: Options, log: FailureLog): Promise<DocumentFigures> {
    const figures: DocumentFigures = { documents: 0, stress: 0, calls: 0, formattedClean: 0, hangs: 0, crashes: 0, cpuMs: 0 };
    const share = Math.ceil(options.documents / options.workers);
    let lastReport = Date.now();
    const runShare = (from: number, to: number, stress: boolean): Promise<void> => new Promise(resolve => {
        let current: number | undefined;
        let next = from;
        let timer: NodeJS.Timeout | undefined;
        let child: ChildProcess;
        const start = (begin: number, withStress: boolean) => {
            child = fork(process.argv[1], ['--worker'], {
                env: { ...process.env, FUZZ_SEED: String(options.seed), FUZZ_FROM: String(begin), FUZZ_TO: String(to), FUZZ_STRESS: withStress ? '1' : '0' },
                stdio: ['ignore', 'ignore', 'pipe', 'ipc']
            });
            let stderr = '';
            child.stderr!.on('data', chunk => { stderr = (stderr + String(chunk)).slice(-2000); });
            const watchdog = () => {
                clearTimeout(timer);
                timer = setTimeout(() => {
                    figures.hangs++;
                    const where = current === undefined ? 'starting' : current < 0 ? `stress case "${STRESS_CASES[-1 - current].name}"` : `npm run fuzz -- --only documents --seed ${(options.seed + current) >>> 0} --documents 1`;
                    const text = current === undefined ? '' : current < 0 ? STRESS_CASES[-1 - current].text() : documentOfSeed((options.seed + current) >>> 0).text;
                    const [failure] = classify(text, [{ property: 'no-hang', feature: 'document', message: `no answer within ${WATCHDOG_MS / 1000} s: the worker was stopped` }]);
                    log.add({ ...failure, where, excerpt: excerpt(text) });
                    child.removeAllListeners('exit');
                    child.kill('SIGKILL');
                    restartAfter(current);
                }, WATCHDOG_MS);
            };
            watchdog();
            child.on('message', (message: WorkerMessage) => {
                watchdog();
                if (message.type === 'at') {
                    current = message.index;
                } else if (message.type === 'done') {
                    if (message.index! >= 0) {
                        figures.documents++;
                        next = message.index! + 1;
                    } else {
                        figures.stress++;
                    }
                    figures.calls += message.calls ?? 0;
                    figures.formattedClean += message.clean ? 1 : 0;
                    for (const failure of message.failures ?? []) {
                        log.add(failure);
                    }
                    if (Date.now() - lastReport > 30_000) {
                        lastReport = Date.now();
                        console.log(`  documents: ${figures.documents} of ${options.documents}, ${log.total} failures (${log.known} known-open)`);
                    }
                } else if (message.type === 'finished') {
                    figures.cpuMs += message.cpuMs ?? 0;
                    clearTimeout(timer);
                    resolve();
                }
            });
            child.on('exit', (code, signal) => {
                clearTimeout(timer);
                if (next >= to && current !== undefined && current >= to - 1) {
                    resolve();
                    return;
                }
                figures.crashes++;
                const text = current === undefined || current < 0 ? '' : documentOfSeed((options.seed + current) >>> 0).text;
                const [failure] = classify(text, [{ property: 'no-crash', feature: 'document', message: `the checking process ended (${signal ?? code}): ${stderr.slice(-300)}` }]);
                log.add({ ...failure, where: current === undefined || current < 0 ? 'stress cases' : `npm run fuzz -- --only documents --seed ${(options.seed + current) >>> 0} --documents 1`, excerpt: excerpt(text) });
                restartAfter(current);
            });
        };
        const restartAfter = (index: number | undefined) => {
            const resume = index === undefined ? next : index < 0 ? from : index + 1;
            if (resume >= to) {
                resolve();
            } else {
                current = undefined;
                start(resume, false);
            }
        };
        start(from, stress);
    });
    const shares: Array<Promise<void>> = [];
    for (let worker = 0; worker < options.workers; worker++) {
        const from = worker * share;
        const to = Math.min(options.documents, from + share);
        if (from < to || worker === 0) {
            shares.push(runShare(from, Math.max(from, to), worker === 0 && options.stress));
        }
    }
    await Promise.all(shares);
    return figures;
}

/** Files the edited file shares the server's workspace with: the hostile corpus and more. */
function hostileWorkspace(): Record<string, string> {
    const files: Record<string, string> = {};
    const hostile = path.join(ROOT, 'tests/fixtures/hostile');
    for (const name of existsSync(hostile) ? readdirSync(hostile).filter(file => file.endsWith('.workout')) : []) {
        files[`hostile/${name}`] = readFileSync(path.join(hostile, name), 'utf8');
    }
    for (const example of EXAMPLES) {
        files[`examples/${example.name}`] = example.text;
    }
    files['hostile/numbers.workout'] = `workout numbers <\n  ${'9'.repeat(400)} squats\n  intervals 10000000 x 20s on 10s off < 10 burpees >\n>\n`;
    files['hostile/lone-cr.workout'] = 'workout cr "CR" <\r  10 squats\r  amrap 5min <\r    5 burpees\r  >\r>\r';
    files['hostile/unclosed.workout'] = 'workout open "never closed <\n  3 rounds <\n    10 squats @\n';
    files['hostile/binary.workout'] = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)).toString('utf8');
    return files;
}

function formatSeconds(ms: number): string {
    const seconds = Math.round(ms / 1000);
    return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

async function main(): Promise<void> {
    const options = parseOptions(process.argv.slice(2));
    const started = Date.now();
    const log = new FailureLog();
    const node = process.execPath;
    console.log(`workout fuzz: seed ${options.seed}, ${options.only.has('documents') ? options.documents : 0} documents, ${options.only.has('server') ? options.edits : 0} server edits, ${options.workers} worker(s), Node ${process.version}, ${cpus().length} cores`);
    console.log(`  replay this run: npm run fuzz -- --seed ${options.seed} --documents ${options.documents} --edits ${options.edits}`);

    let documents: DocumentFigures | undefined;
    let documentsMs = 0;
    if (options.only.has('documents')) {
        const begun = Date.now();
        documents = await runDocuments(options, log);
        documentsMs = Date.now() - begun;
        console.log(`  documents done in ${formatSeconds(documentsMs)}`);
    }

    let server: ServerFigures | undefined;
    let serverMs = 0;
    if (options.only.has('server') && options.edits > 0) {
        const begun = Date.now();
        const bundle = path.join(ROOT, 'dist/server.cjs');
        server = await fuzzServer({
            seed: options.seed, edits: options.edits, server: bundle, node, workspace: hostileWorkspace(),
            startText: EXAMPLES.find(example => example.name.includes('plan'))?.text ?? EXAMPLES[0].text,
            log: line => console.log(line)
        });
        server.failures.forEach(failure => log.add(failure));
        // One file nested too deep in the workspace once stopped the server's initialisation, and
        // no file was answered again: a few edits show every file is, without waiting long if not.
        const deep = `workout deep <\n${'section "x" <\n'.repeat(300)}10 squats\n${'>\n'.repeat(301)}`;
        const poisoned = await fuzzServer({
            seed: options.seed, edits: 3, server: bundle, node, workspace: { 'hostile/deep.workout': deep }, stuckMs: 5000, context: deep,
            scenario: 'a file nested 300 deep in the workspace', startText: EXAMPLES[0].text
        });
        poisoned.failures.forEach(failure => log.add(failure));
        server.deepFileScenario = poisoned;
        serverMs = Date.now() - begun;
        console.log(`  server done in ${formatSeconds(serverMs)}`);
    }

    let cliRuns = 0;
    let cliMs = 0;
    if (options.only.has('cli')) {
        const begun = Date.now();
        const cli = await fuzzCli(node, path.join(ROOT, 'bin/workout.cjs'), {
            timeoutMs: 30_000,
            log: options.verbose ? line => console.log(line) : undefined
        });
        cli.failures.forEach(failure => log.add(failure));
        cliRuns = cli.runs;
        cliMs = Date.now() - begun;
        console.log(`  cli done in ${formatSeconds(cliMs)}`);
    }

    const total = Date.now() - started;
    const errorAnswers = server ? Object.values(server.errorAnswers).reduce((sum, count) => sum + count, 0) : 0;
    const figures = [
        '',
        `Figures (seed ${options.seed}, ${cpus().length} cores, ${options.workers} worker(s), Node ${process.version}):`,
        `  documents            ${documents ? `${documents.documents} random + ${documents.stress} stress, ${documents.calls} feature calls, ${documents.formattedClean} formatted clean` : 'not run'}`,
        `  document crashes     ${documents?.crashes ?? 0}`,
        `  document hangs       ${documents?.hangs ?? 0} (no answer in ${WATCHDOG_MS / 1000} s; slower than 2 s per feature is counted below as no-hang)`,
        `  server edits         ${server ? server.edits : 'not run'}`,
        `  server requests      ${server ? `${server.requests} (${server.cancelled} cancelled by a later edit)` : '-'}`,
        `  server crashes       ${server ? server.crashes : '-'}`,
        `  hangs > 2 s          ${server ? `${server.hangs} (slowest answer ${Math.round(server.slowestMs)} ms)` : '-'}`,
        `  error answers        ${server ? `${errorAnswers}${errorAnswers ? ` (${Object.entries(server.errorAnswers).map(([key, count]) => `${key}: ${count}`).join(', ')})` : ''}` : '-'}`,
        `  logged errors        ${server ? server.loggedErrors : '-'}`,
        `  range-format changes ${server ? server.rangeFormatChanges : '-'}`,
        `  with a deep file     ${server?.deepFileScenario ? `${server.deepFileScenario.edits} edits, ${server.deepFileScenario.requests} requests, ${server.deepFileScenario.hangs} unanswered, ${server.deepFileScenario.loggedErrors} logged errors` : '-'}`,
        `  cli runs             ${cliRuns}`,
        `  failures             ${log.total} (${log.newFailures} new, ${log.known} known-open)`,
        `  time                 ${formatSeconds(total)} (documents ${formatSeconds(documentsMs)}, server ${formatSeconds(serverMs)}, cli ${formatSeconds(cliMs)})`,
        `  CPU of the document workers ${formatSeconds(documents?.cpuMs ?? 0)}; load average ${loadavg().map(load => load.toFixed(1)).join(' ')} at the end`,
        ''
    ];
    console.log(figures.join('\n'));
    for (const line of log.lines(options.verbose ? 200 : 40)) {
        console.log(line);
    }
    const reportFile = path.join(tmpdir(), `workout-fuzz-${options.seed}.json`);
    writeFileSync(reportFile, JSON.stringify({ options: { ...options, only: [...options.only] }, documents, server: server && { ...server, failures: undefined }, cliRuns, totalMs: total, failures: log.all() }, null, 2));
    console.log(`\nThe failures, grouped, with a replay command each: ${reportFile}`);
    const failed = log.newFailures > 0 || (!options.allowKnown && log.known > 0);
    if (failed) {
        console.log(log.newFailures > 0
            ? `FAILED: ${log.newFailures} new failure(s).`
            : `FAILED: ${log.known} known-open failure(s) (${KNOWN_OPEN.length} known-open problems, tests/fuzz/known-open.ts); --known=allow accepts them.`);
    } else {
        console.log(log.known > 0 ? `OK: no new failure (${log.known} known-open, allowed).` : 'OK: no failure.');
    }
    process.exit(failed ? 1 : 0);
}

if (process.argv.includes('--worker')) {
    void worker();
} else {
    void main();
}
