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
export type TargetKind = 'weight' | 'percent-1rm' | 'percent-tm' | 'rpe' | 'rir' | 'bodyweight' | 'height' | RunTargetKind;

/**
 * Targets of a run step (docs/language.md, "Runs"): a pace (`4:30/km`, value in seconds per unit),
 * a named pace (`5k-pace`, `threshold`: `pace`), a heart rate in bpm, a heart-rate zone, a share of
 * the maximum or lactate-threshold heart rate, a power in watts or a share of the FTP, a treadmill
 * speed and incline.
 */
export type RunTargetKind = 'pace' | 'named-pace' | 'heart-rate' | 'hr-zone' | 'percent-hrmax' | 'percent-lthr' | 'power' | 'percent-ftp'
    | 'speed' | 'incline';

/** A target turned into a number for one athlete (`workout render --athlete`): pace in seconds per km or mile, bpm, watts, a weight. */
export interface ResolvedTarget {
    value: number;
    /** The other end of a band, or where a progression ends. */
    max?: number;
    unit: 's/km' | 's/mi' | 'bpm' | 'w' | 'kg' | 'lb';
}

export interface Load {
    kind: TargetKind;
    value: number | null;
    unit: 'kg' | 'lb' | 'pood' | '%' | 'rpe' | 'rir' | DistanceUnit | 'min/km' | 'min/mi' | 'bpm' | 'zone' | 'w' | 'kph' | 'mph' | null;
    /** The upper end of a range: `@ rpe 8-9`, `@ 60-70%`. */
    max?: number;
    /** The second of a pair, `@ 95/65lb`: 65 (by convention the women's Rx). */
    alternate?: number;
    /** Implements of this weight at once: `@ 2x24kg` is 2. */
    implements?: number;
    /** `@ 24kg each`: the weight is per hand. */
    each?: boolean;
    optional?: boolean;
    /** A named pace (`named-pace`): `5k`, `10k`, `half-marathon`, `marathon`, `mile`, `threshold`, `easy`, `recovery`, `interval`, `repetition`. */
    pace?: string;
    /** `@ easy to threshold`, `@ 5:30/km to 4:40/km`: the step speeds up from `value`/`pace` to `max`/`toPace`. */
    progression?: boolean;
    toPace?: string;
    /** Filled in when the session is rendered for an athlete: the target as a number. */
    resolved?: ResolvedTarget;
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
    /** `rest 400m jog`: a recovery over a distance (in meters; `restDistanceUnit` as written). */
    restMeters?: number;
    restDistanceUnit?: DistanceUnit;
    /** What the recovery is done as: `jog`, `walk`, `standing`, `easy`, `float`. */
    restActivity?: string;
    /** A running step: its distance is timed at a running pace and counts toward running volume. */
    run?: boolean;
    /**
     * How hard a run step is, from its target or its kind (core/running.ts): `rest`, `easy`,
     * `moderate`, `threshold`, `interval`, `repetition`.
     */
    intensity?: 'rest' | 'easy' | 'moderate' | 'threshold' | 'interval' | 'repetition';
    /** `lap easy-run`: the step ends when the athlete presses the lap button. */
    untilLap?: boolean;
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
    /** 0 for `rest as needed` (its estimate counts a usual rest) and for a recovery over a distance. */
    seconds: number;
    asNeeded?: boolean;
    /** `rest 400m jog`: a recovery over a distance, in meters, and the unit it was written in. */
    meters?: number;
    distanceUnit?: DistanceUnit;
    /** `jog`, `walk`, `standing`, `easy`, `float`. */
    activity?: string;
    slot?: Slot;
    line: number;
    estimatedSeconds: number;
}

export type BlockKind = 'amrap' | 'emom' | 'for-time' | 'rounds' | 'superset' | 'complex' | 'intervals' | 'warmup' | 'cooldown' | 'section'
    | 'repeat' | 'repeat-until';

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
    /** Running in the workout: the distance (written distances, timed runs at their pace) and time. */
    run?: RunSummary;
    /** Hard sets per muscle group (docs/language.md, "Volume"): 1 for a primary muscle, 0.5 for a secondary one. */
    muscles: Record<string, number>;
    equipment: string[];
}

/** The running of a workout, a plan item or a week (docs/plans.md, "Running"). */
export interface RunSummary {
    /** Distance run, in meters: written distances, and timed runs at their estimated pace. */
    meters: number;
    /** Time running, recoveries included. */
    seconds: number;
    /** Time at threshold intensity or harder (docs/plans.md): what the easy/hard balance counts. */
    hardSeconds: number;
    /** The unit the coach wrote distances in, most often: `km`, `mi` or `m`. */
    unit?: DistanceUnit;
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
    /** Its running, when it has runs. */
    run?: RunSummary;
    /** A quality session: running at threshold or harder, or the long run. */
    hard?: boolean;
    /** Hard sets of loaded work (a weight, %1RM, RPE, RIR) for the quadriceps, hamstrings, glutes or calves. */
    heavyLegSets?: number;
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
    /** The week's running (absent in a week without runs). */
    run?: RunSummary;
    /** Growth of running distance (of time, when the plan's runs are timed) over the heaviest earlier week, in percent. */
    runGrowthPercent?: number;
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
    /** `athlete jane`: the athlete the plan is written for. */
    athlete?: string;
    /** Largest growth of weekly running, in percent (`workout.plan.runProgressionPercent`). */
    runProgressionPercent?: number;
    /** Whether running volume is measured by distance (most running written as distances) or by time. */
    runVolumeBy?: 'distance' | 'time';
}

/** A weight an athlete lifts, in the unit written. */
export interface WeightFact {
    value: number;
    unit: 'kg' | 'lb';
}

/**
 * `athlete jane "Jane Doe" < … >`: what the tools need to turn targets into numbers
 * (docs/language.md, "Athletes").
 */
export interface AthleteModel {
    id: string;
    name: string;
    line: number;
    /** `units: km` or `units: mi`: how paces and distances are shown for her. */
    units?: 'km' | 'mi';
    level?: 'beginner' | 'intermediate' | 'advanced';
    /** Race results (`5k: 22:30`, `recent-race: 10k 47:10`): distance in meters, time in seconds. */
    races: Array<{ meters: number; seconds: number }>;
    /** Paces written outright (`threshold-pace: 4:35/km`), seconds per km, by named pace. */
    paces: Record<string, number>;
    maxHr?: number;
    lthr?: number;
    restingHr?: number;
    ftpWatts?: number;
    /** One-rep maxes by exercise id (`1rm back-squat: 100kg`). */
    oneRepMax: Record<string, WeightFact>;
    /** Training maxes by exercise id (`tm bench-press: 80kg`). */
    trainingMax: Record<string, WeightFact>;
    bodyweight?: WeightFact;
}

export interface SessionModel {
    workouts: WorkoutModel[];
    plans: PlanModel[];
    /** The athletes the file defines. */
    athletes?: AthleteModel[];
    /** Who the session is rendered for, when it is (`workout render --athlete jane`): targets carry `resolved`. */
    athlete?: { id: string; name: string };
}
