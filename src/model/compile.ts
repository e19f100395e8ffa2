/**
 * The compiler from the syntax tree to the session model, with the duration estimate and the
 * volume per muscle group. The only file under src/model that knows Langium's AST; the rules
 * are written down in docs/language.md ("Duration estimate" and "Volume").
 */
import type { AstNode } from 'langium';
import { isBlock, isExerciseDef, isImport, isPlan, isRestItem, isWorkout, type Block, type Document, type Entry, type Item, type LoadModifier, type Range, type RestItem, type Workout } from '../language/generated/ast.js';
import { parseQuantity, parseRange, type QuantityRange } from '../language/quantities.js';
import { entryName, resolveExercise, unquote, type ExerciseInfo } from '../language/exercise-info.js';
import { compilePlan, type PlanThresholds } from './compile-plan.js';
import type { BlockKind, BlockModel, EntryModel, ItemModel, Load, MinMax, RestModel, SessionModel, Side, WorkoutModel } from './session-model.js';

/** A comfortable running pace, 6 min/km, turns distances into time. */
export const SECONDS_PER_METER = 0.36;
/** `max pull-ups` is estimated as this many reps. */
export const MAX_EFFORT_REPS = 10;
/** A Tabata is 8 rounds of 20 s work and 10 s rest. */
export const TABATA = { rounds: 8, workSeconds: 20, offSeconds: 10 } as const;
/** Blocks whose work does not count toward training volume per muscle. */
const NO_VOLUME_KINDS: ReadonlySet<BlockKind> = new Set(['warmup', 'cooldown']);

/**
 * Facts behind each compiled entry, kept beside the model (not in it) so the JSON stays the
 * public shape while the summary can still read muscles and equipment.
 */
const exerciseFacts = new WeakMap<EntryModel, ExerciseInfo>();

/** What the compiler knew about an entry's exercise (kind, muscles), or undefined when unknown. */
export function exerciseFactsOf(entry: EntryModel): ExerciseInfo | undefined {
    return exerciseFacts.get(entry);
}

export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

export function rangeOf(range: Range | undefined): QuantityRange | undefined {
    if (range?.min === undefined) {
        return undefined; // absent, or not typed yet
    }
    const parsed = parseRange(range.min, range.max);
    return typeof parsed === 'string' ? undefined : parsed;
}

function secondsOf(range: Range | undefined): number | undefined {
    const parsed = rangeOf(range);
    return parsed?.kind === 'seconds' ? mean(parsed) : undefined;
}

function mean(range: MinMax): number {
    return (range.min + range.max) / 2;
}

// ---- entries ----------------------------------------------------------------------------------

export function compileEntry(entry: Entry): EntryModel {
    const info = resolveExercise(entry);
    const amount = rangeOf(entry.amount);
    const sets = entry.sets ? parseInt(entry.sets, 10) : 1;
    const model: EntryModel = {
        type: 'entry',
        exercise: info?.id ?? unquote(entryName(entry)),
        name: info?.name ?? unquote(entryName(entry)),
        known: info !== undefined,
        sets,
        side: sideOf(entry),
        line: lineOf(entry),
        estimatedSeconds: 0
    };
    if (entry.max) {
        model.maxEffort = true;
    } else if (amount?.kind === 'count') {
        model.reps = { min: amount.min, max: amount.max };
    } else if (amount?.kind === 'seconds') {
        model.seconds = { min: amount.min, max: amount.max };
    } else if (amount?.kind === 'meters') {
        model.meters = { min: amount.min, max: amount.max };
    }
    for (const modifier of entry.modifiers) {
        switch (modifier.$type) {
            case 'LoadModifier':
                model.load = loadOf(modifier);
                break;
            case 'RestModifier': {
                const rest = rangeOf(modifier.duration);
                if (rest?.kind === 'seconds') {
                    model.restSeconds = rest.min;
                }
                break;
            }
            case 'NoteModifier':
                model.note = modifier.note;
                break;
        }
    }
    model.estimatedSeconds = estimateEntrySeconds(model, info);
    if (info) {
        exerciseFacts.set(model, info);
    }
    return model;
}

/** The last side given wins, like every other modifier (a repeat is warned: duplicate-modifier). */
function sideOf(entry: Entry): Side {
    let side: Side = 'both';
    for (const modifier of entry.modifiers) {
        if (modifier.$type === 'SideModifier') {
            side = modifier.perSide ? 'each' : (modifier.side as Side);
        }
    }
    return side;
}

function loadOf(modifier: LoadModifier): Load {
    const optional = modifier.optional ? { optional: true } : {};
    if (modifier.bodyweight) {
        return { kind: 'bodyweight', value: null, unit: null, ...optional };
    }
    if (modifier.rpe) {
        return { kind: 'rpe', value: parseQuantity(modifier.value ?? '')?.value ?? null, unit: 'rpe', ...optional };
    }
    const quantity = parseQuantity(modifier.value ?? '');
    if (quantity?.kind === 'percent') {
        return { kind: 'percent-1rm', value: quantity.value, unit: '%', ...optional };
    }
    return { kind: 'weight', value: quantity?.value ?? null, unit: quantity?.kind === 'lb' ? 'lb' : 'kg', ...optional };
}

/** One set's work times the sets, both sides when per side, plus the rest after each set. */
export function estimateEntrySeconds(entry: EntryModel, info: ExerciseInfo | undefined): number {
    const secondsPerRep = info?.secondsPerRep ?? 3;
    let workPerSet = 0;
    if (entry.reps) {
        workPerSet = mean(entry.reps) * secondsPerRep;
    } else if (entry.seconds) {
        workPerSet = mean(entry.seconds);
    } else if (entry.meters) {
        workPerSet = mean(entry.meters) * SECONDS_PER_METER;
    } else if (entry.maxEffort) {
        workPerSet = MAX_EFFORT_REPS * secondsPerRep;
    }
    const sides = entry.side === 'each' ? 2 : 1;
    return entry.sets * (workPerSet * sides + (entry.restSeconds ?? 0));
}

// ---- blocks -----------------------------------------------------------------------------------

function compileRest(rest: RestItem): RestModel {
    const seconds = secondsOf(rest.duration) ?? 0;
    return { type: 'rest', seconds, line: lineOf(rest), estimatedSeconds: seconds };
}

function compileItem(item: Item): ItemModel {
    if (isBlock(item)) {
        return compileBlock(item);
    }
    return isRestItem(item) ? compileRest(item) : compileEntry(item);
}

const BLOCK_KINDS: Record<string, BlockKind> = {
    amrap: 'amrap', emom: 'emom', every: 'emom', 'for-time': 'for-time',
    rounds: 'rounds', round: 'rounds', sets: 'rounds', set: 'rounds',
    superset: 'superset', tabata: 'intervals', intervals: 'intervals',
    warmup: 'warmup', 'warm-up': 'warmup', cooldown: 'cooldown', 'cool-down': 'cooldown', section: 'section'
};

export function compileBlock(block: Block): BlockModel {
    const model: BlockModel = {
        type: 'block',
        kind: BLOCK_KINDS[block.kind] ?? 'section',
        entries: block.items.map(compileItem),
        line: lineOf(block),
        estimatedSeconds: 0
    };
    const cap = secondsOf(block.cap);
    if (cap !== undefined) {
        model.capSeconds = cap;
    }
    if (block.kind === 'emom') {
        model.everySeconds = 60;
    } else if (block.kind === 'every') {
        model.everySeconds = secondsOf(block.every);
    }
    if (block.kind === 'tabata') {
        model.rounds = TABATA.rounds;
        model.workSeconds = TABATA.workSeconds;
        model.offSeconds = TABATA.offSeconds;
    } else if (block.kind === 'intervals') {
        model.rounds = parseInt(block.count ?? '0', 10);
        model.workSeconds = secondsOf(block.on);
        model.offSeconds = secondsOf(block.off);
    } else if (model.kind === 'rounds') {
        model.rounds = parseInt(block.count ?? '0', 10);
    }
    const rest = secondsOf(block.rest);
    if (rest !== undefined) {
        model.restSeconds = rest;
    }
    if (block.title) {
        model.title = block.title;
    }
    model.estimatedSeconds = estimateBlockSeconds(model);
    return model;
}

/** The work of one pass through the block's content. */
export function workSeconds(block: BlockModel): number {
    return block.entries.reduce((sum, item) => sum + item.estimatedSeconds, 0);
}

export function estimateBlockSeconds(block: BlockModel): number {
    const work = workSeconds(block);
    switch (block.kind) {
        case 'amrap':
        case 'emom':
            return block.capSeconds ?? work;
        case 'for-time':
            return block.capSeconds ?? work;
        case 'rounds': {
            const rounds = block.rounds ?? 1;
            return rounds * work + Math.max(0, rounds - 1) * (block.restSeconds ?? 0);
        }
        case 'superset':
            return work + (block.restSeconds ?? 0);
        case 'intervals':
            return (block.rounds ?? 0) * ((block.workSeconds ?? 0) + (block.offSeconds ?? 0));
        default:
            return work;
    }
}

/** How many times one pass of the block's content is done: rounds, minutes of an EMOM… */
export function passesOf(block: BlockModel): number {
    switch (block.kind) {
        case 'rounds':
            return block.rounds ?? 1;
        case 'emom':
            return block.capSeconds && block.everySeconds ? Math.max(1, Math.floor(block.capSeconds / block.everySeconds)) : 1;
        case 'amrap': {
            const work = workSeconds(block);
            return block.capSeconds && work > 0 ? Math.max(1, Math.floor(block.capSeconds / work)) : 1;
        }
        case 'intervals': {
            // Intervals cycle through their entries: 8 intervals of 2 exercises are 4 sets each.
            const entries = Math.max(1, block.entries.length);
            return Math.max(1, (block.rounds ?? 0) / entries);
        }
        default:
            return 1;
    }
}

// ---- workouts and documents -------------------------------------------------------------------

/** Items written outside a block are grouped into an untitled section. */
function compileWorkoutItems(items: Item[]): BlockModel[] {
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
            blocks.push(compileBlock(item));
        } else {
            loose.push(compileItem(item));
        }
    }
    flush();
    return blocks;
}

export function summariseWorkout(id: string, name: string, line: number, blocks: BlockModel[]): WorkoutModel {
    const muscles: Record<string, number> = {};
    const equipment = new Set<string>();
    const visit = (items: ItemModel[], multiplier: number, countsVolume: boolean) => {
        for (const item of items) {
            if (item.type === 'block') {
                visit(item.entries, multiplier * passesOf(item), countsVolume && !NO_VOLUME_KINDS.has(item.kind));
            } else if (item.type === 'entry') {
                const info = exerciseFacts.get(item);
                info?.equipment.forEach(tool => equipment.add(tool));
                if (countsVolume && info && info.kind !== 'cardio') {
                    const sets = item.sets * multiplier;
                    info.primaryMuscles.forEach(muscle => muscles[muscle] = (muscles[muscle] ?? 0) + sets);
                    info.secondaryMuscles.forEach(muscle => muscles[muscle] = (muscles[muscle] ?? 0) + sets * 0.5);
                }
            }
        }
    };
    for (const block of blocks) {
        visit([block], 1, true);
    }
    for (const muscle of Object.keys(muscles)) {
        muscles[muscle] = Math.round(muscles[muscle] * 100) / 100;
    }
    return {
        id,
        name,
        line,
        estimatedSeconds: blocks.reduce((sum, block) => sum + block.estimatedSeconds, 0),
        blocks,
        muscles: Object.fromEntries(Object.entries(muscles).sort(([a], [b]) => a.localeCompare(b))),
        equipment: [...equipment].sort()
    };
}


export function compileWorkout(workout: Workout): WorkoutModel {
    const name = workout.title ? workout.title : unquote(workout.name);
    return summariseWorkout(unquote(workout.name), name, lineOf(workout), compileWorkoutItems(workout.items));
}

export function compileDocument(document: Document, fileBaseName = 'session', planThresholds?: PlanThresholds): SessionModel {
    const workouts: WorkoutModel[] = [];
    const looseItems: Item[] = [];
    for (const element of document.elements) {
        if (isWorkout(element)) {
            workouts.push(compileWorkout(element));
        } else if (!isExerciseDef(element) && !isImport(element) && !isPlan(element)) {
            looseItems.push(element);
        }
    }
    if (looseItems.length > 0) {
        workouts.unshift(summariseWorkout(fileBaseName, fileBaseName, lineOf(looseItems[0]), compileWorkoutItems(looseItems)));
    }
    return { workouts, plans: document.elements.filter(isPlan).map(plan => compilePlan(plan, planThresholds)) };
}

