/**
 * Runs on the watch (docs/fit.md, "Runs"): distance, time and lap-button steps, repeats in
 * repeats and repeats until a time is up, recoveries, and targets — paces as bands of speeds,
 * heart rates with FIT's +100 offset, powers, zones — for the track session of the examples, a
 * tempo run and a fixture of every target, with and without an athlete. Every file is read back
 * by Garmin's SDK and by fit-file-parser (both check the CRC) and compared with what was meant.
 */
import * as path from 'node:path';
import FitParser from 'fit-file-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { forAthlete } from '../../src/core/athlete.js';
import type { AthleteModel, SessionModel } from '../../src/core/session-model.js';
import { fitWorkouts, type ExerciseStep, type FitStep, type FitWorkout, type StepTarget } from '../../src/render/fit-steps.js';
import { SINGLE_VALUE_BAND } from '../../src/render/fit-targets.js';
import { renderSessionFit } from '../../src/render/fit.js';
import { compileFolder, EXAMPLES_DIR, type CompiledFile } from './corpus.js';
import { asWritten, decodeWithParser, decodeWithSdk, leavesOf, type DecodedWorkout } from './fit-decode.js';

const FIT_DIR = path.resolve(__dirname, '../fixtures/fit');
const NOW = new Date('2026-01-05T08:00:00Z');
/** A typical intermediate runner's 5K (24:00, core/running.ts DEFAULT_5K_SECONDS): 4:48/km. */
const TYPICAL_5K_PACE = 288;

let examples: CompiledFile[] = [];
let fixtures: CompiledFile[] = [];

beforeAll(async () => {
    [examples, fixtures] = await Promise.all([compileFolder(EXAMPLES_DIR), compileFolder(FIT_DIR)]);
    for (const file of [...examples, ...fixtures]) {
        expect(file.errors, file.name).toEqual([]);
    }
});

const sessionOf = (files: CompiledFile[], name: string): SessionModel => files.find(file => file.name === name)!.session;
const athlete = (id: string): AthleteModel => sessionOf(examples, 'athletes.workout').athletes!.find(candidate => candidate.id === id)!;

/** The workout of a session written to `fileName`, as meant and as both decoders read its file back (which must agree). */
async function onTheWatch(session: SessionModel, fileName: string): Promise<{ meant: FitWorkout; read: DecodedWorkout; bytes: Uint8Array }> {
    const meant = fitWorkouts(session).find(workout => workout.fileName === fileName);
    const file = renderSessionFit(session, { now: NOW }).find(candidate => candidate.fileName === fileName);
    expect(meant && file, fileName).toBeTruthy();
    const read = decodeWithSdk(file!.bytes);
    expect(read.steps, fileName).toEqual(asWritten(meant!.steps));
    expect((await decodeWithParser(file!.bytes)).steps, fileName).toEqual(asWritten(meant!.steps, { weightUnit: false }));
    return { meant: meant!, read, bytes: file!.bytes };
}

interface RawStepTarget {
    target_type: string;
    target_value?: number;
    custom_target_value_low?: number;
    custom_target_value_high?: number;
}

/** The raw numbers of each step's target, as fit-file-parser reads them (before any offset is taken off). */
async function rawTargets(bytes: Uint8Array): Promise<RawStepTarget[]> {
    const parsed = await new FitParser({ force: false, mode: 'list' }).parseAsync(Buffer.from(bytes)) as unknown as { messages: { workout_step: RawStepTarget[] } };
    return parsed.messages.workout_step;
}

function speedOf(step: FitStep | undefined): { low: number; high: number } {
    const target = (step as ExerciseStep | undefined)?.target;
    expect(target?.kind).toBe('speed');
    return target as { low: number; high: number };
}

/** A pace in seconds per km lies inside the speed band (m/s, as the file keeps it: to the mm/s). */
function expectPaceInside(secondsPerKm: number, band: { low: number; high: number }): void {
    expect(band.low).toBeLessThan(1000 / secondsPerKm);
    expect(band.high).toBeGreaterThan(1000 / secondsPerKm);
}

const repeat = (step: FitStep | undefined): Extract<FitStep, { type: 'repeat' }> => {
    expect(step?.type).toBe('repeat');
    return step as Extract<FitStep, { type: 'repeat' }>;
};

describe('the track session on the watch (examples/track-session.workout)', () => {
    it('800s at 5K pace: warm-up and strides, 6 × 800 m with a 400 m jog, cool-down; a running workout', async () => {
        const { meant, read } = await onTheWatch(sessionOf(examples, 'track-session.workout'), 'track-800s.fit');
        expect(meant.sport).toBe('running');
        expect(read.sport).toBe('running');
        const [easy, strides, eights, cooldown] = read.steps;
        expect(easy).toMatchObject({ intensity: 'warmup', duration: { kind: 'time', seconds: 900 }, name: '15min @ easy (6:00–6:43/km)' });
        expect(repeat(strides)).toMatchObject({ until: { kind: 'times', times: 4 } });
        expect(repeat(strides).steps).toMatchObject([
            { intensity: 'warmup', duration: { kind: 'time', seconds: 20 }, name: '20s Strides @ mile pace (4:29/km)' },
            { intensity: 'recovery', duration: { kind: 'time', seconds: 60 }, name: 'Rest 1min walk' }
        ]);
        expect(repeat(eights)).toMatchObject({ until: { kind: 'times', times: 6 } });
        const [run, jog] = repeat(eights).steps;
        expect(run).toMatchObject({ intensity: 'active', duration: { kind: 'distance', meters: 800 }, name: '800m @ 5K pace (4:48/km)' });
        expect(jog).toEqual({ type: 'step', intensity: 'recovery', duration: { kind: 'distance', meters: 400 }, name: 'Rest 400m jog' });
        // Without an athlete, 5K pace is a typical intermediate runner's, and the notes say so.
        expectPaceInside(TYPICAL_5K_PACE, speedOf(run));
        expect((run as ExerciseStep).notes).toBe('paces of a typical intermediate runner (5K in 24:00); even splits: the last as fast as the first');
        expect(cooldown).toMatchObject({ intensity: 'cooldown', duration: { kind: 'time', seconds: 600 }, target: { kind: 'speed' } });
        // The slower pace is the lower speed: easy is slower than 5K pace.
        expect(speedOf(easy).high).toBeLessThan(speedOf(run).low);
    });

    it('a fartlek: repeats of 8, repeats until 10 minutes are up, a cool-down that ends with the lap key', async () => {
        const { read } = await onTheWatch(sessionOf(examples, 'track-session.workout'), 'fartlek.fit');
        const [, eight, untilTen, home] = read.steps;
        expect(repeat(eight).until).toEqual({ kind: 'times', times: 8 });
        expect(repeat(eight).steps.map(step => (step as ExerciseStep).name)).toEqual(['1min @ 5K pace (4:48/km)', '1min @ easy (6:00–6:43/km)']);
        expect(repeat(untilTen).until).toEqual({ kind: 'time', seconds: 600 });
        expect(home).toMatchObject({ duration: { kind: 'open' }, intensity: 'cooldown', target: { kind: 'speed' } });
        expect((home as ExerciseStep).notes).toContain('press lap when you are back home');
    });

    it('hills: zone 2 is the watch\'s zone 2; zones 1–2 have no number, so that step runs open with the words in its notes', async () => {
        const { meant, read } = await onTheWatch(sessionOf(examples, 'track-session.workout'), 'hills.fit');
        const [warmup, hills, cooldown] = read.steps;
        expect(warmup).toMatchObject({ target: { kind: 'hr-zone', zone: 2 }, name: '15min @ zone 2' });
        // RPE is no target a watch follows: words only.
        expect(repeat(hills).steps[0]).toMatchObject({ name: '1min Hill Repeats @ RPE 8', notes: '@ RPE 8; jog back down to the start' });
        expect(repeat(hills).steps[0]).not.toHaveProperty('target');
        expect(cooldown).toMatchObject({ duration: { kind: 'time', seconds: 600 }, notes: '@ zones 1–2' });
        expect(cooldown).not.toHaveProperty('target');
        expect(meant.unresolved).toEqual(['Easy Run @ zones 1–2']);
    });

    it('the treadmill: km/h as a band of speeds, the incline in the notes', async () => {
        const { read } = await onTheWatch(sessionOf(examples, 'track-session.workout'), 'treadmill-threshold.fit');
        const work = repeat(read.steps[1]).steps[0] as ExerciseStep;
        expect(work).toMatchObject({ name: '8min Running, Treadmill @ 1% incline, 14 km/h', notes: '@ 1% incline' });
        expect(speedOf(work).low).toBeLessThan(14 / 3.6);
        expect(speedOf(work).high).toBeGreaterThan(14 / 3.6);
    });

    it('for Jane, 5K pace is hers: 4:30/km (from her 5K in 22:30), 3.704 m/s inside the band; her zones are bpm', async () => {
        const { session } = forAthlete(sessionOf(examples, 'track-session.workout'), athlete('jane'));
        const { meant, read } = await onTheWatch(session, 'track-800s.fit');
        const run = repeat(read.steps[2]).steps[0] as ExerciseStep;
        expect(run.name).toBe('800m @ 5K pace (4:30/km)');
        expectPaceInside(270, speedOf(run));
        // A single pace gets ±2.5 %, kept to the mm/s.
        expect(speedOf(run)).toEqual({ kind: 'speed', low: Math.round(1000 / 270 * (1 - SINGLE_VALUE_BAND) * 1000) / 1000, high: Math.round(1000 / 270 * (1 + SINGLE_VALUE_BAND) * 1000) / 1000 });
        expect(run.notes).toBe('even splits: the last as fast as the first');
        expect(meant.unresolved).toEqual([]);
        // Zones 1–2 of her LTHR (172, Friel): 112–153 bpm.
        const hills = await onTheWatch(session, 'hills.fit');
        expect(hills.read.steps[2]).toMatchObject({ target: { kind: 'heart-rate', unit: 'bpm', low: 112, high: 153 } });
        expect(hills.meant.unresolved).toEqual([]);
    });
});

describe('a tempo run, repeats in repeats and every kind of target (tests/fixtures/fit/runs.workout)', () => {
    it('a tempo run with a warm-up and a cool-down by heart rate: bpm written + 100, read back as bpm; 4:30/km as 3.704 m/s ± 2.5 %', async () => {
        const { meant, read, bytes } = await onTheWatch(sessionOf(fixtures, 'runs.workout'), 'tempo-hr.fit');
        expect(meant.sport).toBe('running');
        const heart = (low: number, high: number): StepTarget => ({ kind: 'heart-rate', unit: 'bpm', low, high });
        expect(read.steps).toMatchObject([
            { intensity: 'warmup', duration: { kind: 'time', seconds: 900 }, target: heart(130, 140), name: '15min @ 130–140 bpm' },
            { intensity: 'active', duration: { kind: 'time', seconds: 1200 }, target: { kind: 'speed', low: 3.611, high: 3.796 }, name: '20min @ 4:30/km' },
            // One heart rate gets the same ±2.5 %: 125 bpm is 122–128.
            { intensity: 'cooldown', duration: { kind: 'time', seconds: 600 }, target: heart(122, 128) }
        ]);
        expectPaceInside(270, speedOf(read.steps[1]));
        expect(await rawTargets(bytes)).toMatchObject([
            { target_type: 'heart_rate', target_value: 0, custom_target_value_low: 230, custom_target_value_high: 240 },
            { target_type: 'speed', target_value: 0, custom_target_value_low: 3611, custom_target_value_high: 3796 },
            { target_type: 'heart_rate', target_value: 0, custom_target_value_low: 222, custom_target_value_high: 228 }
        ]);
    });

    it('repeats nest with their counts; recoveries over a distance, standing rests, the rest between repeats; powers and shares of max HR', async () => {
        const { read, bytes } = await onTheWatch(sessionOf(fixtures, 'runs.workout'), 'ladder.fit');
        const [warmup, outer, until, cooldown] = read.steps;
        expect(warmup).toMatchObject({ intensity: 'warmup', duration: { kind: 'distance', meters: 2000 }, target: { kind: 'speed', low: 2.564, high: 2.778 } });
        expect(repeat(outer).until).toEqual({ kind: 'times', times: 2 });
        const [inner, kilometre, standing, between] = repeat(outer).steps;
        expect(repeat(inner).until).toEqual({ kind: 'times', times: 3 });
        expect(repeat(inner).steps).toMatchObject([
            { intensity: 'active', duration: { kind: 'distance', meters: 400 }, name: '400m @ 7:00/mi' },
            { intensity: 'recovery', duration: { kind: 'distance', meters: 200 }, name: 'Rest 200m jog' }
        ]);
        // 7:00/mi is 4:21/km.
        expectPaceInside(420 / 1.609344, speedOf(repeat(inner).steps[0]));
        expect(kilometre).toMatchObject({ duration: { kind: 'distance', meters: 1000 }, target: { kind: 'power', unit: 'w', low: 244, high: 256 } });
        expect(standing).toEqual({ type: 'step', intensity: 'rest', duration: { kind: 'time', seconds: 90 }, name: 'Rest 1min 30s standing' });
        expect(between).toEqual({ type: 'step', intensity: 'recovery', duration: { kind: 'time', seconds: 180 } });
        expect(repeat(until).until).toEqual({ kind: 'time', seconds: 480 });
        // Without an athlete, shares are FIT's own: % of the FTP and % of max HR the watch knows.
        expect(repeat(until).steps).toMatchObject([
            { target: { kind: 'power', unit: '% ftp', low: 88, high: 92 } },
            { target: { kind: 'heart-rate', unit: '% max', low: 78, high: 82 } }
        ]);
        expect(cooldown).toMatchObject({ duration: { kind: 'open' }, intensity: 'cooldown', notes: '@ zones 1–2' });
        const raw = await rawTargets(bytes);
        expect(raw.filter(step => step.target_type === 'power').map(step => [step.custom_target_value_low, step.custom_target_value_high])).toEqual([[1244, 1256], [88, 92]]);
    });

    it('named paces take the level\'s typical runner; a zone is the watch\'s; % of LTHR has no number without an athlete; a progression is the band it runs through', async () => {
        const { meant, read } = await onTheWatch(sessionOf(fixtures, 'runs.workout'), 'by-feel.fit');
        const [threshold, zone, lthr, progression] = leavesOf(read.steps);
        expect(threshold).toMatchObject({ name: '10min @ threshold (5:03/km)', notes: 'paces of a typical intermediate runner (5K in 24:00)', target: { kind: 'speed' } });
        expect(zone.target).toEqual({ kind: 'hr-zone', zone: 3 });
        expect(lthr).toMatchObject({ notes: '@ 95% LTHR' });
        expect(lthr.target).toBeUndefined();
        expect(progression).toMatchObject({ name: '10min @ 5:30/km → 4:40/km', target: { kind: 'speed', low: 3.03, high: 3.571 } });
        expect(meant.unresolved).toEqual(['Run @ 95% LTHR']);
    });

    it('for Jane, % of LTHR and zones are her bpm, and threshold her 4:35/km; what her profile lacks (an FTP) stays FIT\'s % of FTP', async () => {
        const { session } = forAthlete(sessionOf(fixtures, 'runs.workout'), athlete('jane'));
        const feel = await onTheWatch(session, 'by-feel.fit');
        const [threshold, zone, lthr] = leavesOf(feel.read.steps);
        expectPaceInside(275, speedOf(threshold));
        expect(threshold.notes).toBeUndefined();
        // Zone 3 of LTHR 172 is 90–94 % (155–162 bpm); 95 % of it is 163 bpm, ± 2.5 %.
        expect(zone.target).toEqual({ kind: 'heart-rate', unit: 'bpm', low: 155, high: 162 });
        expect(lthr.target).toEqual({ kind: 'heart-rate', unit: 'bpm', low: 159, high: 167 });
        expect(feel.meant.unresolved).toEqual([]);
        const ladder = await onTheWatch(session, 'ladder.fit');
        expect(repeat(ladder.read.steps[2]).steps[0]).toMatchObject({ target: { kind: 'power', unit: '% ftp' } });
    });
});

describe('every example and fixture, for every athlete, on the watch', () => {
    it('decodes cleanly by both decoders and holds the steps meant', async () => {
        const athletes = sessionOf(examples, 'athletes.workout').athletes!;
        let checked = 0;
        for (const source of [...examples, ...fixtures]) {
            for (const session of [source.session, ...athletes.map(one => forAthlete(source.session, one).session)]) {
                const meant = fitWorkouts(session);
                for (const [index, file] of renderSessionFit(session, { now: NOW }).entries()) {
                    expect(decodeWithSdk(file.bytes).steps, `${source.name}: ${file.fileName}`).toEqual(asWritten(meant[index].steps));
                    expect((await decodeWithParser(file.bytes)).steps, `${source.name}: ${file.fileName}`).toEqual(asWritten(meant[index].steps, { weightUnit: false }));
                    checked++;
                }
            }
        }
        expect(checked).toBeGreaterThan(150);
    });
});
