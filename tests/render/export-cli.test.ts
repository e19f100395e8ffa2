/**
 * `workout render <file> --format html` writes the same page the preview shows, as one file a
 * coach can print: to stdout, or to a file with --out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readTags } from './markup.js';

const EXAMPLE = path.resolve(__dirname, '../../examples/cross-training-amrap.workout');
const HOSTILE = path.resolve(__dirname, '../fixtures/hostile/notes.workout');
const scratch = mkdtempSync(path.join(tmpdir(), 'workout-export-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: text => out.push(text), err: text => err.push(text) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('workout render --format html', () => {
    it('prints a self-contained page with the workout\'s cards and charts', async () => {
        const { code, out, err } = await run('render', EXAMPLE, '--format', 'html');
        expect(err).toBe('');
        expect(code).toBe(0);
        expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(out).toContain('<h1 class="page-title">Cross-training AMRAP</h1>');
        expect(out).toContain('>AMRAP 20min</h2>');
        expect(out).toContain('<svg class="chart bar-chart"');
        expect(out).toContain('@media print');
        expect(out).not.toMatch(/<script|<link/);
        expect(readTags(out).problems).toEqual([]);
    });

    it('writes the page to a file with --out and says so on stderr', async () => {
        const target = path.join(scratch, 'amrap.html');
        const { code, out, err } = await run('render', EXAMPLE, '--format', 'html', '--out', target);
        expect(code).toBe(0);
        expect(out).toBe('');
        expect(err).toContain(`wrote ${target}`);
        const written = readFileSync(target, 'utf8');
        expect(written).toContain('Cross-training AMRAP');
        expect(written.endsWith('</html>\n')).toBe(true);
    });

    it('keeps hostile notes as text in the exported file', async () => {
        const { code, out } = await run('render', HOSTILE, '--format', 'html');
        expect(code).toBe(0);
        expect(readTags(out).problems).toEqual([]);
        expect(out).toContain('&lt;body onload=window.__pwned=22&gt;');
    });

    it('explains a folder that cannot be written, without a stack trace', async () => {
        const { code, err } = await run('render', EXAMPLE, '--format', 'html', '--out', path.join(scratch, 'missing', 'x.html'));
        expect(code).toBe(2);
        expect(err).toMatch(/cannot write .*x\.html: ENOENT/);
        expect(err).not.toMatch(/\n\s+at /);
    });

    it('names the formats when given one it does not know', async () => {
        const { code, err } = await run('render', EXAMPLE, '--format', 'pdf');
        expect(code).toBe(2);
        expect(err).toMatch(/--format must be one of .*html/);
    });
});
