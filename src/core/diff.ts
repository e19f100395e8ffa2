/**
 * The change in meaning between two versions of a session: workouts (src/model/diff-workout.ts)
 * and plans whose sessions were added, removed or moved between days, with the weekly volume
 * before and after. Plain data over two session models; src/render/diff.ts words it for a
 * coach reviewing a pull request.
 */
import type { PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel, SessionModel } from './session-model.js';
import { planRunsByDistance } from './athlete.js';
import { pairByKey } from './diff-match.js';
import { diffWorkout, samePrescription, workoutChanged, type Change, type WorkoutDiff } from './diff-workout.js';

export * from './diff-workout.js';

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
    /** The week's running distance, and the unit the coach writes it in (absent without runs). */
    runMeters?: number;
    runUnit?: string;
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
 * Pairs items by id (two that share one by position among them); when exactly one item on each
 * side is left unpaired, it is the same item renamed (a file's only workout or plan).
 */
function pairById<T extends { id: string }>(before: T[], after: T[]): Array<[T | undefined, T | undefined]> {
    const { pairs, removed, added } = pairByKey(before, after, item => item.id);
    if (removed.length === 1 && added.length === 1) {
        return [...pairs, [removed[0], added[0]]];
    }
    return [...pairs, ...removed.map((old): [T, undefined] => [old, undefined]), ...added.map((item): [undefined, T] => [undefined, item])];
}

// ---- plans ------------------------------------------------------------------------------------

function itemKey(item: PlanItemModel): string {
    return `${item.type}:${item.ref}`;
}

/** Runs and entries compare their prescription; a workout's content changes are reported once, with the workout. */
function sameAmount(a: PlanItemModel, b: PlanItemModel): boolean {
    return a.entry && b.entry ? samePrescription(a.entry, b.entry) : true;
}

/** A plan whose runs are written as distances shows its weeks' running in km or miles too. */
function weekTotals(week: PlanWeekModel, byDistance: boolean): WeekTotals {
    return {
        strengthSessions: week.strengthSessions,
        strengthSeconds: week.strengthSeconds,
        strengthSets: week.strengthSets,
        runSeconds: week.runSeconds,
        ...(week.run && byDistance ? { runMeters: week.run.meters, runUnit: week.run.unit } : {}),
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
    // Same session, same day; then the same session on another day: moved.
    const sameDay = pairByKey(placedItems(before), placedItems(after), placed => `${placed.day.day}\u0000${itemKey(placed.item)}`);
    const otherDay = pairByKey(sameDay.removed, sameDay.added, placed => itemKey(placed.item));
    for (const [old, match] of otherDay.pairs) {
        changes.push({ kind: 'moved', from: old.day.day, to: match.day.day, before: old.item, after: match.item });
    }
    for (const [old, match] of sameDay.pairs) {
        if (!sameAmount(old.item, match.item)) {
            changes.push({ kind: 'changed', day: match.day.day, before: old.item, after: match.item });
        }
    }
    otherDay.removed.forEach(old => changes.push({ kind: 'removed', day: old.day.day, item: old.item }));
    otherDay.added.forEach(added => changes.push({ kind: 'added', day: added.day.day, item: added.item }));
    // The sessions kept on a day, in another order (the run now after the strength work…).
    const keptByDay = new Map<PlanDayModel, Array<[Placed, Placed]>>();
    for (const pair of sameDay.pairs) {
        const kept = keptByDay.get(pair[1].day) ?? [];
        kept.push(pair);
        keptByDay.set(pair[1].day, kept);
    }
    for (const day of after.days) {
        const pairs = keptByDay.get(day) ?? [];
        const oldOrder = [...pairs].sort(([a], [b]) => a.index - b.index).map(([old]) => old.item);
        const newOrder = [...pairs].sort(([, a], [, b]) => a.index - b.index).map(([, match]) => match.item);
        if (oldOrder.map(itemKey).join() !== newOrder.map(itemKey).join()) {
            changes.push({ kind: 'reordered', day: day.day, before: oldOrder, after: newOrder });
        }
    }
    return changes;
}

/** One week's change, or none when it is the same. */
function diffWeek(old: PlanWeekModel | undefined, current: PlanWeekModel | undefined, totalsOf: (week: PlanWeekModel) => WeekTotals): WeekDiff | undefined {
    const { week, title } = (current ?? old)!;
    const named = { week, ...(title ? { title } : {}) };
    if (!old) {
        return { ...named, change: 'added', items: [], after: totalsOf(current!) };
    }
    if (!current) {
        return { ...named, change: 'removed', items: [], before: totalsOf(old) };
    }
    const items = diffWeekItems(old, current);
    const totals = { before: totalsOf(old), after: totalsOf(current) };
    const same = items.length === 0 && JSON.stringify(totals.before) === JSON.stringify(totals.after);
    return same ? undefined : { ...named, change: 'changed', items, ...totals };
}

function diffWeeks(beforePlan: PlanModel | undefined, afterPlan: PlanModel | undefined): WeekDiff[] {
    const byDistance = [beforePlan, afterPlan].some(plan => plan !== undefined && planRunsByDistance(plan));
    const totalsOf = (week: PlanWeekModel) => weekTotals(week, byDistance);
    const { pairs, removed, added } = pairByKey(beforePlan?.weeks ?? [], afterPlan?.weeks ?? [], week => week.week);
    const sides: Array<[PlanWeekModel | undefined, PlanWeekModel | undefined]> = [
        ...pairs, ...removed.map((old): [PlanWeekModel, undefined] => [old, undefined]), ...added.map((week): [undefined, PlanWeekModel] => [undefined, week])
    ];
    // In week order; a number written twice (an error the checks report) keeps its order.
    sides.sort(([a, b], [c, d]) => (a ?? b)!.week - (c ?? d)!.week);
    return sides.map(([old, current]) => diffWeek(old, current, totalsOf)).filter((week): week is WeekDiff => week !== undefined);
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
        diff.weeks = diffWeeks(before, after);
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
    diff.weeks = diffWeeks(before, after);
    // Workouts of other files that the plan uses: their changes change the plan too.
    const oldWorkouts = before.workouts.filter(workout => !ownWorkouts.has(workout.id));
    const newWorkouts = after.workouts.filter(workout => !ownWorkouts.has(workout.id));
    diff.workouts = pairByKey(oldWorkouts, newWorkouts, workout => workout.id).pairs
        .map(([old, match]) => diffWorkout(old, match))
        .filter(workoutChanged);
    return diff;
}

export function planChanged(diff: PlanDiff): boolean {
    return diff.change !== 'changed' || diff.renamed !== undefined || diff.level !== undefined
        || diff.progressionPercent !== undefined || diff.weeks.length > 0 || diff.workouts.length > 0;
}

export function diffSessions(before: SessionModel, after: SessionModel): SessionDiff {
    const workouts = pairById(before.workouts, after.workouts)
        .map(([old, current]) => diffWorkout(old, current))
        .filter(workoutChanged);
    const ownWorkouts = new Set([...before.workouts, ...after.workouts].map(workout => workout.id));
    const plans = pairById(before.plans, after.plans)
        .map(([old, current]) => diffPlan(old, current, ownWorkouts))
        .filter(planChanged);
    return { workouts, plans };
}
