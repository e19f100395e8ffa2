/**
 * The volume rule (docs/language.md, "Volume"): sets per muscle group, 1 for a primary muscle
 * and 0.5 for a secondary one; a block's passes (rounds, EMOM minutes…) multiply its sets;
 * block kinds that do not count (warm-up, cool-down) leave their content out. Workouts and plans
 * both count through here.
 */
import { specOf } from './block-kinds.js';
import { passesOf } from './estimate.js';
import type { ExerciseInfo } from './exercise.js';
import type { BlockModel, EntryModel, ItemModel, WorkoutModel } from './session-model.js';

/** What the compiler knew about each entry's exercise; undefined when the name is unknown. */
export type FactsOf = (entry: EntryModel) => ExerciseInfo | undefined;

/**
 * Visits every entry with the number of times it is done (`sets` is per pass) and whether it
 * counts toward volume.
 */
export function forEachEntry(items: readonly ItemModel[], visit: (entry: EntryModel, passes: number, countsVolume: boolean) => void): void {
    const walk = (list: readonly ItemModel[], passes: number, counts: boolean) => {
        for (const item of list) {
            if (item.type === 'block') {
                walk(item.entries, passes * passesOf(item), counts && specOf(item).countsVolume);
            } else if (item.type === 'entry') {
                visit(item, passes, counts);
            }
        }
    };
    walk(items, 1, true);
}

/** Adds `sets` of an exercise to the muscles it works: all of them for primary, half for secondary. */
export function addSets(muscles: Record<string, number>, info: ExerciseInfo, sets: number): void {
    info.primaryMuscles.forEach(muscle => muscles[muscle] = (muscles[muscle] ?? 0) + sets);
    info.secondaryMuscles.forEach(muscle => muscles[muscle] = (muscles[muscle] ?? 0) + sets * 0.5);
}

export function round2(value: number): number {
    return Math.round(value * 100) / 100;
}

/** Muscles in name order with sets to two decimals: the shape the model shows. */
export function tidyMuscles(muscles: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(muscles).map(([muscle, sets]) => [muscle, round2(sets)] as const)
        .sort(([a], [b]) => a.localeCompare(b)));
}

/** A workout's time, volume per muscle group (cardio left out) and equipment. */
export function summariseWorkout(id: string, name: string, line: number, blocks: BlockModel[], factsOf: FactsOf): WorkoutModel {
    const muscles: Record<string, number> = {};
    const equipment = new Set<string>();
    forEachEntry(blocks, (entry, passes, countsVolume) => {
        const info = factsOf(entry);
        info?.equipment.forEach(tool => equipment.add(tool));
        if (countsVolume && info && info.kind !== 'cardio') {
            addSets(muscles, info, entry.sets * passes);
        }
    });
    return {
        id,
        name,
        line,
        estimatedSeconds: blocks.reduce((sum, block) => sum + block.estimatedSeconds, 0),
        blocks,
        muscles: tidyMuscles(muscles),
        equipment: [...equipment].sort()
    };
}
