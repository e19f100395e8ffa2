/**
 * A session as FIT workouts for a Garmin watch, before any bytes: each workout a tree of steps
 * that end after reps, a time, a distance or the lap key, and repeats of steps. One workout per
 * `workout` of the file, and for a plan one per workout or run of each day, named by its week
 * and day ("W2 Tue Runner strength B"). A pure function of the model and the catalog (for the
 * Garmin exercise of each entry); fit.ts writes the bytes. What each block kind becomes is its
 * `watch` in core/block-kinds.ts; docs/fit.md has the table and the reasons.
 */
import { specOf, type WatchSpec } from '../core/block-kinds.js';
import { bundledCatalog, type Catalog } from '../core/catalog.js';
import { describeAmount, describeBlock, describeEntry, describeLoad, describeRest, describeSide, explainBlock } from '../core/describe.js';
import type { PlanLevelName } from '../core/plan-rules.js';
import { entryTargets } from '../core/running.js';
import type { BlockModel, DistanceUnit, EntryModel, ItemModel, Load, PlanModel, SessionModel, WorkoutModel } from '../core/session-model.js';
import { aimOf, hasWatchTarget, type StepTarget, type TargetSource } from './fit-targets.js';

export type { StepTarget } from './fit-targets.js';

/** When a step ends: after the reps (the athlete presses the lap key), a time, a distance, or the lap key alone. */
export type StepDuration =
    | { kind: 'reps'; reps: number }
    | { kind: 'time'; seconds: number }
    | { kind: 'distance'; meters: number }
    | { kind: 'open' };

export type StepIntensity = 'active' | 'rest' | 'recovery' | 'warmup' | 'cooldown';

/** The FIT profile's `exercise_category` and `exercise_name` numbers (the catalog's `garmin`). */
export interface GarminExercise {
    category: number;
    name: number;
}

/**
 * One step on the watch: an exercise or a rest, when it ends, and for runs what the watch holds
 * the runner to (`target`: a pace, heart rate or power; fit-targets.ts).
 */
export interface ExerciseStep {
    type: 'step';
    duration: StepDuration;
    intensity: StepIntensity;
    /** The exercise as written; the watch shows it when there is no Garmin exercise. Rests have none. */
    name?: string;
    /**
     * The step's name on the watch even beside a Garmin exercise: what a runner reads, the
     * amount and targets of a run (`800m @ 5K pace (4:48/km)`), a recovery (`Rest 400m jog`).
     */
    label?: string;
    target?: StepTarget;
    exercise?: GarminExercise;
    /** The load to lift, in kilograms, and the unit the coach wrote it in (the watch shows that one). */
    weight?: { kg: number; unit: 'kg' | 'lb' };
    /** What the duration cannot say: a range, a side, a load that is not a weight, the coach's note. */
    notes?: string;
}

/** Its steps done `times` times, or again and again until `seconds` are up (an AMRAP). */
export interface RepeatStep {
    type: 'repeat';
    until: { kind: 'times'; times: number } | { kind: 'time'; seconds: number };
    steps: FitStep[];
}

export type FitStep = ExerciseStep | RepeatStep;

/** The FIT sport: running or cycling when every exercise is a run or a ride, else strength training. */
export type FitSport = 'training' | 'running' | 'cycling';

export interface FitWorkout {
    /** The workout's name on the watch: its title, after the week and day for a plan ("W2 Tue Runner strength B"). */
    name: string;
    /** A safe file name: kebab-case, no folders, ending in `.fit`, unique among the workouts of the session. */
    fileName: string;
    sport: FitSport;
    steps: FitStep[];
    /** Names of its exercises that have no Garmin exercise: the watch shows them as written. */
    unmapped: string[];
    /** Targets the watch could follow that nothing gave a number for (`Easy Run @ zones 1–2`): those steps run open. */
    unresolved: string[];
}

export interface FitWorkoutOptions {
    /** Where entries find their Garmin exercise: the bundled catalog unless a test passes its own. */
    catalog?: Catalog;
}

/** Garmin's exercise categories for runs and rides (`run`, `run_indoor`; `bike`, `indoor_bike`, `bike_outdoor` in the FIT profile). */
const RUN_CATEGORIES = new Set([32, 52]);
const RIDE_CATEGORIES = new Set([33, 41, 53]);
/** Garmin's plain run (`run/run`): its name says no more than the watch's sport does. */
const PLAIN_RUN: GarminExercise = { category: 32, name: 0 };

const WEEKDAYS: Record<string, string> = {
    monday: 'Mon', tuesday: 'Tue', wednesday: 'Wed', thursday: 'Thu', friday: 'Fri', saturday: 'Sat', sunday: 'Sun'
};

const POUND_IN_KG = 0.45359237;

interface Context {
    readonly garminOf: (entry: EntryModel) => GarminExercise | undefined;
    /** The intensity of work steps: plain work, or inside a warm-up or cool-down. */
    readonly work: 'active' | 'warmup' | 'cooldown';
    /** The intensity of rest steps: `recovery` between runs and rides, `rest` between sets. */
    readonly rest: 'rest' | 'recovery';
    /** Whose numbers a run's targets are in. */
    readonly targets: TargetSource;
}

/** Every workout of the session, then every workout and run of its plans' days, as FIT workouts. */
export function fitWorkouts(session: SessionModel, options: FitWorkoutOptions = {}): FitWorkout[] {
    const catalog = options.catalog ?? bundledCatalog();
    const garminOf = (entry: EntryModel): GarminExercise | undefined => (entry.known ? catalog.find(entry.exercise)?.garmin : undefined);
    const fileNames = new Set<string>();
    const build = (name: string, fileStem: string, items: readonly ItemModel[], targets: TargetSource): FitWorkout => {
        const entries = entriesOf(items);
        const sport = sportOf(entries, garminOf);
        const context: Context = { garminOf, work: 'active', rest: sport === 'training' ? 'rest' : 'recovery', targets };
        return {
            name,
            fileName: uniqueFileName(fileStem, fileNames),
            sport,
            steps: itemSteps(items, context),
            unmapped: [...new Set(entries.filter(entry => !garminOf(entry)).map(entry => entry.name))],
            unresolved: [...new Set(entries.filter(hasWatchTarget).flatMap(entry => aimOf(entry, targets).unresolved))]
        };
    };
    // A plan's level decides the typical runner; a workout of its own is timed at the default level's paces.
    const sourceOf = (level: PlanLevelName, athlete?: string): TargetSource => ({ forAthlete: Boolean(session.athlete ?? athlete), level });
    return [
        ...session.workouts.map(workout => build(workout.name, workout.id, workout.blocks, sourceOf('intermediate'))),
        ...session.plans.flatMap(plan => planItems(plan).map(({ name, fileStem, items }) => build(name, fileStem, items, sourceOf(plan.level, plan.athlete))))
    ];
}

interface PlannedWorkout {
    name: string;
    fileStem: string;
    items: readonly ItemModel[];
}

/** What a plan's days ask for, in order: each workout and each run or exercise, named by week and day. */
function planItems(plan: PlanModel): PlannedWorkout[] {
    const workouts = new Map<string, WorkoutModel>(plan.workouts.map(workout => [workout.id, workout]));
    return plan.weeks.flatMap(week => week.days.flatMap(day => day.items.flatMap((item): PlannedWorkout[] => {
        const when = `W${week.week} ${WEEKDAYS[day.day] ?? day.day}`;
        const workout = item.type === 'workout' ? workouts.get(item.ref) : undefined;
        if (workout) {
            return [{ name: `${when} ${workout.name}`, fileStem: `${when} ${workout.id}`, items: workout.blocks }];
        }
        return item.entry ? [{ name: `${when} ${item.name}`, fileStem: `${when} ${item.name}`, items: [item.entry] }] : [];
    })));
}

// ---- items → steps ------------------------------------------------------------------------------

function itemSteps(items: readonly ItemModel[], context: Context): FitStep[] {
    return items.flatMap(item => (item.type === 'entry' ? entrySteps(item, context)
        : item.type === 'rest' ? restSteps(item, context)
        : blockSteps(item, context)));
}

/** All its sets: one set's steps (one per side, then the rest after the set), repeated for the sets. */
function entrySteps(entry: EntryModel, context: Context): FitStep[] {
    return repeated(entry.sets, oneSet(entry, context));
}

function oneSet(entry: EntryModel, context: Context): FitStep[] {
    const recovery = { seconds: entry.restSeconds, meters: entry.restMeters, distanceUnit: entry.restDistanceUnit, activity: entry.restActivity };
    return [...sidesOf(entry).map(side => exerciseStep(entry, context, { side })), ...restSteps(recovery, context)];
}

/** A rest as written: for a time or a distance (`rest 400m jog`), and how it is done. */
interface Recovery {
    seconds?: number;
    meters?: number;
    distanceUnit?: DistanceUnit;
    activity?: string;
}

/**
 * A rest step: timed, or over a distance, which ends by itself as a run step does. Standing
 * still is a rest; a jog or a walk is a recovery, named as written (`Rest 400m jog`).
 */
function restSteps(rest: Recovery, context: Context): ExerciseStep[] {
    const duration: StepDuration | undefined = rest.meters ? distanceOf(rest.meters) : rest.seconds ? { kind: 'time', seconds: rest.seconds } : undefined;
    if (!duration) {
        return [];
    }
    const intensity = rest.activity === undefined ? context.rest : rest.activity === 'standing' ? 'rest' : 'recovery';
    const named = rest.activity !== undefined || rest.meters !== undefined;
    return [{ type: 'step', duration, intensity, ...(named ? { label: describeRest({ type: 'rest', line: 0, estimatedSeconds: 0, ...rest, seconds: rest.seconds ?? 0 }) } : {}) }];
}

/** `per side` is done one side after the other: a step for each, so the watch says which. */
function sidesOf(entry: EntryModel): Array<EntryModel['side']> {
    return entry.side === 'each' ? ['left', 'right'] : [entry.side];
}

interface StepShape {
    side: EntryModel['side'];
    /** A timed window instead of the entry's own amount (EMOM, intervals): the amount goes in the notes. */
    window?: number;
}

function exerciseStep(entry: EntryModel, context: Context, { side, window }: StepShape): ExerciseStep {
    const duration: StepDuration = window ? { kind: 'time', seconds: window } : durationOf(entry);
    const amount = window || entry.maxEffort || isRange(entry) ? amountWords(entry) : '';
    const load = entry.load;
    const weight = load?.kind === 'weight' && load.value && (load.unit === 'kg' || load.unit === 'lb')
        ? { kg: load.unit === 'lb' ? load.value * POUND_IN_KG : load.value, unit: load.unit }
        : undefined;
    // A pace, heart rate or power is the watch's target; a lifter's load is words in the notes.
    const aim = hasWatchTarget(entry) ? aimOf(entry, context.targets) : undefined;
    const loadWords = aim ? aim.notes : load && (!weight || load.optional) ? [`@ ${describeLoad(load)}`] : [];
    const exercise = context.garminOf(entry);
    return {
        type: 'step',
        duration,
        intensity: context.work,
        name: entry.name,
        ...(entry.run ? { label: runLabel(entry, aim?.loads ?? entryTargets(entry), exercise) } : {}),
        ...(aim?.target ? { target: aim.target } : {}),
        ...(exercise ? { exercise } : {}),
        ...(weight ? { weight } : {}),
        ...notes(amount, side === 'both' ? '' : describeSide({ ...entry, side }), ...loadWords, entry.note)
    };
}

/**
 * What a runner reads on the watch: one repeat's amount, the exercise (unless Garmin's plain
 * run, which a target says more than), and the targets with their numbers: `800m @ 5K pace (4:48/km)`.
 */
function runLabel(entry: EntryModel, loads: readonly Load[], exercise: GarminExercise | undefined): string {
    const plainRun = exercise?.category === PLAIN_RUN.category && exercise.name === PLAIN_RUN.name && loads.length > 0;
    const targets = loads.length > 0 ? `@ ${loads.map(describeLoad).join(', ')}` : '';
    return [describeAmount({ ...entry, sets: 1 }), plainRun ? '' : entry.name, targets].filter(Boolean).join(' ');
}

/**
 * Reps end when the athlete presses the lap key, so a range shows its top (the aim); a time or a
 * distance ends by itself, so a range there gives its bottom (the least to do). The range itself
 * goes in the notes. `max` and an entry without an amount end with the lap key.
 */
function durationOf(entry: EntryModel): StepDuration {
    if (entry.maxEffort) {
        return { kind: 'open' };
    }
    if (entry.reps) {
        return { kind: 'reps', reps: entry.reps.max };
    }
    if (entry.seconds) {
        return { kind: 'time', seconds: entry.seconds.min };
    }
    if (entry.meters) {
        return distanceOf(entry.meters.min);
    }
    return { kind: 'open' };
}

/** A FIT distance is in centimeters: a mile (1609.344 m) is written 1609.34. */
function distanceOf(meters: number): StepDuration {
    return { kind: 'distance', meters: Math.round(meters * 100) / 100 };
}

function isRange(entry: EntryModel): boolean {
    const range = entry.reps ?? entry.seconds ?? entry.meters;
    return range !== undefined && range.min !== range.max;
}

/** One set's amount in words: "8–10 reps", "max reps", "30s–45s", "400m". */
function amountWords(entry: EntryModel): string {
    const amount = describeAmount({ ...entry, sets: 1 });
    return amount && (entry.reps || entry.maxEffort) ? `${amount} reps` : amount;
}

function notes(...parts: Array<string | undefined>): { notes?: string } {
    const text = parts.filter(Boolean).join('; ');
    return text ? { notes: text } : {};
}

// ---- blocks -------------------------------------------------------------------------------------

function blockSteps(block: BlockModel, context: Context): FitStep[] {
    const watch = specOf(block).watch;
    const inner: Context = watch.intensity ? { ...context, work: watch.intensity } : context;
    const steps = SHAPES[watch.shape](block, inner);
    return watch.headingInNotes ? withFirstNote(steps, describeBlock(block)) : steps;
}

const SHAPES: Record<WatchSpec['shape'], (block: BlockModel, context: Context) => FitStep[]> = {
    'in-order': (block, context) => itemSteps(block.entries, context),
    // The rest between rounds is in every round: the watch has no "but not after the last".
    rounds: (block, context) => {
        const rounds = block.rounds ?? 1;
        return rounds > 1 ? repeated(rounds, [...itemSteps(block.entries, context), ...restSteps({ seconds: block.restSeconds }, context)]) : itemSteps(block.entries, context);
    },
    superset: supersetSteps,
    'until-cap': (block, context) => {
        const steps = itemSteps(block.entries, context);
        return block.capSeconds && steps.length > 0 ? [{ type: 'repeat', until: { kind: 'time', seconds: block.capSeconds }, steps }] : steps;
    },
    'every-interval': everyIntervalSteps,
    'on-off': onOffSteps
};

/**
 * Entries alternate set by set: one set of each in turn, as many times as they all have sets,
 * then the sets only some of them have, then the superset's rest.
 */
function supersetSteps(block: BlockModel, context: Context): FitStep[] {
    const entries = block.entries.filter((item): item is EntryModel => item.type === 'entry');
    const shared = entries.length > 0 ? Math.min(...entries.map(entry => entry.sets)) : 1;
    const turn = block.entries.flatMap(item => (item.type === 'entry' ? oneSet(item, context) : itemSteps([item], context)));
    const leftOver = entries.filter(entry => entry.sets > shared).flatMap(entry => entrySteps({ ...entry, sets: entry.sets - shared }, context));
    return [...repeated(shared, turn), ...leftOver, ...restSteps({ seconds: block.restSeconds }, context)];
}

/**
 * An EMOM: the watch cannot start work on the minute and rest for what is left of it, so each
 * interval is one timed step naming its work, and the watch beeps at the top of the next one.
 */
function everyIntervalSteps(block: BlockModel, context: Context): FitStep[] {
    const every = block.everySeconds ?? 60;
    const intervals = block.capSeconds ? Math.max(1, Math.floor(block.capSeconds / every)) : 1;
    const entries = entriesOf(block.entries);
    const explanation = explainBlock(block);
    const window: ExerciseStep = entries.length === 1
        ? withNotes(exerciseStep(entries[0], context, { side: entries[0].side, window: every }), explanation)
        : {
            type: 'step',
            duration: { kind: 'time', seconds: every },
            intensity: context.work,
            name: entries.map(describeEntry).join(', ') || describeBlock(block),
            ...notes(explanation)
        };
    return repeated(intervals, [window]);
}

/** Intervals: work then rest, cycling through the entries (8 intervals of 2 exercises are 4 of each). */
function onOffSteps(block: BlockModel, context: Context): FitStep[] {
    const total = block.rounds ?? 1;
    const on = block.workSeconds ?? 0;
    const entries = entriesOf(block.entries);
    const interval = (entry: EntryModel | undefined): ExerciseStep[] => [
        entry ? exerciseStep(entry, context, { side: entry.side, window: on })
            : { type: 'step', duration: { kind: 'time', seconds: on }, intensity: context.work, name: describeBlock(block) },
        ...restSteps({ seconds: block.offSeconds }, context)
    ];
    const cycle = entries.length > 0 ? entries : [undefined];
    const fullCycles = Math.floor(total / cycle.length);
    return [...repeated(fullCycles, cycle.flatMap(interval)), ...cycle.slice(0, total % cycle.length).flatMap(interval)];
}

// ---- helpers ------------------------------------------------------------------------------------

function repeated(times: number, steps: FitStep[]): FitStep[] {
    if (times <= 0 || steps.length === 0) {
        return [];
    }
    return times === 1 ? steps : [{ type: 'repeat', until: { kind: 'times', times }, steps }];
}

function withNotes(step: ExerciseStep, extra: string | undefined): ExerciseStep {
    return { ...step, ...notes(step.notes, extra) };
}

/** The steps with `note` in front of the notes of the first exercise step, however deep. */
function withFirstNote(steps: FitStep[], note: string): FitStep[] {
    let done = false;
    const visit = (step: FitStep): FitStep => {
        if (done) {
            return step;
        }
        if (step.type === 'repeat') {
            return { ...step, steps: step.steps.map(visit) };
        }
        done = true;
        return { ...step, ...notes(note, step.notes) };
    };
    return steps.map(visit);
}

/** The entries among some items, inside nested blocks too. */
function entriesOf(items: readonly ItemModel[]): EntryModel[] {
    return items.flatMap(item => (item.type === 'entry' ? [item] : item.type === 'block' ? entriesOf(item.entries) : []));
}

/** Running when every entry is a run (strides and hill repeats too, which Garmin has no exercise for), cycling for rides. */
function sportOf(entries: readonly EntryModel[], garminOf: Context['garminOf']): FitSport {
    const categories = entries.map(entry => garminOf(entry)?.category);
    const isRun = (entry: EntryModel, index: number) => {
        const category = categories[index];
        return entry.run === true || (category !== undefined && RUN_CATEGORIES.has(category));
    };
    if (entries.length > 0 && entries.every(isRun)) {
        return 'running';
    }
    if (categories.length > 0 && categories.every(category => category !== undefined && RIDE_CATEGORIES.has(category))) {
        return 'cycling';
    }
    return 'training';
}

/** Kebab-case ASCII (accents dropped), at most 60 characters, `-2`, `-3`… when taken; never empty. */
function uniqueFileName(stem: string, taken: Set<string>): string {
    const base = stem.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/^-+|-+$/g, '') || 'workout';
    let name = `${base}.fit`;
    for (let n = 2; taken.has(name); n++) {
        name = `${base}-${n}.fit`;
    }
    taken.add(name);
    return name;
}
