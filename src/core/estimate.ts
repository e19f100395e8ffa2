/**
 * The duration estimate (docs/language.md, "Duration estimate"): how long an entry and a block
 * take, from the prescription and the exercise's pace. Block kinds add their own rule through
 * the table in block-kinds.ts.
 */
import { specOf } from './block-kinds.js';
import { DEFAULT_SECONDS_PER_REP, type ExerciseInfo } from './exercise.js';
import { AMOUNT_LIMITS, withinLimit } from './quantities.js';
import { defaultPaceSource, recoverySecondsPerMeter, runSecondsPerKm, type RunnerFacts } from './running.js';
import type { BlockModel, EntryModel, ItemModel, MinMax } from './session-model.js';

/**
 * 6 min/km turns distances into time for distance work that is not a run and whose catalog entry
 * has no `secondsPerMeter` of its own (docs/catalog.md). Runs are timed
 * at a runner's pace for their target or their kind (core/running.ts): the plan's level's defaults,
 * or an athlete's paces.
 */
export const SECONDS_PER_METER = 0.36;
/** The runner whose paces time runs when no athlete and no level is given. */
export const DEFAULT_RUNNER: RunnerFacts = defaultPaceSource('intermediate');
/** `lap easy-run`: a step that ends on the lap button is estimated as this long. */
export const LAP_STEP_SECONDS = 300;
/** `max pull-ups` is estimated as this many reps. */
export const MAX_EFFORT_REPS = 10;
/** A calorie on a rower, bike or ski erg at a steady effort. */
export const SECONDS_PER_CALORIE = 4;
/** `rest as needed` is estimated as this long. */
export const AS_NEEDED_REST_SECONDS = 90;
/** An `X` (explosive) phase of a tempo. */
const EXPLOSIVE_PHASE_SECONDS = 1;

export function mean(range: MinMax): number {
    return (range.min + range.max) / 2;
}

/** `3-1-1` → [3, 1, 1], `31X1` → [3, 1, 1, 1]: the seconds of each phase as written; undefined when it cannot be read. */
export function tempoPhases(tempo: string | undefined): number[] | undefined {
    if (!tempo) {
        return undefined;
    }
    const phases = tempo.includes('-') ? tempo.split('-') : [...tempo];
    if (phases.length < 3 || phases.length > 4 || phases.some(phase => !/^([0-9]+|[xX])$/.test(phase))) {
        return undefined;
    }
    return phases.map(phase => (/[xX]/.test(phase) ? EXPLOSIVE_PHASE_SECONDS : Number(phase)));
}

/**
 * `3-1-1` → 5, `31X1` → 6: the seconds of one rep at this tempo; undefined when it cannot be
 * read. Each phase is held to the limit of a time, as every amount is (`amount-out-of-range`):
 * a phase of 400 digits made the estimate Infinity.
 */
export function tempoSeconds(tempo: string | undefined): number | undefined {
    return tempoPhases(tempo)?.reduce((sum, phase) => sum + withinLimit(phase, AMOUNT_LIMITS.seconds), 0);
}

/** Sets of an entry as the estimate and the volume count them: the middle of a range of sets. */
export function setsOf(entry: EntryModel): number {
    return entry.setsMax !== undefined ? (entry.sets + entry.setsMax) / 2 : entry.sets;
}

/** Reps of one set: the middle of a range, the mean of a rep scheme, 10 for `max`; undefined for other amounts. */
export function repsPerSet(entry: EntryModel): number | undefined {
    if (entry.repScheme && entry.repScheme.length > 0) {
        return entry.repScheme.reduce((sum, reps) => sum + reps, 0) / entry.repScheme.length;
    }
    if (entry.reps) {
        return mean(entry.reps);
    }
    return entry.maxEffort ? MAX_EFFORT_REPS : undefined;
}

/** The work of one set on one side, without rest; runs at `runner`'s paces. */
export function setWorkSeconds(entry: EntryModel, info: ExerciseInfo | undefined, runner: RunnerFacts = DEFAULT_RUNNER): number {
    const secondsPerRep = tempoSeconds(entry.tempo) ?? info?.secondsPerRep ?? DEFAULT_SECONDS_PER_REP;
    const reps = repsPerSet(entry);
    if (reps !== undefined) {
        return reps * secondsPerRep;
    }
    if (entry.seconds) {
        return mean(entry.seconds);
    }
    if (entry.meters) {
        // A run at the runner's pace; other distance work at the catalog's pace for it (a row, a carry).
        const pace = runSecondsPerKm(entry, runner);
        return mean(entry.meters) * (pace !== undefined ? pace / 1000 : info?.catalogEntry?.secondsPerMeter ?? SECONDS_PER_METER);
    }
    if (entry.calories) {
        return mean(entry.calories) * SECONDS_PER_CALORIE;
    }
    return entry.untilLap ? LAP_STEP_SECONDS : 0;
}

/**
 * One set's work times the sets, both sides when per side, plus the rest after each set; a set
 * on a clock (`every 90s`) takes at least its interval.
 */
export function estimateEntrySeconds(entry: EntryModel, info: ExerciseInfo | undefined, runner: RunnerFacts = DEFAULT_RUNNER): number {
    const sides = entry.side === 'each' ? 2 : 1;
    const rest = entry.restSeconds
        ?? (entry.restMeters !== undefined ? entry.restMeters * recoverySecondsPerMeter(entry.restActivity, runner) : undefined)
        ?? (entry.restAsNeeded ? AS_NEEDED_REST_SECONDS : 0);
    const perSet = setWorkSeconds(entry, info, runner) * sides + rest;
    return setsOf(entry) * (entry.everySeconds ? Math.max(entry.everySeconds, perSet) : perSet);
}

/** The work of one pass through the block's content. */
export function workSeconds(block: BlockModel): number {
    return block.entries.reduce((sum, item) => sum + item.estimatedSeconds, 0);
}

/**
 * The EMOM labels of a block's items (`odd:`/`even:`, `min 1:` …): how many intervals one cycle
 * has (2 for odd and even, the highest minute otherwise); 0 when its items have no labels.
 */
export function slotCycle(block: BlockModel): number {
    let cycle = 0;
    for (const item of block.entries) {
        if (item.slot === 'odd' || item.slot === 'even') {
            cycle = Math.max(cycle, 2);
        } else if (typeof item.slot === 'number') {
            cycle = Math.max(cycle, item.slot);
        }
    }
    return cycle;
}

/** The work done in one interval of an EMOM: the whole content, or the longest labelled minute. */
export function intervalWorkSeconds(block: BlockModel): number {
    if (slotCycle(block) === 0) {
        return workSeconds(block);
    }
    const bySlot = new Map<string, number>();
    for (const item of block.entries) {
        const key = String(item.slot ?? '');
        bySlot.set(key, (bySlot.get(key) ?? 0) + item.estimatedSeconds);
    }
    return Math.max(0, ...bySlot.values());
}

export function estimateBlockSeconds(block: BlockModel): number {
    return specOf(block).estimateSeconds(block, workSeconds(block));
}

/** How many times one pass of the block's content is done: rounds, minutes of an EMOM… */
export function passesOf(block: BlockModel): number {
    return specOf(block).passes(block, workSeconds(block));
}

/**
 * How many times each item of the block is done. In an EMOM whose items are labelled by minute,
 * each label gets its share of the intervals (12 minutes of `odd:`/`even:` are 6 each). The
 * block's passes and cycle read all its items: they are read once here, not once per item (a
 * block of 9,000 entries took 10 s to compile). Outside any block, an item is done once.
 */
export function itemPasses(block: BlockModel | undefined): (item: ItemModel) => number {
    if (!block) {
        return () => 1; // outside any block, an item is done once
    }
    const passes = passesOf(block);
    const cycle = slotCycle(block);
    return item => (cycle === 0 || item.slot === undefined ? passes : passes / cycle);
}
