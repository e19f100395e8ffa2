/**
 * Amounts as coaches write them (`15`, `30s`, `1h30min`, `400m`, `12kg`, `70%`) turned into
 * numbers with a known kind. Pure functions: the validator, the model compiler and the editor
 * features all read amounts through this file.
 */

export type QuantityKind = 'count' | 'seconds' | 'meters' | 'kg' | 'lb' | 'pood' | 'percent' | 'calories';

/** Distance units as coaches write them; the model keeps meters for the math and this for display. */
export type DistanceUnit = 'm' | 'km' | 'mi' | 'yd' | 'ft' | 'in' | 'cm';

export interface Quantity {
    readonly kind: QuantityKind;
    /** Seconds, meters, calories, a count, a percentage, or a load in its own unit (kg, lb, pood). */
    readonly value: number;
    /** The unit as written, in its short form (`miles` → `mi`); absent for a bare number. */
    readonly unit?: string;
}

export interface QuantityRange {
    readonly kind: QuantityKind;
    readonly min: number;
    readonly max: number;
    readonly unit?: string;
}

interface UnitFacts {
    readonly kind: QuantityKind;
    /** Short form of the unit. */
    readonly unit: string;
    /** Value of one unit in the kind's base (seconds, meters; 1 for loads and counts). */
    readonly factor: number;
}

const unit = (kind: QuantityKind, short: string, factor: number, words: string[]): Array<[string, UnitFacts]> =>
    words.map(word => [word, { kind, unit: short, factor }]);

/** Every unit word the lexer accepts (src/language/workout.langium), singular and plural. */
const UNITS: ReadonlyMap<string, UnitFacts> = new Map([
    ...unit('seconds', 'h', 3600, ['h', 'hr', 'hrs', 'hour', 'hours']),
    ...unit('seconds', 'min', 60, ['min', 'mins', 'minute', 'minutes']),
    ...unit('seconds', 's', 1, ['s', 'sec', 'secs', 'second', 'seconds']),
    ...unit('meters', 'm', 1, ['m', 'meter', 'meters', 'metre', 'metres']),
    ...unit('meters', 'km', 1000, ['k', 'km', 'kilometer', 'kilometers', 'kilometre', 'kilometres']),
    ...unit('meters', 'mi', 1609.344, ['mi', 'mile', 'miles']),
    ...unit('meters', 'yd', 0.9144, ['yd', 'yard', 'yards']),
    ...unit('meters', 'ft', 0.3048, ['ft', 'foot', 'feet']),
    ...unit('meters', 'in', 0.0254, ['in', 'inch', 'inches']),
    ...unit('meters', 'cm', 0.01, ['cm']),
    ...unit('kg', 'kg', 1, ['kg', 'kgs', 'kilo', 'kilos']),
    ...unit('lb', 'lb', 1, ['lb', 'lbs', 'pound', 'pounds']),
    ...unit('pood', 'pood', 1, ['pood', 'poods']),
    ...unit('percent', '%', 1, ['%']),
    ...unit('calories', 'cal', 1, ['cal', 'cals', 'calorie', 'calories'])
]);

/** Meters in one unit of distance. */
export const METERS_PER_UNIT: Readonly<Record<DistanceUnit, number>> = { m: 1, km: 1000, mi: 1609.344, yd: 0.9144, ft: 0.3048, in: 0.0254, cm: 0.01 };

const isDigit = (code: number) => code >= 48 && code <= 57;
const isUnitChar = (char: string) => (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '%';

/**
 * Parses one amount token (`15`, `30s`, `1h30min`, `400 m`, `2.5 miles`, `12kg`, `70%`, `20 cal`);
 * `undefined` for text that is not an amount. One pass over the text: its time is linear in its length.
 */
export function parseQuantity(text: string): Quantity | undefined {
    const source = text.trim();
    if (source.includes(':')) {
        return clockTime(source);
    }
    let index = 0;
    let total = 0;
    let found: UnitFacts | undefined;
    let parts = 0;
    while (index < source.length) {
        const start = index;
        while (index < source.length && isDigit(source.charCodeAt(index))) {
            index++;
        }
        if (index === start) {
            return undefined;
        }
        if (source[index] === '.') {
            const fraction = ++index;
            while (index < source.length && isDigit(source.charCodeAt(index))) {
                index++;
            }
            if (index === fraction) {
                return undefined;
            }
        }
        const value = Number(source.slice(start, index));
        while (source[index] === ' ' || source[index] === '\t') {
            index++;
        }
        const wordStart = index;
        while (index < source.length && isUnitChar(source[index])) {
            index++;
        }
        const word = source.slice(wordStart, index);
        parts++;
        if (word === '') {
            // A bare number: the whole text, or nothing.
            return parts === 1 && index === source.length ? { kind: 'count', value } : undefined;
        }
        const facts = UNITS.get(word) ?? UNITS.get(word.toLowerCase());
        // Only durations chain (`1h30min`); every other amount is one number and one unit.
        if (!facts || (found && (found.kind !== 'seconds' || facts.kind !== 'seconds'))) {
            return undefined;
        }
        found = facts;
        total += value * facts.factor;
    }
    if (!found) {
        return undefined;
    }
    return found.kind === 'seconds' ? { kind: 'seconds', value: total, unit: parts > 1 ? 's' : found.unit } : { kind: found.kind, value: total, unit: found.unit };
}

/**
 * The largest number the tools accept in each place a coach writes one: far above any real
 * program (the `implausible-amount` warning starts well below), so that a typo or a pasted
 * number is an error (`amount-out-of-range`) and never reaches an estimate or a renderer. The
 * compiler holds what it reads to these limits too, so even a model compiled from a file with
 * errors is finite. docs/language.md lists them.
 */
export const AMOUNT_LIMITS = {
    /** `N x` before an entry. */
    sets: 100,
    /** Reps in one set: a bare number as an entry's amount. */
    reps: 10_000,
    /** `N rounds`, `N sets < … >` and the count of `intervals N x`. */
    rounds: 1_000,
    /** Any time: a hold, a timed effort, a cap, an interval, a rest, `per-rep`, a tempo's phase, a pace per km or mile. */
    seconds: 24 * 3600,
    /** Any distance: 1000 km. */
    meters: 1_000_000,
    kg: 1_000,
    lb: 2_200,
    /** 16 kg each: about 1000 kg. */
    pood: 60,
    /** On a rower, bike or ski erg. */
    calories: 10_000,
    /** A load in percent of one-rep max. */
    percent: 300,
    /** `@ rpe N`: the scale ends at 10 (`invalid-load` above it). */
    rpe: 10,
    /** `week N` in a plan. */
    week: 1_000,
    /** A heart rate after `@` (`150bpm`). */
    bpm: 1_000,
    /** A power after `@` (`250w`). */
    watts: 10_000,
    /** A speed after `@`, in km/h or mph. */
    speed: 1_000
} as const;

/** What a check says of a number over its limit (`limitText`: `100 sets`, `24h`). */
export function outOfRangeMessage(limitText: string, advice = 'check the number'): string {
    return `This number is beyond what the tools accept (at most ${limitText}): ${advice}.`;
}

/** The limit of an amount of this kind; a plain count is reps. */
export function limitOfKind(kind: QuantityKind): number {
    return kind === 'count' ? AMOUNT_LIMITS.reps : AMOUNT_LIMITS[kind];
}

/** The value held to `[0, limit]`: what the compiler keeps of an out-of-range number (NaN is 0). */
export function withinLimit(value: number, limit: number): number {
    return Number.isNaN(value) ? 0 : Math.min(Math.max(value, 0), limit);
}

/** `10000 reps`, `24h`, `1000km`: a limit as the messages say it. */
export function describeLimit(kind: QuantityKind): string {
    const limit = limitOfKind(kind);
    switch (kind) {
        case 'count': return `${limit} reps`;
        case 'seconds': return formatSeconds(limit);
        case 'meters': return formatMeters(limit);
        case 'percent': return `${limit}%`;
        default: return `${limit}${kind}`;
    }
}

/** `1:30` (m:ss) → 90 s, `1:05:00` (h:mm:ss) → 3900 s; seconds and minutes after a colon are two digits under 60. */
function clockTime(source: string): Quantity | undefined {
    const parts = source.split(':');
    if (parts.length > 3 || !/^[0-9]+$/.test(parts[0]) || parts.slice(1).some(part => !/^[0-5][0-9]$/.test(part))) {
        return undefined;
    }
    return { kind: 'seconds', value: parts.reduce((total, part) => total * 60 + Number(part), 0), unit: 's' };
}

export type RangeProblem = 'not-an-amount' | 'units-differ';

/**
 * Parses `min` and optional `max` of a range. A bare number takes the unit of the other bound,
 * so `30-45s` is 30 to 45 seconds and `8-10` is 8 to 10 reps.
 */
export function parseRange(minText: string, maxText?: string): QuantityRange | RangeProblem {
    const min = parseQuantity(minText);
    const max = maxText === undefined ? min : parseQuantity(maxText);
    if (!min || !max) {
        return 'not-an-amount';
    }
    if (min.kind === max.kind) {
        return { kind: min.kind, min: min.value, max: max.value, unit: max.unit };
    }
    if (min.kind === 'count' && maxText !== undefined) {
        const rescaled = parseQuantity(minText + unitSuffix(maxText));
        if (rescaled && rescaled.kind === max.kind) {
            return { kind: max.kind, min: rescaled.value, max: max.value, unit: max.unit };
        }
    }
    return 'units-differ';
}

function unitSuffix(text: string): string {
    const match = /[a-zA-Z%]+$/.exec(text.trim());
    return match ? match[0] : '';
}

/** `75` → `1min 15s`, `3600` → `1h`: how the tools print durations back to a coach. */
export function formatSeconds(totalSeconds: number): string {
    const seconds = Math.round(totalSeconds);
    if (seconds < 60) {
        return `${seconds}s`;
    }
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = seconds % 60;
    return [hours ? `${hours}h` : '', minutes ? `${minutes}min` : '', rest ? `${rest}s` : ''].filter(Boolean).join(' ');
}

/** `1500` → `1.5km`, `400` → `400m`. */
export function formatMeters(meters: number): string {
    return meters >= 1000 ? `${Number((meters / 1000).toFixed(2))}km` : `${Math.round(meters)}m`;
}

/** A distance in the unit the coach wrote: `1 mi`, `2.5 mi`, `400m`, `5km`, `100 yd`. */
export function formatDistance(meters: number, unit: DistanceUnit | undefined): string {
    if (!unit || unit === 'm' || unit === 'km' || !Object.hasOwn(METERS_PER_UNIT, unit)) {
        return unit === 'km' ? `${Number((meters / 1000).toFixed(2))}km` : formatMeters(meters);
    }
    return `${Number((meters / METERS_PER_UNIT[unit]).toFixed(2))} ${unit}`;
}

/** The unit of a distance as the model keeps it, from the quantity's written unit. */
export function distanceUnitOf(unit: string | undefined): DistanceUnit | undefined {
    return unit !== undefined && Object.hasOwn(METERS_PER_UNIT, unit) ? unit as DistanceUnit : undefined;
}
