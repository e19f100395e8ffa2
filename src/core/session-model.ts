/**
 * The session model: plain data compiled from a `.workout` file. `workout render --format json`
 * prints it and the preview draws it; its shape is a public contract (docs/language.md).
 */

export interface MinMax {
    min: number;
    max: number;
}

import type { DistanceUnit } from './quantities.js';

export type { DistanceUnit };

/** `alternating`: the reps are shared between the sides, one after the other (`50 walking-lunges alternating`). */
export type Side = 'both' | 'each' | 'left' | 'right' | 'alternating';

/**
 * What follows `@`: a target for the set. Strength kinds today: a weight, a percentage of the
 * one-rep max or of the training max, an effort rating (RPE, reps in reserve), bodyweight, a box
 * height. It is one union so other targets (a pace, a heart rate, a power) can join it as kinds.
 */
export type TargetKind = 'weight' | 'percent-1rm' | 'percent-tm' | 'rpe' | 'rir' | 'bodyweight' | 'height';

export interface Load {
    kind: TargetKind;
    value: number | null;
    unit: 'kg' | 'lb' | 'pood' | '%' | 'rpe' | 'rir' | DistanceUnit | null;
    /** The upper end of a range: `@ rpe 8-9`, `@ 60-70%`. */
    max?: number;
    /** The second of a pair, `@ 95/65lb`: 65 (by convention the women's Rx). */
    alternate?: number;
    /** Implements of this weight at once: `@ 2x24kg` is 2. */
    implements?: number;
    /** `@ 24kg each`: the weight is per hand. */
    each?: boolean;
    optional?: boolean;
}

/** The `@` target union (see Load). */
export type Target = Load;

/** In an EMOM, the minutes an item is done in: `odd`, `even`, or the minute of the cycle (`min 2:` is 2). */
export type Slot = 'odd' | 'even' | number;

export interface EntryModel {
    type: 'entry';
    /** Catalog id, or the name of the file's own `exercise` definition. */
    exercise: string;
    /** The name to show a person: the catalog's or the definition's title. */
    name: string;
    /** `false` when the name matched neither the catalog nor a definition. */
    known: boolean;
    /** Sets; for a range of sets (`3-4 x 8-12`) its lower end. */
    sets: number;
    /** The upper end of a range of sets: `3-4 x` is 4. */
    setsMax?: number;
    reps?: MinMax;
    /**
     * Reps set by set (`5-5-5 back-squat`: sets 3), or round by round when the block's header
     * gives the scheme (`for-time 21-15-9 < thrusters >`: one set a round).
     */
    repScheme?: number[];
    /** `5+`: at least this many, as many as possible (on the last set of a scheme: `5-3-1+`). */
    orMore?: boolean;
    seconds?: MinMax;
    meters?: MinMax;
    /** The unit the distance was written in (`mi` for `3 miles`); `meters` holds it in meters. */
    distanceUnit?: DistanceUnit;
    calories?: MinMax;
    /** The second of a pair of amounts, `20/15 cal row`: 15 (by convention the women's Rx). */
    alternate?: number;
    /** `max pull-ups`: as many reps as possible. */
    maxEffort?: boolean;
    side: Side;
    /** The first target after `@`. */
    load?: Load;
    /** Every target after `@`, when there are several (`@ 100kg rpe 8`). */
    targets?: Load[];
    /** `tempo 3-1-1`, `tempo 31X1`: as written, digits and `X`. */
    tempo?: string;
    restSeconds?: number;
    /** `rest as needed`. */
    restAsNeeded?: boolean;
    /** `every 90s`: each set starts on this clock. */
    everySeconds?: number;
    /** In an EMOM with `odd:`/`even:`/`min 1:` labels, the minutes this entry is done in. */
    slot?: Slot;
    note?: string;
    line: number;
    estimatedSeconds: number;
}

export interface RestModel {
    type: 'rest';
    /** 0 for `rest as needed` (its estimate counts a usual rest). */
    seconds: number;
    asNeeded?: boolean;
    slot?: Slot;
    line: number;
    estimatedSeconds: number;
}

export type BlockKind = 'amrap' | 'emom' | 'for-time' | 'rounds' | 'superset' | 'complex' | 'intervals' | 'warmup' | 'cooldown' | 'section';

export interface BlockModel {
    type: 'block';
    kind: BlockKind;
    /** The time cap of `amrap`, `emom`, `every … for` and `for-time cap`. */
    capSeconds?: number;
    /** `every 2min for 10min`: 120. `emom` alone means 60. */
    everySeconds?: number;
    /** `3 rounds`: 3; `intervals 8 x …`: 8; `tabata`: 8; `for-time 21-15-9`: 3; `5 x complex`: 5. */
    rounds?: number;
    /** `for-time 21-15-9`: the reps of each round for the entries written without an amount. */
    repScheme?: number[];
    /** `for-time @ 20lb <`: a load for the whole block (a vest). */
    load?: Load;
    /** A note after the header: `amrap 20min "scale the pull-ups" <`. */
    note?: string;
    slot?: Slot;
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
    /** `workout murph "Murph" @ 20lb <`: a load for the whole workout. */
    load?: Load;
    /** A note after the title: `workout murph "Murph" "Partition as needed" <`. */
    note?: string;
    blocks: BlockModel[];
    /** Hard sets per muscle group (docs/language.md, "Volume"): 1 for a primary muscle, 0.5 for a secondary one. */
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
