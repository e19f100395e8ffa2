/**
 * The `workout` command run in-process, as the tests call it: its exit code and what it wrote
 * to stdout and stderr, each as one string.
 */
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';

export interface Run {
    code: number;
    out: string;
    err: string;
}

export async function cli(...argv: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: text => out.push(text), err: text => err.push(text) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A problem with the command line or a file: exit 2, nothing on stdout, `workout: ` and the
 * problem on the first line of stderr, no stack trace. Returns the lines written to stderr.
 */
export function expectProblem(run: Run, mentions: RegExp): string[] {
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    const lines = run.err.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^workout: /);
    expect(lines[0]).toMatch(mentions);
    expect(run.err).not.toMatch(/\n\s+at |Error:|TypeError|ENOENT.*\n/);
    return lines;
}
