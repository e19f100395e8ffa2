/**
 * The change in meaning between two versions of one workout: exercises swapped, added,
 * removed, moved between blocks or prescribed differently, blocks whose header changed, and
 * the sets per muscle group. Plain data; src/render/diff.ts words it.
 */
import { specOf } from './block-kinds.js';
import { matchInOrder } from './diff-match.js';
import type { BlockModel, EntryModel, ItemModel, WorkoutModel } from './session-model.js';

export interface Change<T> {
    before: T;
    after: T;
}

/** A block without its content: what its header says (`3 rounds rest 60s`, `amrap 20min`). */
export type BlockHeader = Omit<BlockModel, 'entries' | 'line' | 'estimatedSeconds'>;

export type EntryChange =
    | { kind: 'added'; block: string; entry: EntryModel }
    | { kind: 'removed'; block: string; entry: EntryModel }
    /** Another exercise in the same place. */
    | { kind: 'swapped'; block: string; before: EntryModel; after: EntryModel }
    /** The same exercise with another prescription (sets, reps, time, load, side, rest). */
    | { kind: 'changed'; block: string; before: EntryModel; after: EntryModel }
    | { kind: 'moved'; from: string; to: string; before: EntryModel; after: EntryModel };

export interface BlockChange {
    kind: 'added' | 'removed' | 'changed';
    block: string;
    before?: BlockHeader;
    after?: BlockHeader;
}

export interface WorkoutDiff {
    id: string;
    name: string;
    change: 'added' | 'removed' | 'changed';
    /** Its id or title changed. */
    renamed?: Change<string>;
    estimatedSeconds: Change<number>;
    blocks: BlockChange[];
    entries: EntryChange[];
    /** Sets per muscle group that changed (0 where a muscle is new or gone). */
    muscles: Record<string, Change<number>>;
}

// ---- matching in order ------------------------------------------------------------------------

/** The runs of unmatched items between matched ones: where a swap can be. */
function hunks<T>(before: T[], after: T[], matches: Array<[number, number]>): Array<{ removed: T[]; added: T[] }> {
    const result: Array<{ removed: T[]; added: T[] }> = [];
    let i = 0, j = 0;
    for (const [mi, mj] of [...matches, [before.length, after.length] as [number, number]]) {
        const removed = before.slice(i, mi);
        const added = after.slice(j, mj);
        if (removed.length || added.length) {
            result.push({ removed, added });
        }
        i = mi + 1;
        j = mj + 1;
    }
    return result;
}

interface FlatBlock {
    key: string;
    label: string;
    block: BlockModel;
    entries: EntryModel[];
}

/** Every block, nested ones too, keyed by its path of kinds and titles (`section:Legs/superset#0`). */
function flattenBlocks(workout: WorkoutModel): FlatBlock[] {
    const flat: FlatBlock[] = [];
    const visit = (blocks: BlockModel[], parentKey: string, parentLabel: string) => {
        const seen = new Map<string, number>();
        for (const block of blocks) {
            const name = `${block.kind}:${block.title ?? ''}`;
            const occurrence = seen.get(name) ?? 0;
            seen.set(name, occurrence + 1);
            const key = `${parentKey}/${name}#${occurrence}`;
            const label = [parentLabel, block.title ?? specOf(block).word].filter(Boolean).join(' › ');
            flat.push({ key, label, block, entries: block.entries.filter((item): item is EntryModel => item.type === 'entry') });
            visit(block.entries.filter((item: ItemModel): item is BlockModel => item.type === 'block'), key, label);
        }
    };
    visit(workout.blocks, '', '');
    return flat;
}

function headerOf(block: BlockModel): BlockHeader {
    const { entries: _entries, line: _line, estimatedSeconds: _seconds, ...header } = block;
    return header;
}

const PRESCRIPTION_FIELDS = [
    'sets', 'setsMax', 'reps', 'repScheme', 'orMore', 'seconds', 'meters', 'distanceUnit', 'calories', 'alternate', 'maxEffort', 'side', 'load', 'targets',
    'tempo', 'restSeconds', 'restAsNeeded', 'everySeconds', 'slot', 'note'
] as const;

export function samePrescription(a: EntryModel, b: EntryModel): boolean {
    return PRESCRIPTION_FIELDS.every(field => JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null));
}

function diffMuscles(before: Record<string, number>, after: Record<string, number>): Record<string, Change<number>> {
    const changes: Record<string, Change<number>> = {};
    for (const muscle of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
        const change = { before: before[muscle] ?? 0, after: after[muscle] ?? 0 };
        if (change.before !== change.after) {
            changes[muscle] = change;
        }
    }
    return changes;
}

/** Entries of one block that left or arrived between two that stayed. */
interface OpenHunk {
    block: string;
    removed: EntryModel[];
    added: EntryModel[];
}

/**
 * An exercise that left one block and arrived in another moved: each removed entry, in order,
 * goes to the first other block where its exercise arrived. Returns the moves and leaves in the
 * hunks what is left, swaps or edits. The arrivals are indexed by exercise, so a block of
 * thousands of entries costs no search of every other block per entry.
 */
function takeMoves(open: OpenHunk[]): EntryChange[] {
    // Per exercise, its arrivals by block in the order of `open`; a block leaves once it has none left.
    const arrivals = new Map<string, Map<OpenHunk, { entries: EntryModel[]; next: number }>>();
    for (const hunk of open) {
        for (const entry of hunk.added) {
            const byHunk = arrivals.get(entry.exercise) ?? new Map<OpenHunk, { entries: EntryModel[]; next: number }>();
            const queue = byHunk.get(hunk) ?? { entries: [], next: 0 };
            queue.entries.push(entry);
            byHunk.set(hunk, queue);
            arrivals.set(entry.exercise, byHunk);
        }
    }
    const moves: EntryChange[] = [];
    // Two sets: a model diffed with itself has the same entry objects on both sides.
    const left = new Set<EntryModel>();
    const arrived = new Set<EntryModel>();
    for (const from of open) {
        for (const entry of from.removed) {
            const byHunk = arrivals.get(entry.exercise);
            // At most two looks: blocks without arrivals left are deleted, and one may be `from`.
            const found = byHunk && firstOther(byHunk, from);
            if (!found) {
                continue;
            }
            const [to, queue] = found;
            const after = queue.entries[queue.next++];
            if (queue.next === queue.entries.length) {
                byHunk.delete(to);
            }
            moves.push({ kind: 'moved', from: from.block, to: to.block, before: entry, after });
            left.add(entry);
            arrived.add(after);
        }
    }
    for (const hunk of open) {
        hunk.removed = hunk.removed.filter(entry => !left.has(entry));
        hunk.added = hunk.added.filter(entry => !arrived.has(entry));
    }
    return moves;
}

/** The first entry of a map whose key is not `skip`. */
function firstOther<K, V>(map: Map<K, V>, skip: K): [K, V] | undefined {
    for (const pair of map) {
        if (pair[0] !== skip) {
            return pair;
        }
    }
    return undefined;
}

export function diffWorkout(before: WorkoutModel | undefined, after: WorkoutModel | undefined): WorkoutDiff {
    const current = (after ?? before)!;
    const diff: WorkoutDiff = {
        id: current.id,
        name: current.name,
        change: !before ? 'added' : !after ? 'removed' : 'changed',
        estimatedSeconds: { before: before?.estimatedSeconds ?? 0, after: after?.estimatedSeconds ?? 0 },
        blocks: [],
        entries: [],
        muscles: diffMuscles(before?.muscles ?? {}, after?.muscles ?? {})
    };
    if (!before || !after) {
        return diff;
    }
    if (before.id !== after.id || before.name !== after.name) {
        diff.renamed = { before: before.name === after.name ? before.id : before.name, after: before.name === after.name ? after.id : after.name };
    }
    const oldBlocks = flattenBlocks(before);
    const newBlocks = flattenBlocks(after);
    const newByKey = new Map(newBlocks.map(block => [block.key, block]));
    const oldKeys = new Set(oldBlocks.map(block => block.key));
    const open: OpenHunk[] = [];

    for (const old of oldBlocks) {
        const match = newByKey.get(old.key);
        if (!match) {
            diff.blocks.push({ kind: 'removed', block: old.label, before: headerOf(old.block) });
            open.push({ block: old.label, removed: old.entries, added: [] });
            continue;
        }
        if (JSON.stringify(headerOf(old.block)) !== JSON.stringify(headerOf(match.block))) {
            diff.blocks.push({ kind: 'changed', block: match.label, before: headerOf(old.block), after: headerOf(match.block) });
        }
        const matches = matchInOrder(old.entries.map(entry => entry.exercise), match.entries.map(entry => entry.exercise));
        for (const [i, j] of matches) {
            if (!samePrescription(old.entries[i], match.entries[j])) {
                diff.entries.push({ kind: 'changed', block: match.label, before: old.entries[i], after: match.entries[j] });
            }
        }
        hunks(old.entries, match.entries, matches).forEach(hunk => open.push({ block: match.label, ...hunk }));
    }
    for (const added of newBlocks.filter(block => !oldKeys.has(block.key))) {
        diff.blocks.push({ kind: 'added', block: added.label, after: headerOf(added.block) });
        open.push({ block: added.label, removed: [], added: added.entries });
    }

    diff.entries.push(...takeMoves(open));
    for (const hunk of open) {
        const swaps = Math.min(hunk.removed.length, hunk.added.length);
        for (let k = 0; k < swaps; k++) {
            diff.entries.push({ kind: 'swapped', block: hunk.block, before: hunk.removed[k], after: hunk.added[k] });
        }
        hunk.removed.slice(swaps).forEach(entry => diff.entries.push({ kind: 'removed', block: hunk.block, entry }));
        hunk.added.slice(swaps).forEach(entry => diff.entries.push({ kind: 'added', block: hunk.block, entry }));
    }
    return diff;
}

export function workoutChanged(diff: WorkoutDiff): boolean {
    return diff.change !== 'changed' || diff.renamed !== undefined || diff.blocks.length > 0 || diff.entries.length > 0
        || diff.estimatedSeconds.before !== diff.estimatedSeconds.after || Object.keys(diff.muscles).length > 0;
}
