/**
 * The `workout` command run in-process, as the tests call it: its exit code and what it wrote
 * to stdout and stderr, each as one string.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect } from 'vitest';
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

const scratch: string[] = [];
afterAll(() => scratch.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder in the system's temporary folder with these files in it, removed after the tests. */
export function scratchFolder(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'workout-cli-'));
    scratch.push(dir);
    for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
    }
    return dir;
}
