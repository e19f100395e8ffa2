/**
 * The compiler from the syntax tree to the session model: entries, blocks and workouts. The
 * rules it applies (block kinds, the duration estimate, the volume per muscle group) live in
 * src/core; this file only reads the syntax. docs/language.md writes the rules down.
 */
import type { AstNode } from 'langium';
import { displayNameFor } from '../../core/catalog.js';
import { blockKindOf, presetOf } from '../../core/block-kinds.js';
import { estimateBlockSeconds, estimateEntrySeconds, mean } from '../../core/estimate.js';
import type { ExerciseInfo } from '../../core/exercise.js';
import { AMOUNT_LIMITS, limitOfKind, parseQuantity, parseRange, withinLimit, type QuantityRange } from '../../core/quantities.js';
import type { BlockModel, EntryModel, ItemModel, Load, RestModel, Side, WorkoutModel } from '../../core/session-model.js';
import { summariseWorkout, type FactsOf } from '../../core/volume.js';
import { isBlock, isRestItem, type Block, type Entry, type Item, type LoadModifier, type Range, type RestItem, type Workout } from '../generated/ast.js';
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

    constructor(private readonly resolver: ExerciseResolver) {}

    readonly factsOf: FactsOf = entry => this.facts.get(entry);

    entry(entry: Entry): EntryModel {
        const info = this.resolver.resolve(entry);
        const amount = rangeOf(entry.amount);
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
            this.facts.set(model, info);
        }
        return model;
    }

    block(block: Block): BlockModel {
        const model: BlockModel = {
            type: 'block',
            // The grammar only admits the table's keywords; a half-typed header is a section.
            kind: blockKindOf(block.kind) ?? 'section',
            entries: block.items.map(item => this.item(item)),
            line: lineOf(block),
            estimatedSeconds: 0
        };
        const cap = secondsOf(block.cap);
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
        model.estimatedSeconds = estimateBlockSeconds(model);
        return model;
    }

    item(item: Item): ItemModel {
        if (isBlock(item)) {
            return this.block(item);
        }
        return isRestItem(item) ? restOf(item) : this.entry(item);
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
        return summariseWorkout(unquote(workout.name), name, lineOf(workout), this.blocks(workout.items), this.factsOf);
    }

    /** Items written at the top of a file, outside any workout: a workout named after the file. */
    looseWorkout(id: string, items: Item[]): WorkoutModel {
        return summariseWorkout(id, id, lineOf(items[0]), this.blocks(items), this.factsOf);
    }
}

function restOf(rest: RestItem): RestModel {
    const seconds = secondsOf(rest.duration) ?? 0;
    return { type: 'rest', seconds, line: lineOf(rest), estimatedSeconds: seconds };
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
    const quantity = parseQuantity(modifier.value ?? '');
    const value = quantity ? withinLimit(quantity.value, modifier.rpe ? AMOUNT_LIMITS.rpe : limitOfKind(quantity.kind)) : null;
    if (modifier.rpe) {
        return { kind: 'rpe', value, unit: 'rpe', ...optional };
    }
    if (quantity?.kind === 'percent') {
        return { kind: 'percent-1rm', value, unit: '%', ...optional };
    }
    return { kind: 'weight', value, unit: quantity?.kind === 'lb' ? 'lb' : 'kg', ...optional };
}
