/**
 * The volume rule (docs/language.md, "Volume"): hard sets per muscle group, 1 for a primary
 * muscle and 0.5 for a secondary one. A block's passes (rounds, EMOM minutes, an AMRAP's
 * estimated rounds…) multiply its sets; block kinds that do not count (warm-up, cool-down) leave
 * their content out. Then the same work counts the same however it is written:
 *
 * - a set counts once, and a long unbroken set once per minute of work, rounded (`300 squats` in
 *   one go are many sets' worth of work, `20 squats` one);
 * - short sets (under SHORT_SET_SECONDS of work) without a load, done many times (20 rounds of
 *   5 pull-ups, an AMRAP, an EMOM), count their work in minutes the same way, but never fewer
 *   than the sets written, up to SHORT_SETS_KEPT; a load (a weight, a percentage, RPE, RIR) makes
 *   every set count, however short: heavy singles on the minute are hard sets;
 * - one entry counts at most HARD_SETS_CAP hard sets (an AMRAP's estimated rounds included);
 * - the moves of a complex are one set per pass.
 *
 * Workouts and plans both count through here.
 */
import { specOf } from './block-kinds.js';
import { itemPasses, setsOf, setWorkSeconds } from './estimate.js';
import type { ExerciseInfo } from './exercise.js';
import type { BlockModel, EntryModel, ItemModel, WorkoutModel } from './session-model.js';

/** What the compiler knew about each entry's exercise; undefined when the name is unknown. */
export type FactsOf = (entry: EntryModel) => ExerciseInfo | undefined;

/** A minute of work in one exercise is about one hard set. */
export const HARD_SET_WORK_SECONDS = 60;
/** A set with less work than this is short: without a load, many of them count by their work. */
export const SHORT_SET_SECONDS = 30;
/** Up to this many short sets always count, whatever their work. */
export const SHORT_SETS_KEPT = 6;
/** No entry counts for more hard sets than this in one session. */
export const HARD_SETS_CAP = 12;

/**
 * Visits every entry with the number of times it is done (`sets` is per pass) and whether it
 * counts toward volume.
 */
export function forEachEntry(items: readonly ItemModel[], visit: (entry: EntryModel, passes: number, countsVolume: boolean) => void): void {
    const walk = (list: readonly ItemModel[], passes: number, counts: boolean, parent: BlockModel | undefined) => {
        const passesOfItem = itemPasses(parent);
        for (const item of list) {
            const here = passes * passesOfItem(item);
            if (item.type === 'block') {
                walk(item.entries, here, counts && specOf(item).countsVolume, item);
            } else if (item.type === 'entry') {
                visit(item, here, counts);
            }
        }
    };
    walk(items, 1, true, undefined);
}

/**
 * Hard sets of work: `written` sets of `workPerSet` seconds each (one side), `loaded` when they
 * carry a weight, a percentage or an effort target, as the rule above counts them.
 */
export function hardSets(written: number, workPerSet: number, loaded = false): number {
    if (written <= 0) {
        return 0;
    }
    const minutes = (seconds: number) => Math.round(seconds / HARD_SET_WORK_SECONDS);
    const counted = workPerSet >= SHORT_SET_SECONDS || loaded || workPerSet <= 0
        ? written * Math.max(1, minutes(workPerSet))
        : Math.max(Math.min(written, SHORT_SETS_KEPT), minutes(written * workPerSet));
    return Math.min(HARD_SETS_CAP, counted);
}

/** A weight, a percentage of a max, RPE or RIR: the set is meant to be hard. */
export function isLoaded(entry: Pick<EntryModel, 'load'> | Pick<BlockModel, 'load'>): boolean {
    return entry.load !== undefined && entry.load.kind !== 'bodyweight' && entry.load.kind !== 'height';
}

/** One thing that counts for volume: an exercise's entry, or a whole complex. */
export interface CountedWork {
    /** The exercise; for a complex, its moves' muscles together (primary wins over secondary). */
    info: ExerciseInfo;
    /** Hard sets, after the rule above. */
    sets: number;
    /** The entries it comes from (one, or the moves of a complex). */
    entries: EntryModel[];
}

/**
 * Visits what counts toward volume, with its hard sets: each entry outside warm-ups and
 * cool-downs whose exercise is known and not cardio, and each complex as one exercise.
 */
export function forEachCountedWork(items: readonly ItemModel[], factsOf: FactsOf, visit: (work: CountedWork) => void): void {
    const entryWork = (entry: EntryModel, passes: number) => {
        const info = factsOf(entry);
        if (info && info.kind !== 'cardio') {
            visit({ info, sets: hardSets(setsOf(entry) * passes, setWorkSeconds(entry, info), isLoaded(entry)), entries: [entry] });
        }
    };
    const walk = (list: readonly ItemModel[], passes: number, parent: BlockModel | undefined) => {
        const passesOfItem = itemPasses(parent);
        for (const item of list) {
            const here = passes * passesOfItem(item);
            if (item.type === 'entry') {
                entryWork(item, here);
            } else if (item.type === 'block' && specOf(item).countsVolume) {
                if (specOf(item).oneSet) {
                    complexWork(item, here, factsOf, visit);
                } else {
                    walk(item.entries, here, item);
                }
            }
        }
    };
    walk(items, 1, undefined);
}

/** A complex: its moves together are one set per pass, of all their work. */
function complexWork(block: BlockModel, passes: number, factsOf: FactsOf, visit: (work: CountedWork) => void): void {
    const entries: EntryModel[] = [];
    forEachEntry(block.entries, entry => entries.push(entry));
    const primary = new Set<string>();
    const secondary = new Set<string>();
    let work = 0;
    let loaded = isLoaded(block);
    for (const entry of entries) {
        loaded ||= isLoaded(entry);
        const info = factsOf(entry);
        if (!info || info.kind === 'cardio') {
            continue;
        }
        info.primaryMuscles.forEach(muscle => primary.add(muscle));
        info.secondaryMuscles.forEach(muscle => secondary.add(muscle));
        work += setsOf(entry) * setWorkSeconds(entry, info) * (entry.side === 'each' ? 2 : 1);
    }
    if (primary.size === 0 && secondary.size === 0) {
        return;
    }
    const info: ExerciseInfo = {
        id: 'complex', name: 'Complex', source: 'definition',
        primaryMuscles: [...primary], secondaryMuscles: [...secondary].filter(muscle => !primary.has(muscle)),
        equipment: [], unilateral: false, kind: 'reps', secondsPerRep: 0
    };
    const rounds = block.rounds ?? 1;
    visit({ info, sets: hardSets(passes * rounds, work, loaded), entries });
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
    forEachEntry(blocks, entry => factsOf(entry)?.equipment.forEach(tool => equipment.add(tool)));
    forEachCountedWork(blocks, factsOf, work => addSets(muscles, work.info, work.sets));
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
