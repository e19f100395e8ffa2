/**
 * The session model: plain data compiled from a `.workout` file. `workout render --format json`
 * prints it and the preview draws it; its shape is a public contract (docs/language.md).
 */

export interface MinMax {
    min: number;
    max: number;
}

export type Side = 'both' | 'each' | 'left' | 'right';

export interface Load {
    kind: 'weight' | 'percent-1rm' | 'rpe' | 'bodyweight';
    value: number | null;
    unit: 'kg' | 'lb' | '%' | 'rpe' | null;
    optional?: boolean;
}

export interface EntryModel {
    type: 'entry';
    /** Catalog id, or the name of the file's own `exercise` definition. */
    exercise: string;
    /** The name to show a person: the catalog's or the definition's title. */
    name: string;
    /** `false` when the name matched neither the catalog nor a definition. */
    known: boolean;
    sets: number;
    reps?: MinMax;
    seconds?: MinMax;
    meters?: MinMax;
    /** `max pull-ups`: as many reps as possible. */
    maxEffort?: boolean;
    side: Side;
    load?: Load;
    restSeconds?: number;
    note?: string;
    line: number;
    estimatedSeconds: number;
}

export interface RestModel {
    type: 'rest';
    seconds: number;
    line: number;
    estimatedSeconds: number;
}

export type BlockKind = 'amrap' | 'emom' | 'for-time' | 'rounds' | 'superset' | 'intervals' | 'warmup' | 'cooldown' | 'section';

export interface BlockModel {
    type: 'block';
    kind: BlockKind;
    /** The time cap of `amrap`, `emom`, `every … for` and `for-time cap`. */
    capSeconds?: number;
    /** `every 2min for 10min`: 120. `emom` alone means 60. */
    everySeconds?: number;
    /** `3 rounds`: 3; `intervals 8 x …`: 8; `tabata`: 8. */
    rounds?: number;
    /** Rest between rounds (`3 rounds rest 60s`) or after a superset. */
    restSeconds?: number;
    workSeconds?: number;
    offSeconds?: number;
    title?: string;
    entries: ItemModel[];
    line: number;
    estimatedSeconds: number;
}

export type ItemModel = EntryModel | RestModel | BlockModel;

export interface WorkoutModel {
    id: string;
    name: string;
    line: number;
    estimatedSeconds: number;
    blocks: BlockModel[];
    /** Sets per muscle group: 1 for a primary muscle, 0.5 for a secondary one. */
    muscles: Record<string, number>;
    equipment: string[];
}

export interface PlanItemModel {
    /** `run`: a cardio entry (`30min easy-run`); `workout`: a workout by name; `entry`: any other exercise. */
    type: 'run' | 'workout' | 'entry';
    /** Workout id or exercise id. */
    ref: string;
    name: string;
    /** `false` when a workout name resolved to nothing (reported as `unknown-workout`). */
    resolved: boolean;
    /** Counts as strength work: a workout or an entry with strength sets. */
    strength: boolean;
    /** Running or other cardio: a cardio entry, or a workout of cardio entries only. */
    cardio: boolean;
    /** The long run of the week: the `long-run` exercise or any cardio of `longRunSeconds` or more. */
    longRun: boolean;
    estimatedSeconds: number;
    /** Strength sets, as counted for the week (warm-up and cool-down and cardio excluded). */
    sets: number;
    line: number;
    /** The compiled prescription of a run or an entry (`30min easy-run`: seconds 1800). */
    entry?: EntryModel;
    /** Strength sets per muscle group of this item. */
    muscles?: Record<string, number>;
    /** The file that defines the workout, when it is not the plan's own file. */
    file?: string;
    /** `monday am:` / `monday pm:`: the session of the day it belongs to. Absent on a plain `monday:` line (the day's first session). */
    slot?: 'am' | 'pm';
}

export interface PlanDayModel {
    /** Lowercase weekday: `monday` … `sunday`. */
    day: string;
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    dayOfWeek: number;
    items: PlanItemModel[];
    line: number;
    /** Nothing to do, or nothing but walking, stretching, yoga or foam rolling. */
    rest: boolean;
}

export interface PlanWeekModel {
    week: number;
    title?: string;
    line: number;
    /** The listed days in weekday order; a day not listed is a rest day. */
    days: PlanDayModel[];
    /** Days with strength work (two workouts on one day are one session). */
    strengthSessions: number;
    strengthSeconds: number;
    strengthSets: number;
    muscles: Record<string, number>;
    runSeconds: number;
    restDays: number;
    /** Growth of strength sets over the baseline (the heaviest earlier week), in percent. */
    strengthSetsGrowthPercent?: number;
    /** Growth of strength minutes over the baseline, in percent. */
    strengthSecondsGrowthPercent?: number;
    /** Strength sets or minutes grew more than the plan's `progressionPercent`. */
    breaksProgression: boolean;
    /** Written as `weeks 2-12`: the first and last week of the range, each its own week with the same days. */
    range?: { first: number; last: number };
}

export interface PlanModel {
    id: string;
    name: string;
    line: number;
    level: 'beginner' | 'intermediate' | 'advanced';
    /**
     * Which checks fit the athlete: `focus …` in the plan, else `runner` when it has runs, else
     * `strength`. The compiler always sets it.
     */
    focus?: 'runner' | 'strength' | 'rehab' | 'hybrid';
    progressionPercent: number;
    /** Strength sessions a week allowed for the level. */
    sessionsPerWeek: MinMax;
    weeks: PlanWeekModel[];
    /** Every workout the plan names, compiled once, in order of first use (for calendars and diffs). */
    workouts: WorkoutModel[];
}

export interface SessionModel {
    workouts: WorkoutModel[];
    plans: PlanModel[];
}
