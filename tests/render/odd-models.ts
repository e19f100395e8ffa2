/**
 * Session models no compiler of this version writes, but a renderer may still be handed: numbers
 * that are huge, infinite, NaN, negative, -0, strings or missing; fields of the wrong type;
 * blocks nested far too deep; plans of many weeks. Shared by the bounded-output tests
 * (tests/render/bounded.test.ts) and the fuzz suite (tests/fuzz).
 */
import fc from 'fast-check';
import type { BlockModel, EntryModel, ItemModel, PlanModel, SessionModel, WorkoutModel } from '../../src/core/session-model.js';

/** Numbers (and not-numbers) a model's numeric fields may hold after a bug or a hand edit. */
export const ODD_NUMBERS: unknown[] = [
    NaN, Infinity, -Infinity, -1, -0, -1e308, 1e308, 1e21, 2 ** 53 + 2, 1e15, 10_000_000, 0.1 + 0.2, 1e-300, 1e-7,
    0, 1, 7, undefined, null, '12', 'many', true, {}, []
];

/** Words a reader must never be shown in place of a number. */
export const NOT_A_NUMBER_WORDS = /\b(Infinity|NaN|undefined|null)\b|\[object Object\]|\d[eE][+-]\d/;

const odd = fc.constantFrom(...ODD_NUMBERS);
/** An odd number most of the time, else a plain one: models mix both. */
const anyNumber = fc.oneof({ weight: 3, arbitrary: odd }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 500 }) });
/** Names without the words the output is searched for. */
const name = fc.constantFrom('Squats', 'Burpees', 'Plank', 'Easy run', 'Kettlebell swings', 'Row');

const KINDS = ['amrap', 'emom', 'for-time', 'rounds', 'superset', 'intervals', 'warmup', 'cooldown', 'section', 'future-kind'];

function entryOf(values: unknown[], label: string): EntryModel {
    const [sets, min, max, rest, estimate, load, line] = values;
    return {
        type: 'entry', exercise: label.toLowerCase(), name: label, known: true, sets, reps: { min, max },
        side: 'each', load: { kind: 'weight', value: load, unit: 'kg' }, restSeconds: rest, line, estimatedSeconds: estimate
    } as unknown as EntryModel;
}

export const oddEntry: fc.Arbitrary<EntryModel> = fc.tuple(fc.array(anyNumber, { minLength: 7, maxLength: 7 }), name)
    .map(([values, label]) => entryOf(values, label));

export const oddBlock: fc.Arbitrary<BlockModel> = fc.tuple(
    fc.constantFrom(...KINDS), fc.array(anyNumber, { minLength: 8, maxLength: 8 }), fc.array(oddEntry, { maxLength: 3 })
).map(([kind, [cap, every, rounds, rest, work, off, estimate, line], entries]) => ({
    type: 'block', kind, capSeconds: cap, everySeconds: every, rounds, restSeconds: rest, workSeconds: work, offSeconds: off,
    entries: [...entries, { type: 'rest', seconds: rest, line, estimatedSeconds: rest }], line, estimatedSeconds: estimate
}) as unknown as BlockModel);

export const oddWorkout: fc.Arbitrary<WorkoutModel> = fc.tuple(name, fc.array(oddBlock, { minLength: 1, maxLength: 4 }), anyNumber, anyNumber)
    .map(([label, blocks, estimate, sets]) => ({
        id: label.toLowerCase().replace(/ /g, '-'), name: label, line: 1, estimatedSeconds: estimate, blocks,
        muscles: { quadriceps: sets, glutes: estimate }, equipment: ['kettlebell']
    }) as unknown as WorkoutModel);

export const oddPlan: fc.Arbitrary<PlanModel> = fc.tuple(fc.array(fc.tuple(anyNumber, anyNumber, anyNumber, oddEntry), { minLength: 1, maxLength: 4 }), anyNumber, oddWorkout)
    .map(([weeks, percent, workout]) => ({
        id: 'plan', name: 'Plan', line: 1, level: 'beginner', progressionPercent: percent, sessionsPerWeek: { min: percent, max: percent },
        weeks: weeks.map(([week, seconds, growth, entry], index) => ({
            week, line: index + 2, strengthSessions: seconds, strengthSeconds: seconds, strengthSets: growth, muscles: {}, runSeconds: seconds,
            restDays: week, strengthSecondsGrowthPercent: growth, breaksProgression: index % 2 === 1,
            days: [
                { day: 'monday', dayOfWeek: 1, line: index + 2, rest: false, items: [
                    { type: 'run', ref: 'easy-run', name: 'Easy run', resolved: true, strength: false, cardio: true, longRun: false, estimatedSeconds: seconds, sets: 0, line: index + 2, entry },
                    { type: 'workout', ref: workout.id, name: workout.name, resolved: true, strength: true, cardio: false, longRun: false, estimatedSeconds: seconds, sets: growth, line: index + 2 }
                ] },
                { day: 'sunday', dayOfWeek: week, line: index + 2, rest: true, items: [] }
            ]
        })),
        workouts: [workout]
    }) as unknown as PlanModel);

export const oddSession: fc.Arbitrary<SessionModel> = fc.tuple(fc.array(oddWorkout, { maxLength: 2 }), fc.array(oddPlan, { maxLength: 1 }))
    .map(([workouts, plans]) => ({ workouts, plans }));

/** The same model with every number a plain 1: what the page would be for ordinary numbers. */
export function withPlainNumbers<T>(model: T): T {
    const numeric = new Set(['sets', 'min', 'max', 'restSeconds', 'estimatedSeconds', 'value', 'capSeconds', 'everySeconds', 'rounds',
        'workSeconds', 'offSeconds', 'seconds', 'week', 'strengthSessions', 'strengthSeconds', 'strengthSets', 'runSeconds', 'restDays',
        'strengthSecondsGrowthPercent', 'progressionPercent', 'quadriceps', 'glutes', 'line', 'dayOfWeek']);
    const visit = (value: unknown, key: string): unknown => {
        if (Array.isArray(value)) {
            return value.map(item => visit(item, key));
        }
        if (value && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([childKey, child]) => [childKey, visit(child, childKey)]));
        }
        return numeric.has(key) ? 1 : value;
    };
    return visit(model, '') as T;
}

/** `intervals 10000000 x 20s on 10s off < 10 burpees >`, as the compiler models it. */
export function tenMillionIntervals(): SessionModel {
    const entry: EntryModel = { type: 'entry', exercise: 'burpees', name: 'Burpees', known: true, sets: 1, reps: { min: 10, max: 10 }, side: 'both', line: 1, estimatedSeconds: 30 };
    const block: BlockModel = { type: 'block', kind: 'intervals', rounds: 10_000_000, workSeconds: 20, offSeconds: 10, entries: [entry], line: 1, estimatedSeconds: 300_000_000 };
    return { workouts: [{ id: 'big', name: 'big', line: 1, estimatedSeconds: 300_000_000, blocks: [block], muscles: { chest: 10_000_000 }, equipment: [] }], plans: [] };
}

/** A workout whose blocks nest `depth` deep, built without recursion. */
export function deeplyNested(depth: number): SessionModel {
    const entry: EntryModel = { type: 'entry', exercise: 'squats', name: 'Squats', known: true, sets: 1, reps: { min: 10, max: 10 }, side: 'both', line: 2, estimatedSeconds: 30 };
    let block: BlockModel = { type: 'block', kind: 'rounds', rounds: 2, entries: [entry], line: 2, estimatedSeconds: 60 };
    for (let level = 1; level < depth; level++) {
        const items: ItemModel[] = [block, { ...entry }];
        block = { type: 'block', kind: level % 2 ? 'section' : 'rounds', rounds: 2, entries: items, line: 1, estimatedSeconds: 60 };
    }
    return { workouts: [{ id: 'deep', name: 'Deep', line: 1, estimatedSeconds: 60, blocks: [block], muscles: {}, equipment: [] }], plans: [] };
}
