/**
 * The target a watch holds a run step to (docs/fit.md, "Runs"): a pace as a band of speeds, a
 * heart rate in bpm or as a share of the maximum, a heart-rate zone, a power in watts or as a
 * share of the FTP. The numbers are the model's (core/running.ts `targetNumbers`: what is
 * written, or what `resolved` holds for an athlete); without an athlete, a named pace takes the
 * paces of a typical runner of the level, as the estimates do. A target nothing gives a number
 * for leaves the step open, with its words in the notes.
 */
import { resolveTarget, typicalAthlete } from '../core/athlete.js';
import { describeLoad } from '../core/describe.js';
import type { PlanLevelName } from '../core/plan-rules.js';
import { DEFAULT_5K_SECONDS, entryTargets, formatClock, metersPerSecond, targetNumbers, type TargetNumbers } from '../core/running.js';
import type { EntryModel, Load, TargetKind } from '../core/session-model.js';

/**
 * What the watch holds the runner to: speeds in m/s (a pace band: the slower pace is the low
 * speed), heart rates in bpm or % of the maximum, a zone of the watch's own zones, powers in
 * watts or % of the FTP. Kept to what a FIT file stores: mm/s, whole bpm, watts and percents.
 */
export type StepTarget =
    | { kind: 'speed'; low: number; high: number }
    | { kind: 'heart-rate'; low: number; high: number; unit: 'bpm' | '% max' }
    | { kind: 'hr-zone'; zone: number }
    | { kind: 'power'; low: number; high: number; unit: 'w' | '% ftp' };

/** Whose numbers: an athlete's (the model's `resolved` only: nothing is guessed for her), or a typical runner of the level. */
export interface TargetSource {
    forAthlete: boolean;
    level: PlanLevelName;
}

/**
 * A single value becomes a band of ±2.5 % around it: a watch wants a low and a high and beeps
 * outside them. 2.5 % is about 7 s/km at 4:30/km, or 4 bpm at 150: a runner's natural drift.
 */
export const SINGLE_VALUE_BAND = 0.025;

/** The targets a watch can hold a runner to; efforts (RPE) and inclines are only words for it. */
const WATCH_KINDS: ReadonlySet<TargetKind> = new Set<TargetKind>([
    'pace', 'named-pace', 'speed', 'heart-rate', 'hr-zone', 'percent-hrmax', 'percent-lthr', 'power', 'percent-ftp'
]);

export interface StepAim {
    target?: StepTarget;
    /** Every target of the entry, with the typical runner's number where it stands in (for the step's name). */
    loads: Load[];
    /** What the notes say: the targets the watch does not follow, and whose paces stand in. */
    notes: string[];
    /** Targets a watch could follow that nothing gave a number for (`Easy Run @ zones 1–2`): the step runs open. */
    unresolved: string[];
}

/** Whether an entry has a target a watch can follow (else its loads are a lifter's, worded as before). */
export function hasWatchTarget(entry: EntryModel): boolean {
    return entryTargets(entry).some(load => WATCH_KINDS.has(load.kind));
}

/** The step's target: the first of the entry's targets the watch can follow; the others go in the notes. */
export function aimOf(entry: EntryModel, source: TargetSource): StepAim {
    const written = entryTargets(entry);
    const loads = written.map(load => withTypicalPace(load, entry, source));
    const targets = loads.map(stepTarget);
    const chosen = targets.findIndex(target => target !== undefined);
    const others = loads.filter((_, index) => index !== chosen);
    const typical = loads.some((load, index) => load !== written[index]);
    return {
        ...(chosen >= 0 ? { target: targets[chosen] } : {}),
        loads,
        notes: [
            others.length > 0 ? `@ ${others.map(describeLoad).join(', ')}` : '',
            typical ? `paces of a typical ${source.level} runner (5K in ${formatClock(DEFAULT_5K_SECONDS[source.level])})` : ''
        ].filter(Boolean),
        unresolved: chosen >= 0 ? [] : loads.filter(load => WATCH_KINDS.has(load.kind)).map(load => `${entry.name} @ ${describeLoad(load)}`)
    };
}

/**
 * Without an athlete, a named pace is the pace of a typical runner of the level (the one the
 * estimates time runs at), resolved by the core as for an athlete. For an athlete, only her own
 * numbers count: what her profile lacks stays unresolved.
 */
function withTypicalPace(load: Load, entry: EntryModel, source: TargetSource): Load {
    if (source.forAthlete || load.resolved || load.kind !== 'named-pace') {
        return load;
    }
    const result = resolveTarget(load, entry.exercise, entry.name, typicalAthlete(source.level));
    return result && 'resolved' in result ? { ...load, resolved: result.resolved } : load;
}

function stepTarget(load: Load): StepTarget | undefined {
    if (!WATCH_KINDS.has(load.kind)) {
        return undefined;
    }
    const numbers = targetNumbers(load);
    if (numbers) {
        return fromNumbers(numbers);
    }
    // No number for the runner: what a watch measures against its owner's own settings.
    const value = load.value ?? 0;
    const top = load.max ?? value;
    switch (load.kind) {
        case 'hr-zone':
            // A watch follows one zone; `z1-2` has no number without the athlete's heart rates.
            return top === value && Number.isInteger(value) ? { kind: 'hr-zone', zone: value } : undefined;
        case 'percent-hrmax':
            // FIT reads a heart rate over 100 as bpm: a share above the maximum has no way to be said.
            return top <= 100 ? { kind: 'heart-rate', unit: '% max', ...band(value, top, 1) } : undefined;
        case 'percent-ftp':
            return { kind: 'power', unit: '% ftp', ...band(value, top, 1) };
        default:
            return undefined;
    }
}

function fromNumbers(numbers: TargetNumbers): StepTarget {
    switch (numbers.unit) {
        case 's/km':
            // The slower pace is the lower speed.
            return { kind: 'speed', ...band(metersPerSecond(numbers.max), metersPerSecond(numbers.min), 1000) };
        case 'bpm':
            return { kind: 'heart-rate', unit: 'bpm', ...band(numbers.min, numbers.max, 1) };
        case 'w':
            return { kind: 'power', unit: 'w', ...band(numbers.min, numbers.max, 1) };
    }
}

/** From low to high, a single value widened by SINGLE_VALUE_BAND; to 1/`steps` of the unit, as the file keeps it. */
function band(low: number, high: number, steps: number): { low: number; high: number } {
    const [from, to] = low === high ? [low * (1 - SINGLE_VALUE_BAND), high * (1 + SINGLE_VALUE_BAND)] : [low, high];
    return { low: Math.round(from * steps) / steps, high: Math.round(to * steps) / steps };
}
