/**
 * The change in meaning between two versions of a session: workouts whose exercises were
 * swapped, added, removed or prescribed differently, and plans whose sessions were added,
 * removed or moved between days, with the weekly volume before and after. Plain data over two
 * session models; src/render/diff.ts words it for a coach reviewing a pull request.
 */
import type { BlockKind, BlockModel, EntryModel, ItemModel, PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel, SessionModel, WorkoutModel } from './session-model.js';

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

export type PlanItemChange =
    | { kind: 'added'; day: string; item: PlanItemModel }
    | { kind: 'removed'; day: string; item: PlanItemModel }
    | { kind: 'moved'; from: string; to: string; before: PlanItemModel; after: PlanItemModel }
    /** The same run or workout on the same day, with another amount (`30min` → `40min`). */
    | { kind: 'changed'; day: string; before: PlanItemModel; after: PlanItemModel }
    /** The same sessions on a day, in another order. */
    | { kind: 'reordered'; day: string; before: PlanItemModel[]; after: PlanItemModel[] };

export interface WeekTotals {
    strengthSessions: number;
    strengthSeconds: number;
    strengthSets: number;
    runSeconds: number;
    breaksProgression: boolean;
}

export interface WeekDiff {
    week: number;
    title?: string;
    change: 'added' | 'removed' | 'changed';
    items: PlanItemChange[];
    /** Totals before and after; only one side for added and removed weeks. */
    before?: WeekTotals;
    after?: WeekTotals;
}

export interface PlanDiff {
    id: string;
    name: string;
    change: 'added' | 'removed' | 'changed';
    renamed?: Change<string>;
    level?: Change<string>;
    progressionPercent?: Change<number>;
    /** The limit the new version applies (the old one's when the plan was removed). */
    progressionLimitPercent: number;
    weeks: WeekDiff[];
    /** Workouts the plan names, defined in other files, whose content changed. */
    workouts: WorkoutDiff[];
}

export interface SessionDiff {
    workouts: WorkoutDiff[];
    plans: PlanDiff[];
}

// ---- matching by id ---------------------------------------------------------------------------

/**
 * Pairs items by id; when exactly one item on each side is left unpaired, it is the same item
 * renamed (a file's only workout or plan).
 */
function pairById<T extends { id: string }>(before: T[], after: T[]): Array<[T | undefined, T | undefined]> {
    const pairs: Array<[T | undefined, T | undefined]> = [];
    const afterById = new Map(after.map(item => [item.id, item]));
    const matched = new Set<T>();
    const unpairedBefore: T[] = [];
    for (const old of before) {
        const found = afterById.get(old.id);
        if (found && !matched.has(found)) {
            matched.add(found);
            pairs.push([old, found]);
        } else {
            unpairedBefore.push(old);
        }
    }
    const unpairedAfter = after.filter(item => !matched.has(item));
    if (unpairedBefore.length === 1 && unpairedAfter.length === 1) {
        pairs.push([unpairedBefore[0], unpairedAfter[0]]);
    } else {
        unpairedBefore.forEach(old => pairs.push([old, undefined]));
        unpairedAfter.forEach(added => pairs.push([undefined, added]));
    }
    return pairs;
}

/** Longest common subsequence of two key lists, as index pairs in order. */
function commonSubsequence(a: string[], b: string[]): Array<[number, number]> {
    const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
        }
    }
    const pairs: Array<[number, number]> = [];
    let i = 0, j = 0;
    while (i < a.length && j < b.length) {
        if (a[i] === b[j]) {
            pairs.push([i++, j++]);
        } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    return pairs;
}

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

// ---- workouts ---------------------------------------------------------------------------------

const BLOCK_WORDS: Record<BlockKind, string> = {
    amrap: 'AMRAP', emom: 'EMOM', 'for-time': 'For time', rounds: 'Rounds', superset: 'Superset',
    intervals: 'Intervals', warmup: 'Warm-up', cooldown: 'Cool-down', section: 'Exercises'
};

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
            const label = [parentLabel, block.title ?? BLOCK_WORDS[block.kind]].filter(Boolean).join(' › ');
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

const PRESCRIPTION_FIELDS = ['sets', 'reps', 'seconds', 'meters', 'maxEffort', 'side', 'load', 'restSeconds', 'note'] as const;

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

export function diffWorkout(before: WorkoutModel | undefined, after: WorkoutModel | undefined): WorkoutDiff | undefined {
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
    const open: Array<{ block: string; removed: EntryModel[]; added: EntryModel[] }> = [];

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
        const matches = commonSubsequence(old.entries.map(entry => entry.exercise), match.entries.map(entry => entry.exercise));
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

    // An exercise that left one block and arrived in another moved; the rest are swaps or edits.
    for (const from of open) {
        for (const entry of [...from.removed]) {
            const to = open.find(candidate => candidate !== from && candidate.added.some(added => added.exercise === entry.exercise));
            if (to) {
                const arrived = to.added.find(added => added.exercise === entry.exercise)!;
                diff.entries.push({ kind: 'moved', from: from.block, to: to.block, before: entry, after: arrived });
                from.removed.splice(from.removed.indexOf(entry), 1);
                to.added.splice(to.added.indexOf(arrived), 1);
            }
        }
    }
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

// ---- plans ------------------------------------------------------------------------------------

function itemKey(item: PlanItemModel): string {
    return `${item.type}:${item.ref}`;
}

/** Runs and entries compare their prescription; a workout's content changes are reported once, with the workout. */
function sameAmount(a: PlanItemModel, b: PlanItemModel): boolean {
    return a.entry && b.entry ? samePrescription(a.entry, b.entry) : true;
}

function totalsOf(week: PlanWeekModel): WeekTotals {
    return {
        strengthSessions: week.strengthSessions,
        strengthSeconds: week.strengthSeconds,
        strengthSets: week.strengthSets,
        runSeconds: week.runSeconds,
        breaksProgression: week.breaksProgression
    };
}

interface Placed {
    day: PlanDayModel;
    index: number;
    item: PlanItemModel;
}

function placedItems(week: PlanWeekModel): Placed[] {
    return week.days.flatMap(day => day.items.map((item, index) => ({ day, index, item })));
}

function diffWeekItems(before: PlanWeekModel, after: PlanWeekModel): PlanItemChange[] {
    const changes: PlanItemChange[] = [];
    const oldItems = placedItems(before);
    const newItems = placedItems(after);
    const taken = new Set<Placed>();
    const sameDayPairs: Array<[Placed, Placed]> = [];
    // Same session, same day.
    const unmatchedOld: Placed[] = [];
    for (const old of oldItems) {
        const match = newItems.find(candidate => !taken.has(candidate) && candidate.day.day === old.day.day && itemKey(candidate.item) === itemKey(old.item));
        if (match) {
            taken.add(match);
            sameDayPairs.push([old, match]);
        } else {
            unmatchedOld.push(old);
        }
    }
    // Same session, another day: moved.
    const removed: Placed[] = [];
    for (const old of unmatchedOld) {
        const match = newItems.find(candidate => !taken.has(candidate) && itemKey(candidate.item) === itemKey(old.item));
        if (match) {
            taken.add(match);
            changes.push({ kind: 'moved', from: old.day.day, to: match.day.day, before: old.item, after: match.item });
        } else {
            removed.push(old);
        }
    }
    for (const [old, match] of sameDayPairs) {
        if (!sameAmount(old.item, match.item)) {
            changes.push({ kind: 'changed', day: match.day.day, before: old.item, after: match.item });
        }
    }
    removed.forEach(old => changes.push({ kind: 'removed', day: old.day.day, item: old.item }));
    newItems.filter(item => !taken.has(item)).forEach(added => changes.push({ kind: 'added', day: added.day.day, item: added.item }));
    // The sessions kept on a day, in another order (the run now after the strength work…).
    for (const day of after.days) {
        const pairs = sameDayPairs.filter(([, match]) => match.day === day);
        const oldOrder = [...pairs].sort(([a], [b]) => a.index - b.index).map(([old]) => old.item);
        const newOrder = [...pairs].sort(([, a], [, b]) => a.index - b.index).map(([, match]) => match.item);
        if (oldOrder.map(itemKey).join() !== newOrder.map(itemKey).join()) {
            changes.push({ kind: 'reordered', day: day.day, before: oldOrder, after: newOrder });
        }
    }
    return changes;
}

function diffWeeks(before: PlanWeekModel[], after: PlanWeekModel[]): WeekDiff[] {
    const weeks: WeekDiff[] = [];
    const numbers = [...new Set([...before, ...after].map(week => week.week))].sort((a, b) => a - b);
    for (const number of numbers) {
        const old = before.find(week => week.week === number);
        const current = after.find(week => week.week === number);
        const title = (current ?? old)!.title;
        if (old && current) {
            const items = diffWeekItems(old, current);
            const totals = { before: totalsOf(old), after: totalsOf(current) };
            if (items.length > 0 || JSON.stringify(totals.before) !== JSON.stringify(totals.after)) {
                weeks.push({ week: number, ...(title ? { title } : {}), change: 'changed', items, ...totals });
            }
        } else if (current) {
            weeks.push({ week: number, ...(title ? { title } : {}), change: 'added', items: [], after: totalsOf(current) });
        } else if (old) {
            weeks.push({ week: number, ...(title ? { title } : {}), change: 'removed', items: [], before: totalsOf(old) });
        }
    }
    return weeks;
}

export function diffPlan(before: PlanModel | undefined, after: PlanModel | undefined, ownWorkouts: ReadonlySet<string> = new Set()): PlanDiff {
    const current = (after ?? before)!;
    const diff: PlanDiff = {
        id: current.id,
        name: current.name,
        change: !before ? 'added' : !after ? 'removed' : 'changed',
        progressionLimitPercent: current.progressionPercent,
        weeks: [],
        workouts: []
    };
    if (!before || !after) {
        diff.weeks = diffWeeks(before?.weeks ?? [], after?.weeks ?? []);
        return diff;
    }
    if (before.id !== after.id || before.name !== after.name) {
        diff.renamed = { before: before.name === after.name ? before.id : before.name, after: before.name === after.name ? after.id : after.name };
    }
    if (before.level !== after.level) {
        diff.level = { before: before.level, after: after.level };
    }
    if (before.progressionPercent !== after.progressionPercent) {
        diff.progressionPercent = { before: before.progressionPercent, after: after.progressionPercent };
    }
    diff.weeks = diffWeeks(before.weeks, after.weeks);
    // Workouts of other files that the plan uses: their changes change the plan too.
    const oldWorkouts = before.workouts.filter(workout => !ownWorkouts.has(workout.id));
    const newWorkouts = after.workouts.filter(workout => !ownWorkouts.has(workout.id));
    const newById = new Map(newWorkouts.map(workout => [workout.id, workout]));
    for (const old of oldWorkouts) {
        const match = newById.get(old.id);
        const workoutDiff = match ? diffWorkout(old, match) : undefined;
        if (workoutDiff && workoutChanged(workoutDiff)) {
            diff.workouts.push(workoutDiff);
        }
    }
    return diff;
}

export function planChanged(diff: PlanDiff): boolean {
    return diff.change !== 'changed' || diff.renamed !== undefined || diff.level !== undefined
        || diff.progressionPercent !== undefined || diff.weeks.length > 0 || diff.workouts.length > 0;
}

export function diffSessions(before: SessionModel, after: SessionModel): SessionDiff {
    const workouts = pairById(before.workouts, after.workouts)
        .map(([old, current]) => diffWorkout(old, current)!)
        .filter(workoutChanged);
    const ownWorkouts = new Set([...before.workouts, ...after.workouts].map(workout => workout.id));
    const plans = pairById(before.plans, after.plans)
        .map(([old, current]) => diffPlan(old, current, ownWorkouts))
        .filter(planChanged);
    return { workouts, plans };
}

export function isEmptyDiff(diff: SessionDiff): boolean {
    return diff.workouts.length === 0 && diff.plans.length === 0;
}
