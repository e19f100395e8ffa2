/**
 * The command line (`bin/workout.cjs`) over files no one meant to give it: empty, binary, bad
 * UTF-8, a BOM, a 200 KB line, deep nesting, names that are not `.workout`, a folder, a
 * folder of symlinks (to a file, dangling, in a loop), a FIFO. Each command must end with an
 * exit code of 0, 1 (problems in the file) or 2 (a usage problem), say what is wrong in a
 * line, and never print a stack trace or the "unexpected problem" of an uncaught error.
 */
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { classify } from './known-open.js';
import type { Occurrence } from './report.js';

export interface OddFile {
    name: string;
    /** Creates it in `dir`; returns the path to give the command (a file or a folder). */
    make(dir: string): string;
}

const EXAMPLE = 'workout w "W" <\n  amrap 10min <\n    10 burpees\n  >\n>\n';

function file(dir: string, name: string, content: string | Buffer): string {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
}

export const ODD_FILES: OddFile[] = [
    { name: 'empty', make: dir => file(dir, 'empty.workout', '') },
    { name: 'only blanks', make: dir => file(dir, 'blank.workout', ' \n\t\r\n\f\n') },
    { name: 'binary', make: dir => file(dir, 'binary.workout', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))) },
    { name: 'bad UTF-8', make: dir => file(dir, 'bad-utf8.workout', Buffer.concat([Buffer.from('workout w <\n  10 squats "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from('"\n>\n')])) },
    { name: 'UTF-16 with BOM', make: dir => file(dir, 'utf16.workout', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLE, 'utf16le')])) },
    { name: 'UTF-8 BOM', make: dir => file(dir, 'bom.workout', `\uFEFF${EXAMPLE}`) },
    { name: 'NUL bytes', make: dir => file(dir, 'nul.workout', `workout w <\n  10 squats\0\0 "x\0"\n>\n`) },
    { name: 'lone CR line ends', make: dir => file(dir, 'cr.workout', EXAMPLE.replace(/\n/g, '\r')) },
    { name: 'a 200 KB line', make: dir => file(dir, 'long-line.workout', `workout long < ${'10 squats; '.repeat(18_000)}>\n`) },
    { name: 'deep nesting', make: dir => file(dir, 'deep.workout', `workout deep <\n${'section "x" <\n'.repeat(5000)}10 squats\n${'>\n'.repeat(5001)}`) },
    { name: 'ten million intervals', make: dir => file(dir, 'intervals.workout', 'intervals 10000000 x 20s on 10s off < 10 burpees >\n') },
    { name: 'a 400-digit amount', make: dir => file(dir, 'digits.workout', `workout w <\n  ${'9'.repeat(400)} squats\n>\n`) },
    { name: 'not a .workout name', make: dir => file(dir, 'notes.txt', EXAMPLE) },
    { name: 'no extension', make: dir => file(dir, 'README', 'just text\n') },
    { name: 'a name with spaces and unicode', make: dir => file(dir, 'séance du lundi 💪.workout', EXAMPLE) },
    { name: 'a name starting with a dash', make: dir => file(dir, '-rf.workout', EXAMPLE) },
    { name: 'a folder', make: dir => { const folder = path.join(dir, 'folder.workout'); mkdirSync(folder); return folder; } },
    {
        name: 'a folder of symlinks',
        make: dir => {
            const folder = path.join(dir, 'links');
            mkdirSync(folder);
            writeFileSync(path.join(folder, 'real.workout'), EXAMPLE);
            symlinkSync(path.join(folder, 'real.workout'), path.join(folder, 'link.workout'));
            symlinkSync(path.join(folder, 'missing.workout'), path.join(folder, 'dangling.workout'));
            symlinkSync(folder, path.join(folder, 'loop'));
            symlinkSync(path.join(folder, 'a.workout'), path.join(folder, 'b.workout'));
            symlinkSync(path.join(folder, 'b.workout'), path.join(folder, 'a.workout'));
            return folder;
        }
    },
    { name: 'a dangling symlink', make: dir => { const link = path.join(dir, 'dangling.workout'); symlinkSync(path.join(dir, 'nowhere.workout'), link); return link; } },
    { name: 'a missing file', make: dir => path.join(dir, 'missing.workout') },
    {
        name: 'a FIFO',
        make: dir => {
            const fifo = path.join(dir, 'pipe.workout');
            const made = spawnSync('mkfifo', [fifo]);
            return made.status === 0 ? fifo : file(dir, 'pipe.workout', EXAMPLE);
        }
    }
];

export interface Command {
    name: string;
    args: (target: string) => string[];
}

/** The commands each odd file is given to. */
export const COMMANDS: Command[] = [
    { name: 'check', args: target => ['check', target] },
    { name: 'check --format json', args: target => ['check', target, '--format', 'json'] },
    { name: 'render', args: target => ['render', target] },
    { name: 'render --format html', args: target => ['render', target, '--format', 'html'] },
    { name: 'render --format md', args: target => ['render', target, '--format', 'md'] },
    { name: 'render --format ics', args: target => ['render', target, '--format', 'ics', '--start', '2027-01-04'] },
    { name: 'diff', args: target => ['diff', target, target] }
];

export interface CliRun {
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
    ms: number;
}

/** Runs the command line, ending it after `timeoutMs`. */
export function runCli(node: string, bin: string, args: string[], cwd: string, timeoutMs: number): Promise<CliRun> {
    return new Promise(resolve => {
        const started = performance.now();
        const child = spawn(node, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout = (stdout + String(chunk)).slice(-200_000); });
        child.stderr.on('data', chunk => { stderr = (stderr + String(chunk)).slice(-20_000); });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
        });
    });
}

/** What is wrong with one run, if anything. */
export function cliProblem(run: CliRun, timeoutMs: number): { property: string; message: string } | undefined {
    if (run.signal) {
        return { property: run.ms >= timeoutMs ? 'no-hang' : 'no-crash', message: `killed by ${run.signal} after ${Math.round(run.ms)} ms` };
    }
    if (run.code === null || run.code > 2) {
        return { property: 'exit-code', message: `exit code ${run.code}: ${run.stderr.slice(0, 300)}` };
    }
    if (/\n\s+at .+[:(]/.test(run.stderr) || /\n\s+at .+[:(]/.test(run.stdout)) {
        return { property: 'no-stack-trace', message: run.stderr.slice(0, 400) };
    }
    if (/unexpected problem/i.test(run.stderr)) {
        return { property: 'no-exception', message: run.stderr.trim().slice(0, 400) };
    }
    if (run.code === 2 && run.stderr.trim().split('\n').length > 3) {
        return { property: 'one-line-message', message: run.stderr.slice(0, 400) };
    }
    // `check --format json` says what is wrong on stdout, as JSON: a failure must say something somewhere.
    if (run.code !== 0 && run.stderr.trim() === '' && run.stdout.trim() === '') {
        return { property: 'one-line-message', message: `exit code ${run.code} and nothing said` };
    }
    return undefined;
}

/** The text of a regular file (what the known-open predicates look at); a marker for anything else. */
function contentOf(target: string): string {
    try {
        if (lstatSync(target).isFile()) {
            return readFileSync(target, 'utf8');
        }
        return statSync(target).isFIFO() ? '<a FIFO>' : '<not a regular file>';
    } catch {
        return '<missing>';
    }
}

export interface CliFigures {
    runs: number;
    failures: Occurrence[];
}

export interface CliFuzzOptions {
    timeoutMs?: number;
    /** Odd files left out, by name. */
    skip?: string[];
    /** The commands for one file (every command by default). */
    commandsFor?: (file: OddFile, index: number) => Command[];
    log?: (line: string) => void;
}

/** Every odd file through every command (or those chosen). */
export async function fuzzCli(node: string, bin: string, options: CliFuzzOptions = {}): Promise<CliFigures> {
    const { timeoutMs = 30_000, skip = [], commandsFor = () => COMMANDS, log } = options;
    const dir = mkdtempSync(path.join(tmpdir(), 'workout-fuzz-cli-'));
    const figures: CliFigures = { runs: 0, failures: [] };
    try {
        for (const [index, odd] of ODD_FILES.filter(file => !skip.includes(file.name)).entries()) {
            const target = odd.make(dir);
            for (const command of commandsFor(odd, index)) {
                const run = await runCli(node, bin, command.args(target), dir, timeoutMs);
                figures.runs++;
                const problem = cliProblem(run, timeoutMs);
                if (problem) {
                    const [classified] = classify(contentOf(target), [{ ...problem, feature: `cli ${command.name}`, message: `${odd.name}: ${problem.message}` }]);
                    figures.failures.push({ ...classified, where: `workout ${command.args(`<${odd.name}>`).join(' ')}` });
                }
                log?.(`  cli: ${command.name} on ${odd.name}: exit ${run.code ?? run.signal} in ${Math.round(run.ms)} ms${problem ? ` — ${problem.property}` : ''}`);
            }
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    return figures;
}
