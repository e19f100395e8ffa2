/**
 * FIT workouts for Garmin watches (docs/fit.md): what each block kind becomes, the examples
 * a coach sees first, a plan's days, and every file read back by Garmin's FIT SDK and by
 * fit-file-parser, step for step.
 */
import * as path from 'node:path';
import { Profile } from '@garmin/fitsdk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionModel, WorkoutModel } from '../../src/core/session-model.js';
import { fitWorkouts, type ExerciseStep, type FitStep, type FitWorkout } from '../../src/render/fit-steps.js';
import { fitString, renderSessionFit, type FitFile } from '../../src/render/fit.js';
import { compileFolder, EXAMPLES_DIR, HOSTILE_DIR, type CompiledFile } from './corpus.js';
import { asWritten, decodeWithParser, decodeWithSdk, leavesOf, messageCount, sdkExerciseName } from './fit-decode.js';

const FIT_DIR = path.resolve(__dirname, '../fixtures/fit');
const NOW = new Date('2026-01-05T08:00:00Z');

let examples: CompiledFile[] = [];
let kinds: CompiledFile[] = [];
let hostile: CompiledFile[] = [];

beforeAll(async () => {
    [examples, kinds, hostile] = await Promise.all([compileFolder(EXAMPLES_DIR), compileFolder(FIT_DIR), compileFolder(HOSTILE_DIR)]);
    for (const file of [...examples, ...kinds]) {
        expect(file.errors, file.name).toEqual([]);
    }
});

// ---- steps, written as a coach would read them --------------------------------------------------

/** An exercise in the words of the SDK's profile (`squat/airSquat`), as the numbers a file holds. */
function garmin(name: string): { category: number; name: number } {
    const [category, exercise] = name.split('/');
    const types = Profile.types as Record<string, Record<number, string>>;
    const number = (table: Record<number, string>, key: string) => Number(Object.entries(table).find(([, value]) => value === key)?.[0]);
    return { category: number(types.exerciseCategory, category), name: number(types[`${category}ExerciseName`], exercise) };
}

type Extra = Partial<Pick<ExerciseStep, 'exercise' | 'weight' | 'notes' | 'intensity' | 'label' | 'target'>>;
const reps = (count: number, name: string, extra: Extra = {}): ExerciseStep => ({ type: 'step', duration: { kind: 'reps', reps: count }, intensity: 'active', name, ...extra });
const timed = (seconds: number, name: string, extra: Extra = {}): ExerciseStep => ({ type: 'step', duration: { kind: 'time', seconds }, intensity: 'active', name, ...extra });
const distance = (meters: number, name: string, extra: Extra = {}): ExerciseStep => ({ type: 'step', duration: { kind: 'distance', meters }, intensity: 'active', name, ...extra });
const open = (name: string, extra: Extra = {}): ExerciseStep => ({ type: 'step', duration: { kind: 'open' }, intensity: 'active', name, ...extra });
const rest = (seconds: number, intensity: 'rest' | 'recovery' = 'rest'): ExerciseStep => ({ type: 'step', duration: { kind: 'time', seconds }, intensity });
const times = (count: number, ...steps: FitStep[]): FitStep => ({ type: 'repeat', until: { kind: 'times', times: count }, steps });
const untilTime = (seconds: number, ...steps: FitStep[]): FitStep => ({ type: 'repeat', until: { kind: 'time', seconds }, steps });

const BURPEE = garmin('totalBody/burpee');
const SQUAT = garmin('squat/airSquat');
const PUSH_UP = garmin('pushUp/pushUp');
const ROW = garmin('row/dumbbellRow');
const RUN = garmin('run/run');

function workoutOf(files: CompiledFile[], id: string): FitWorkout {
    const workout = files.flatMap(file => fitWorkouts(file.session)).find(candidate => candidate.fileName === `${id}.fit`);
    expect(workout, id).toBeDefined();
    return workout!;
}

// ---- what each block kind becomes ---------------------------------------------------------------

describe('each block kind on the watch (docs/fit.md)', () => {
    it('an AMRAP repeats its round until the cap is up; an exercise without a Garmin exercise keeps its name', () => {
        const workout = workoutOf(kinds, 'kinds-amrap');
        expect(workout.steps).toEqual([
            untilTime(720,
                reps(10, 'Burpees', { exercise: BURPEE }),
                reps(15, 'Squats', { exercise: SQUAT }),
                reps(8, 'Odd press', { weight: { kg: 10, unit: 'kg' } }))
        ]);
        expect(workout.unmapped).toEqual(['Odd press']);
        expect(workout.sport).toBe('training');
    });

    it('an EMOM is one timed step per interval that names its work', () => {
        expect(workoutOf(kinds, 'kinds-emom').steps).toEqual([
            times(10, timed(60, 'Push-ups', { exercise: PUSH_UP, notes: '8 reps; Start the work at the top of every 1min; rest for what is left of it.' })),
            times(3, timed(120, '10 Squats, 5 Burpees', { notes: 'Start the work at the top of every 2min; rest for what is left of it.' }))
        ]);
    });

    it('for time is the work once, the cap in the first step\'s notes', () => {
        expect(workoutOf(kinds, 'kinds-for-time').steps).toEqual([
            reps(50, 'Squats', { exercise: SQUAT, notes: 'For time (cap 15min)' }),
            reps(30, 'Push-ups', { exercise: PUSH_UP })
        ]);
    });

    it('rounds repeat their content with the rest between rounds in each round', () => {
        expect(workoutOf(kinds, 'kinds-rounds').steps).toEqual([
            times(3, reps(10, 'Push-ups', { exercise: PUSH_UP }), timed(30, 'Plank', { exercise: garmin('plank/plank') }), rest(60))
        ]);
    });

    it('a superset alternates one set of each, repeated for the sets they share, then the sets left and the rest', () => {
        const row = (side: string) => reps(8, 'Dumbbell Rows', { exercise: ROW, weight: { kg: 12, unit: 'kg' }, notes: `${side} side` });
        expect(workoutOf(kinds, 'kinds-superset').steps).toEqual([
            times(2, row('left'), row('right'), reps(10, 'Push-ups', { exercise: PUSH_UP })),
            row('left'), row('right'),
            rest(90)
        ]);
    });

    it('intervals are timed work and rest, cycling through the entries (5 intervals of 2: two cycles and one more)', () => {
        const burpees = timed(40, 'Burpees', { exercise: BURPEE, notes: 'max reps' });
        const jumps = timed(40, 'Jump Squats', { exercise: garmin('plyo/jumpSquat'), notes: '10 reps' });
        expect(workoutOf(kinds, 'kinds-intervals').steps).toEqual([
            times(2, burpees, rest(20), jumps, rest(20)),
            burpees, rest(20),
            times(8, timed(20, 'Mountain Climbers', { exercise: garmin('plank/mountainClimber'), notes: '20s' }), rest(10))
        ]);
    });

    it('warm-up and cool-down mark their steps; a section is its content; ranges, sides and pounds', () => {
        const plank = (side: string) => timed(30, 'Side Plank', { exercise: garmin('plank/sidePlank'), notes: `30s–45s; ${side} side` });
        const [warmup, squats, planks, cooldown] = workoutOf(kinds, 'kinds-parts').steps;
        expect([warmup, cooldown]).toEqual([
            timed(300, 'Dynamic Stretching', { intensity: 'warmup' }),
            timed(300, 'Static Stretching', { intensity: 'cooldown' })
        ]);
        expect(squats).toEqual(times(3, reps(10, 'Squats', { exercise: SQUAT, weight: { kg: 35 * 0.45359237, unit: 'lb' }, notes: '8–10 reps' }), rest(60)));
        expect(planks).toEqual(times(2, plank('left'), plank('right')));
    });

    it('blocks nest: a superset inside rounds', () => {
        expect(workoutOf(kinds, 'kinds-nested').steps).toEqual([
            times(3,
                reps(10, 'Push-ups', { exercise: PUSH_UP }),
                reps(10, 'Dumbbell Rows', { exercise: ROW, notes: 'left side' }),
                reps(10, 'Dumbbell Rows', { exercise: ROW, notes: 'right side' }),
                rest(60))
        ]);
    });

    it('a workout of runs is a running workout: distance and time steps named by their amount, recovery between repeats', () => {
        const workout = workoutOf(kinds, 'kinds-run');
        expect(workout.sport).toBe('running');
        expect(workout.steps).toEqual([
            timed(600, 'Easy Run', { exercise: RUN, intensity: 'warmup', label: '10min Easy Run' }),
            times(6, distance(400, 'Interval Run', { exercise: RUN, label: '400m Interval Run' }), rest(90, 'recovery')),
            timed(1200, 'Easy Run', { exercise: RUN, label: '20min Easy Run' }),
            timed(600, 'Easy Run', { exercise: RUN, intensity: 'cooldown', label: '10min Easy Run' })
        ]);
        expect(workout.unmapped).toEqual([]);
    });

    it('`max` and an entry without an amount end with the lap key', () => {
        const session = sessionOf(workoutModel({ type: 'entry', exercise: 'pull-ups', name: 'Pull-Ups', known: true, sets: 1, maxEffort: true, side: 'both', line: 3, estimatedSeconds: 30 }));
        expect(fitWorkouts(session)[0].steps).toEqual([open('Pull-Ups', { exercise: garmin('pullUp/pullUp'), notes: 'max reps' })]);
    });
});

// ---- the examples and a plan --------------------------------------------------------------------

describe('the examples on the watch', () => {
    it('the cross-training AMRAP: warm-up, 20 minutes of rounds with their loads, cool-down', () => {
        const sld = (side: string) => reps(10, 'Single-Leg Deadlift', { exercise: garmin('deadlift/singleLegRomanianDeadliftWithDumbbell'), notes: `${side} side` });
        expect(workoutOf(examples, 'cross-training').steps).toEqual([
            timed(300, 'Dynamic Stretching', { intensity: 'warmup' }),
            untilTime(1200,
                reps(30, 'Mountain Climbers', { exercise: garmin('plank/mountainClimber') }),
                reps(20, 'Squat to Kettlebell Press', { exercise: garmin('squat/thrusters'), weight: { kg: 12, unit: 'kg' } }),
                reps(20, 'Russian Twists', { exercise: garmin('core/russianTwist'), weight: { kg: 5, unit: 'kg' }, notes: '@ 5 kg (optional)' }),
                reps(10, 'Burpees', { exercise: BURPEE }),
                sld('right'),
                sld('left'),
                reps(10, 'Jump Squats', { exercise: garmin('plyo/jumpSquat') })),
            timed(300, 'Foam Rolling', { intensity: 'cooldown' })
        ]);
    });

    it('names every seed exercise the catalog maps by its Garmin exercise', () => {
        const named = new Map<string, string>();
        for (const workout of examples.flatMap(file => fitWorkouts(file.session))) {
            for (const step of leavesOf(workout.steps).filter(leaf => leaf.exercise)) {
                named.set(step.name!, sdkExerciseName(step.exercise!));
            }
        }
        expect(Object.fromEntries([...named].sort())).toMatchObject({
            'Bird Dog': 'warmUp/oppositeArmAndLegBalance',
            'Box Jumps': 'plyo/boxJump',
            'Burpees': 'totalBody/burpee',
            'Calf Raises': 'calfRaise/standingCalfRaise',
            'Clamshells': 'hipRaise/clams',
            'Dead Bug': 'hipStability/deadBug',
            'Dumbbell Rows': 'row/dumbbellRow',
            'Fire Hydrants': 'hipStability/fireHydrantKicks',
            'Glute Bridges': 'hipRaise/hipRaise',
            'Lateral Band Walks': 'bandedExercises/lateralBandWalks',
            'Press-ups': 'pushUp/pushUp',
            'Squats': 'squat/airSquat',
            'Step-ups': 'squat/stepUp',
            'Superman': 'hyperextension/supermanFromFloor'
        });
    });

    it('a plan exports each day\'s workouts and runs, named by week and day', () => {
        const plan = examples.find(file => file.name === 'runner-strength-plan.workout')!;
        const workouts = fitWorkouts(plan.session);
        const names = workouts.map(workout => [workout.fileName, workout.name]);
        expect(names.slice(0, 4)).toEqual([
            ['w1-mon-easy-run.fit', 'W1 Mon Easy Run'],
            ['w1-mon-beginner-balance.fit', 'W1 Mon Balance and stability for beginners'],
            ['w1-wed-interval-run.fit', 'W1 Wed Interval Run'],
            ['w1-thu-easy-run.fit', 'W1 Thu Easy Run']
        ]);
        expect(names).toContainEqual(['w2-thu-strength-b.fit', 'W2 Thu Runner strength B']);
        expect(names).toContainEqual(['w6-mon-cross-training.fit', 'W6 Mon Cross-training AMRAP']);
        for (const { fileName } of workouts) {
            expect(fileName).toMatch(/^w[1-6]-(mon|tue|wed|thu|fri|sat|sun)-[a-z0-9-]+\.fit$/);
        }
        expect(new Set(workouts.map(workout => workout.fileName)).size).toBe(workouts.length);
        const intervals = workouts.find(workout => workout.fileName === 'w1-wed-interval-run.fit')!;
        expect(intervals.sport).toBe('running');
        expect(intervals.steps).toEqual([times(6, distance(400, 'Interval Run', { exercise: RUN, label: '400m Interval Run' }), rest(90, 'recovery'))]);
    });
});

// ---- bytes, read back ---------------------------------------------------------------------------

describe('every FIT file, read back by Garmin\'s SDK and by fit-file-parser', () => {
    const sources = () => [...examples, ...kinds];

    it('holds a workout file whose steps are the ones meant, for every example and block kind', async () => {
        let checked = 0;
        for (const source of sources()) {
            const meant = fitWorkouts(source.session);
            const files = renderSessionFit(source.session, { now: NOW });
            expect(files.map(file => file.fileName)).toEqual(meant.map(workout => workout.fileName));
            for (const [index, file] of files.entries()) {
                const workout = meant[index];
                const context = `${source.name}: ${file.fileName}`;
                const sdk = decodeWithSdk(file.bytes);
                expect(sdk, context).toMatchObject({ fileType: 'workout', name: workout.name, sport: workout.sport, stepCount: messageCount(workout.steps) });
                expect(sdk.steps, context).toEqual(asWritten(workout.steps));
                const parser = await decodeWithParser(file.bytes);
                expect(parser, context).toMatchObject({ fileType: 'workout', name: workout.name, sport: workout.sport, stepCount: messageCount(workout.steps) });
                expect(parser.steps, context).toEqual(asWritten(workout.steps, { weightUnit: false }));
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(50);
    });

    it('marks strength workouts as strength training, with the time it was made', () => {
        const [file] = renderSessionFit(examples.find(source => source.name === 'cross-training-amrap.workout')!.session, { now: NOW });
        expect(decodeWithSdk(file.bytes)).toMatchObject({ sport: 'training', subSport: 'strengthTraining' });
        expect(file.unmapped).toEqual(['Dynamic Stretching', 'Foam Rolling']);
    });

    it('keeps hostile names and notes as plain text: no control or bidi characters, at most 254 bytes', async () => {
        const files = hostile.flatMap(source => renderSessionFit(source.session, { now: NOW }));
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
            const decoded = decodeWithSdk(file.bytes);
            for (const text of [decoded.name, ...leavesOf(decoded.steps).flatMap(step => [step.name, step.notes])].filter(Boolean) as string[]) {
                // eslint-disable-next-line no-control-regex
                expect(text).not.toMatch(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
                expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(254);
            }
            expect((await decodeWithParser(file.bytes)).stepCount).toBe(decoded.stepCount);
        }
    });

    it('writes text as UTF-8, cut between characters', () => {
        const name = 'Échauffement — 5 × 20s ✓';
        const [file] = renderSessionFit(sessionOf(workoutModel(), { name }), { now: NOW });
        expect(decodeWithSdk(file.bytes).name).toBe(name);
        const long = fitString('é'.repeat(200))!;
        expect(long.length).toBe(254 + 1);
        expect(new TextDecoder().decode(Uint8Array.from(long.slice(0, -1), char => char.charCodeAt(0)))).toBe('é'.repeat(127));
        expect(fitString('a\u0000b\u202Ec\n')).toBe('abc\0');
        expect(fitString('  ')).toBeUndefined();
    });

    it('keeps a weight to the 10 g, in the unit the coach wrote', () => {
        const [file] = renderSessionFit(sessionOf(workoutModel({
            type: 'entry', exercise: 'squats', name: 'Squats', known: true, sets: 1, reps: { min: 5, max: 5 }, side: 'both',
            load: { kind: 'weight', value: 0.29, unit: 'kg' }, line: 3, estimatedSeconds: 20
        })), { now: NOW });
        expect(leavesOf(decodeWithSdk(file.bytes).steps)[0].weight).toEqual({ kg: 0.29, unit: 'kg' });
    });
});

describe('FIT file names', () => {
    it('are kebab-case ASCII without folders, unique within an export', () => {
        const session = sessionOf(workoutModel(), { id: '../Évora/..\\Día 1' });
        session.workouts.push({ ...session.workouts[0] }, { ...session.workouts[0], id: '' });
        expect(fitWorkouts(session).map(workout => workout.fileName)).toEqual(['evora-dia-1.fit', 'evora-dia-1-2.fit', 'workout.fit']);
    });

    it('renderSessionFit gives each file its name, bytes and unmapped exercises', () => {
        const files: FitFile[] = renderSessionFit(sessionOf(workoutModel()), { now: NOW });
        expect(files).toHaveLength(1);
        expect(files[0]).toMatchObject({ name: 'Test', fileName: 'test.fit', unmapped: [] });
    });
});

// ---- models made by hand ------------------------------------------------------------------------

function workoutModel(...items: WorkoutModel['blocks'][number]['entries']): WorkoutModel {
    return {
        id: 'test', name: 'Test', line: 1, estimatedSeconds: 60, muscles: {}, equipment: [],
        blocks: [{ type: 'block', kind: 'section', entries: items, line: 2, estimatedSeconds: 60 }]
    };
}

function sessionOf(workout: WorkoutModel, changes: Partial<WorkoutModel> = {}): SessionModel {
    return { workouts: [{ ...workout, ...changes }], plans: [] };
}
