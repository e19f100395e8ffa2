/**
 * Running, as the tools understand it: named paces and the paces behind them, how hard a step
 * is (its intensity), heart-rate zones, and the pace a run is timed at. Pure functions and public
 * formulas only (docs/language.md, "Runs", and docs/plans.md, "Running"):
 *
 * - race times predict each other by Riegel's formula, t2 = t1 · (d2 / d1)^1.06 (Riegel, "Athletic
 *   records and human endurance", American Scientist 69, 1981);
 * - threshold pace is the pace of a race of about one hour;
 * - easy runs are 25–40 % slower than 5K pace, recovery runs 45 % slower (a coaching rule of thumb);
 * - heart-rate zones from the lactate-threshold heart rate follow Joe Friel's five zones; from the
 *   maximum heart rate, the common 50–60–70–80–90–100 % bands;
 * - power zones are Andrew Coggan's shares of the functional threshold power.
 *
 * No pace table is copied here (VDOT tables are copyrighted): every number comes from a formula.
 */
import type { PlanLevelName as PlanLevel } from './plan-rules.js';
import type { EntryModel, Load, ResolvedTarget } from './session-model.js';

/** How hard a step is, easiest first. `rest` is standing or walking. */
export const INTENSITIES = ['rest', 'easy', 'moderate', 'threshold', 'interval', 'repetition'] as const;
export type Intensity = typeof INTENSITIES[number];

/** Threshold or faster: what the plan checks count as hard running. */
export function isHard(intensity: Intensity): boolean {
    return INTENSITIES.indexOf(intensity) >= INTENSITIES.indexOf('threshold');
}

export const METERS_PER_MILE = 1609.344;
export const HALF_MARATHON_METERS = 21097.5;
export const MARATHON_METERS = 42195;
const RIEGEL_EXPONENT = 1.06;
/** Walked recoveries: 5 km/h, the catalog's walking pace (docs/catalog.md). */
export const WALK_SECONDS_PER_KM = 720;

/**
 * The paces a coach names. A race pace is the pace of that race (`5k-pace`, `15k-pace`,
 * `half-marathon-pace`); the others are training paces.
 */
export type NamedPace = string;

const TRAINING_PACE_WORDS: Readonly<Record<string, NamedPace>> = {
    easy: 'easy', 'easy-pace': 'easy', conversational: 'easy', aerobic: 'easy',
    recovery: 'recovery', 'recovery-pace': 'recovery',
    steady: 'marathon', 'marathon-pace': 'marathon', mp: 'marathon', 'mp-pace': 'marathon',
    'half-marathon-pace': 'half-marathon', 'hm-pace': 'half-marathon', 'half-pace': 'half-marathon',
    threshold: 'threshold', 'threshold-pace': 'threshold', tempo: 'threshold', 'tempo-pace': 'threshold', lt: 'threshold',
    interval: 'interval', 'interval-pace': 'interval', vo2max: 'interval', 'vo2max-pace': 'interval',
    repetition: 'repetition', 'repetition-pace': 'repetition', 'rep-pace': 'repetition',
    'mile-pace': 'mile'
};

/** The paces a coach may name, for messages and completion. */
export const NAMED_PACE_EXAMPLES = ['easy', 'recovery', 'marathon-pace', 'half-marathon-pace', 'threshold', '10k-pace', '5k-pace', '3k-pace', 'mile-pace', 'interval', 'repetition'];

/** Race distances a pace may be named after, in meters. */
const RACE_METERS: Readonly<Record<string, number>> = {
    mile: METERS_PER_MILE, marathon: MARATHON_METERS, 'half-marathon': HALF_MARATHON_METERS
};

/** `5k-pace` → `5k`, `Threshold` → `threshold`, `mp` → `marathon`; undefined for a word that names no pace. */
export function namedPaceOf(word: string): NamedPace | undefined {
    const text = word.trim().toLowerCase();
    const race = /^([0-9]+(?:\.[0-9]+)?)(k|km|mi|mile|m)-pace$/.exec(text);
    if (race) {
        const value = Number(race[1]);
        const unit = race[2];
        if (value <= 0) {
            return undefined;
        }
        return unit === 'mi' || unit === 'mile' ? (value === 1 ? 'mile' : `${value}mi`) : unit === 'm' ? `${value}m` : `${value}k`;
    }
    return Object.hasOwn(TRAINING_PACE_WORDS, text) ? TRAINING_PACE_WORDS[text] : undefined;
}

/** The race distance of a race pace (`5k` → 5000, `mile` → 1609.344); undefined for training paces. */
export function raceMetersOf(pace: NamedPace): number | undefined {
    if (Object.hasOwn(RACE_METERS, pace)) {
        return RACE_METERS[pace];
    }
    const match = /^([0-9]+(?:\.[0-9]+)?)(k|mi|m)$/.exec(pace);
    if (!match) {
        return undefined;
    }
    const value = Number(match[1]);
    return match[2] === 'k' ? value * 1000 : match[2] === 'mi' ? value * METERS_PER_MILE : value;
}

/** How a named pace reads: `5K pace`, `threshold`, `half-marathon pace`. */
export function describeNamedPace(pace: NamedPace): string {
    if (/^[0-9.]+k$/.test(pace)) {
        return `${pace.toUpperCase()} pace`;
    }
    if (/^[0-9.]+(mi|m)$/.test(pace) || pace === 'mile' || pace === 'marathon' || pace === 'half-marathon') {
        return `${pace} pace`;
    }
    return pace;
}

// ---- predicting paces -------------------------------------------------------------------------

export interface RaceResult {
    meters: number;
    seconds: number;
}

/** Riegel: the time of a race of `meters`, predicted from one result. */
export function riegelSeconds(from: RaceResult, meters: number): number {
    return from.seconds * Math.pow(meters / from.meters, RIEGEL_EXPONENT);
}

/** The race of the results closest in distance to `meters` (by ratio): the best predictor. */
function closest(races: readonly RaceResult[], meters: number): RaceResult | undefined {
    let best: RaceResult | undefined;
    for (const race of races) {
        if (!best || Math.abs(Math.log(race.meters / meters)) < Math.abs(Math.log(best.meters / meters))) {
            best = race;
        }
    }
    return best;
}

/** The distance run in `seconds` at race effort, by Riegel from the closest result in time. */
function metersInSeconds(races: readonly RaceResult[], seconds: number): number | undefined {
    let best: RaceResult | undefined;
    for (const race of races) {
        if (!best || Math.abs(Math.log(race.seconds / seconds)) < Math.abs(Math.log(best.seconds / seconds))) {
            best = race;
        }
    }
    return best ? best.meters * Math.pow(seconds / best.seconds, 1 / RIEGEL_EXPONENT) : undefined;
}

/** A pace in seconds per km: a single value or a band (`min` is the faster end). */
export interface PaceBand {
    min: number;
    max: number;
}

/** What the paces of one runner are derived from: race results and paces given outright (seconds per km). */
export interface PaceSource {
    races: readonly RaceResult[];
    /** Paces the coach wrote (`threshold-pace: 4:35/km`), seconds per km, by named pace. */
    paces?: Readonly<Record<string, number>>;
}

/** 5K times used without a profile: what a typical runner of the plan's level runs. */
export const DEFAULT_5K_SECONDS: Readonly<Record<PlanLevel, number>> = { beginner: 32 * 60, intermediate: 24 * 60, advanced: 19 * 60 };

export function defaultPaceSource(level: PlanLevel = 'intermediate'): PaceSource {
    return { races: [{ meters: 5000, seconds: DEFAULT_5K_SECONDS[level] ?? DEFAULT_5K_SECONDS.intermediate }] };
}

/**
 * The pace of a named pace for a runner, seconds per km; undefined when nothing in the source
 * can give it (no race and no pace written).
 */
export function paceOf(pace: NamedPace, source: PaceSource): PaceBand | undefined {
    const written = source.paces?.[pace];
    if (written !== undefined) {
        return { min: written, max: written };
    }
    const fiveK = (): number | undefined => {
        const race = closest(source.races, 5000);
        return race ? riegelSeconds(race, 5000) / 5 : undefined;
    };
    const race = raceMetersOf(pace);
    if (race !== undefined) {
        const from = closest(source.races, race);
        if (!from) {
            return undefined;
        }
        const perKm = riegelSeconds(from, race) / (race / 1000);
        return { min: perKm, max: perKm };
    }
    switch (pace) {
        case 'threshold': {
            const meters = metersInSeconds(source.races, 3600);
            return meters ? { min: 3600 / (meters / 1000), max: 3600 / (meters / 1000) } : undefined;
        }
        case 'interval':
            return paceOf('3k', source);
        case 'repetition':
            return paceOf('mile', source);
        case 'easy': {
            const base = fiveK();
            return base === undefined ? source.paces?.recovery !== undefined ? { min: source.paces.recovery / 1.1, max: source.paces.recovery } : undefined
                : { min: base * 1.25, max: base * 1.4 };
        }
        case 'recovery': {
            const base = fiveK();
            if (base === undefined) {
                const easy = source.paces?.easy;
                return easy !== undefined ? { min: easy * 1.1, max: easy * 1.1 } : undefined;
            }
            return { min: base * 1.45, max: base * 1.45 };
        }
        default:
            return undefined;
    }
}

function mid(band: PaceBand): number {
    return (band.min + band.max) / 2;
}

// ---- intensity --------------------------------------------------------------------------------

/** How hard a pace is for this runner, from where it falls between their named paces. */
export function paceIntensity(secondsPerKm: number, source: PaceSource): Intensity | undefined {
    const easy = paceOf('easy', source);
    const marathon = paceOf('marathon', source);
    const threshold = paceOf('threshold', source);
    const fiveK = paceOf('5k', source);
    const mile = paceOf('mile', source);
    if (!easy || !marathon || !threshold || !fiveK || !mile) {
        return undefined;
    }
    if (secondsPerKm >= (easy.min + mid(marathon)) / 2) {
        return 'easy';
    }
    if (secondsPerKm >= (mid(marathon) + mid(threshold)) / 2) {
        return 'moderate';
    }
    if (secondsPerKm >= (mid(threshold) + mid(fiveK)) / 2) {
        return 'threshold';
    }
    return secondsPerKm >= (mid(fiveK) + mid(mile)) / 2 ? 'interval' : 'repetition';
}

const NAMED_PACE_INTENSITY: Readonly<Record<string, Intensity>> = {
    easy: 'easy', recovery: 'easy', marathon: 'moderate', 'half-marathon': 'threshold', threshold: 'threshold',
    interval: 'interval', repetition: 'repetition', mile: 'repetition'
};

/** A race pace's intensity by its distance: a mile is a repetition, 3–5K an interval, 10K–half threshold. */
function namedIntensity(pace: NamedPace): Intensity {
    if (Object.hasOwn(NAMED_PACE_INTENSITY, pace)) {
        return NAMED_PACE_INTENSITY[pace];
    }
    const meters = raceMetersOf(pace) ?? 10000;
    return meters <= 2000 ? 'repetition' : meters <= 6000 ? 'interval' : meters <= 25000 ? 'threshold' : 'moderate';
}

/** Joe Friel's running zones as shares of the lactate-threshold heart rate, zones 1–5 (5 is 5a–5c). */
export const LTHR_ZONES: ReadonlyArray<readonly [number, number]> = [[0.65, 0.85], [0.85, 0.89], [0.90, 0.94], [0.95, 0.99], [1.00, 1.06]];
/** Zones as shares of the maximum heart rate, zones 1–5. */
export const HRMAX_ZONES: ReadonlyArray<readonly [number, number]> = [[0.50, 0.60], [0.60, 0.70], [0.70, 0.80], [0.80, 0.90], [0.90, 1.00]];
const ZONE_INTENSITY: readonly Intensity[] = ['easy', 'easy', 'moderate', 'threshold', 'interval'];

function zoneIntensity(zone: number): Intensity {
    return ZONE_INTENSITY[Math.min(4, Math.max(0, Math.ceil(zone) - 1))];
}

/** The heart-rate band of zones `from`–`to` (1–5), in bpm, from LTHR if known, else max HR. */
export function zoneBpm(from: number, to: number, heart: { lthr?: number; maxHr?: number }): PaceBand | undefined {
    const table = heart.lthr ? LTHR_ZONES : heart.maxHr ? HRMAX_ZONES : undefined;
    const reference = heart.lthr ?? heart.maxHr;
    if (!table || !reference || from < 1 || to > 5) {
        return undefined;
    }
    const low = table[Math.floor(from) - 1][0];
    const high = table[Math.ceil(to) - 1][1];
    return { min: Math.round(low * reference), max: Math.round(high * reference) };
}

/** The facts of a runner that decide intensities: paces, heart rate, power. */
export interface RunnerFacts extends PaceSource {
    maxHr?: number;
    lthr?: number;
    ftpWatts?: number;
}

/** The middle of a band, or of a progression's start and end. */
const middle = (load: Load): number => (load.max !== undefined ? ((load.value ?? 0) + load.max) / 2 : load.value ?? 0);

/** Seconds per km of a pace target written per km or per mile. */
export function perKm(seconds: number, unit: Load['unit']): number {
    return unit === 'min/mi' ? seconds / (METERS_PER_MILE / 1000) : seconds;
}

/** A treadmill speed in km/h, written in km/h or mph. */
export function kilometresPerHour(value: number, unit: Load['unit']): number {
    return unit === 'mph' ? value * METERS_PER_MILE / 1000 : value;
}

/** The speed of a pace in meters per second, a watch's unit: 4:30/km is 3.704 m/s. */
export function metersPerSecond(secondsPerKm: number): number {
    return 1000 / secondsPerKm;
}

/** How hard one target asks the runner to go; undefined when it says nothing about it. */
export function targetIntensity(load: Load, runner: RunnerFacts): Intensity | undefined {
    const value = middle(load);
    switch (load.kind) {
        case 'pace':
            return paceIntensity(perKm(value, load.unit), runner);
        case 'speed':
            return value > 0 ? paceIntensity(3600 / kilometresPerHour(value, load.unit), runner) : undefined;
        case 'named-pace': {
            if (!load.pace) {
                return undefined;
            }
            // A progression that starts easy and ends hard is, on the whole, moderate.
            const start = namedIntensity(load.pace);
            const end = load.progression && load.toPace ? namedIntensity(load.toPace) : start;
            return isHard(start) === isHard(end) ? end : 'moderate';
        }
        case 'hr-zone':
            return zoneIntensity(value);
        case 'percent-hrmax':
            return value < 70 ? 'easy' : value < 80 ? 'moderate' : value < 90 ? 'threshold' : 'interval';
        case 'percent-lthr':
            return value < 90 ? 'easy' : value < 95 ? 'moderate' : value <= 100 ? 'threshold' : 'interval';
        case 'heart-rate':
            if (runner.lthr) {
                return targetIntensity({ ...load, kind: 'percent-lthr', value: value / runner.lthr * 100, max: undefined }, runner);
            }
            return runner.maxHr ? targetIntensity({ ...load, kind: 'percent-hrmax', value: value / runner.maxHr * 100, max: undefined }, runner) : undefined;
        case 'percent-ftp':
            return value <= 75 ? 'easy' : value <= 90 ? 'moderate' : value <= 105 ? 'threshold' : value <= 120 ? 'interval' : 'repetition';
        case 'power':
            return runner.ftpWatts ? targetIntensity({ ...load, kind: 'percent-ftp', value: value / runner.ftpWatts * 100, max: undefined }, runner) : undefined;
        case 'rpe':
            return value <= 4 ? 'easy' : value <= 6 ? 'moderate' : value <= 8 ? 'threshold' : value < 10 ? 'interval' : 'repetition';
        default:
            return undefined;
    }
}

// ---- running exercises ------------------------------------------------------------------------

/** Catalog exercises that are runs, with how hard they are when no target says so. */
const RUN_EXERCISES: Readonly<Record<string, Intensity>> = {
    run: 'easy', 'easy-run': 'easy', 'long-run': 'easy', 'recovery-run': 'easy', 'jogging-treadmill': 'easy', 'running-treadmill': 'easy',
    'run-walk': 'easy', 'aqua-jogging': 'easy', 'progression-run': 'moderate', fartlek: 'moderate', 'tempo-run': 'threshold',
    'race-pace-run': 'threshold', 'interval-run': 'interval', 'hill-repeats': 'interval', strides: 'repetition', sprints: 'repetition'
};
/** Walking: how hard it is (`rest`); the catalog gives its pace. */
const WALKS: ReadonlySet<string> = new Set(['walk', 'walking-treadmill', 'hiking']);

/** Whether an exercise id is a run (the catalog's runs, or a coach's cardio exercise named as one). */
export function isRunExercise(id: string, cardio = false): boolean {
    return Object.hasOwn(RUN_EXERCISES, id) || (cardio && /(^|-)(run|runs|running|jog|jogging|strides?|sprints?|fartlek|hills?|tempo)(-|$)/.test(id));
}

export function isWalkExercise(id: string): boolean {
    return WALKS.has(id);
}

/** The targets of an entry: every one after `@`. */
export function entryTargets(entry: Pick<EntryModel, 'load' | 'targets'>): Load[] {
    return entry.targets && entry.targets.length > 0 ? entry.targets : entry.load ? [entry.load] : [];
}

/** How hard a run step is: from its targets, else from the exercise (`tempo-run` is threshold). */
export function entryIntensity(entry: EntryModel, runner: RunnerFacts): Intensity {
    if (isWalkExercise(entry.exercise)) {
        return 'rest';
    }
    for (const load of entryTargets(entry)) {
        const intensity = targetIntensity(load, runner);
        if (intensity) {
            return intensity;
        }
    }
    return Object.hasOwn(RUN_EXERCISES, entry.exercise) ? RUN_EXERCISES[entry.exercise] : 'easy';
}

/** The pace, seconds per km, that stands for an intensity when no pace is written. */
function intensityPace(intensity: Intensity, runner: RunnerFacts): number | undefined {
    const band = intensity === 'rest' ? { min: WALK_SECONDS_PER_KM, max: WALK_SECONDS_PER_KM }
        : paceOf(intensity === 'moderate' ? 'marathon' : intensity === 'interval' ? '5k' : intensity === 'repetition' ? 'mile' : intensity, runner);
    return band ? mid(band) : undefined;
}

/**
 * The pace a run step is timed at, seconds per km: the pace written (its middle, or the middle of
 * a progression), a named pace, a speed, else the pace of its intensity for this runner.
 * Undefined for an entry that is not a run.
 */
export function runSecondsPerKm(entry: EntryModel, runner: RunnerFacts): number | undefined {
    if (!entry.run) {
        return undefined;
    }
    for (const load of entryTargets(entry)) {
        if (load.kind === 'pace' && load.value) {
            return perKm(middle(load), load.unit);
        }
        if (load.kind === 'speed' && load.value) {
            const kph = kilometresPerHour(middle(load), load.unit);
            return kph > 0 ? 3600 / kph : undefined;
        }
        if (load.kind === 'named-pace' && load.pace) {
            const from = paceOf(load.pace, runner);
            const to = load.progression && load.toPace ? paceOf(load.toPace, runner) : from;
            if (from && to) {
                return (mid(from) + mid(to)) / 2;
            }
        }
    }
    return intensityPace(entryIntensity(entry, runner), runner);
}

/** Seconds per meter of a recovery: jogged at recovery pace, walked at a walk. */
export function recoverySecondsPerMeter(activity: string | undefined, runner: RunnerFacts): number {
    if (activity === 'walk' || activity === 'standing') {
        return WALK_SECONDS_PER_KM / 1000;
    }
    const recovery = paceOf('recovery', runner);
    return (recovery ? mid(recovery) : 420) / 1000;
}

// ---- a target's numbers -----------------------------------------------------------------------

/** What a run target asks for in numbers, one unit per quantity: paces in seconds per km (`min` the faster), bpm, watts. */
export interface TargetNumbers {
    unit: 's/km' | 'bpm' | 'w';
    min: number;
    max: number;
}

/**
 * The numbers of a run target: what is written (a pace, a treadmill speed as its pace, bpm,
 * watts), else what `resolved` holds for an athlete (a named pace, a zone, a share of a max).
 * A band gives both ends; a progression the band it moves through. Undefined for a target
 * without numbers (a zone nobody resolved, an incline, an effort).
 */
export function targetNumbers(load: Load): TargetNumbers | undefined {
    const band = (unit: TargetNumbers['unit'], a: number, b = a): TargetNumbers | undefined =>
        (a > 0 && b > 0 ? { unit, min: Math.min(a, b), max: Math.max(a, b) } : undefined);
    const value = load.value ?? 0;
    const other = load.max ?? value;
    switch (load.kind) {
        case 'pace':
            return band('s/km', perKm(value, load.unit), perKm(other, load.unit));
        case 'speed':
            return value > 0 && other > 0 ? band('s/km', 3600 / kilometresPerHour(value, load.unit), 3600 / kilometresPerHour(other, load.unit)) : undefined;
        case 'heart-rate':
            return band('bpm', value, other);
        case 'power':
            return band('w', value, other);
    }
    const resolved = load.resolved;
    switch (resolved?.unit) {
        case 's/km':
        case 's/mi': {
            const unit = resolved.unit === 's/mi' ? 'min/mi' : 'min/km';
            return band('s/km', perKm(resolved.value, unit), perKm(resolved.max ?? resolved.value, unit));
        }
        case 'bpm':
        case 'w':
            return band(resolved.unit, resolved.value, resolved.max ?? resolved.value);
        default:
            return undefined;
    }
}

// ---- words ------------------------------------------------------------------------------------

/** `270` → `4:30`; `3725` → `1:02:05`. */
export function formatClock(totalSeconds: number): string {
    const seconds = Math.round(totalSeconds);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = String(seconds % 60).padStart(2, '0');
    return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** A pace in seconds per km as the runner reads it: `4:30/km`, or per mile `7:15/mi`. */
export function formatPace(secondsPerKm: number, unit: 'km' | 'mi' = 'km'): string {
    return unit === 'mi' ? `${formatClock(secondsPerKm * METERS_PER_MILE / 1000)}/mi` : `${formatClock(secondsPerKm)}/km`;
}

/** A band of paces, faster first: `4:20–4:30/km`. */
export function formatPaceBand(band: PaceBand, unit: 'km' | 'mi' = 'km'): string {
    const low = formatPace(band.min, unit);
    const high = formatPace(band.max, unit);
    return low === high ? low : `${low.replace(/\/(km|mi)$/, '')}–${high}`;
}

/** A running distance as a week's total reads: `27.4 km`, `17 mi`, `800 m`. */
export function formatRunDistance(meters: number, unit: 'km' | 'mi' | 'm' | string = 'km'): string {
    if (unit === 'mi' || unit === 'yd' || unit === 'ft' || unit === 'in') {
        return `${Number((meters / METERS_PER_MILE).toFixed(1))} mi`;
    }
    return meters < 1000 ? `${Math.round(meters)} m` : `${Number((meters / 1000).toFixed(1))} km`;
}

/** Recovery words after a rest (`rest 400m jog`) and what each means. */
export const RECOVERY_ACTIVITIES = ['jog', 'walk', 'standing', 'easy', 'float'] as const;
export type RecoveryActivity = typeof RECOVERY_ACTIVITIES[number];

export function recoveryActivityOf(word: string | undefined): RecoveryActivity | undefined {
    const text = (word ?? '').toLowerCase();
    const canonical = text === 'stand' || text === 'still' ? 'standing' : text === 'jogging' ? 'jog' : text === 'walking' ? 'walk' : text;
    return (RECOVERY_ACTIVITIES as readonly string[]).includes(canonical) ? canonical as RecoveryActivity : undefined;
}

/** `4:30/km` as the athlete reads it, for describe.ts. */
export function describeResolved(resolved: ResolvedTarget): string {
    switch (resolved.unit) {
        case 's/km':
        case 's/mi': {
            const unit = resolved.unit === 's/mi' ? 'mi' : 'km';
            const perKm = (seconds: number) => (unit === 'mi' ? seconds / (METERS_PER_MILE / 1000) : seconds);
            if (resolved.max !== undefined && resolved.max > resolved.value) {
                return formatPaceBand({ min: perKm(resolved.value), max: perKm(resolved.max) }, unit);
            }
            if (resolved.max !== undefined) {
                return `${formatPaceBand({ min: perKm(resolved.value), max: perKm(resolved.value) }, unit)} → ${formatPaceBand({ min: perKm(resolved.max), max: perKm(resolved.max) }, unit)}`;
            }
            return formatPaceBand({ min: perKm(resolved.value), max: perKm(resolved.value) }, unit);
        }
        case 'bpm':
            return `${resolved.value}${resolved.max !== undefined ? `–${resolved.max}` : ''} bpm`;
        case 'w':
            return `${resolved.value}${resolved.max !== undefined ? `–${resolved.max}` : ''} W`;
        default:
            return `${resolved.value}${resolved.max !== undefined ? `–${resolved.max}` : ''} ${resolved.unit}`;
    }
}

const zoneWord = (load: Load) => (load.max !== undefined ? `zones ${load.value}–${load.max}` : `zone ${load.value}`);
const span = (load: Load) => (load.max !== undefined ? `${load.value}–${load.max}` : String(load.value));

/**
 * A run target as a runner reads it (`5K pace`, `4:20–4:30/km`, `zone 2`, `80% max HR`,
 * `90% FTP`, `12 km/h`), with its number for the athlete when it has one (`5K pace (4:30/km)`);
 * undefined for targets that are not a run's.
 */
export function describeRunTarget(load: Load): string | undefined {
    const resolved = load.resolved ? ` (${describeResolved(load.resolved)})` : '';
    const paceUnit = load.unit === 'min/mi' ? 'mi' : 'km';
    switch (load.kind) {
        case 'pace': {
            const at = (seconds: number) => formatPace(perKm(seconds, load.unit), paceUnit);
            const written = load.progression && load.max !== undefined ? `${at(load.value ?? 0)} → ${at(load.max)}`
                : load.max !== undefined ? formatPaceBand({ min: perKm(load.value ?? 0, load.unit), max: perKm(load.max, load.unit) }, paceUnit) : at(load.value ?? 0);
            return written + resolved;
        }
        case 'named-pace':
            return (load.progression && load.toPace ? `${describeNamedPace(load.pace ?? '')} → ${describeNamedPace(load.toPace)}` : describeNamedPace(load.pace ?? '')) + resolved;
        case 'hr-zone':
            return zoneWord(load) + resolved;
        case 'heart-rate':
            return `${span(load)} bpm`;
        case 'percent-hrmax':
            return `${span(load)}% max HR${resolved}`;
        case 'percent-lthr':
            return `${span(load)}% LTHR${resolved}`;
        case 'power':
            return `${span(load)} W`;
        case 'percent-ftp':
            return `${span(load)}% FTP${resolved}`;
        case 'speed':
            return `${span(load)} ${load.unit === 'mph' ? 'mph' : 'km/h'}`;
        case 'incline':
            return `${span(load)}% incline`;
        default:
            return undefined;
    }
}
