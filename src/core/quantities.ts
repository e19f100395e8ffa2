/**
 * Amounts as coaches write them (`15`, `30s`, `1h30min`, `400m`, `12kg`, `70%`) turned into
 * numbers with a known kind. Pure functions: the validator, the model compiler and the editor
 * features all read amounts through this file.
 */

export type QuantityKind = 'count' | 'seconds' | 'meters' | 'kg' | 'lb' | 'percent';

export interface Quantity {
    readonly kind: QuantityKind;
    readonly value: number;
}

export interface QuantityRange {
    readonly kind: QuantityKind;
    readonly min: number;
    readonly max: number;
}

const SECONDS_PER_UNIT: Record<string, number> = {
    h: 3600, hr: 3600, hrs: 3600,
    min: 60, mins: 60,
    s: 1, sec: 1, secs: 1
};

const METERS_PER_UNIT: Record<string, number> = { m: 1, km: 1000, mi: 1609.344 };

const COUNT = /^[0-9]+(?:\.[0-9]+)?$/;
const SINGLE_UNIT = /^([0-9]+(?:\.[0-9]+)?)(km|mi|m|kg|lbs|lb|%)$/;
/** One `<number><unit>` part of a duration, matched only where the previous part ended (sticky). */
const DURATION_PART = /([0-9]+(?:\.[0-9]+)?)(hrs|hr|h|mins|min|secs|sec|s)/y;

/**
 * `1h30min` → 5400: the parts must follow each other with nothing between them. Each part is
 * matched where the last one ended, so the time is linear in the length of the text (an
 * unanchored search retried every start position: a 200 KB number took 18 s to check).
 */
function durationSeconds(text: string): number | undefined {
    const part = DURATION_PART;
    let seconds = 0;
    let at = 0;
    while (at < text.length) {
        part.lastIndex = at;
        const match = part.exec(text);
        if (!match) {
            return undefined;
        }
        seconds += Number(match[1]) * SECONDS_PER_UNIT[match[2]];
        at = part.lastIndex;
    }
    return at > 0 ? seconds : undefined;
}

/** Parses one amount token; `undefined` for text that is not an amount. */
export function parseQuantity(text: string): Quantity | undefined {
    const trimmed = text.trim();
    if (COUNT.test(trimmed)) {
        return { kind: 'count', value: Number(trimmed) };
    }
    const seconds = durationSeconds(trimmed);
    if (seconds !== undefined) {
        return { kind: 'seconds', value: seconds };
    }
    const single = SINGLE_UNIT.exec(trimmed);
    if (!single) {
        return undefined;
    }
    const value = Number(single[1]);
    const unit = single[2];
    if (unit in METERS_PER_UNIT) {
        return { kind: 'meters', value: value * METERS_PER_UNIT[unit] };
    }
    if (unit === '%') {
        return { kind: 'percent', value };
    }
    return { kind: unit === 'kg' ? 'kg' : 'lb', value };
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
    /** Any time: a hold, a timed effort, a cap, an interval, a rest, `per-rep`. */
    seconds: 24 * 3600,
    /** Any distance: 1000 km. */
    meters: 1_000_000,
    kg: 1_000,
    lb: 2_200,
    /** A load in percent of one-rep max. */
    percent: 300,
    /** `@ rpe N`: the scale ends at 10 (`invalid-load` above it). */
    rpe: 10,
    /** `week N` in a plan. */
    week: 1_000
} as const;

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
        return { kind: min.kind, min: min.value, max: max.value };
    }
    if (min.kind === 'count' && maxText !== undefined) {
        const rescaled = parseQuantity(minText + unitSuffix(maxText));
        if (rescaled && rescaled.kind === max.kind) {
            return { kind: max.kind, min: rescaled.value, max: max.value };
        }
    }
    return 'units-differ';
}

function unitSuffix(text: string): string {
    const match = /[a-z%]+$/.exec(text.trim());
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
