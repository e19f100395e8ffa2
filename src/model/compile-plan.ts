/**
 * Plans compiled to the session model: weeks, days, and per day the runs and workouts in the
 * order they are done, with the strength volume per week that the plan checks warn about and
 * the preview charts. The rules (what counts as strength, a long run, a rest day, growth) are
 * written down in docs/plans.md.
 */
import { AstUtils, UriUtils, type AstNode } from 'langium';
import { isEntry, isPlanLevel, isPlanProgression, isWeek, type Day, type DayItem, type Entry, type Plan, type Week, type Workout, type WorkoutRef } from '../language/generated/ast.js';
import { unquote, type ExerciseInfo } from '../language/exercise-info.js';
import { parseQuantity } from '../language/quantities.js';
import { compileEntry, compileWorkout, exerciseFactsOf, lineOf, passesOf } from './compile.js';
import type { EntryModel, ItemModel, MinMax, PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel, WorkoutModel } from './session-model.js';

export const PLAN_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type PlanLevelName = typeof PLAN_LEVELS[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * The numbers behind the plan checks. Editor settings (`workout.plan.*`) replace these
 * defaults; a plan's own `level` and `progression` lines win over both.
 */
export interface PlanThresholds {
    /** Strength sessions a week by level, as [min, max] (the shape of `workout.plan.sessionsPerWeek`). */
    sessionsPerWeek: Record<PlanLevelName, readonly [number, number]>;
    /** Largest growth of weekly strength sets or minutes, in percent, when a plan has no `progression`. */
    progressionPercent: number;
    /** Any run this long or longer is a long run, like the `long-run` exercise. */
    longRunSeconds: number;
    /** The level of a plan that does not say `level`. */
    level: PlanLevelName;
}

export const DEFAULT_PLAN_THRESHOLDS: PlanThresholds = Object.freeze({
    sessionsPerWeek: Object.freeze({ beginner: [1, 2] as const, intermediate: [2, 3] as const, advanced: [2, 3] as const }),
    progressionPercent: 10,
    longRunSeconds: 75 * 60,
    level: 'intermediate' as const
});

/**
 * Thresholds from settings as the editor sends them (any shape): each value that makes sense
 * replaces its default, anything else keeps the default.
 */
export function planThresholds(settings: { progressionPercent?: unknown; sessionsPerWeek?: unknown; longRunMinutes?: unknown } = {}): PlanThresholds {
    const thresholds: PlanThresholds = { ...DEFAULT_PLAN_THRESHOLDS, sessionsPerWeek: { ...DEFAULT_PLAN_THRESHOLDS.sessionsPerWeek } };
    const percent = settings.progressionPercent;
    if (typeof percent === 'number' && percent > 0 && percent <= 100) {
        thresholds.progressionPercent = percent;
    }
    const minutes = settings.longRunMinutes;
    if (typeof minutes === 'number' && minutes > 0) {
        thresholds.longRunSeconds = minutes * 60;
    }
    const sessions = settings.sessionsPerWeek;
    if (sessions && typeof sessions === 'object') {
        for (const level of PLAN_LEVELS) {
            const range = (sessions as Record<string, unknown>)[level];
            if (Array.isArray(range) && range.length === 2 && range.every(n => Number.isInteger(n) && n >= 0) && range[0] <= range[1]) {
                thresholds.sessionsPerWeek[level] = [range[0], range[1]];
            }
        }
    }
    return thresholds;
}

export interface PlanOptions {
    level: PlanLevelName;
    progressionPercent: number;
    sessionsPerWeek: MinMax;
}

export function levelOf(text: string | undefined): PlanLevelName | undefined {
    const level = unquote(text ?? '').toLowerCase();
    return (PLAN_LEVELS as readonly string[]).includes(level) ? level as PlanLevelName : undefined;
}

/** `progression 10%` (a bare `10` is read as percent too); undefined when it is no share. */
export function progressionPercentOf(text: string | undefined): number | undefined {
    const quantity = parseQuantity(text ?? '');
    if (!quantity || (quantity.kind !== 'percent' && quantity.kind !== 'count') || quantity.value <= 0 || quantity.value > 100) {
        return undefined;
    }
    return quantity.value;
}

/** The plan's options after its own lines (the first valid one of each kind) over the thresholds. */
export function planOptions(plan: Plan, thresholds: PlanThresholds = DEFAULT_PLAN_THRESHOLDS): PlanOptions {
    const level = plan.items.filter(isPlanLevel).map(item => levelOf(item.level)).find(Boolean) ?? thresholds.level;
    const progressionPercent = plan.items.filter(isPlanProgression).map(item => progressionPercentOf(item.limit)).find(Boolean)
        ?? thresholds.progressionPercent;
    const [min, max] = thresholds.sessionsPerWeek[level];
    return { level, progressionPercent, sessionsPerWeek: { min, max } };
}

// ---- what an exercise is to a plan ------------------------------------------------------------

/** `strength` counts toward the weekly volume, `cardio` is a run (or ride, swim…), `mobility` is recovery. */
export type ExerciseRole = 'strength' | 'cardio' | 'mobility' | 'unknown';

/** Exercises a rest day may still hold: active recovery. */
const RECOVERY_EXERCISES: ReadonlySet<string> = new Set(['walk', 'walking-treadmill']);
const LONG_RUN_EXERCISE = 'long-run';

export function exerciseRole(info: ExerciseInfo | undefined): ExerciseRole {
    if (!info) {
        return 'unknown';
    }
    if (info.catalogEntry?.category === 'stretching' || RECOVERY_EXERCISES.has(info.id)) {
        return 'mobility';
    }
    return info.kind === 'cardio' ? 'cardio' : 'strength';
}

// ---- source nodes -----------------------------------------------------------------------------

/** The syntax behind each compiled week, day and item, beside the model so the JSON stays plain. */
const weekNodes = new WeakMap<PlanWeekModel, Week>();
const dayNodes = new WeakMap<PlanDayModel, Day[]>();
const itemNodes = new WeakMap<PlanItemModel, DayItem>();
const itemRecovery = new WeakMap<PlanItemModel, boolean>();

export function weekNodeOf(week: PlanWeekModel): Week | undefined {
    return weekNodes.get(week);
}

/** Every `day:` line merged into this day (more than one when a weekday is listed twice). */
export function dayNodesOf(day: PlanDayModel): Day[] {
    return dayNodes.get(day) ?? [];
}

export function itemNodeOf(item: PlanItemModel): DayItem | undefined {
    return itemNodes.get(item);
}

// ---- items ------------------------------------------------------------------------------------

interface WorkoutFacts {
    model: WorkoutModel;
    sets: number;
    strength: boolean;
    cardio: boolean;
    longRunEntry: boolean;
    recovery: boolean;
}

function round2(value: number): number {
    return Math.round(value * 100) / 100;
}

function addMuscles(into: Record<string, number>, from: Record<string, number> | undefined, factor = 1): void {
    for (const [muscle, sets] of Object.entries(from ?? {})) {
        into[muscle] = round2((into[muscle] ?? 0) + sets * factor);
    }
}

function sortedMuscles(muscles: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(muscles).sort(([a], [b]) => a.localeCompare(b)));
}

/** Strength sets of a compiled workout: as its muscle volume counts them, without stretching. */
function analyseWorkout(model: WorkoutModel): WorkoutFacts {
    let sets = 0;
    let cardio = false;
    let longRunEntry = false;
    let recovery = true;
    const visit = (items: ItemModel[], multiplier: number, countsVolume: boolean) => {
        for (const item of items) {
            if (item.type === 'block') {
                visit(item.entries, multiplier * passesOf(item), countsVolume && item.kind !== 'warmup' && item.kind !== 'cooldown');
            } else if (item.type === 'entry') {
                const info = exerciseFactsOf(item);
                const role = exerciseRole(info);
                if (role === 'strength' && countsVolume) {
                    sets += item.sets * multiplier;
                }
                if (role === 'cardio') {
                    cardio = true;
                    longRunEntry ||= info?.id === LONG_RUN_EXERCISE;
                }
                recovery &&= role === 'mobility';
            }
        }
    };
    visit(model.blocks, 1, true);
    return { model, sets: round2(sets), strength: sets > 0, cardio: sets === 0 && cardio, longRunEntry, recovery };
}

function fileOf(node: AstNode): string | undefined {
    const root = AstUtils.findRootNode(node);
    return root.$document ? UriUtils.basename(root.$document.uri) : undefined;
}

class PlanCompiler {
    private readonly workouts = new Map<Workout, WorkoutFacts>();

    constructor(private readonly plan: Plan, private readonly thresholds: PlanThresholds) {}

    compiledWorkouts(): WorkoutModel[] {
        return [...this.workouts.values()].map(facts => facts.model);
    }

    workoutFacts(workout: Workout): WorkoutFacts {
        let facts = this.workouts.get(workout);
        if (!facts) {
            facts = analyseWorkout(compileWorkout(workout));
            this.workouts.set(workout, facts);
        }
        return facts;
    }

    item(node: DayItem): PlanItemModel {
        const item = isEntry(node) ? this.entryItem(node) : this.workoutItem(node);
        itemNodes.set(item, node);
        return item;
    }

    private entryItem(node: Entry): PlanItemModel {
        const entry: EntryModel = compileEntry(node);
        const info = exerciseFactsOf(entry);
        const role = exerciseRole(info);
        const muscles: Record<string, number> = {};
        if (role === 'strength' && info) {
            info.primaryMuscles.forEach(muscle => muscles[muscle] = (muscles[muscle] ?? 0) + entry.sets);
            info.secondaryMuscles.forEach(muscle => muscles[muscle] = (muscles[muscle] ?? 0) + entry.sets * 0.5);
        }
        const item: PlanItemModel = {
            type: role === 'cardio' ? 'run' : 'entry',
            ref: entry.exercise,
            name: entry.name,
            resolved: entry.known,
            strength: role === 'strength',
            cardio: role === 'cardio',
            longRun: role === 'cardio' && (info?.id === LONG_RUN_EXERCISE || entry.estimatedSeconds >= this.thresholds.longRunSeconds),
            estimatedSeconds: entry.estimatedSeconds,
            sets: role === 'strength' ? entry.sets : 0,
            line: lineOf(node),
            entry
        };
        if (role === 'strength') {
            item.muscles = sortedMuscles(muscles);
        }
        itemRecovery.set(item, role === 'mobility');
        return item;
    }

    private workoutItem(node: WorkoutRef): PlanItemModel {
        const workout = node.workout?.ref;
        const name = unquote(node.workout?.$refText ?? '');
        if (!workout) {
            const item: PlanItemModel = {
                type: 'workout', ref: name, name, resolved: false, strength: false, cardio: false, longRun: false,
                estimatedSeconds: 0, sets: 0, line: lineOf(node)
            };
            itemRecovery.set(item, false);
            return item;
        }
        const facts = this.workoutFacts(workout);
        const item: PlanItemModel = {
            type: 'workout',
            ref: facts.model.id,
            name: facts.model.name,
            resolved: true,
            strength: facts.strength,
            cardio: facts.cardio,
            longRun: facts.cardio && (facts.longRunEntry || facts.model.estimatedSeconds >= this.thresholds.longRunSeconds),
            estimatedSeconds: facts.model.estimatedSeconds,
            sets: facts.sets,
            line: lineOf(node)
        };
        if (facts.strength) {
            item.muscles = facts.model.muscles;
        }
        const file = fileOf(workout);
        if (file && file !== fileOf(this.plan)) {
            item.file = file;
        }
        itemRecovery.set(item, facts.recovery);
        return item;
    }

    week(node: Week): PlanWeekModel {
        const byDay = new Map<string, PlanDayModel>();
        for (const dayNode of node.days.filter(day => WEEKDAYS.includes(day.day))) {
            const items = dayNode.items.map(item => this.item(item));
            const existing = byDay.get(dayNode.day);
            if (existing) {
                existing.items.push(...items);
                dayNodes.get(existing)!.push(dayNode);
            } else {
                const day: PlanDayModel = {
                    day: dayNode.day,
                    dayOfWeek: WEEKDAYS.indexOf(dayNode.day) + 1,
                    items,
                    line: lineOf(dayNode),
                    rest: false
                };
                dayNodes.set(day, [dayNode]);
                byDay.set(dayNode.day, day);
            }
        }
        const days = [...byDay.values()].sort((a, b) => a.dayOfWeek - b.dayOfWeek);
        const muscles: Record<string, number> = {};
        let strengthSessions = 0, strengthSeconds = 0, strengthSets = 0, runSeconds = 0, trainingDays = 0;
        for (const day of days) {
            day.rest = day.items.every(item => itemRecovery.get(item));
            trainingDays += day.rest ? 0 : 1;
            const strength = day.items.filter(item => item.strength);
            strengthSessions += strength.length > 0 ? 1 : 0;
            for (const item of strength) {
                strengthSeconds += item.estimatedSeconds;
                strengthSets += item.sets;
                addMuscles(muscles, item.muscles);
            }
            runSeconds += day.items.filter(item => item.cardio).reduce((sum, item) => sum + item.estimatedSeconds, 0);
        }
        const week: PlanWeekModel = {
            week: Number(node.number) || 0,
            line: lineOf(node),
            days,
            strengthSessions,
            strengthSeconds: Math.round(strengthSeconds),
            strengthSets: round2(strengthSets),
            muscles: sortedMuscles(muscles),
            runSeconds: Math.round(runSeconds),
            restDays: WEEKDAYS.length - trainingDays,
            breaksProgression: false
        };
        if (node.title) {
            week.title = node.title;
        }
        weekNodes.set(week, node);
        return week;
    }
}

function growthPercent(current: number, baseline: number): number | undefined {
    return baseline > 0 ? Math.round(((current - baseline) / baseline) * 1000) / 10 : undefined;
}

/**
 * Marks the weeks whose strength sets or minutes grow more than the limit. The baseline is
 * the heaviest earlier week, so coming back from a lighter week to a load already handled is
 * not counted as growth.
 */
export function markProgression(weeks: PlanWeekModel[], limitPercent: number): void {
    let heaviestSets = 0;
    let heaviestSeconds = 0;
    for (const week of weeks) {
        const sets = growthPercent(week.strengthSets, heaviestSets);
        const seconds = growthPercent(week.strengthSeconds, heaviestSeconds);
        if (sets !== undefined) {
            week.strengthSetsGrowthPercent = sets;
        }
        if (seconds !== undefined) {
            week.strengthSecondsGrowthPercent = seconds;
        }
        week.breaksProgression = (sets ?? 0) > limitPercent || (seconds ?? 0) > limitPercent;
        heaviestSets = Math.max(heaviestSets, week.strengthSets);
        heaviestSeconds = Math.max(heaviestSeconds, week.strengthSeconds);
    }
}

export function compilePlan(plan: Plan, thresholds: PlanThresholds = DEFAULT_PLAN_THRESHOLDS): PlanModel {
    const options = planOptions(plan, thresholds);
    const compiler = new PlanCompiler(plan, thresholds);
    // Weeks in number order; two weeks with one number keep the order they were written in.
    const weeks = plan.items.filter(isWeek).map(week => compiler.week(week)).sort((a, b) => a.week - b.week);
    markProgression(weeks, options.progressionPercent);
    return {
        id: unquote(plan.name ?? ''),
        name: plan.title ? plan.title : unquote(plan.name ?? ''),
        line: lineOf(plan),
        level: options.level,
        progressionPercent: options.progressionPercent,
        sessionsPerWeek: options.sessionsPerWeek,
        weeks,
        workouts: compiler.compiledWorkouts()
    };
}
