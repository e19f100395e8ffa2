/**
 * The duration estimate (docs/language.md, "Duration estimate"): how long an entry and a block
 * take, from the prescription and the exercise's pace. Block kinds add their own rule through
 * the table in block-kinds.ts.
 */
import { specOf } from './block-kinds.js';
import { DEFAULT_SECONDS_PER_REP, type ExerciseInfo } from './exercise.js';
import type { BlockModel, EntryModel, MinMax } from './session-model.js';

/** A comfortable running pace, 6 min/km, turns distances into time. */
export const SECONDS_PER_METER = 0.36;
/** `max pull-ups` is estimated as this many reps. */
export const MAX_EFFORT_REPS = 10;

export function mean(range: MinMax): number {
    return (range.min + range.max) / 2;
}

/** One set's work times the sets, both sides when per side, plus the rest after each set. */
export function estimateEntrySeconds(entry: EntryModel, info: ExerciseInfo | undefined): number {
    const secondsPerRep = info?.secondsPerRep ?? DEFAULT_SECONDS_PER_REP;
    let workPerSet = 0;
    if (entry.reps) {
        workPerSet = mean(entry.reps) * secondsPerRep;
    } else if (entry.seconds) {
        workPerSet = mean(entry.seconds);
    } else if (entry.meters) {
        workPerSet = mean(entry.meters) * (info?.catalogEntry?.secondsPerMeter ?? SECONDS_PER_METER);
    } else if (entry.maxEffort) {
        workPerSet = MAX_EFFORT_REPS * secondsPerRep;
    }
    const sides = entry.side === 'each' ? 2 : 1;
    return entry.sets * (workPerSet * sides + (entry.restSeconds ?? 0));
}

/** The work of one pass through the block's content. */
export function workSeconds(block: BlockModel): number {
    return block.entries.reduce((sum, item) => sum + item.estimatedSeconds, 0);
}

export function estimateBlockSeconds(block: BlockModel): number {
    return specOf(block).estimateSeconds(block, workSeconds(block));
}

/** How many times one pass of the block's content is done: rounds, minutes of an EMOM… */
export function passesOf(block: BlockModel): number {
    return specOf(block).passes(block, workSeconds(block));
}
