/**
 * What follows `@`, read from the words a coach wrote into the model's target union
 * (session-model.ts `Load`): `12kg`, `95/65lb`, `2x24kg`, `60-70%`, `65% tm`, `rpe 8-9`, `rir 2`,
 * `bw`, `24in`. Pure: the compiler builds the model with it and the checks word its problems.
 */
import { distanceUnitOf, METERS_PER_UNIT, parseQuantity, parseRange, type Quantity } from './quantities.js';
import type { Load } from './session-model.js';

/** The parts of one target as written (each a token's text). */
export interface TargetText {
    value?: string;
    max?: string;
    alternate?: string;
    /** `rpe` or `rir`. */
    scale?: string;
    /** `tm`: a percentage of the training max. */
    of?: string;
    /** `2x` of `2x24kg`. */
    implements?: string;
    bodyweight?: boolean;
}

export type TargetProblem =
    | { problem: 'scale-out-of-range'; scale: 'rpe' | 'rir' }
    | { problem: 'needs-unit' }
    | { problem: 'not-a-load' }
    | { problem: 'units-differ' }
    | { problem: 'not-positive' }
    | { problem: 'tm-needs-percent' };

const unitOf = (text: string | undefined): string => /[a-zA-Z%]+$/.exec(text?.trim() ?? '')?.[0] ?? '';

/** `95` in `95/65lb` takes the unit of `65lb`, like the lower end of a range. */
function withUnitOf(text: string, other: string | undefined): Quantity | undefined {
    const own = parseQuantity(text);
    if (own && own.kind === 'count' && other !== undefined) {
        return parseQuantity(text + unitOf(other)) ?? own;
    }
    return own;
}

/** RPE is rated 1–10; reps in reserve 0–10. */
const SCALE_RANGE = { rpe: [1, 10], rir: [0, 10] } as const;

export function readTarget(text: TargetText): Load | TargetProblem {
    if (text.bodyweight) {
        return { kind: 'bodyweight', value: null, unit: null };
    }
    if (text.scale === 'rpe' || text.scale === 'rir') {
        const scale = text.scale;
        const value = parseQuantity(text.value ?? '');
        const max = text.max !== undefined ? parseQuantity(text.max) : value;
        const [low, high] = SCALE_RANGE[scale];
        if (value?.kind !== 'count' || max?.kind !== 'count' || value.value < low || max.value > high || max.value < value.value) {
            return { problem: 'scale-out-of-range', scale };
        }
        return { kind: scale, value: value.value, unit: scale, ...(text.max !== undefined ? { max: max.value } : {}) };
    }
    const range = parseRange(text.value ?? '', text.max);
    if (range === 'units-differ') {
        return { problem: 'units-differ' };
    }
    if (range === 'not-an-amount') {
        return { problem: 'not-a-load' };
    }
    const main = text.max === undefined ? withUnitOf(text.value ?? '', text.alternate) : parseQuantity((text.value ?? '') + unitOf(text.max));
    const kind = main?.kind ?? range.kind;
    const unit = main?.unit ?? range.unit;
    if (kind === 'count') {
        return { problem: 'needs-unit' };
    }
    if (kind === 'seconds' || kind === 'calories') {
        return { problem: 'not-a-load' };
    }
    if (text.of === 'tm' && kind !== 'percent') {
        return { problem: 'tm-needs-percent' };
    }
    // A distance after `@` is a height (a box, a target): kept in the unit written.
    const written = (quantity: string | undefined, fallbackUnit: string): number | undefined => {
        if (quantity === undefined) {
            return undefined;
        }
        const match = /^[0-9]+(\.[0-9]+)?/.exec(quantity.trim());
        return match && (unitOf(quantity) === '' || parseQuantity(quantity)?.unit === fallbackUnit) ? Number(match[0]) : undefined;
    };
    const value = written(text.value, unit ?? '') ?? 0;
    const max = text.max !== undefined ? written(text.max, unit ?? '') : undefined;
    const alternateQuantity = text.alternate !== undefined ? withUnitOf(text.alternate, text.value) : undefined;
    if (alternateQuantity && alternateQuantity.kind !== kind) {
        return { problem: 'units-differ' };
    }
    const alternate = text.alternate !== undefined ? written(text.alternate, unit ?? '') : undefined;
    if (value <= 0 || (max !== undefined && max <= 0) || (alternate !== undefined && alternate <= 0)) {
        return { problem: 'not-positive' };
    }
    const implementsCount = text.implements ? parseInt(text.implements, 10) : undefined;
    const extra = {
        ...(max !== undefined ? { max } : {}),
        ...(alternate !== undefined ? { alternate } : {}),
        ...(implementsCount !== undefined ? { implements: implementsCount } : {})
    };
    if (kind === 'percent') {
        return { kind: text.of === 'tm' ? 'percent-tm' : 'percent-1rm', value, unit: '%', ...extra };
    }
    if (kind === 'meters') {
        return { kind: 'height', value, unit: distanceUnitOf(unit) ?? 'm', ...extra };
    }
    return { kind: 'weight', value, unit: kind === 'lb' ? 'lb' : kind === 'pood' ? 'pood' : 'kg', ...extra };
}

export function isTargetProblem(result: Load | TargetProblem): result is TargetProblem {
    return 'problem' in result;
}

/**
 * A time after `@` on a distance (`10 x 800m @ 3:20`, `6 x 400m @ 90s`): the time each repeat
 * should take, as track coaches write it, read as the pace that gives that time: per mile when
 * the distance is in miles or yards, else per km. Undefined when the target is not a time (or a
 * range of times) or there is no distance.
 */
export function splitPace(text: TargetText, meters: number, distanceUnit: string | undefined): Load | undefined {
    const time = parseRange(text.value ?? '', text.max);
    if (text.scale || text.of || text.alternate !== undefined || typeof time === 'string' || time.kind !== 'seconds'
        || !(meters > 0) || !(time.min > 0) || time.max < time.min) {
        return undefined;
    }
    const perMile = distanceUnit === 'mi' || distanceUnit === 'yd';
    const perUnit = (seconds: number) => seconds / (meters / (perMile ? METERS_PER_UNIT.mi : 1000));
    return { kind: 'pace', value: perUnit(time.min), ...(time.max > time.min ? { max: perUnit(time.max) } : {}), unit: perMile ? 'min/mi' : 'min/km' };
}
