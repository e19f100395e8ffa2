/**
 * `workout render FILE --format fit --out FOLDER|NAME.fit`: FIT workouts for a Garmin watch,
 * written as files (never to the terminal), named by week and day for a plan, a note per
 * exercise the watch will show by name, and no way to overwrite a `.workout` file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExerciseStep } from '../../src/render/fit-steps.js';
import { decodeWithSdk, leavesOf } from '../render/fit-decode.js';
import { cli, expectProblem } from './run-cli.js';

const ROOT = path.resolve(__dirname, '../..');
const PLAN = path.join(ROOT, 'examples/runner-strength-plan.workout');
const AMRAP = path.join(ROOT, 'examples/cross-training-amrap.workout');
const KINDS = path.join(ROOT, 'tests/fixtures/fit/block-kinds.workout');
const RUNS = path.join(ROOT, 'tests/fixtures/fit/runs.workout');
const TEN_K = path.join(ROOT, 'examples/ten-k-plan.workout');

const scratch = mkdtempSync(path.join(tmpdir(), 'workout-fit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('workout render --format fit', () => {
    it('writes a plan\'s days into a folder it makes, one workout file each, named by week and day', async () => {
        const out = path.join(scratch, 'plan', 'watch');
        const run = await cli('render', PLAN, '--format', 'fit', '--out', out);
        expect(run.code).toBe(0);
        expect(run.out).toBe('');
        const written = readdirSync(out).sort();
        expect(written).toContain('w1-mon-beginner-balance.fit');
        expect(written).toContain('w2-thu-strength-b.fit');
        expect(written).toContain('w1-wed-interval-run.fit');
        expect(written.every(name => /^w[1-6]-(mon|tue|wed|thu|fri|sat|sun)-[a-z0-9-]+\.fit$/.test(name))).toBe(true);
        for (const name of written) {
            expect(decodeWithSdk(readFileSync(path.join(out, name))).fileType).toBe('workout');
        }
        expect(decodeWithSdk(readFileSync(path.join(out, 'w2-thu-strength-b.fit'))).name).toBe('W2 Thu Runner strength B');
        const lines = run.err.split('\n');
        expect(lines.filter(line => line.includes(': wrote '))).toHaveLength(written.length);
        expect(lines.some(line => line.endsWith(`runner-strength-plan.workout: wrote ${path.join(out, 'w2-thu-strength-b.fit')} (W2 Thu Runner strength B).`))).toBe(true);
        // One note per exercise without a Garmin exercise, however many days it is on.
        const notes = lines.filter(line => line.includes(': note: '));
        expect(notes.some(line => line.endsWith('runner-strength-plan.workout: note: "Tandem Stance" has no Garmin exercise; the watch shows the name as written.'))).toBe(true);
        expect(new Set(notes).size).toBe(notes.length);
        expect(notes.map(line => /"(.+)"/.exec(line)![1]).sort()).toEqual([
            'Dynamic Stretching', 'Foam Rolling', 'Long Jumps', 'Short Foot', 'Single-Leg Balance', 'Single-Leg Balance Reach',
            'Static Stretching', 'Tandem Stance'
        ]);
    });

    it('writes one workout to a named .fit file', async () => {
        const out = path.join(scratch, 'amrap.fit');
        const run = await cli('render', AMRAP, '--format', 'fit', '--out', out);
        expect(run.code).toBe(0);
        expect(decodeWithSdk(readFileSync(out)).name).toBe('Cross-training AMRAP');
    });

    it('refuses the terminal: a binary file needs --out, checked before the file is read', async () => {
        expectProblem(await cli('render', AMRAP, '--format', 'fit'), /--format fit writes binary files: give --out FOLDER/);
        expectProblem(await cli('render', path.join(scratch, 'missing.workout'), '--format', 'fit'), /give --out FOLDER/);
    });

    it('refuses one .fit file for several workouts, and writes nothing', async () => {
        const out = path.join(scratch, 'kinds.fit');
        expectProblem(await cli('render', KINDS, '--format', 'fit', '--out', out), /has 9 workouts to export: give --out a folder/);
        expect(existsSync(out)).toBe(false);
    });

    it('never writes over a .workout file: not named by --out, not through a link', async () => {
        const dir = path.join(scratch, 'guarded');
        mkdirSync(dir);
        const precious = path.join(dir, 'precious.workout');
        writeFileSync(precious, 'workout precious "Precious" < 10 squats >\n');
        expectProblem(await cli('render', AMRAP, '--format', 'fit', '--out', precious), /names a \.workout file/);
        expectProblem(await cli('render', AMRAP, '--format', 'fit', '--out', path.join(dir, 'new.workout')), /names a \.workout file/);
        if (process.platform !== 'win32') {
            symlinkSync(precious, path.join(dir, 'cross-training.fit'));
            expectProblem(await cli('render', AMRAP, '--format', 'fit', '--out', dir), /cross-training\.fit: is not a regular file/);
        }
        expect(readFileSync(precious, 'utf8')).toBe('workout precious "Precious" < 10 squats >\n');
    });

    it('says a file that is not a folder or a .fit name is the wrong --out', async () => {
        const notes = path.join(scratch, 'notes.txt');
        writeFileSync(notes, 'keep me');
        expectProblem(await cli('render', AMRAP, '--format', 'fit', '--out', notes), /notes\.txt: is a file; give a folder, or a name ending in \.fit/);
        expect(readFileSync(notes, 'utf8')).toBe('keep me');
    });

    it('writes nothing for a file with errors (exit 1)', async () => {
        const dir = path.join(scratch, 'broken');
        mkdirSync(dir);
        const file = path.join(dir, 'broken.workout');
        writeFileSync(file, 'workout broken "Broken" < 10 burpees 10 squats >\n');
        const run = await cli('render', file, '--format', 'fit', '--out', path.join(dir, 'out'));
        expect(run.code).toBe(1);
        expect(existsSync(path.join(dir, 'out'))).toBe(false);
    });

    it('notes each target the watch cannot follow, once, beside the exercises it shows by name', async () => {
        const run = await cli('render', RUNS, '--format', 'fit', '--out', path.join(scratch, 'runs'));
        expect(run.code).toBe(0);
        const notes = run.err.split('\n').filter(line => line.includes(': note: '));
        const noted = (target: string) => notes.filter(line => line.endsWith(`runs.workout: note: "${target}" has no number for the watch; the step runs without a target, its words in the notes.`));
        expect(noted('Easy Run @ zones 1–2')).toHaveLength(1);
        expect(noted('Run @ 95% LTHR')).toHaveLength(1);
        expect(new Set(notes).size).toBe(notes.length);
    });

    it('with --athlete, named paces are her paces: Jane\'s threshold and 5K pace, not a typical runner\'s', async () => {
        const speedOf = (file: string, label: RegExp): { low: number; high: number } => {
            const step = leavesOf(decodeWithSdk(readFileSync(file)).steps).find((leaf: ExerciseStep) => label.test(leaf.name ?? ''));
            expect(step?.target?.kind, `${file}: ${label}`).toBe('speed');
            return step!.target as { low: number; high: number };
        };
        const typical = path.join(scratch, 'ten-k');
        const hers = path.join(scratch, 'ten-k-jane');
        expect((await cli('render', TEN_K, '--format', 'fit', '--out', typical)).code).toBe(0);
        const run = await cli('render', TEN_K, '--format', 'fit', '--athlete', 'jane', '--out', hers);
        expect(run.code).toBe(0);
        // Her profile says threshold-pace: 4:35/km (3.636 m/s); a typical intermediate runner's is about 5:03/km.
        const threshold = speedOf(path.join(hers, 'tempo-20.fit'), /^20min @ threshold/);
        expect(threshold.low).toBeLessThanOrEqual(1000 / 275);
        expect(threshold.high).toBeGreaterThanOrEqual(1000 / 275);
        expect(speedOf(path.join(typical, 'tempo-20.fit'), /^20min @ threshold/).high).toBeLessThan(1000 / 275);
        // Her 5K in 22:30 is 4:30/km: 3.704 m/s inside the 800s' band.
        const fiveK = speedOf(path.join(hers, 'w1-tue-track-800s.fit'), /^800m @ 5K pace \(4:30\/km\)$/);
        expect(fiveK.low).toBeLessThan(1000 / 270);
        expect(fiveK.high).toBeGreaterThan(1000 / 270);
    });
});
