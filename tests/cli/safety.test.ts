/**
 * Nothing a coach types or opens can crash, hang or destroy anything (issue 10), as the command
 * line meets it: devices and FIFOs refused, a size limit that keeps a check to seconds, no
 * internal message or stack trace, `--out` that never replaces a `.workout` file and writes all
 * or nothing, imports kept to the project, links followed once, and a terminal that file
 * contents cannot drive.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DefaultDocumentBuilder, DefaultDocumentValidator } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diskWrites, writeAtomically, type WriteSystem } from '../../src/cli/atomic-write.js';
import { jsonText, terminalText } from '../../src/cli/cli-io.js';
import { MAX_FILE_BYTES } from '../../src/cli/files.js';
import { runCli } from '../../src/cli/main.js';
import { cli, expectProblem, scratchFolder, type Run } from './run-cli.js';

const onPosix = process.platform !== 'win32';
const EXAMPLE = path.resolve(__dirname, '../../examples/cross-training-amrap.workout');

const MISSPELLED = 'workout monday <\n  10 burpess\n>\n';
const CLEAN = 'workout clean <\n  10 squats\n>\n';

function expectOneLineProblem(run: Run, mentions: RegExp): string {
    const lines = expectProblem(run, mentions);
    expect(lines, run.err).toHaveLength(1);
    return lines[0];
}

afterEach(() => vi.restoreAllMocks());

describe('only regular files are read', () => {
    it.runIf(onPosix)('check /dev/zero: refused at once, not read without end', async () => {
        expectOneLineProblem(await cli('check', '/dev/zero'), /^workout: \/dev\/zero: is not a regular file: give a \.workout file or a folder\.$/);
    });

    it.runIf(onPosix)('a FIFO named, in a folder, or imported does not block the check', async () => {
        const dir = scratchFolder({
            'plan.workout': `import "pipe.workout"\n\n${CLEAN}`
        });
        execFileSync('mkfifo', [path.join(dir, 'pipe.workout')]);
        expectOneLineProblem(await cli('check', path.join(dir, 'pipe.workout')), /pipe\.workout: is not a regular file: give a \.workout file or a folder\./);
        const folder = await cli('check', dir, '--format', 'json');
        const report = JSON.parse(folder.out);
        expect(report.files.map((file: string) => path.basename(file))).toEqual(['plan.workout']);
        expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['import-not-found']);
    });

    it.runIf(onPosix)('the built command on /dev/zero exits 2 with one line, within seconds', () => {
        const started = Date.now();
        const result = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/workout.cjs'), 'check', '/dev/zero'], { encoding: 'utf8', timeout: 30_000 });
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split('\n')).toEqual(['workout: /dev/zero: is not a regular file: give a .workout file or a folder.']);
        expect(Date.now() - started).toBeLessThan(20_000);
    });
});

describe('the size limit', () => {
    it('is between 500 KB and 2 MB: what a check reads in seconds', () => {
        expect(MAX_FILE_BYTES).toBeGreaterThanOrEqual(500 * 1024);
        expect(MAX_FILE_BYTES).toBeLessThanOrEqual(2 * 1024 * 1024);
    });

    it('a larger file is refused in one line that gives the limit and says to split it', async () => {
        const line = '10 squats\n';
        const dir = scratchFolder({ 'huge.workout': line.repeat(Math.ceil((MAX_FILE_BYTES + 1) / line.length)) });
        const problem = expectOneLineProblem(await cli('check', path.join(dir, 'huge.workout')), /huge\.workout: is 1\.0 MB/);
        expect(problem).toContain(`may have ${MAX_FILE_BYTES / 1024 / 1024} MB at most: split it into smaller files (one file per athlete per block`);
    });

    it('an import over the limit is not read: the import is reported, nothing else fails', async () => {
        const dir = scratchFolder({
            'huge.workout': 'exercise x < muscles: glutes >\n'.padEnd(MAX_FILE_BYTES + 10, '\n'),
            'plan.workout': `import "huge.workout"\n\n${CLEAN}`
        });
        const run = await cli('check', path.join(dir, 'plan.workout'));
        expect(run.code).toBe(1);
        expect(run.out).toMatch(/plan\.workout:1:8 error .*\[import-not-found\]$/);
    });
});

describe('a file that is not a .workout file, and problems nobody expected', () => {
    it('check notes.txt: one line, not an internal message', async () => {
        const dir = scratchFolder({ 'notes.txt': CLEAN });
        const problem = expectOneLineProblem(await cli('check', path.join(dir, 'notes.txt')), /notes\.txt: is not a \.workout file/);
        expect(problem).not.toMatch(/service registry|extension/);
        expectOneLineProblem(await cli('render', path.join(dir, 'notes.txt')), /notes\.txt: is not a \.workout file/);
        expectOneLineProblem(await cli('diff', path.join(dir, 'notes.txt'), EXAMPLE), /notes\.txt: is not a \.workout file/);
    });

    it('an error inside the language services: one line, asking for a report, no stack trace', async () => {
        vi.spyOn(DefaultDocumentBuilder.prototype, 'build').mockRejectedValue(new Error('inner words\n    at Somewhere (langium.js:1:1)'));
        const run = await cli('check', EXAMPLE);
        expect(expectOneLineProblem(run, /unexpected/)).toBe('workout: unexpected problem: inner words — please report it.');
    });

    it('checks that stop half-way (Langium logs and goes on) are not passed off as a clean file', async () => {
        // What Langium does when a check throws, e.g. on a file with too many problems: it
        // logs the error with its stack and returns the diagnostics found so far.
        const validator = DefaultDocumentValidator.prototype as unknown as { validateAst: () => Promise<unknown> };
        vi.spyOn(validator, 'validateAst').mockRejectedValue(new RangeError('Maximum call stack size exceeded'));
        const written = vi.spyOn(process.stderr, 'write');
        const run = await cli('check', EXAMPLE);
        expect(expectOneLineProblem(run, /unexpected/)).toBe('workout: unexpected problem: the checks stopped before the end (Maximum call stack size exceeded) — please report it.');
        expect(written).not.toHaveBeenCalled();
    });

    it('a file nested deeper than the parser goes: exit 1 or 2, never a stack trace', async () => {
        const depth = 5000;
        const dir = scratchFolder({ 'deep.workout': `workout deep <\n${'3 rounds <\n'.repeat(depth)}10 squats\n${'>\n'.repeat(depth)}>\n` });
        const run = await cli('check', path.join(dir, 'deep.workout'));
        expect([1, 2]).toContain(run.code);
        expect(run.err).not.toMatch(/\n\s+at |Error:/);
    });
});

describe('render --out', () => {
    const render = (input: string, out: string) => cli('render', input, '--format', 'md', '--out', out);

    it('never replaces the file being rendered, nor any .workout file', async () => {
        const dir = scratchFolder({ 'a.workout': CLEAN, 'b.workout': MISSPELLED });
        const input = path.join(dir, 'a.workout');
        expectOneLineProblem(await render(input, input), /--out .*a\.workout is the file being rendered: write to another file, e.g\. --out a\.md\./);
        expectOneLineProblem(await render(input, path.join(dir, 'b.workout')), /--out .*b\.workout would replace a \.workout file/);
        expectOneLineProblem(await render(input, path.join(dir, 'new.workout')), /would replace a \.workout file/);
        expect(readFileSync(input, 'utf8')).toBe(CLEAN);
        expect(readFileSync(path.join(dir, 'b.workout'), 'utf8')).toBe(MISSPELLED);
        expect(existsSync(path.join(dir, 'new.workout'))).toBe(false);
    });

    it.runIf(onPosix)('nor the file being rendered through a link', async () => {
        const dir = scratchFolder({ 'a.workout': CLEAN });
        symlinkSync('a.workout', path.join(dir, 'sheet.md'));
        expectOneLineProblem(await render(path.join(dir, 'a.workout'), path.join(dir, 'sheet.md')), /is the file being rendered/);
        expect(readFileSync(path.join(dir, 'a.workout'), 'utf8')).toBe(CLEAN);
    });

    it.runIf(onPosix)('nor a folder or a device', async () => {
        const dir = scratchFolder({ 'a.workout': CLEAN, 'sheets/keep.md': 'x' });
        expectOneLineProblem(await render(path.join(dir, 'a.workout'), path.join(dir, 'sheets')), /sheets: is a folder; give the file to write/);
        expectOneLineProblem(await render(path.join(dir, 'a.workout'), '/dev/null'), /\/dev\/null: is not a regular file/);
    });

    it('replaces an older sheet and leaves no temporary file', async () => {
        const dir = scratchFolder({ 'a.workout': CLEAN, 'a.md': 'old sheet\n' });
        const run = await render(path.join(dir, 'a.workout'), path.join(dir, 'a.md'));
        expect(run.code, run.err).toBe(0);
        expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toMatch(/^# clean/);
        expect(readdirSync(dir).sort()).toEqual(['a.md', 'a.workout']);
    });

    it('on a full disk the old file stays whole and no temporary file is left', async () => {
        const dir = scratchFolder({ 'a.workout': CLEAN, 'a.md': 'old sheet\n' });
        // The disk fills half-way through the write.
        const fullDisk: WriteSystem = {
            ...diskWrites,
            create: async file => {
                const handle = await diskWrites.create(file);
                return {
                    ...handle,
                    writeFile: async text => {
                        await handle.writeFile(text.slice(0, text.length / 2));
                        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
                    }
                };
            }
        };
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(['render', path.join(dir, 'a.workout'), '--format', 'md', '--out', path.join(dir, 'a.md')],
            { out: text => out.push(text), err: text => err.push(text), writes: fullDisk });
        expect(expectOneLineProblem({ code, out: out.join('\n'), err: err.join('\n') }, /cannot write/))
            .toMatch(/cannot write .*a\.md: ENOSPC, the disk is full; nothing was changed there\.$/);
        expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('old sheet\n');
        expect(readdirSync(dir).sort()).toEqual(['a.md', 'a.workout']);
    });

    it('a rename that fails leaves the old file and removes the temporary one', async () => {
        const dir = scratchFolder({ 'a.md': 'old\n' });
        const failingRename: WriteSystem = { ...diskWrites, rename: async () => { throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' }); } };
        await expect(writeAtomically(path.join(dir, 'a.md'), 'new\n', failingRename)).rejects.toThrow('EXDEV');
        expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('old\n');
        expect(readdirSync(dir)).toEqual(['a.md']);
    });
});

describe('imports stay inside the project', () => {
    const EXERCISE = 'exercise banded-walk < muscles: glutes >\n';
    const USES = 'workout w <\n  3 x 10 banded-walk\n>\n';
    const NOT_FOUND = /Cannot find `.*`: the path is relative to this file and must name a `\.workout` file\. \[import-not-found\]/;

    it('an import out of the folder checked, relative or absolute, is not read: the editor\'s import-not-found', async () => {
        const dir = scratchFolder({ 'outside/exercises.workout': EXERCISE });
        const outside = path.join(dir, 'outside', 'exercises.workout');
        mkdirSync(path.join(dir, 'project'));
        writeFileSync(path.join(dir, 'project', 'relative.workout'), `import "../outside/exercises.workout"\n\n${USES}`);
        writeFileSync(path.join(dir, 'project', 'absolute.workout'), `import "${outside.split(path.sep).join('/')}"\n\n${USES.replace('workout w', 'workout v')}`);
        const run = await cli('check', path.join(dir, 'project'));
        expect(run.code).toBe(1);
        const lines = run.out.split('\n');
        expect(lines.filter(line => NOT_FOUND.test(line)).map(line => path.basename(line.split(':')[0]))).toEqual(['absolute.workout', 'relative.workout']);
        expect(lines.filter(line => /\[unknown-exercise\]/.test(line))).toHaveLength(2);
    });

    it.runIf(onPosix)('a link inside the project to a file outside is not followed by an import either', async () => {
        const dir = scratchFolder({ 'outside/exercises.workout': EXERCISE, 'project/plan.workout': `import "common.workout"\n\n${USES}` });
        symlinkSync(path.join(dir, 'outside', 'exercises.workout'), path.join(dir, 'project', 'common.workout'));
        const named = await cli('check', path.join(dir, 'project', 'plan.workout'));
        expect(named.out).toMatch(NOT_FOUND);
    });

    it('in a git repository, the project is its work tree: an import from a sibling folder is read', async () => {
        const dir = scratchFolder({ 'common/exercises.workout': EXERCISE, 'plans/w.workout': `import "../common/exercises.workout"\n\n${USES}` });
        execFileSync('git', ['init', '-q', dir]);
        const run = await cli('check', path.join(dir, 'plans'));
        expect(run.out).toBe('');
        expect(run.code).toBe(0);
    });
});

describe('links in a folder', () => {
    it.runIf(onPosix)('a linked .workout file and a linked folder are checked; each real file once, loops end', async () => {
        const dir = scratchFolder({ 'elsewhere/linked.workout': MISSPELLED, 'shared/deep/shared.workout': CLEAN, 'plans/own.workout': CLEAN.replace('clean', 'own') });
        symlinkSync(path.join(dir, 'elsewhere', 'linked.workout'), path.join(dir, 'plans', 'linked.workout'));
        symlinkSync(path.join(dir, 'shared'), path.join(dir, 'plans', 'shared'));
        symlinkSync(path.join(dir, 'plans'), path.join(dir, 'plans', 'shared', 'loop'));
        symlinkSync(path.join(dir, 'plans', 'own.workout'), path.join(dir, 'plans', 'again.workout'));
        symlinkSync(path.join(dir, 'missing.workout'), path.join(dir, 'plans', 'broken.workout'));
        const run = await cli('check', path.join(dir, 'plans'), '--format', 'json');
        const report = JSON.parse(run.out);
        expect(report.files.map((file: string) => path.relative(path.join(dir, 'plans'), file)).sort())
            .toEqual(['again.workout', 'linked.workout', path.join('shared', 'deep', 'shared.workout')]);
        // own.workout is again.workout: read once, so nothing is defined twice.
        expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['unknown-exercise']);
    });
});

describe('the terminal shows what a file holds, and does not obey it', () => {
    const ESCAPES = 'clear\u001b[2J link\u001b]8;;https://example.com\u0007here\u001b]8;;\u0007 red\u001b[31m bell\u0007 c1\u009b reversed\u202eevil\u2066';
    const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

    it('terminalText shows each control as an escape and keeps the rest', () => {
        expect(terminalText('a\u001b[2Jb\tc\nd\u202ee\u200f\u009b\u007f')).toBe('a\\x1b[2Jb\tc\nd\\u202ee\\u200f\\x9b\\x7f');
        expect(terminalText('Squats — 3 × 10, “fine” ✓')).toBe('Squats — 3 × 10, “fine” ✓');
    });

    it('jsonText is the same JSON, with nothing raw a terminal acts on', () => {
        const value = { note: `${ESCAPES} \u2028\u2029 lone\ud800` };
        const text = jsonText(value);
        expect(text).not.toMatch(RAW);
        expect(text).not.toMatch(/[\u2028\u2029]/);
        expect(text).toContain('\\ud800');
        expect(JSON.parse(text)).toEqual(value);
    });

    it('check, diff and render --format md print escapes, not the raw controls', async () => {
        const dir = scratchFolder({
            'old.workout': `workout w "Title ${ESCAPES}" <\n  10 squats "note ${ESCAPES}"\n  10 burpess\n>\n`,
            'new.workout': `workout w "Title ${ESCAPES}!" <\n  12 squats "note ${ESCAPES}!"\n>\n`
        });
        const check = await cli('check', path.join(dir, 'old.workout'));
        const json = await cli('check', path.join(dir, 'old.workout'), '--format', 'json');
        const diff = await cli('diff', path.join(dir, 'old.workout'), path.join(dir, 'new.workout'));
        const markdown = await cli('render', path.join(dir, 'new.workout'), '--format', 'md');
        for (const run of [check, json, diff, markdown]) {
            expect(run.out).not.toMatch(RAW);
            expect(run.err).not.toMatch(RAW);
        }
        // The diff and Markdown renderers drop controls themselves; what is left of the text stays.
        expect(diff.out).toContain('Renamed: Title clear');
        expect(diff.out).toContain('reversedevil!');
        expect(markdown.out).toContain('reversedevil');
        expect(JSON.parse(json.out).diagnostics).toHaveLength(1);
    });

    it('a file name with controls in it is shown escaped too', async () => {
        const name = onPosix ? 'evil\u001b[2J.workout' : 'evil.workout';
        const dir = scratchFolder({ [name]: MISSPELLED });
        const run = await cli('check', dir);
        expect(run.out).not.toMatch(RAW);
        expect(run.err).not.toMatch(RAW);
        expect(run.code).toBe(1);
    });
});

describe('a byte order mark', () => {
    it('is dropped: lines and columns as without it', async () => {
        const dir = scratchFolder({ 'bom.workout': `\uFEFF${MISSPELLED}`, 'plain.workout': MISSPELLED.replace('monday', 'tuesday') });
        const run = await cli('check', dir, '--format', 'json');
        const [bom, plain] = JSON.parse(run.out).diagnostics as Array<{ line: number; column: number }>;
        expect(bom).toMatchObject({ line: 2, column: 6 });
        expect(plain).toMatchObject({ line: 2, column: 6 });
    });
});
