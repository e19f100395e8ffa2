/**
 * The numbers plans are checked against and the progression rule (docs/plans.md): levels,
 * weekdays, the thresholds with their defaults, and how weekly growth is measured.
 */
import type { PlanWeekModel } from './session-model.js';

export const PLAN_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type PlanLevelName = typeof PLAN_LEVELS[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The longest `weeks 2-12` range: a year. */
export const MAX_WEEKS_IN_RANGE = 52;

/**
 * The most sessions a plan may stand for once its week ranges and `daily:` lines are written
 * out (52 weeks of 7 days of 50 sessions; 1000 weeks of 20). A range repeats its week, so a file
 * of a few KB (`weeks 1-52 < daily: … >` on 500 lines) stood for 500,000 sessions and took 5 s
 * and 840 MB to check, one of 160 KB a minute and 4 GB.
 */
export const MAX_PLAN_SESSIONS = 20_000;

/** `focus …`: who the plan is for, so the checks that fit that athlete apply (docs/plans.md). */
export const PLAN_FOCUSES = ['runner', 'strength', 'rehab', 'hybrid'] as const;
export type PlanFocusName = typeof PLAN_FOCUSES[number];

/** Which guidance applies to a plan of each focus. */
export interface PlanGuidance {
    /** `strength-sessions-per-week`: the runner's one to three short strength sessions a week. */
    strengthSessionsPerWeek: boolean;
    /** `strength-on-long-run-day` and `strength-before-run`: the runs come first. */
    runsFirst: boolean;
    /** `no-rest-day`. A rehab protocol is done daily: low loads, every day, by design. */
    restDay: boolean;
}

export const GUIDANCE_BY_FOCUS: Readonly<Record<PlanFocusName, PlanGuidance>> = Object.freeze({
    runner: { strengthSessionsPerWeek: true, runsFirst: true, restDay: true },
    // Runs and lifts both matter: the runner's few short sessions are not the goal, run-first still is.
    hybrid: { strengthSessionsPerWeek: false, runsFirst: true, restDay: true },
    strength: { strengthSessionsPerWeek: false, runsFirst: false, restDay: true },
    rehab: { strengthSessionsPerWeek: false, runsFirst: false, restDay: false }
});

/** The guidance of a plan's focus; a model without one (older, or made by hand) is a runner's. */
export function guidanceOf(focus: string | undefined): PlanGuidance {
    return GUIDANCE_BY_FOCUS[(PLAN_FOCUSES as readonly unknown[]).includes(focus) ? focus as PlanFocusName : 'runner'];
}

/** `monday am:` / `monday pm:` as the calendars and sheets say it. */
export const SLOT_WORDS: Readonly<Record<'am' | 'pm', string>> = Object.freeze({ am: 'morning', pm: 'evening' });

/** The focus of a plan that does not say `focus`: a runner's when it has runs, else strength. */
export function inferredFocus(hasRuns: boolean): PlanFocusName {
    return hasRuns ? 'runner' : 'strength';
}

/**
 * The numbers behind the plan checks. Settings (`workout.plan.*`) replace these defaults; a
 * plan's own `level` and `progression` lines win over both.
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
    /** Largest growth of weekly running (distance, or time for timed plans), in percent: the 10 % rule. */
    runProgressionPercent: number;
    /**
     * Largest share of the week's running the long run may take, in percent, by level: at a
     * beginner's small weekly volume the long run is necessarily a larger share.
     */
    longRunSharePercent: Record<PlanLevelName, number>;
    /** The long-run share is checked in weeks with at least this many runs. */
    longRunShareMinRuns: number;
    /**
     * …and at least this much running: a long run needs about an hour to do its work, so in a
     * small week it is necessarily a large share.
     */
    longRunShareMinSeconds: number;
    /** Largest share of the week's running time at threshold or harder, in percent (80/20). */
    hardRunSharePercent: number;
    /**
     * Hard sets of loaded work (a weight, %1RM, RPE or RIR) whose main muscles are the
     * quadriceps, hamstrings, glutes or calves, from which a day's strength is heavy on the legs,
     * so the next day should not be a quality session or the long run.
     */
    heavyLegSets: number;
}

/** The muscles whose fatigue a runner carries into the next day's run. */
export const RUNNING_MUSCLES: readonly string[] = Object.freeze(['quadriceps', 'hamstrings', 'glutes', 'calves']);

export const DEFAULT_PLAN_THRESHOLDS: PlanThresholds = Object.freeze({
    sessionsPerWeek: Object.freeze({ beginner: [1, 2] as const, intermediate: [2, 3] as const, advanced: [2, 3] as const }),
    progressionPercent: 10,
    longRunSeconds: 75 * 60,
    level: 'intermediate' as const,
    runProgressionPercent: 10,
    longRunSharePercent: Object.freeze({ beginner: 45, intermediate: 30, advanced: 30 }),
    longRunShareMinRuns: 3,
    longRunShareMinSeconds: 3 * 3600,
    hardRunSharePercent: 20,
    heavyLegSets: 6
});

/** `workout.plan.progressionPercent`: a share from just above 0 to 100. */
export function isProgressionPercent(value: unknown): value is number {
    return typeof value === 'number' && value > 0 && value <= 100;
}

/** `workout.plan.longRunMinutes`: any positive number of minutes. */
export function isLongRunMinutes(value: unknown): value is number {
    return typeof value === 'number' && value > 0;
}

/** One level's `[min, max]` of `workout.plan.sessionsPerWeek`: whole numbers, the smaller first. */
export function isSessionsRange(value: unknown): value is [number, number] {
    return Array.isArray(value) && value.length === 2 && value.every(n => Number.isInteger(n) && n >= 0) && value[0] <= value[1];
}

/**
 * Thresholds from settings as an editor sends them (any shape): each value that makes sense
 * replaces the one of `base` (the defaults, or a layer of settings read before), anything else
 * keeps it.
 */
export function planThresholds(settings: {
    progressionPercent?: unknown; sessionsPerWeek?: unknown; longRunMinutes?: unknown; runProgressionPercent?: unknown; longRunSharePercent?: unknown;
    hardRunSharePercent?: unknown; heavyLegSets?: unknown;
} = {}, base: PlanThresholds = DEFAULT_PLAN_THRESHOLDS): PlanThresholds {
    const thresholds: PlanThresholds = { ...base, sessionsPerWeek: { ...base.sessionsPerWeek }, longRunSharePercent: { ...base.longRunSharePercent } };
    if (isProgressionPercent(settings.progressionPercent)) {
        thresholds.progressionPercent = settings.progressionPercent;
    }
    if (isLongRunMinutes(settings.longRunMinutes)) {
        thresholds.longRunSeconds = settings.longRunMinutes * 60;
    }
    for (const name of ['runProgressionPercent', 'hardRunSharePercent'] as const) {
        const value = settings[name];
        if (typeof value === 'number' && value > 0 && value <= 100) {
            thresholds[name] = value;
        }
    }
    if (typeof settings.heavyLegSets === 'number' && settings.heavyLegSets > 0 && settings.heavyLegSets <= 1000) {
        thresholds.heavyLegSets = settings.heavyLegSets;
    }
    const share = settings.longRunSharePercent;
    if (share && typeof share === 'object') {
        for (const level of PLAN_LEVELS) {
            const value = (share as Record<string, unknown>)[level];
            if (typeof value === 'number' && value > 0 && value <= 100) {
                thresholds.longRunSharePercent[level] = value;
            }
        }
    }
    const sessions = settings.sessionsPerWeek;
    if (sessions && typeof sessions === 'object') {
        for (const level of PLAN_LEVELS) {
            const range = (sessions as Record<string, unknown>)[level];
            if (isSessionsRange(range)) {
                thresholds.sessionsPerWeek[level] = [range[0], range[1]];
            }
        }
    }
    return thresholds;
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
