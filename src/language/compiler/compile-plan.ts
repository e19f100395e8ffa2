/**
 * Plans compiled to the session model: weeks, days, and per day the runs and workouts in the
 * order they are done, with the strength volume per week that the plan checks warn about and
 * the preview charts. The rules (what counts as strength, a long run, a rest day, growth) are
 * written down in docs/plans.md.
 */
import { AstUtils, UriUtils, type AstNode } from 'langium';
import { exerciseRole, LONG_RUN_EXERCISE } from '../../core/exercise.js';
import { DEFAULT_PLAN_THRESHOLDS, inferredFocus, markProgression, MAX_PLAN_SESSIONS, MAX_WEEKS_IN_RANGE, PLAN_FOCUSES, PLAN_LEVELS, RUNNING_MUSCLES, WEEKDAYS, type PlanFocusName, type PlanLevelName, type PlanThresholds } from '../../core/plan-rules.js';
import { AMOUNT_LIMITS, parseQuantity, withinLimit } from '../../core/quantities.js';
import type { AthleteModel, MinMax, PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel, WorkoutModel } from '../../core/session-model.js';
import { addSets, type CountedWork, forEachCountedWork, forEachEntry, hardSets, isLoaded, round2, tidyMuscles } from '../../core/volume.js';
import { setsOf, setWorkSeconds } from '../../core/estimate.js';
import { applyToPlan, planRunsByDistance, runnerOf } from '../../core/athlete.js';
import { isEntry, isPlanAthlete, isPlanFocus, isPlanLevel, isPlanProgression, isWeek, type Athlete, type Day, type DayItem, type Entry, type Plan, type Week, type Workout, type WorkoutRef } from '../generated/ast.js';
import { unquote } from '../exercise-resolver.js';
import { lineOf, type Compilation } from './compile-workout.js';

export interface PlanOptions {
    level: PlanLevelName;
    progressionPercent: number;
    sessionsPerWeek: MinMax;
    /** As the plan declares it; undefined when the plan does not say (inferred from its runs). */
    focus?: PlanFocusName;
}

export function levelOf(text: string | undefined): PlanLevelName | undefined {
    const level = unquote(text ?? '').toLowerCase();
    return (PLAN_LEVELS as readonly string[]).includes(level) ? level as PlanLevelName : undefined;
}

export function focusOf(text: string | undefined): PlanFocusName | undefined {
    const focus = unquote(text ?? '').toLowerCase();
    return (PLAN_FOCUSES as readonly string[]).includes(focus) ? focus as PlanFocusName : undefined;
}

/**
 * The week numbers a `week 3` or `weeks 2-12` line stands for, or why the range is not one. A
 * range that is not whole numbers, goes backwards or is longer than a year stands for its first
 * week only (and `invalid-week-range` says why).
 */
export function weekNumbersOf(week: Week): { numbers: number[]; problem?: 'not-whole' | 'backwards' | 'too-long' } {
    // A number past the limit is an error (amount-limits.ts) and is read as the limit.
    const first = withinLimit(Number(week.number) || 0, AMOUNT_LIMITS.week);
    if (week.last === undefined) {
        return { numbers: [first] };
    }
    const last = withinLimit(Number(week.last) || 0, AMOUNT_LIMITS.week);
    const problem = !Number.isInteger(first) || !Number.isInteger(last) ? 'not-whole'
        : last < first ? 'backwards'
        : last - first + 1 > MAX_WEEKS_IN_RANGE ? 'too-long'
        : undefined;
    return problem ? { numbers: [first], problem } : { numbers: Array.from({ length: last - first + 1 }, (_, index) => first + index) };
}

/** The sessions a week line stands for once written out: its items, seven times on a `daily:` line, once a week of its range. */
function sessionsOf(week: Week): number {
    const perWeek = week.days.reduce((sum, day) => sum + day.items.length * (day.day === 'daily' ? WEEKDAYS.length : 1), 0);
    return perWeek * weekNumbersOf(week).numbers.length;
}

/**
 * The week lines a plan's model holds: in the order written, as long as they stand for at most
 * `MAX_PLAN_SESSIONS` sessions in all; `cut` is the first left out (`plan-too-large`).
 */
export function plannedWeeks(plan: Plan): { weeks: Week[]; cut?: Week } {
    const weeks = plan.items.filter(isWeek);
    let sessions = 0;
    for (const [index, week] of weeks.entries()) {
        sessions += sessionsOf(week);
        if (sessions > MAX_PLAN_SESSIONS) {
            return { weeks: weeks.slice(0, index), cut: week };
        }
    }
    return { weeks };
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
    const focus = plan.items.filter(isPlanFocus).map(item => focusOf(item.focus)).find(Boolean);
    return { level, progressionPercent, sessionsPerWeek: { min, max }, ...(focus ? { focus } : {}) };
}

// ---- source nodes -----------------------------------------------------------------------------

/**
 * The syntax behind each compiled week, day and item, beside the model so the JSON stays plain:
 * the plan checks put their warnings on these nodes.
 */
export class PlanSources {
    readonly weeks = new Map<PlanWeekModel, Week>();
    readonly days = new Map<PlanDayModel, Day[]>();
    readonly items = new Map<PlanItemModel, DayItem>();

    weekNodeOf(week: PlanWeekModel): Week | undefined {
        return this.weeks.get(week);
    }

    /** Every `day:` line merged into this day: a weekday listed twice, its `am` and `pm` lines, `daily:` lines. */
    dayNodesOf(day: PlanDayModel): Day[] {
        return this.days.get(day) ?? [];
    }

    itemNodeOf(item: PlanItemModel): DayItem | undefined {
        return this.items.get(item);
    }
}

export interface CompiledPlan {
    model: PlanModel;
    sources: PlanSources;
    /** The athlete of `athlete jane`, when she is defined. */
    athlete?: AthleteModel;
}

/** What compiles a plan's `athlete` (the compiler service). */
export interface AthleteCompiler {
    compileAthlete(athlete: Athlete): AthleteModel;
}

/** The node of the plan's first `athlete` line that names someone. */
export function planAthleteNode(plan: Plan): Athlete | undefined {
    return plan.items.filter(isPlanAthlete).map(item => item.athlete?.ref).find(Boolean);
}

// ---- items ------------------------------------------------------------------------------------

interface WorkoutFacts {
    model: WorkoutModel;
    sets: number;
    strength: boolean;
    cardio: boolean;
    longRunEntry: boolean;
    recovery: boolean;
    heavyLegSets: number;
}

/** Hard sets of loaded work whose main muscles a runner runs on (`heavy-legs-before-key-run`). */
function heavyLegSetsOf(work: CountedWork): number {
    const legs = work.info.primaryMuscles.some(muscle => RUNNING_MUSCLES.includes(muscle));
    return legs && work.entries.some(isLoaded) ? work.sets : 0;
}

/** Adds one item's sets per muscle group to its week's. */
function addMuscles(into: Record<string, number>, from: Record<string, number> | undefined): void {
    for (const [muscle, sets] of Object.entries(from ?? {})) {
        into[muscle] = round2((into[muscle] ?? 0) + sets);
    }
}

/** Strength sets of a compiled workout: as its muscle volume counts them, without stretching. */
function analyseWorkout(model: WorkoutModel, compilation: Compilation): WorkoutFacts {
    let sets = 0;
    let cardio = false;
    let longRunEntry = false;
    let recovery = true;
    let heavyLegSets = 0;
    forEachCountedWork(model.blocks, compilation.factsOf, work => {
        if (exerciseRole(work.info) === 'strength') {
            sets += work.sets;
            heavyLegSets += heavyLegSetsOf(work);
        }
    });
    forEachEntry(model.blocks, entry => {
        const info = compilation.factsOf(entry);
        const role = exerciseRole(info);
        if (role === 'cardio') {
            cardio = true;
            longRunEntry ||= info?.id === LONG_RUN_EXERCISE;
        }
        recovery &&= role === 'mobility';
    });
    return { model, sets: round2(sets), strength: sets > 0, cardio: sets === 0 && cardio, longRunEntry, recovery, heavyLegSets: round2(heavyLegSets) };
}

function fileOf(node: AstNode): string | undefined {
    const root = AstUtils.findRootNode(node);
    return root.$document ? UriUtils.basename(root.$document.uri) : undefined;
}

class PlanCompiler {
    private readonly workouts = new Map<Workout, WorkoutFacts>();
    /** Items a rest day may hold (walking, stretching): active recovery. */
    private readonly recovery = new Map<PlanItemModel, boolean>();
    readonly sources = new PlanSources();

    constructor(private readonly plan: Plan, private readonly thresholds: PlanThresholds, private readonly compilation: Compilation) {}

    compiledWorkouts(): WorkoutModel[] {
        return [...this.workouts.values()].map(facts => facts.model);
    }

    workoutFacts(workout: Workout): WorkoutFacts {
        let facts = this.workouts.get(workout);
        if (!facts) {
            facts = analyseWorkout(this.compilation.workout(workout), this.compilation);
            this.workouts.set(workout, facts);
        }
        return facts;
    }

    item(node: DayItem, slot: 'am' | 'pm' | undefined): PlanItemModel {
        const item = isEntry(node) ? this.entryItem(node) : this.workoutItem(node);
        if (slot) {
            item.slot = slot;
        }
        this.sources.items.set(item, node);
        return item;
    }

    private entryItem(node: Entry): PlanItemModel {
        const entry = this.compilation.entry(node);
        const info = this.compilation.factsOf(entry);
        const role = exerciseRole(info);
        const muscles: Record<string, number> = {};
        const counted = role === 'strength' && info ? hardSets(setsOf(entry), setWorkSeconds(entry, info), isLoaded(entry)) : 0;
        if (role === 'strength' && info) {
            addSets(muscles, info, counted);
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
            sets: counted,
            line: lineOf(node),
            entry
        };
        if (role === 'strength' && info) {
            item.muscles = tidyMuscles(muscles);
            const heavy = heavyLegSetsOf({ info, sets: counted, entries: [entry] });
            if (heavy > 0) {
                item.heavyLegSets = heavy;
            }
        }
        this.recovery.set(item, role === 'mobility');
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
            this.recovery.set(item, false);
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
            if (facts.heavyLegSets > 0) {
                item.heavyLegSets = facts.heavyLegSets;
            }
        }
        const file = fileOf(workout);
        if (file && file !== fileOf(this.plan)) {
            item.file = file;
        }
        this.recovery.set(item, facts.recovery);
        return item;
    }

    /** The weeks a `week` line stands for: one, or each week of a `weeks 2-12` range. */
    weeks(node: Week): PlanWeekModel[] {
        const { numbers } = weekNumbersOf(node);
        return numbers.map(number => {
            const week = this.week(node, number);
            if (numbers.length > 1) {
                week.range = { first: numbers[0], last: numbers[numbers.length - 1] };
            }
            return week;
        });
    }

    /**
     * One week: the lines of each weekday (and the `daily:` lines) merged in the order they are
     * done: the morning (`am`, or no time of day) before the evening (`pm`), and within each in
     * the order they are written.
     */
    private week(node: Week, number: number): PlanWeekModel {
        const linesByDay = new Map<string, Day[]>();
        for (const dayNode of node.days) {
            const weekdays = dayNode.day === 'daily' ? WEEKDAYS : WEEKDAYS.filter(weekday => weekday === dayNode.day);
            for (const weekday of weekdays) {
                const lines = linesByDay.get(weekday) ?? [];
                lines.push(dayNode);
                linesByDay.set(weekday, lines);
            }
        }
        const days: PlanDayModel[] = [];
        for (const weekday of WEEKDAYS) {
            const lines = linesByDay.get(weekday);
            if (!lines) {
                continue;
            }
            // A `twice` line is two sessions, morning and evening; sort is stable, so lines keep their order.
            const sessions = lines.flatMap(line => (line.twice ? (['am', 'pm'] as const) : [line.slot]).map(slot => ({ line, slot })));
            const ordered = sessions.sort((a, b) => slotOrder(a.slot) - slotOrder(b.slot));
            const day: PlanDayModel = {
                day: weekday,
                dayOfWeek: WEEKDAYS.indexOf(weekday) + 1,
                items: ordered.flatMap(({ line, slot }) => line.items.map(item => this.item(item, slot))),
                line: lineOf(lines[0]),
                rest: false
            };
            this.sources.days.set(day, lines);
            days.push(day);
        }
        const muscles: Record<string, number> = {};
        let strengthSessions = 0, strengthSeconds = 0, strengthSets = 0, runSeconds = 0, trainingDays = 0;
        for (const day of days) {
            day.rest = day.items.every(item => this.recovery.get(item));
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
            week: number,
            line: lineOf(node),
            days,
            strengthSessions,
            strengthSeconds: Math.round(strengthSeconds),
            strengthSets: round2(strengthSets),
            muscles: tidyMuscles(muscles),
            runSeconds: Math.round(runSeconds),
            restDays: WEEKDAYS.length - trainingDays,
            breaksProgression: false
        };
        if (node.title) {
            week.title = node.title;
        }
        this.sources.weeks.set(week, node);
        return week;
    }
}

/** The morning (`am` or no time of day) comes before the evening (`pm`). */
function slotOrder(slot: string | undefined): number {
    return slot === 'pm' ? 1 : 0;
}

export function compilePlan(plan: Plan, thresholds: PlanThresholds, compilation: Compilation, athletes?: AthleteCompiler): CompiledPlan {
    const options = planOptions(plan, thresholds);
    const compiler = new PlanCompiler(plan, thresholds, compilation);
    const athleteNode = planAthleteNode(plan);
    const athlete = athleteNode && athletes ? athletes.compileAthlete(athleteNode) : undefined;
    // Runs are timed at the athlete's paces, else at the paces of the plan's level (core/running.ts).
    const runner = runnerOf(athlete, options.level);
    // Weeks in number order; two weeks with one number keep the order they were written in.
    const weeks = compilation.withRunner(runner, () => plannedWeeks(plan).weeks.flatMap(week => compiler.weeks(week)).sort((a, b) => a.week - b.week));
    const hasRuns = weeks.some(week => week.days.some(day => day.items.some(item => item.cardio)));
    const model: PlanModel = {
        id: unquote(plan.name ?? ''),
        name: plan.title ? plan.title : unquote(plan.name ?? ''),
        line: lineOf(plan),
        level: options.level,
        focus: options.focus ?? inferredFocus(hasRuns),
        progressionPercent: options.progressionPercent,
        sessionsPerWeek: options.sessionsPerWeek,
        weeks,
        workouts: compiler.compiledWorkouts()
    };
    if (athlete) {
        model.athlete = athlete.id;
    }
    // Running per item and week, and the athlete's numbers for the targets.
    applyToPlan(model, runner, thresholds.longRunSeconds, athlete);
    if (weeks.some(week => week.run)) {
        model.runProgressionPercent = thresholds.runProgressionPercent;
        model.runVolumeBy = planRunsByDistance(model) ? 'distance' : 'time';
    }
    markProgression(weeks, options.progressionPercent);
    return athlete ? { model, sources: compiler.sources, athlete } : { model, sources: compiler.sources };
}
