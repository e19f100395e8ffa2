/**
 * The `workout` command line as a coach or a CI job meets it: exit codes (0 clean, 1 errors,
 * 2 usage or file problems), `file:line:col severity message [code]` lines, the JSON shapes, and
 * one clear line instead of a stack trace whenever a file cannot be read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectProblem, type Run } from './run-cli.js';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const amrapExample = readdirSync(EXAMPLES).filter(name => name.endsWith('.workout'))
    .find(name => /amrap\s+20min/.test(readFileSync(path.join(EXAMPLES, name), 'utf8')))!;

const scratch = mkdtempSync(path.join(tmpdir(), 'workout-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes files under a fresh folder of the scratch area and returns the folder. */
function folder(name: string, files: Record<string, string | Buffer>): string {
    const dir = path.join(scratch, name);
    for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
    }
    return dir;
}

const MISSPELLED = `// Monday: a quick circuit
workout monday "Monday circuit" <
  3 rounds rest 60s <
    10 squats
    10 burpess
    20 mountain-climbers
  >
>
`;

function expectOneLineProblem(run: Run, mentions: RegExp): void {
    expect(expectProblem(run, mentions), run.err).toHaveLength(1);
}

describe('workout check', () => {
    it('checks the examples clean: exit 0', async () => {
        const run = await cli('check', 'examples');
        expect(run.code, run.out + run.err).toBe(0);
        expect(run.out.split('\n').filter(line => / (error|warning) /.test(line))).toEqual([]);
        expect(run.err).toMatch(/\d+ files checked: 0 errors, 0 warnings/);
    });

    it('a misspelled exercise: exit 1, an error on its line offering the right name', async () => {
        const dir = folder('misspelled', { 'monday.workout': MISSPELLED });
        const run = await cli('check', path.join(dir, 'monday.workout'));
        expect(run.code).toBe(1);
        const lines = run.out.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^\S*monday\.workout:5:8 error .*`burpess`.*`burpees`.* \[unknown-exercise\]$/);
        expect(run.err).toMatch(/1 file checked: 1 error, 0 warnings/);
    });

    it('--format json: files, diagnostics with 1-based line and column, severity, code, message, and a summary', async () => {
        const dir = folder('json', { 'monday.workout': MISSPELLED, 'clean.workout': 'workout clean < 10 squats >\n' });
        const run = await cli('check', dir, '--format', 'json');
        expect(run.code).toBe(1);
        const report = JSON.parse(run.out);
        expect(report.files.map((file: string) => path.basename(file)).sort()).toEqual(['clean.workout', 'monday.workout']);
        expect(report.diagnostics).toHaveLength(1);
        const [diagnostic] = report.diagnostics;
        expect(diagnostic).toMatchObject({ line: 5, column: 8, severity: 'error', code: 'unknown-exercise' });
        expect(diagnostic.file).toMatch(/monday\.workout$/);
        expect(diagnostic.message).toContain('`burpees`');
        expect(Object.keys(diagnostic)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'severity', 'code', 'message']));
        expect(report.summary).toMatchObject({ files: 2, errors: 1, warnings: 0 });
    });

    it('warnings and hints alone still exit 0', async () => {
        const dir = folder('warnings', { 'typo.workout': 'workout typo <\n  500 squats\n  10 lunges\n>\n' });
        const run = await cli('check', dir, '--format', 'json');
        expect(run.code).toBe(0);
        const codes = JSON.parse(run.out).diagnostics.map((d: { severity: string; code: string }) => `${d.severity} ${d.code}`);
        expect(codes).toEqual(['warning implausible-amount', 'hint unilateral-needs-side']);
    });

    it('searches folders recursively, skipping other files', async () => {
        const dir = folder('recursive', {
            'week-1/monday.workout': 'workout monday-1 < 10 squats >\n',
            'week-1/notes.txt': 'not a workout',
            'week-2/deep/friday.workout': MISSPELLED.replace('workout monday', 'workout friday')
        });
        const run = await cli('check', dir, '--format', 'json');
        expect(run.code).toBe(1);
        const report = JSON.parse(run.out);
        expect(report.files.map((file: string) => path.basename(file)).sort()).toEqual(['friday.workout', 'monday.workout']);
        expect(report.diagnostics[0].file).toMatch(/week-2[/\\]deep[/\\]friday\.workout$/);
    });

    it('a file that imports another resolves the exercises defined there', async () => {
        const dir = folder('imports', {
            'common/exercises.workout': 'exercise banded-walk "Banded lateral walk" <\n  muscles: glutes\n  unilateral: yes\n>\n',
            'monday.workout': 'import "common/exercises.workout"\n\nworkout monday <\n  3 x 10 banded-walk per side\n>\n',
            'tuesday.workout': 'workout tuesday <\n  3 x 10 banded-walk per side\n>\n',
            'wednesday.workout': 'import "common/missing.workout"\n\nworkout wednesday <\n  10 squats\n>\n'
        });
        const withImport = await cli('check', path.join(dir, 'monday.workout'));
        expect(withImport.code, withImport.out).toBe(0);
        expect(withImport.out).toBe('');

        const withoutImport = await cli('check', path.join(dir, 'tuesday.workout'));
        expect(withoutImport.code).toBe(1);
        expect(withoutImport.out).toMatch(/tuesday\.workout:2:10 error .*`banded-walk`.* \[unknown-exercise\]/);

        const missing = await cli('check', path.join(dir, 'wednesday.workout'));
        expect(missing.code).toBe(1);
        expect(missing.out).toMatch(/wednesday\.workout:1:8 error .*common\/missing\.workout.* \[import-not-found\]/);
    });

    it('an exercise defined in another file of the same check resolves; one defined twice is an error', async () => {
        const dir = folder('workspace', {
            'exercises.workout': 'exercise sled-push < muscles: quadriceps >\n',
            'session.workout': 'workout sled-day < 4 x 20m sled-push >\n',
            'again.workout': 'exercise sled-push < muscles: glutes >\n'
        });
        const run = await cli('check', dir, '--format', 'json');
        const diagnostics = JSON.parse(run.out).diagnostics as Array<{ file: string; code: string }>;
        expect(diagnostics.filter(d => d.code === 'unknown-exercise')).toEqual([]);
        expect(diagnostics.filter(d => d.code === 'duplicate-definition').map(d => path.basename(d.file)).sort()).toEqual(['again.workout', 'exercises.workout']);
        expect(run.code).toBe(1);
    });

    it('a block left open at the end of the file is reported where it opens', async () => {
        const dir = folder('unclosed', { 'core.workout': 'workout core <\n  3 x 30s plank\n  2 x 10 dead-bug per side\n' });
        const run = await cli('check', dir, '--format', 'json');
        expect(run.code).toBe(1);
        const [diagnostic] = JSON.parse(run.out).diagnostics;
        expect(diagnostic).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 'workout core <'.length + 1, severity: 'error', code: 'syntax-error' });
        expect(diagnostic.message).toMatch(/This `<` of `workout core` is never closed/);
    });

    it('a missing file: exit 2 and one line', async () => {
        expectOneLineProblem(await cli('check', path.join(scratch, 'no-such-file.workout')), /no-such-file\.workout: no such file/);
    });

    it('a folder without workouts: exit 2 and one line', async () => {
        const dir = folder('empty', { 'readme.txt': 'nothing here' });
        expectOneLineProblem(await cli('check', dir), /holds no \.workout files/);
    });

    it('a binary file: exit 2 and one line', async () => {
        const dir = folder('binary', { 'image.workout': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) });
        expectOneLineProblem(await cli('check', path.join(dir, 'image.workout')), /binary/);
    });

    it('bad UTF-8: exit 2 and one line', async () => {
        const dir = folder('latin1', { 'cafe.workout': Buffer.from('workout caf\xe9 < 10 squats >\n', 'latin1') });
        expectOneLineProblem(await cli('check', path.join(dir, 'cafe.workout')), /not valid UTF-8/);
    });

    it('no file given: exit 2', async () => {
        const run = await cli('check');
        expect(run.code).toBe(2);
        expect(run.err.split('\n')[0]).toMatch(/^workout: check needs at least one file or folder/);
    });

    it('an unknown command: exit 2, the problem on the first line, no stack trace', async () => {
        const run = await cli('chekc', 'examples');
        expect(run.code).toBe(2);
        expect(run.err.split('\n')[0]).toBe('workout: Unknown command "chekc".');
        expect(run.err).not.toMatch(/\n\s+at /);
    });

    it('a bad --format: exit 2 and one line', async () => {
        expectOneLineProblem(await cli('check', 'examples', '--format', 'xml'), /--format must be one of text, json, not "xml"/);
    });
});

describe('workout render', () => {
    it('--format json prints the session model, with the AMRAP capped at 1200 s', async () => {
        const run = await cli('render', path.join('examples', amrapExample), '--format', 'json');
        expect(run.code, run.err).toBe(0);
        const session = JSON.parse(run.out);
        expect(Object.keys(session).sort()).toEqual(['plans', 'workouts']);
        const blocks = session.workouts.flatMap((w: { blocks: unknown[] }) => w.blocks);
        expect(blocks).toContainEqual(expect.objectContaining({ kind: 'amrap', capSeconds: 1200 }));
        expect(session.workouts[0]).toEqual(expect.objectContaining({ id: expect.any(String), estimatedSeconds: expect.any(Number), muscles: expect.any(Object), equipment: expect.any(Array) }));
    });

    it('json is the default format', async () => {
        const run = await cli('render', path.join('examples', amrapExample));
        expect(run.code).toBe(0);
        expect(() => JSON.parse(run.out)).not.toThrow();
    });

    it('--format md prints a Markdown session sheet', async () => {
        const run = await cli('render', path.join('examples', amrapExample), '--format', 'md');
        expect(run.code, run.err).toBe(0);
        expect(run.out).toMatch(/^# /);
        expect(run.out).toMatch(/AMRAP/);
        expect(run.out).toMatch(/Burpees/);
    });

    it('a draft with an unknown name is rendered, the name marked, with the errors on stderr', async () => {
        const dir = folder('render-errors', { 'monday.workout': MISSPELLED });
        const run = await cli('render', path.join(dir, 'monday.workout'), '--format', 'html');
        expect(run.code, run.err).toBe(0);
        expect(run.out).toContain('<span class="name unknown">burpess</span>');
        expect(run.err).toMatch(/monday\.workout:5:8 error .*\[unknown-exercise\]/);
        expect(run.err).toMatch(/rendered with the problems above marked/);
    });

    it('a file with syntax errors is not rendered: exit 1 with the errors', async () => {
        const dir = folder('render-syntax', { 'monday.workout': 'workout monday <\n  10 squats 10 lunges\n>\n' });
        const run = await cli('render', path.join(dir, 'monday.workout'));
        expect(run.code).toBe(1);
        expect(run.out).toBe('');
        expect(run.err).toMatch(/monday\.workout:2:13 error .*\[syntax-error\]/);
    });

    it('--start for a calendar: says what is wrong with the date and which Monday to give', async () => {
        const run = (start: string) => cli('render', path.join('examples', 'runner-strength-plan.workout'), '--format', 'ics', '--start', start);
        expect((await run('2027-01-06')).err).toBe('workout: --start 2027-01-06 is a Wednesday; give the Monday of week 1, e.g. 2027-01-04.');
        expect((await run('2027-02-30')).err).toBe('workout: --start 2027-02-30 is not a date in the calendar.');
        expectOneLineProblem(await run('04/01/2027'), /--start must be a date written YYYY-MM-DD, such as 2027-01-04, not "04\/01\/2027"\./);
    });

    it('a folder is not a file to render: exit 2 and one line', async () => {
        expectOneLineProblem(await cli('render', 'examples'), /^workout: examples: is a folder; give a \.workout file\.$/);
    });

    it('render of a missing file or with a bad format: exit 2 and one line', async () => {
        expectOneLineProblem(await cli('render', path.join(scratch, 'gone.workout')), /gone\.workout: no such file/);
        expectOneLineProblem(await cli('render', path.join('examples', amrapExample), '--format', 'pdf'), /--format must be one of/);
    });
});

describe('the built command (bin/workout.cjs)', () => {
    const bin = path.join(ROOT, 'bin', 'workout.cjs');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

    it('is built', () => {
        expect(existsSync(path.join(ROOT, 'dist', 'cli.cjs')), 'run `npm run build` first').toBe(true);
    });

    it('`check examples` exits 0', () => {
        const result = run('check', 'examples');
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toMatch(/0 errors/);
    });

    it('a misspelled `burpess` exits 1 with the error on its line, offering `burpees`', () => {
        const dir = folder('spawned', { 'monday.workout': MISSPELLED });
        const result = run('check', path.join(dir, 'monday.workout'));
        expect(result.status).toBe(1);
        expect(result.stdout).toMatch(/monday\.workout:5:8 error .*`burpees`.* \[unknown-exercise\]/);
    });

    it('render --format json prints capSeconds 1200', () => {
        const result = run('render', path.join('examples', amrapExample), '--format', 'json');
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/"capSeconds": 1200/);
    });

    it('a missing file exits 2 with one line and no stack trace', () => {
        const result = run('check', 'no-such-folder');
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).not.toMatch(/\n\s+at /);
    });
});
