/**
 * How `workout` is asked for help and how it answers a command line it cannot run: each
 * command's own `--help`, options that belong to another command or to none, values outside
 * the choices. Help is an answer (exit 0); every mistake in the command line is exit 2, with
 * one line naming what is wrong and, when that line does not say what is allowed, a pointer
 * to the command's `--help`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli, expectProblem, type Run } from './run-cli.js';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join('examples', 'cross-training-amrap.workout');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Each command's own options: its help shows these and none of the others'. */
const OPTIONS: Record<string, string[]> = {
    check: ['--format'],
    render: ['--format', '--out', '--start'],
    diff: ['--format', '--git']
};
const ALL_OPTIONS = [...new Set(Object.values(OPTIONS).flat())];

/** The problem line, then the pointer to `--help`: nothing else, no stack trace. */
function expectUsageProblem(run: Run, mentions: RegExp, help: string): void {
    const lines = expectProblem(run, mentions);
    expect(lines, run.err).toHaveLength(2);
    expect(lines[1]).toContain(`\`${help} --help\``);
}

afterEach(() => vi.restoreAllMocks());

describe('workout --help', () => {
    it('lists the commands with their usage and the exit codes: exit 0 on stdout', async () => {
        const run = await cli('--help');
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        expect(run.out).toMatch(/^Usage: workout <command> \[options\]/);
        for (const command of Object.keys(OPTIONS)) {
            expect(run.out).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'));
            expect(run.out).toMatch(new RegExp(`^ {2}workout ${command} `, 'm'));
        }
        expect(run.out).toContain('Exit codes: 0 clean, 1 errors in the files, 2 a usage or file problem.');
    });

    it('`workout help` says the same', async () => {
        const help = await cli('help');
        expect(help).toEqual(await cli('--help'));
    });

    it('--version prints the version of package.json', async () => {
        expect(await cli('--version')).toEqual({ code: 0, out: version, err: '' });
    });

    it('the usage lines in the README are the ones --help prints', async () => {
        const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        const section = readme.slice(readme.indexOf('## The command line'));
        const block = /```\n([\s\S]*?)```/.exec(section)![1].trim().split('\n');
        const help = (await cli('--help')).out.split('\n').filter(line => line.startsWith('  workout ')).map(line => line.trim());
        expect(block).toEqual(help);
    });
});

describe('each command\'s own --help', () => {
    for (const [command, options] of Object.entries(OPTIONS)) {
        it(`workout ${command} --help shows ${command}'s options and no other's: exit 0`, async () => {
            const run = await cli(command, '--help');
            expect(run.code).toBe(0);
            expect(run.err).toBe('');
            expect(run.out).toMatch(new RegExp(`^Usage: workout ${command} `));
            const shown = ALL_OPTIONS.filter(option => new RegExp(`^ +(-\\w, )?${option} `, 'm').test(run.out));
            expect(shown.sort()).toEqual([...options].sort());
            expect(await cli('help', command)).toEqual(run);
        });
    }

    it('names the choices of --format', async () => {
        // Help wraps its lines to the terminal's width.
        const helpOf = async (command: string) => (await cli(command, '--help')).out.replace(/\s+/g, ' ');
        expect(await helpOf('check')).toContain('choices: "text", "json", default: "text"');
        expect(await helpOf('render')).toContain('choices: "json", "md", "html", "ics", "fit", default: "json"');
    });
});

describe('a command line workout cannot run: exit 2', () => {
    it('an option of another command: check x --start y names the option and where it belongs', async () => {
        const run = await cli('check', 'x', '--start', 'y');
        expectUsageProblem(run, /check has no option --start; it is an option of render\./, 'workout check');
    });

    it('an option no command has, with the likely one suggested', async () => {
        expectUsageProblem(await cli('check', EXAMPLE, '--fromat', 'json'), /check has no option --fromat; did you mean --format\?/, 'workout check');
        expectUsageProblem(await cli('diff', EXAMPLE, EXAMPLE, '--out', 'x.txt'), /diff has no option --out; it is an option of render\./, 'workout diff');
        expectUsageProblem(await cli('render', EXAMPLE, '--git=HEAD'), /render has no option --git; it is an option of diff\./, 'workout render');
    });

    it('an option before the command\'s name, or a program option after it', async () => {
        expectUsageProblem(await cli('--format', 'json', 'check', EXAMPLE), /--format is not an option of workout itself; it is an option of check, after its name\./, 'workout');
        expectUsageProblem(await cli('check', EXAMPLE, '--version'), /check has no option --version/, 'workout check');
    });

    it('a --format outside the choices: one line listing them', async () => {
        const run = await cli('render', EXAMPLE, '--format', 'nope');
        expect(run).toMatchObject({ code: 2, out: '' });
        expect(run.err).toBe('workout: --format must be one of json, md, html, ics, fit, not "nope".');
        expect((await cli('diff', EXAMPLE, EXAMPLE, '-f', 'md')).err).toBe('workout: --format must be one of text, json, not "md".');
    });

    it('an option without its value', async () => {
        expectUsageProblem(await cli('render', EXAMPLE, '--out'), /--out needs a value: --out <file>\./, 'workout render');
    });

    it('no command: the usage on stderr', async () => {
        const run = await cli();
        expect(run.code).toBe(2);
        expect(run.out).toBe('');
        expect(run.err).toMatch(/^Usage: workout <command> \[options\]/);
        expect(run.err).toMatch(/^ {2}workout check /m);
    });

    it('an unknown command, with the likely one suggested', async () => {
        const run = await cli('rendr', EXAMPLE);
        expect(run.code).toBe(2);
        expect(run.err.split('\n')).toEqual(['workout: Unknown command "rendr".', 'Did you mean render? See `workout --help` for the commands.']);
    });

    it('too few or too many files', async () => {
        expectUsageProblem(await cli('render'), /render takes exactly one file/, 'workout render');
        expectUsageProblem(await cli('render', EXAMPLE, EXAMPLE), /render takes exactly one file/, 'workout render');
        expectUsageProblem(await cli('diff', '--git', 'HEAD'), /diff --git takes one file/, 'workout diff');
    });

    it('never leaves it to commander to end the process', async () => {
        const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
            throw new Error('process.exit called');
        });
        for (const argv of [[], ['--help'], ['--version'], ['check', '--help'], ['check', 'x', '--start', 'y'], ['nope']]) {
            await cli(...argv);
        }
        expect(exit).not.toHaveBeenCalled();
    });
});

describe('the built command (bin/workout.cjs) answers the same', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'workout.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

    it('workout render --help: exit 0 with render\'s options', () => {
        const result = run('render', '--help');
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/^Usage: workout render /);
        expect(result.stdout).toContain('--start <YYYY-MM-DD>');
    });

    it('workout check x --start y: exit 2, the option named, no stack trace', () => {
        const result = run('check', 'x', '--start', 'y');
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')).toEqual([
            'workout: check has no option --start; it is an option of render.',
            'See `workout check --help` for its usage and options.'
        ]);
    });

    it('workout with no command: exit 2', () => {
        expect(run().status).toBe(2);
    });
});
