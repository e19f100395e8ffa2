/**
 * Athlete profiles (docs/language.md, "Athletes"): the facts a coach writes about an athlete
 * (`5k: 22:30`, `max-hr: 188`, `1rm back-squat: 100kg`) read into the model, and a session
 * rendered for one athlete: named paces become minutes per km, zones become bpm, %1RM and %TM
 * become kilograms or pounds rounded to plates, and runs are timed at her paces. A target her
 * profile cannot give a number for is reported (`target-needs-profile`), never guessed.
 *
 * Pure functions of the model: the compiler, the command line (`--athlete`) and the preview use them.
 */
import { specOf } from './block-kinds.js';
import { estimateBlockSeconds, estimateEntrySeconds, itemPasses, setsOf, setWorkSeconds } from './estimate.js';
import { AMOUNT_LIMITS, limitOfKind, parseQuantity } from './quantities.js';
import { clockSeconds, readPace } from './run-targets.js';
import {
    defaultPaceSource, describeNamedPace, entryIntensity, entryTargets, isHard, METERS_PER_MILE, namedPaceOf,
    paceOf, raceMetersOf, runSecondsPerKm, zoneBpm, type RunnerFacts
} from './running.js';
import type { PlanLevelName } from './plan-rules.js';
import type {
    AthleteModel, BlockModel, DistanceUnit, EntryModel, ItemModel, Load, PlanModel, PlanWeekModel, ResolvedTarget, RunSummary, SessionModel,
    WeightFact, WorkoutModel
} from './session-model.js';

// ---- reading a profile ------------------------------------------------------------------------

export function emptyAthlete(id: string, name: string, line: number): AthleteModel {
    return { id, name, line, races: [], paces: {}, oneRepMax: {}, trainingMax: {} };
}

export interface FactProblem {
    severity: 'error' | 'warning';
    message: string;
}

const RACE_WORDS: Readonly<Record<string, number>> = {
    mile: METERS_PER_MILE, marathon: 42195, 'half-marathon': 21097.5, half: 21097.5, hm: 21097.5
};

/**
 * A fact's number, or undefined over the hard limit of its kind (core/quantities.ts): a fact
 * beyond it is refused like an unreadable one (`invalid-athlete-fact`), so no profile holds
 * Infinity (a race time of 400 digits did).
 */
function withinLimits(value: number | undefined, limit: number): number | undefined {
    return value !== undefined && value <= limit ? value : undefined;
}

/** `5k`, `10 km`, `1mi`, `1500m`, `half-marathon` → meters; undefined for any other word. */
export function raceDistanceOf(text: string): number | undefined {
    return withinLimits(raceMeters(text), AMOUNT_LIMITS.meters);
}

function raceMeters(text: string): number | undefined {
    const word = text.trim().toLowerCase().replace(/\s+/g, '');
    if (Object.hasOwn(RACE_WORDS, word)) {
        return RACE_WORDS[word];
    }
    const k = /^([0-9]+(?:\.[0-9]+)?)k$/.exec(word);
    if (k) {
        return Number(k[1]) * 1000;
    }
    const quantity = parseQuantity(word);
    return quantity?.kind === 'meters' && quantity.value > 0 ? quantity.value : undefined;
}

/** `22:30`, `1:45:30`, `47min10s` → seconds. */
function timeOf(text: string): number | undefined {
    const quantity = parseQuantity(text);
    return withinLimits(clockSeconds(text) ?? (quantity?.kind === 'seconds' ? quantity.value : undefined), AMOUNT_LIMITS.seconds);
}

function weightOf(text: string): WeightFact | undefined {
    const quantity = parseQuantity(text);
    return quantity && (quantity.kind === 'kg' || quantity.kind === 'lb') && quantity.value > 0 && quantity.value <= limitOfKind(quantity.kind)
        ? { value: quantity.value, unit: quantity.kind } : undefined;
}

function wholeNumber(text: string, unit?: RegExp): number | undefined {
    const match = /^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)$/.exec(text.trim());
    if (!match || (match[2] !== '' && !(unit?.test(match[2]) ?? false))) {
        return undefined;
    }
    const value = Number(match[1]);
    return value > 0 ? value : undefined;
}

/** Heart rates a profile may give: the words for each, where it goes, and what a heart can beat. */
const HEART_RATE_FACTS: ReadonlyArray<{ keys: string[]; field: 'maxHr' | 'lthr' | 'restingHr'; range: [number, number]; example: number }> = [
    { keys: ['max-hr', 'hrmax', 'mhr', 'maxhr', 'max-heart-rate'], field: 'maxHr', range: [100, 240], example: 188 },
    { keys: ['lthr', 'threshold-hr', 'lactate-threshold-hr'], field: 'lthr', range: [80, 230], example: 172 },
    { keys: ['resting-hr', 'rhr', 'rest-hr'], field: 'restingHr', range: [25, 120], example: 52 }
];

/** The facts an athlete may have, for messages and completion. */
export const ATHLETE_FACT_EXAMPLES = [
    '5k: 22:30', '10k: 47:10', 'half-marathon: 1:45:00', 'recent-race: 10k 47:10', 'threshold-pace: 4:35/km', 'easy-pace: 6:00/km',
    'max-hr: 188', 'lthr: 172', 'resting-hr: 52', 'ftp: 250w', '1rm back-squat: 100kg', 'tm bench-press: 80kg', 'bodyweight: 62kg',
    'units: km', 'level: intermediate'
];

/**
 * Reads one fact into the athlete. `resolveExercise` names the exercise of a `1rm`/`tm` fact by
 * the id entries use (the catalog's, or a definition's name).
 */
export function applyFact(athlete: AthleteModel, keyText: string, valueText: string, resolveExercise: (name: string) => string): FactProblem | undefined {
    // The formatter may space `1rm` and `5k` as `1 rm` and `5 k`: the same words.
    const key = keyText.trim().replace(/\s+/g, ' ').toLowerCase().replace(/^1 rm\b/, '1rm').replace(/^([0-9.]+) (k|km|mi|m)\b/, '$1$2');
    const value = valueText.trim().replace(/\s+/g, ' ');
    const bad = (what: string, example: string): FactProblem => ({ severity: 'error', message: `\`${keyText.trim()}\` needs ${what}, like \`${example}\`.` });
    const lift = /^(1rm|1-rm|one-rep-max|tm|training-max)\s+(.+)$/.exec(key);
    if (lift) {
        const weight = weightOf(value);
        if (!weight) {
            return bad('a weight', `${lift[1]} ${lift[2]}: 100kg`);
        }
        const table = lift[1] === 'tm' || lift[1] === 'training-max' ? athlete.trainingMax : athlete.oneRepMax;
        table[resolveExercise(lift[2])] = weight;
        return undefined;
    }
    const heart = HEART_RATE_FACTS.find(fact => fact.keys.includes(key));
    if (heart) {
        const bpm = wholeNumber(value, /^bpm$/i);
        if (bpm === undefined || bpm < heart.range[0] || bpm > heart.range[1]) {
            return bad(`a heart rate in beats per minute between ${heart.range[0]} and ${heart.range[1]}`, `${keyText.trim()}: ${heart.example}`);
        }
        athlete[heart.field] = bpm;
        return undefined;
    }
    switch (key) {
        case 'recent-race': case 'race': case 'pb': case 'pr': {
            const [distance, time] = value.split(' ').length >= 2 ? [value.split(' ').slice(0, -1).join(''), value.split(' ').at(-1)!] : [value, ''];
            const meters = raceDistanceOf(distance);
            const seconds = timeOf(time);
            if (meters === undefined || seconds === undefined || seconds <= 0) {
                return bad('a race distance and a time', `${keyText.trim()}: 10k 47:10`);
            }
            athlete.races.push({ meters, seconds });
            return undefined;
        }
        case 'ftp': case 'power': case 'threshold-power': {
            const watts = wholeNumber(value, /^(w|watts)$/i);
            if (watts === undefined || watts > 1000) {
                return bad('a power in watts', 'ftp: 250w');
            }
            athlete.ftpWatts = watts;
            return undefined;
        }
        case 'bodyweight': case 'bw': case 'weight': case 'body-weight': {
            const weight = weightOf(value);
            if (!weight) {
                return bad('a weight', 'bodyweight: 62kg');
            }
            athlete.bodyweight = weight;
            return undefined;
        }
        case 'units': case 'unit': {
            const unit = /^(km|kilometers|kilometres|metric)$/i.test(value) ? 'km' : /^(mi|miles|mile|imperial)$/i.test(value) ? 'mi' : undefined;
            if (!unit) {
                return bad('`km` or `mi`', 'units: km');
            }
            athlete.units = unit;
            return undefined;
        }
        case 'level': {
            const level = value.toLowerCase();
            if (level !== 'beginner' && level !== 'intermediate' && level !== 'advanced') {
                return bad('beginner, intermediate or advanced', 'level: intermediate');
            }
            athlete.level = level;
            return undefined;
        }
    }
    const pace = namedPaceOf(key) ?? namedPaceOf(`${key}-pace`);
    if (pace && /\//.test(value)) {
        const read = readPace(value);
        if (!read || withinLimits(Math.max(read.value, read.max ?? 0), AMOUNT_LIMITS.seconds) === undefined) {
            return bad('a pace', `${keyText.trim()}: 4:35/km`);
        }
        const middle = read.max !== undefined ? (read.value + read.max) / 2 : read.value;
        athlete.paces[pace] = read.unit === 'min/mi' ? middle / (METERS_PER_MILE / 1000) : middle;
        return undefined;
    }
    const meters = raceDistanceOf(key) ?? (pace ? raceMetersOf(pace) : undefined);
    if (meters !== undefined) {
        const seconds = timeOf(value);
        if (seconds === undefined || seconds <= 0) {
            return bad('a race time', `${keyText.trim()}: 22:30`);
        }
        athlete.races.push({ meters, seconds });
        return undefined;
    }
    return {
        severity: 'warning',
        message: `\`${keyText.trim()}\` is not a fact the tools use: write e.g. ${ATHLETE_FACT_EXAMPLES.slice(0, 8).map(example => `\`${example}\``).join(', ')}.`
    };
}

// ---- paces for an athlete ---------------------------------------------------------------------

/**
 * The runner the estimates use: the athlete's races and paces (else the defaults of her level, or
 * of `level`), her heart rates and FTP.
 */
export function runnerOf(athlete: AthleteModel | undefined, level: PlanLevelName = 'intermediate'): RunnerFacts {
    const defaults = defaultPaceSource(athlete?.level ?? level);
    if (!athlete) {
        return defaults;
    }
    const races = athlete.races.length > 0 ? athlete.races : Object.keys(athlete.paces).length > 0 ? [] : defaults.races;
    return { races, paces: athlete.paces, maxHr: athlete.maxHr, lthr: athlete.lthr, ftpWatts: athlete.ftpWatts };
}

/**
 * The runner the estimates assume for a level, as an athlete: only the 5K time of the level
 * (DEFAULT_5K_SECONDS). What a named pace means when nobody is named, for a tool that must give
 * a number (a watch's pace band); it has no heart rates or power, so those stay unresolved.
 */
export function typicalAthlete(level: PlanLevelName = 'intermediate'): AthleteModel {
    return { ...emptyAthlete(`typical-${level}`, `a typical ${level} runner`, 0), races: [...defaultPaceSource(level).races], level };
}

/** The athlete's own facts only (no defaults): what targets are resolved with. */
function ownRunner(athlete: AthleteModel): RunnerFacts {
    return { races: athlete.races, paces: athlete.paces, maxHr: athlete.maxHr, lthr: athlete.lthr, ftpWatts: athlete.ftpWatts };
}

// ---- resolving targets ------------------------------------------------------------------------

/** Plates: loads are rounded to 2.5 kg or 5 lb. */
export const PLATE_STEP: Readonly<Record<'kg' | 'lb', number>> = { kg: 2.5, lb: 5 };
/** A training max taken from a one-rep max when only that is known (Wendler's 5/3/1 convention). */
export const TRAINING_MAX_SHARE = 0.9;

export function roundToPlates(weight: number, unit: 'kg' | 'lb'): number {
    return Math.round(weight / PLATE_STEP[unit]) * PLATE_STEP[unit];
}

/** What the profile lacks for a target, in words for a message. */
export type Resolution = { resolved: ResolvedTarget } | { needs: string } | undefined;

const key = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function liftOf(table: Record<string, WeightFact>, exercise: string): WeightFact | undefined {
    if (Object.hasOwn(table, exercise)) {
        return table[exercise];
    }
    const wanted = key(exercise);
    return Object.entries(table).find(([id]) => key(id) === wanted)?.[1];
}

/** The number one target asks of this athlete; `needs` says what the profile lacks. */
export function resolveTarget(load: Load, exercise: string, exerciseName: string, athlete: AthleteModel): Resolution {
    const unit = athlete.units ?? 'km';
    const paceUnit = unit === 'mi' ? 's/mi' : 's/km';
    const inUnit = (secondsPerKm: number) => (unit === 'mi' ? secondsPerKm * METERS_PER_MILE / 1000 : secondsPerKm);
    const value = load.value ?? 0;
    const band = (low: number, high: number | undefined, resolvedUnit: ResolvedTarget['unit']): ResolvedTarget =>
        (high !== undefined && Math.round(high) !== Math.round(low) ? { value: Math.round(low), max: Math.round(high), unit: resolvedUnit } : { value: Math.round(low), unit: resolvedUnit });
    switch (load.kind) {
        case 'named-pace': {
            const runner = ownRunner(athlete);
            const from = load.pace ? paceOf(load.pace, runner) : undefined;
            const to = load.progression && load.toPace ? paceOf(load.toPace, runner) : undefined;
            if (!from || (load.progression && !to)) {
                const missing = !from ? load.pace : load.toPace;
                return { needs: `a race time (\`5k: 22:30\`) or \`${missing === 'threshold' ? 'threshold-pace' : `${missing}-pace`}: …/km\` to work out ${describeNamedPace(missing ?? '')}` };
            }
            return { resolved: to ? band(inUnit((from.min + from.max) / 2), inUnit((to.min + to.max) / 2), paceUnit) : band(inUnit(from.min), inUnit(from.max), paceUnit) };
        }
        case 'hr-zone': {
            const bpm = zoneBpm(value, load.max ?? value, athlete);
            return bpm ? { resolved: band(bpm.min, bpm.max, 'bpm') } : { needs: '`lthr: …` or `max-hr: …` to turn zones into heart rates' };
        }
        case 'percent-hrmax':
            return athlete.maxHr ? { resolved: band(athlete.maxHr * value / 100, load.max !== undefined ? athlete.maxHr * load.max / 100 : undefined, 'bpm') }
                : { needs: '`max-hr: …`' };
        case 'percent-lthr':
            return athlete.lthr ? { resolved: band(athlete.lthr * value / 100, load.max !== undefined ? athlete.lthr * load.max / 100 : undefined, 'bpm') }
                : { needs: '`lthr: …`' };
        case 'percent-ftp':
            return athlete.ftpWatts ? { resolved: band(athlete.ftpWatts * value / 100, load.max !== undefined ? athlete.ftpWatts * load.max / 100 : undefined, 'w') }
                : { needs: '`ftp: …w`' };
        case 'percent-1rm':
        case 'percent-tm': {
            const oneRm = liftOf(athlete.oneRepMax, exercise);
            const tm = liftOf(athlete.trainingMax, exercise) ?? (load.kind === 'percent-tm' && oneRm ? { value: oneRm.value * TRAINING_MAX_SHARE, unit: oneRm.unit } : undefined);
            const base = load.kind === 'percent-tm' ? tm : oneRm;
            if (!base) {
                return { needs: `\`${load.kind === 'percent-tm' ? 'tm' : '1rm'} ${exercise}: …kg\` for ${exerciseName}` };
            }
            const low = roundToPlates(base.value * value / 100, base.unit);
            const high = load.max !== undefined ? roundToPlates(base.value * load.max / 100, base.unit) : undefined;
            return { resolved: high !== undefined && high !== low ? { value: low, max: high, unit: base.unit } : { value: low, unit: base.unit } };
        }
        case 'pace':
            if ((load.unit === 'min/mi') !== (unit === 'mi')) {
                const toKm = (seconds: number) => (load.unit === 'min/mi' ? seconds / (METERS_PER_MILE / 1000) : seconds);
                return { resolved: band(inUnit(toKm(value)), load.max !== undefined ? inUnit(toKm(load.max)) : undefined, paceUnit) };
            }
            return undefined;
        default:
            return undefined;
    }
}

/** A target the athlete's profile cannot give a number for. */
export interface TargetProblem {
    /** The 1-based line of the entry, in `file` when it is not the rendered file. */
    line: number;
    file?: string;
    message: string;
}

// ---- a session for an athlete -----------------------------------------------------------------

interface Walk {
    readonly athlete?: AthleteModel;
    readonly runner: RunnerFacts;
    readonly problems: TargetProblem[];
    readonly file?: string;
}

function resolveEntry(entry: EntryModel, walk: Walk): void {
    if (!walk.athlete) {
        return;
    }
    for (const load of entryTargets(entry)) {
        const result = resolveTarget(load, entry.exercise, entry.name, walk.athlete);
        if (result && 'resolved' in result) {
            load.resolved = result.resolved;
        } else if (result) {
            delete load.resolved;
            walk.problems.push({ line: entry.line, ...(walk.file ? { file: walk.file } : {}), message: needsMessage(entry, load, result.needs, walk.athlete) });
        }
    }
}

function needsMessage(entry: EntryModel, load: Load, needs: string, athlete: AthleteModel): string {
    return `${entry.name} @ ${describeTargetKind(load)}: ${athlete.name}'s profile has nothing to turn it into a number; add ${needs}.`;
}

/** What an athlete's profile cannot resolve among an entry's targets, as messages. */
export function targetNeeds(entry: EntryModel, athlete: AthleteModel): string[] {
    return entryTargets(entry).flatMap(load => {
        const result = resolveTarget(load, entry.exercise, entry.name, athlete);
        return result && 'needs' in result ? [needsMessage(entry, load, result.needs, athlete)] : [];
    });
}

function describeTargetKind(load: Load): string {
    switch (load.kind) {
        case 'named-pace':
            return load.progression ? `${describeNamedPace(load.pace ?? '')} to ${describeNamedPace(load.toPace ?? '')}` : describeNamedPace(load.pace ?? '');
        case 'hr-zone':
            return `zone ${load.value}${load.max !== undefined ? `–${load.max}` : ''}`;
        case 'percent-hrmax':
            return `${load.value}% of max heart rate`;
        case 'percent-lthr':
            return `${load.value}% of threshold heart rate`;
        case 'percent-ftp':
            return `${load.value}% of FTP`;
        case 'percent-1rm':
            return `${load.value}% 1RM`;
        case 'percent-tm':
            return `${load.value}% TM`;
        default:
            return 'this target';
    }
}

/** Re-times what depends on pace: run distances and distance recoveries. */
function retimeEntry(entry: EntryModel, runner: RunnerFacts): void {
    if ((entry.meters && entry.run) || entry.restMeters !== undefined) {
        if (!entry.reps && !entry.repScheme && !entry.maxEffort) {
            entry.estimatedSeconds = estimateEntrySeconds(entry, undefined, runner);
        }
    }
}

function walkItems(items: ItemModel[], walk: Walk): void {
    for (const item of items) {
        if (item.type === 'entry') {
            resolveEntry(item, walk);
            retimeEntry(item, walk.runner);
            if (item.run) {
                item.intensity = entryIntensity(item, walk.runner);
            }
        } else if (item.type === 'rest') {
            if (item.meters !== undefined) {
                item.estimatedSeconds = estimateRestSeconds(item.meters, item.activity, walk.runner);
            }
        } else {
            walkBlock(item, walk);
        }
    }
}

function walkBlock(block: BlockModel, walk: Walk): void {
    walkItems(block.entries, walk);
    if (block.load && walk.athlete) {
        const result = resolveTarget(block.load, '', '', walk.athlete);
        if (result && 'resolved' in result) {
            block.load.resolved = result.resolved;
        }
    }
    block.estimatedSeconds = estimateBlockSeconds(block);
}

/** Seconds of a recovery over a distance (`rest 400m jog`). */
export function estimateRestSeconds(meters: number, activity: string | undefined, runner: RunnerFacts): number {
    return estimateEntrySeconds({
        type: 'entry', exercise: '', name: '', known: false, sets: 1, side: 'both', line: 0, estimatedSeconds: 0, restMeters: meters,
        ...(activity ? { restActivity: activity } : {})
    }, undefined, runner);
}

/** Re-times a workout and resolves its targets in place; `walk.athlete` absent only re-times. */
function walkWorkout(workout: WorkoutModel, walk: Walk): void {
    workout.blocks.forEach(block => walkBlock(block, walk));
    workout.estimatedSeconds = workout.blocks.reduce((sum, block) => sum + block.estimatedSeconds, 0);
    const run = runSummary(workout.blocks, walk.runner);
    if (run) {
        workout.run = run;
    } else {
        delete workout.run;
    }
}

// ---- running volume ---------------------------------------------------------------------------

/** The running of some items: distance, time and hard time, counted through their blocks' passes. */
export function runSummary(items: readonly ItemModel[], runner: RunnerFacts): RunSummary | undefined {
    const total = { meters: 0, seconds: 0, hardSeconds: 0 };
    const unitMeters: Partial<Record<DistanceUnit, number>> = {};
    let runs = 0;
    const visit = (list: readonly ItemModel[], times: number, parent?: BlockModel) => {
        // Read once per block, not once per item: a block may hold thousands.
        const passesOfItem = itemPasses(parent);
        const amongRuns = parent !== undefined && list.some(inner => inner.type === 'entry' && inner.run);
        for (const item of list) {
            const passes = passesOfItem(item) * times;
            if (item.type === 'block') {
                visit(item.entries, passes, item);
                const allRuns = item.entries.length > 0 && item.entries.every(inner => inner.type !== 'entry' || inner.run);
                if (allRuns && item.restSeconds && (specOf(item).passes(item, 0) > 1)) {
                    total.seconds += Math.max(0, (item.rounds ?? 1) - 1) * item.restSeconds * passes;
                }
            } else if (item.type === 'rest') {
                if (item.meters !== undefined && amongRuns) {
                    total.seconds += item.estimatedSeconds * passes;
                    if (item.activity !== 'walk' && item.activity !== 'standing') {
                        total.meters += item.meters * passes;
                    }
                }
            } else if (item.run) {
                runs++;
                const sets = setsOf(item) * passes;
                const pace = runSecondsPerKm(item, runner) ?? 360;
                const work = setWorkSeconds(item, undefined, runner);
                const meters = item.meters ? (item.meters.min + item.meters.max) / 2 : work / pace * 1000;
                total.meters += meters * sets;
                total.seconds += item.estimatedSeconds * passes;
                if (item.restMeters !== undefined && item.restActivity !== 'walk' && item.restActivity !== 'standing') {
                    total.meters += item.restMeters * sets;
                }
                if (isHard(entryIntensity(item, runner))) {
                    total.hardSeconds += work * sets;
                }
                if (item.meters && item.distanceUnit) {
                    const unit = item.distanceUnit === 'm' ? 'km' : item.distanceUnit;
                    unitMeters[unit] = (unitMeters[unit] ?? 0) + meters * sets;
                }
            }
        }
    };
    visit(items, 1);
    if (runs === 0) {
        return undefined;
    }
    const unit = (Object.entries(unitMeters) as Array<[DistanceUnit, number]>).sort((a, b) => b[1] - a[1])[0]?.[0];
    return {
        meters: Math.round(total.meters),
        seconds: Math.round(total.seconds),
        hardSeconds: Math.round(total.hardSeconds),
        ...(unit ? { unit } : {})
    };
}

/** Adds running summaries (a week of items). */
export function addRuns(runs: ReadonlyArray<RunSummary | undefined>): RunSummary | undefined {
    const present = runs.filter((run): run is RunSummary => run !== undefined);
    if (present.length === 0) {
        return undefined;
    }
    const byUnit = new Map<DistanceUnit, number>();
    for (const run of present) {
        if (run.unit) {
            byUnit.set(run.unit, (byUnit.get(run.unit) ?? 0) + run.meters);
        }
    }
    const unit = [...byUnit.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    return {
        meters: present.reduce((sum, run) => sum + run.meters, 0),
        seconds: present.reduce((sum, run) => sum + run.seconds, 0),
        hardSeconds: present.reduce((sum, run) => sum + run.hardSeconds, 0),
        ...(unit ? { unit } : {})
    };
}

/**
 * The running of each week and its growth over the heaviest earlier week: by distance when the
 * plan's runs state distances, else by time.
 */
export function markRunVolume(weeks: PlanWeekModel[], byDistance: boolean): void {
    let heaviest = 0;
    for (const week of weeks) {
        const volume = byDistance ? week.run?.meters ?? 0 : week.run?.seconds ?? 0;
        if (heaviest > 0 && volume > 0) {
            week.runGrowthPercent = Math.round(((volume - heaviest) / heaviest) * 1000) / 10;
        } else {
            delete week.runGrowthPercent;
        }
        heaviest = Math.max(heaviest, volume);
    }
}

/**
 * Whether a plan's running is measured by distance: when at least half of its running time is in
 * runs written as distances (`10km run`, `6 x 800m`); else by time (`45min easy-run`).
 */
export function planRunsByDistance(plan: Pick<PlanModel, 'weeks' | 'workouts'>): boolean {
    let distanceSeconds = 0;
    let allSeconds = 0;
    const count = (entry: EntryModel, times: number) => {
        if (entry.run) {
            allSeconds += entry.estimatedSeconds * times;
            distanceSeconds += entry.meters ? entry.estimatedSeconds * times : 0;
        }
    };
    const visit = (items: readonly ItemModel[], times: number) => items.forEach(item =>
        (item.type === 'entry' ? count(item, times) : item.type === 'block' && visit(item.entries, times)));
    const uses = new Map<string, number>();
    for (const week of plan.weeks) {
        for (const day of week.days) {
            for (const item of day.items) {
                if (item.entry) {
                    count(item.entry, 1);
                } else if (item.type === 'workout') {
                    uses.set(item.ref, (uses.get(item.ref) ?? 0) + 1);
                }
            }
        }
    }
    for (const workout of plan.workouts) {
        visit(workout.blocks, uses.get(workout.id) ?? 0);
    }
    return allSeconds > 0 && distanceSeconds * 2 >= allSeconds;
}

/** Recomputes an item's running, time and hardness after its entry or workout was re-timed. */
export function summarisePlanRuns(plan: PlanModel, runner: RunnerFacts, longRunSeconds: number): void {
    const workouts = new Map(plan.workouts.map(workout => [workout.id, workout]));
    for (const week of plan.weeks) {
        let runSeconds = 0;
        let strengthSeconds = 0;
        for (const day of week.days) {
            for (const item of day.items) {
                if (item.entry) {
                    item.estimatedSeconds = item.entry.estimatedSeconds;
                    const run = item.entry.run ? runSummary([item.entry], runner) : undefined;
                    setRun(item, run);
                    item.hard = Boolean(run && (run.hardSeconds > 0 || item.longRun)) || undefined;
                } else if (item.type === 'workout' && item.resolved) {
                    const workout = workouts.get(item.ref);
                    if (workout) {
                        item.estimatedSeconds = workout.estimatedSeconds;
                        setRun(item, workout.run);
                        item.hard = Boolean(workout.run && (workout.run.hardSeconds > 0 || item.longRun)) || undefined;
                    }
                }
                if (item.cardio && !item.longRun && item.run && item.estimatedSeconds >= longRunSeconds) {
                    item.longRun = true;
                    item.hard = true;
                }
                if (!item.hard) {
                    delete item.hard;
                }
                runSeconds += item.cardio ? item.estimatedSeconds : 0;
                strengthSeconds += item.strength ? item.estimatedSeconds : 0;
            }
        }
        week.runSeconds = Math.round(runSeconds);
        week.strengthSeconds = Math.round(strengthSeconds);
        const run = addRuns(week.days.flatMap(day => day.items.map(item => item.run)));
        if (run) {
            week.run = run;
        } else {
            delete week.run;
        }
    }
    markRunVolume(plan.weeks, planRunsByDistance(plan));
}

function setRun(item: { run?: RunSummary }, run: RunSummary | undefined): void {
    if (run) {
        item.run = run;
    } else {
        delete item.run;
    }
}

/** Re-times a plan's runs for a runner and resolves its targets for an athlete, in place. */
export function applyToPlan(plan: PlanModel, runner: RunnerFacts, longRunSeconds: number, athlete?: AthleteModel, problems: TargetProblem[] = []): void {
    const walkFor = (file?: string): Walk => ({ athlete, runner, problems, ...(file ? { file } : {}) });
    const fileOf = new Map<string, string | undefined>();
    for (const week of plan.weeks) {
        for (const day of week.days) {
            for (const item of day.items) {
                if (item.entry) {
                    const walk = walkFor();
                    resolveEntry(item.entry, walk);
                    retimeEntry(item.entry, runner);
                    if (item.entry.run) {
                        item.entry.intensity = entryIntensity(item.entry, runner);
                    }
                } else if (item.type === 'workout' && item.resolved && !fileOf.has(item.ref)) {
                    fileOf.set(item.ref, item.file);
                }
            }
        }
    }
    for (const workout of plan.workouts) {
        walkWorkout(workout, walkFor(fileOf.get(workout.id)));
    }
    summarisePlanRuns(plan, runner, longRunSeconds);
}

/** The default long-run threshold (plan-rules.ts), for plans re-timed outside the compiler. */
const LONG_RUN_SECONDS = 75 * 60;

/**
 * The session as rendered for one athlete: a copy with every target she has the facts for turned
 * into a number, and runs timed at her paces; `problems` lists what her profile cannot resolve.
 */
export function forAthlete(session: SessionModel, athlete: AthleteModel, longRunSeconds = LONG_RUN_SECONDS): { session: SessionModel; problems: TargetProblem[] } {
    const copy: SessionModel = structuredClone(session);
    const problems: TargetProblem[] = [];
    const runner = runnerOf(athlete);
    for (const workout of copy.workouts) {
        walkWorkout(workout, { athlete, runner, problems });
    }
    for (const plan of copy.plans) {
        applyToPlan(plan, runnerOf(athlete, plan.level), longRunSeconds, athlete, problems);
        plan.athlete = athlete.id;
    }
    copy.athlete = { id: athlete.id, name: athlete.name };
    // One problem per place and message: a workout used on several days is reported once.
    const seen = new Set<string>();
    return {
        session: copy,
        problems: problems.filter(problem => {
            const id = `${problem.file ?? ''}:${problem.line}:${problem.message}`;
            return seen.has(id) ? false : (seen.add(id), true);
        })
    };
}

/** The runs of some workouts, re-timed without an athlete (the compiler's defaults for a level). */
export function retimeWorkout(workout: WorkoutModel, runner: RunnerFacts): void {
    walkWorkout(workout, { runner, problems: [] });
}
