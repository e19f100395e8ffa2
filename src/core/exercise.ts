/**
 * What the tools know about an exercise, wherever the facts come from (the catalog, or a
 * coach's own `exercise` definition, read by src/language/exercise-resolver.ts), and what an
 * exercise is to a plan.
 */
import type { CatalogEntry, ExerciseKind } from './catalog.js';

export interface ExerciseInfo {
    id: string;
    name: string;
    source: 'catalog' | 'definition';
    primaryMuscles: string[];
    secondaryMuscles: string[];
    equipment: string[];
    unilateral: boolean;
    kind: ExerciseKind;
    secondsPerRep: number;
    catalogEntry?: CatalogEntry;
}

/** Per-rep time when a definition does not say (the catalog's documented default for reps). */
export const DEFAULT_SECONDS_PER_REP = 3;

/** Keys an `exercise` definition understands, with what each expects. */
export const EXERCISE_PROPERTIES: Record<string, string> = {
    muscles: 'the muscles it works most, e.g. `muscles: quads, glutes`',
    secondary: 'muscles it works less, e.g. `secondary: core`',
    equipment: 'what to bring, e.g. `equipment: kettlebell`',
    'per-rep': 'the time one rep takes, e.g. `per-rep: 4s`',
    kind: '`reps`, `hold` or `cardio`',
    unilateral: '`yes` when it works one side at a time'
};

export function exerciseInfoFromCatalog(entry: CatalogEntry): ExerciseInfo {
    return {
        id: entry.id,
        name: entry.name,
        source: 'catalog',
        primaryMuscles: [...entry.primaryMuscles],
        secondaryMuscles: [...entry.secondaryMuscles],
        equipment: [...entry.equipment],
        unilateral: entry.unilateral,
        kind: entry.kind,
        secondsPerRep: entry.secondsPerRep,
        catalogEntry: entry
    };
}

/** `strength` counts toward the weekly volume, `cardio` is a run (or ride, swim…), `mobility` is recovery. */
export type ExerciseRole = 'strength' | 'cardio' | 'mobility' | 'unknown';

/** Exercises a rest day may still hold: active recovery. */
const RECOVERY_EXERCISES: ReadonlySet<string> = new Set(['walk', 'walking-treadmill']);

/** The exercise that is a long run whatever its length. */
export const LONG_RUN_EXERCISE = 'long-run';

export function exerciseRole(info: ExerciseInfo | undefined): ExerciseRole {
    if (!info) {
        return 'unknown';
    }
    if (info.catalogEntry?.category === 'stretching' || RECOVERY_EXERCISES.has(info.id)) {
        return 'mobility';
    }
    return info.kind === 'cardio' ? 'cardio' : 'strength';
}
