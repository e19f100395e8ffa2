/**
 * The compiler from the syntax tree to the session model: entries, blocks and workouts. The
 * rules it applies (block kinds, the duration estimate, the volume per muscle group) live in
 * src/core; this file only reads the syntax. docs/language.md writes the rules down.
 */
import type { AstNode } from 'langium';
import { displayNameFor } from '../../core/catalog.js';
import { BLOCK_KINDS, blockKindOf, presetOf } from '../../core/block-kinds.js';
import { AS_NEEDED_REST_SECONDS, DEFAULT_RUNNER, estimateBlockSeconds, estimateEntrySeconds, mean } from '../../core/estimate.js';
import { estimateRestSeconds, runSummary } from '../../core/athlete.js';
import { isRunTargetProblem, readRunTarget, type RunTargetText } from '../../core/run-targets.js';
import { entryIntensity, isRunExercise, recoveryActivityOf, type RunnerFacts } from '../../core/running.js';
import type { ExerciseInfo } from '../../core/exercise.js';
import {
    AMOUNT_LIMITS, distanceUnitOf, limitOfKind, parseQuantity, parseRange, withinLimit, type QuantityRange, type RangeProblem
} from '../../core/quantities.js';
import type { BlockModel, EntryModel, ItemModel, Load, RestModel, Side, Slot, WorkoutModel } from '../../core/session-model.js';
import { isTargetProblem, readTarget, splitPace } from '../../core/targets.js';
import { summariseWorkout, type FactsOf } from '../../core/volume.js';
import {
    isBlock, isRestItem, type Block, type Entry, type Item, type LoadModifier, type Range, type RestItem, type Slot as SlotNode,
    type RunTarget, type Target, type Workout
} from '../generated/ast.js';
import { entryName, unquote, type ExerciseResolver } from '../exercise-resolver.js';

export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/**
 * A range as the model keeps it: held to the limits of its kind (core/quantities.ts), so an
 * amount the checks refuse as out of range still compiles to a finite number.
 */
export function rangeOf(range: Range | undefined): QuantityRange | undefined {
    if (range?.min === undefined) {
        return undefined; // absent, or not typed yet
    }
    const parsed = parseRange(range.min, range.max);
    if (typeof parsed === 'string') {
        return undefined;
    }
    const limit = limitOfKind(parsed.kind);
    return { kind: parsed.kind, min: withinLimit(parsed.min, limit), max: withinLimit(parsed.max, limit) };
}

/** A count written in the text (`3 x`, `5 rounds`), held to its limit. */
function countOf(text: string, limit: number): number {
    return withinLimit(parseInt(text, 10), limit);
}

/** `rest 400m jog`: a recovery over a distance rather than a time. */
export function isDistance(range: Range | undefined): boolean {
    return rangeOf(range)?.kind === 'meters';
}

/**
 * An entry's amount as a range. A pair (`20/15 cal`, `10/10`) reads like a range whose bare first
 * number takes the unit of the second: its `min` is the first amount, its `max` the second.
 */
export function amountRange(amount: Range): QuantityRange | RangeProblem {
    if (amount.other !== undefined && amount.max === undefined) {
        return parseRange(amount.min, amount.other);
    }
    return parseRange(amount.min, amount.max);
}

/** A block's cap: `AMRAP 20` and `EMOM 10` count minutes (block-kinds.ts, `bareCapIsMinutes`). */
export function capRangeOf(block: Block): QuantityRange | undefined {
    const parsed = rangeOf(block.cap);
    const kind = blockKindOf(block.kind);
    if (parsed?.kind === 'count' && kind && BLOCK_KINDS[kind].bareCapIsMinutes) {
        const seconds = (minutes: number) => withinLimit(minutes * 60, AMOUNT_LIMITS.seconds);
        return { kind: 'seconds', min: seconds(parsed.min), max: seconds(parsed.max), unit: 'min' };
    }
    return parsed;
}

function secondsOf(range: Range | undefined): number | undefined {
    const parsed = rangeOf(range);
    return parsed?.kind === 'seconds' ? mean(parsed) : undefined;
}

/**
 * One compilation: the exercise facts behind each compiled entry are kept here, beside the
 * model (not in it), so the JSON stays the public shape while the volume can still read muscles.
 */
export class Compilation {
    private readonly facts = new Map<EntryModel, ExerciseInfo>();
    /** Whose paces time the runs: the defaults, a plan's level, or the plan's athlete (compile-plan.ts). */
    runner: RunnerFacts = DEFAULT_RUNNER;

    constructor(private readonly resolver: ExerciseResolver) {}

    /** Compiles with another runner's paces (a plan's level or athlete), then goes back. */
    withRunner<T>(runner: RunnerFacts, compile: () => T): T {
        const before = this.runner;
        this.runner = runner;
        try {
            return compile();
        } finally {
            this.runner = before;
        }
    }

    readonly factsOf: FactsOf = entry => this.facts.get(entry);

    /** `scheme`: the rep scheme of the block around it, for an entry written without an amount. */
    entry(entry: Entry, scheme?: number[]): EntryModel {
        const info = this.resolver.resolve(entry);
        const model: EntryModel = {
            type: 'entry',
            exercise: info?.id ?? unquote(entryName(entry)),
            // The coach's own word for a catalog exercise (`press-ups`), shorthand spelt out (`t2b`).
            name: info?.catalogEntry && info.source === 'catalog' ? displayNameFor(unquote(entryName(entry)), info.catalogEntry) : info?.name ?? unquote(entryName(entry)),
            known: info !== undefined,
            sets: entry.sets ? countOf(entry.sets, AMOUNT_LIMITS.sets) : 1,
            side: sideOf(entry),
            line: lineOf(entry),
            estimatedSeconds: 0
        };
        if (entry.setsMin !== undefined && entry.sets) {
            model.sets = countOf(entry.setsMin, AMOUNT_LIMITS.sets);
            model.setsMax = countOf(entry.sets, AMOUNT_LIMITS.sets);
        }
        if (info?.kind === 'cardio' && isRunExercise(info.id, true)) {
            model.run = true;
        }
        if (entry.lap) {
            model.untilLap = true;
        } else if (entry.max) {
            model.maxEffort = true;
        } else if (entry.amount) {
            this.amount(entry.amount, model);
        } else if (scheme) {
            model.repScheme = [...scheme];
        }
        const slot = slotOf(entry.slot);
        if (slot !== undefined) {
            model.slot = slot;
        }
        entry.modifiers.forEach((modifier, index) => {
            switch (modifier.$type) {
                case 'LoadModifier': {
                    const distance = model.meters ? { meters: model.meters.min, unit: model.distanceUnit } : undefined;
                    const targets = runTargetsAsWritten(targetsOf(modifier, isLoadEachAt(entry, index + 1), distance), info?.kind === 'cardio');
                    if (targets.length > 0) {
                        model.load = targets[0];
                        if (targets.length > 1) {
                            model.targets = targets;
                        } else {
                            delete model.targets;
                        }
                    }
                    break;
                }
                case 'RestModifier': {
                    const rest = rangeOf(modifier.duration);
                    if (modifier.asNeeded) {
                        model.restAsNeeded = true;
                        delete model.restSeconds;
                    } else if (rest?.kind === 'seconds') {
                        model.restSeconds = rest.min;
                        delete model.restAsNeeded;
                        delete model.restMeters;
                        delete model.restDistanceUnit;
                    } else if (rest?.kind === 'meters') {
                        // `rest 400m jog`: a recovery over a distance (runs).
                        model.restMeters = rest.min;
                        model.restDistanceUnit = distanceUnitOf(rest.unit) ?? 'm';
                        delete model.restSeconds;
                        delete model.restAsNeeded;
                    }
                    const activity = recoveryActivityOf(modifier.activity);
                    if (activity) {
                        model.restActivity = activity;
                    }
                    break;
                }
                case 'NoteModifier':
                    model.note = modifier.note;
                    break;
                case 'TempoModifier':
                    model.tempo = tempoOf(modifier.tempo);
                    break;
                case 'ClockModifier': {
                    const every = secondsOf(modifier.every);
                    if (every !== undefined) {
                        model.everySeconds = every;
                    }
                    break;
                }
            }
        });
        if (model.run) {
            model.intensity = entryIntensity(model, this.runner);
        }
        model.estimatedSeconds = estimateEntrySeconds(model, info, this.runner);
        if (info) {
            this.facts.set(model, info);
        }
        return model;
    }

    /** The amount of an entry: reps, a time, a distance, calories; a rep scheme; `5+`; `10/10` or `20/15`. */
    private amount(amount: Range, model: EntryModel): void {
        if (amount.steps.length > 0) {
            const steps = [amount.min, amount.max ?? '', ...amount.steps].map(step => parseQuantity(step));
            if (steps.every(step => step?.kind === 'count')) {
                model.repScheme = steps.map(step => withinLimit(step!.value, AMOUNT_LIMITS.reps));
                model.sets = model.repScheme.length;
                delete model.setsMax;
            }
        } else {
            const read = amount.min !== undefined ? amountRange(amount) : undefined;
            const limit = typeof read === 'object' ? limitOfKind(read.kind) : 0;
            const parsed = typeof read === 'object' ? { ...read, min: withinLimit(read.min, limit), max: withinLimit(read.max, limit) } : undefined;
            // A pair keeps its first amount; the second is the other side or the other Rx.
            const range = parsed ? { min: parsed.min, max: amount.other !== undefined ? parsed.min : parsed.max } : undefined;
            if (parsed?.kind === 'count') {
                model.reps = range;
            } else if (parsed?.kind === 'seconds') {
                model.seconds = range;
            } else if (parsed?.kind === 'meters') {
                model.meters = range;
                model.distanceUnit = distanceUnitOf(parsed.unit) ?? 'm';
            } else if (parsed?.kind === 'calories') {
                model.calories = range;
            }
        }
        if (amount.plus) {
            model.orMore = true;
        }
        if (amount.perSide && model.side === 'both') {
            model.side = 'each'; // `10/side`
        }
        if (amount.other !== undefined && amount.min !== undefined) {
            const pair = amountRange(amount);
            if (typeof pair === 'object' && pair.min === pair.max) {
                model.side = model.side === 'both' ? 'each' : model.side; // `10/10`: ten a side
            } else if (typeof pair === 'object') {
                model.alternate = withinLimit(pair.max, limitOfKind(pair.kind));
            }
        }
    }

    block(block: Block, scheme?: number[]): BlockModel {
        const kind = block.forTime ? 'for-time' : block.kind === 'repeat' && block.until ? 'repeat-until' : blockKindOf(block.kind);
        const ownScheme = block.scheme?.steps.map(step => withinLimit(parseQuantity(step)?.value ?? 0, AMOUNT_LIMITS.reps));
        const model: BlockModel = {
            type: 'block',
            // The grammar only admits the table's keywords; a half-typed header is a section.
            kind: kind ?? 'section',
            entries: [],
            line: lineOf(block),
            estimatedSeconds: 0
        };
        const capRange = capRangeOf(block);
        const cap = capRange?.kind === 'seconds' ? mean(capRange) : undefined;
        if (cap !== undefined) {
            model.capSeconds = cap;
        }
        Object.assign(model, presetOf(block.kind));
        const every = secondsOf(block.every);
        if (every !== undefined) {
            model.everySeconds = every;
        }
        if (block.count !== undefined) {
            model.rounds = countOf(block.count, AMOUNT_LIMITS.rounds);
        }
        if (block.sets !== undefined) {
            model.rounds = countOf(block.sets, AMOUNT_LIMITS.rounds);
        }
        if (ownScheme && ownScheme.length > 0) {
            model.repScheme = ownScheme;
            model.rounds = ownScheme.length;
        }
        if (block.on !== undefined || block.off !== undefined) {
            model.workSeconds = secondsOf(block.on);
            model.offSeconds = secondsOf(block.off);
        }
        const rest = secondsOf(block.rest);
        if (rest !== undefined) {
            model.restSeconds = rest;
        }
        if (block.title) {
            model.title = block.title;
        }
        const load = block.load ? targetsOf(block.load, false)[0] : undefined;
        if (load) {
            model.load = load;
        }
        if (block.note) {
            model.note = block.note;
        }
        const slot = slotOf(block.slot);
        if (slot !== undefined) {
            model.slot = slot;
        }
        model.entries = inheritSlots(block.items.map(item => this.item(item, model.repScheme ?? scheme)));
        restWholeSlots(model, block);
        model.estimatedSeconds = estimateBlockSeconds(model);
        return model;
    }

    item(item: Item, scheme?: number[]): ItemModel {
        if (isBlock(item)) {
            return this.block(item, scheme);
        }
        return isRestItem(item) ? restOf(item, this.runner) : this.entry(item, scheme);
    }

    /** Items written outside a block are grouped into an untitled section. */
    blocks(items: Item[]): BlockModel[] {
        const blocks: BlockModel[] = [];
        let loose: ItemModel[] = [];
        const flush = () => {
            if (loose.length > 0) {
                const section: BlockModel = { type: 'block', kind: 'section', entries: loose, line: loose[0].line, estimatedSeconds: 0 };
                section.estimatedSeconds = estimateBlockSeconds(section);
                blocks.push(section);
                loose = [];
            }
        };
        for (const item of items) {
            if (isBlock(item)) {
                flush();
                blocks.push(this.block(item));
            } else {
                loose.push(this.item(item));
            }
        }
        flush();
        return blocks;
    }

    workout(workout: Workout): WorkoutModel {
        const name = workout.title ? workout.title : unquote(workout.name);
        const model = summariseWorkout(unquote(workout.name), name, lineOf(workout), this.blocks(workout.items), this.factsOf);
        const load = workout.load ? targetsOf(workout.load, false)[0] : undefined;
        const run = runSummary(model.blocks, this.runner);
        // The optional fields go before the blocks, where a reader of the JSON looks for them.
        const { blocks, muscles, equipment, ...head } = model;
        return { ...head, ...(load ? { load } : {}), ...(workout.note ? { note: workout.note } : {}), blocks, ...(run ? { run } : {}), muscles, equipment };
    }

    /** Items written at the top of a file, outside any workout: a workout named after the file. */
    looseWorkout(id: string, items: Item[]): WorkoutModel {
        const model = summariseWorkout(id, id, lineOf(items[0]), this.blocks(items), this.factsOf);
        const run = runSummary(model.blocks, this.runner);
        const { blocks, muscles, equipment, ...head } = model;
        return run ? { ...head, blocks, run, muscles, equipment } : model;
    }
}

function restOf(rest: RestItem, runner: RunnerFacts): RestModel {
    const slot = slotOf(rest.slot);
    const model: RestModel = rest.asNeeded
        ? { type: 'rest', seconds: 0, asNeeded: true, line: lineOf(rest), estimatedSeconds: AS_NEEDED_REST_SECONDS }
        : { type: 'rest', seconds: secondsOf(rest.duration) ?? 0, line: lineOf(rest), estimatedSeconds: 0 };
    model.estimatedSeconds = rest.asNeeded ? AS_NEEDED_REST_SECONDS : model.seconds;
    const distance = rest.asNeeded ? undefined : rangeOf(rest.duration);
    const activity = recoveryActivityOf(rest.activity);
    if (distance?.kind === 'meters') {
        // `rest 400m jog` between repeats: a recovery over a distance.
        model.meters = distance.min;
        model.distanceUnit = distanceUnitOf(distance.unit) ?? 'm';
        model.estimatedSeconds = estimateRestSeconds(distance.min, activity, runner);
    }
    if (activity) {
        model.activity = activity;
    }
    if (slot !== undefined) {
        model.slot = slot;
    }
    return model;
}

/** `min 4: rest` (no time) in an EMOM rests the whole slot: a minute, or the block's interval. */
function restWholeSlots(model: BlockModel, block: Block): void {
    block.items.forEach((item, index) => {
        const rest = model.entries[index];
        if (isRestItem(item) && item.slot && !item.duration && !item.asNeeded && rest?.type === 'rest') {
            rest.seconds = model.everySeconds ?? 60;
            rest.estimatedSeconds = rest.seconds;
        }
    });
}

function slotOf(slot: SlotNode | undefined): Slot | undefined {
    if (!slot) {
        return undefined;
    }
    if (slot.parity) {
        return slot.parity;
    }
    const minute = slot.minute !== undefined ? countOf(slot.minute, AMOUNT_LIMITS.rounds) : 0;
    return minute > 0 ? minute : undefined;
}

/** In an EMOM with labels, an item without one belongs to the label above it. */
function inheritSlots(items: ItemModel[]): ItemModel[] {
    let current: Slot | undefined;
    for (const item of items) {
        if (item.slot !== undefined) {
            current = item.slot;
        } else if (current !== undefined) {
            item.slot = current;
        }
    }
    return items;
}

/** The last side given wins, like every other modifier (a repeat is warned: duplicate-modifier). */
function sideOf(entry: Entry): Side {
    let side: Side = 'both';
    entry.modifiers.forEach((modifier, index) => {
        if (modifier.$type === 'SideModifier' && !isLoadEachAt(entry, index)) {
            side = modifier.alternating ? 'alternating' : modifier.perSide ? 'each' : (modifier.side as Side);
        }
    });
    return side;
}

/** `each` alone right after a load is the load's (`@ 24kg each`: per hand), not a side. */
export function isLoadEachAt(entry: Entry, index: number): boolean {
    const modifier = entry.modifiers[index];
    return modifier?.$type === 'SideModifier' && modifier.perSide && modifier.per === undefined
        && entry.modifiers[index - 1]?.$type === 'LoadModifier';
}

/** `tempo 3-1-1` → `3-1-1`. */
function tempoOf(token: string): string {
    return token.replace(/^tempo\s+/i, '');
}

/** The distance of the entry an `@` belongs to: a time after it is the time for that distance. */
export interface TargetDistance {
    meters: number;
    unit?: string;
}

/** A time after `@` on a distance, read as a pace (`800m @ 3:20`); undefined for any other target. */
export function splitOf(target: Target, distance: TargetDistance | undefined): Load | undefined {
    return distance ? splitPace(targetText(target), distance.meters, distance.unit) : undefined;
}

/** The targets of one `@`, each read by core/targets.ts; ones the checks refuse are left out. */
export function targetsOf(modifier: LoadModifier, each: boolean, distance?: TargetDistance): Load[] {
    const loads: Load[] = [];
    for (const target of modifier.targets) {
        const read = readTarget(targetText(target));
        const split = isTargetProblem(read) ? splitOf(target, distance) : undefined;
        if (split) {
            loads.push(split);
        } else if (!isTargetProblem(read)) {
            loads.push(withinTargetLimit(read));
        }
    }
    // Run targets (`@ 5k-pace`, `@ zone 2`) are read by core/run-targets.ts.
    for (const target of modifier.runTargets) {
        const read = readRunTarget(runTargetText(target));
        if (!isRunTargetProblem(read)) {
            loads.push(read);
        }
    }
    if (each && loads.length > 0 && loads[loads.length - 1].kind === 'weight') {
        loads[loads.length - 1].each = true;
    }
    if (modifier.optional) {
        loads.forEach(load => load.optional = true);
    }
    return loads;
}

/** A target's numbers held to the limits of core/quantities.ts, so a model stays finite. */
function withinTargetLimit(load: Load): Load {
    const limit = load.kind === 'rpe' || load.kind === 'rir' ? AMOUNT_LIMITS.rpe
        : load.kind === 'percent-1rm' || load.kind === 'percent-tm' ? AMOUNT_LIMITS.percent
        : load.kind === 'height' ? AMOUNT_LIMITS.meters : AMOUNT_LIMITS.lb;
    const held = (value: number | undefined) => (value === undefined ? undefined : withinLimit(value, limit));
    const result: Load = { ...load, value: load.value === null ? null : withinLimit(load.value, limit) };
    if (load.max !== undefined) {
        result.max = held(load.max);
    }
    if (load.alternate !== undefined) {
        result.alternate = held(load.alternate);
    }
    if (load.implements !== undefined) {
        result.implements = withinLimit(load.implements, AMOUNT_LIMITS.sets);
    }
    return result;
}

export function targetText(target: Target): Parameters<typeof readTarget>[0] {
    return {
        // `RPE`, `TM`: acronyms may be written in capitals.
        value: target.value, max: target.max, alternate: target.alternate, scale: target.scale?.toLowerCase(), of: target.of?.toLowerCase(),
        implements: target.implements, bodyweight: target.bodyweight
    };
}

export function runTargetText(target: RunTarget): RunTargetText {
    return {
        pace: target.pace, toPace: target.toPace, named: target.named, toNamed: target.toNamed, zone: target.zone, bpm: target.bpm,
        power: target.power, speed: target.speed, percent: target.percent, percentMax: target.percentMax, of: target.of
    };
}

/** On a run or other cardio, a bare percentage is the treadmill's incline (`@ 12kph 2%`), not a share of a 1RM. */
function runTargetsAsWritten(loads: Load[], cardio: boolean): Load[] {
    return cardio ? loads.map(load => (load.kind === 'percent-1rm' ? { ...load, kind: 'incline' } : load)) : loads;
}
