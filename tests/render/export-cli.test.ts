/**
 * `workout render <file> --format html` writes the same page the preview shows, as one file a
 * coach can print: to stdout, or to a file with --out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { count, readTags } from './markup.js';

const EXAMPLE = path.resolve(__dirname, '../../examples/cross-training-amrap.workout');
const HOSTILE = path.resolve(__dirname, '../fixtures/hostile/notes.workout');
const TIMER_BUNDLE = path.resolve(__dirname, '../../dist/webview/timer.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'workout-export-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: text => out.push(text), err: text => err.push(text) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('workout render --format html', () => {
    it('prints a self-contained page with the workout\'s cards and charts, and its timer inlined under a nonce', async () => {
        const { code, out, err } = await run('render', EXAMPLE, '--format', 'html');
        expect(err).toBe('');
        expect(code).toBe(0);
        expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(out).toContain('<h1 class="page-title">Cross-training AMRAP</h1>');
        expect(out).toContain('>AMRAP 20min</h2>');
        expect(out).toContain('<svg class="chart bar-chart"');
        expect(out).toContain('@media print');
        expect(out).not.toMatch(/<link|src=|href=/);
        expect(readTags(out).problems).toEqual([]);
        // The timer (dist/webview/timer.js, built by npm run build) is the page's one script.
        const nonce = /<script nonce="([0-9a-f]{36})">/.exec(out)?.[1];
        expect(nonce).toBeDefined();
        expect(out).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'"`);
        expect(count(out, /<script nonce=/g)).toBe(1);
        expect(out).toContain(readFileSync(TIMER_BUNDLE, 'utf8').trim().slice(0, 200));
        expect(count(out, /<button type="button" class="timer-play" data-timer-play="">/g)).toBe(1);
        expect(count(out, /<script type="application\/json" class="workout-timeline">/g)).toBe(1);
    });

    it('draws a new nonce for every page', async () => {
        const nonces = await Promise.all([1, 2, 3].map(async () => /<script nonce="([^"]+)">/.exec((await run('render', EXAMPLE, '--format', 'html')).out)?.[1]));
        expect(new Set(nonces).size).toBe(3);
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
