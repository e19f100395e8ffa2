/**
 * The targets of a run step after `@` (`4:30/km`, `5k-pace`, `easy to threshold`, `zone 2`,
 * `140-150bpm`, `80% hrmax`, `250w`, `90% ftp`, `12kph`) read into the model's target union
 * (session-model.ts `Load`), or the problem a check words. Pure: the compiler builds the model
 * with it and the checks use it; core/targets.ts reads the strength targets the same way.
 */
import { AMOUNT_LIMITS, formatSeconds, outOfRangeMessage } from './quantities.js';
import { namedPaceOf, NAMED_PACE_EXAMPLES } from './running.js';
import type { Load } from './session-model.js';

/** The parts of one run target as written (each a token's text). */
export interface RunTargetText {
    pace?: string;
    toPace?: string;
    named?: string;
    toNamed?: string;
    zone?: string;
    bpm?: string;
    power?: string;
    speed?: string;
    percent?: string;
    percentMax?: string;
    of?: string;
}

export type RunTargetProblem =
    | { problem: 'unknown-pace'; word: string }
    | { problem: 'pace-units-differ' }
    | { problem: 'zone-out-of-range' }
    | { problem: 'needs-percent'; of: string }
    | { problem: 'not-positive' }
    | { problem: 'range-inverted' }
    /** A number over its hard limit (core/quantities.ts), said as `limitText`. */
    | { problem: 'out-of-range'; limitText: string };

/** `4:30` → 270; `1:02:05` → 3725. */
export function clockSeconds(text: string): number | undefined {
    const match = /^([0-9]+):([0-5][0-9])(?::([0-5][0-9]))?(\.[0-9]+)?$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const [, a, b, c, fraction] = match;
    const seconds = c !== undefined ? Number(a) * 3600 + Number(b) * 60 + Number(c) : Number(a) * 60 + Number(b);
    return seconds + (fraction ? Number(fraction) : 0);
}

/** `4:20-4:30/km` → 260, 270 per km; `7:00/mi` per mile. */
export function readPace(text: string): { value: number; max?: number; unit: 'min/km' | 'min/mi' } | undefined {
    const match = /^([0-9:]+)(?:\s*-\s*([0-9:]+))?\s*\/\s*(km|mi|mile)$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const value = clockSeconds(match[1]);
    const max = match[2] !== undefined ? clockSeconds(match[2]) : undefined;
    if (value === undefined || (match[2] !== undefined && max === undefined)) {
        return undefined;
    }
    return { value, ...(max !== undefined ? { max } : {}), unit: match[3] === 'km' ? 'min/km' : 'min/mi' };
}

/** `140-150bpm`, `250 w`, `12kph`, `zone 2-3`: the numbers of a token and its unit word. */
function numbers(text: string): { value: number; max?: number; unit: string } | undefined {
    const match = /^(?:zone\s*|z)?([0-9]+(?:\.[0-9]+)?)(?:\s*-\s*(?:zone\s*|z)?([0-9]+(?:\.[0-9]+)?))?\s*([a-zA-Z/]*)$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    return { value: Number(match[1]), ...(match[2] !== undefined ? { max: Number(match[2]) } : {}), unit: match[3].toLowerCase() };
}

const percentOf = (text: string | undefined): number | undefined => {
    const match = /^([0-9]+(?:\.[0-9]+)?)\s*%?$/.exec((text ?? '').trim());
    return match ? Number(match[1]) : undefined;
};

/**
 * The target, or what is wrong with it. A number over its hard limit is a problem, so neither the
 * model nor an estimate holds it (a heart rate of 400 digits was Infinity in the model).
 */
export function readRunTarget(text: RunTargetText): Load | RunTargetProblem {
    const read = readNumbers(text);
    return isRunTargetProblem(read) ? read : overLimit(read) ?? read;
}

/** The hard limit of a run target's numbers, said as the message says it; none for named paces and zones. */
function limitOf(target: Load): { limit: number; limitText: string } | undefined {
    switch (target.kind) {
        case 'pace': return { limit: AMOUNT_LIMITS.seconds, limitText: `${formatSeconds(AMOUNT_LIMITS.seconds)}${target.unit === 'min/mi' ? '/mi' : '/km'}` };
        case 'heart-rate': return { limit: AMOUNT_LIMITS.bpm, limitText: `${AMOUNT_LIMITS.bpm} bpm` };
        case 'power': return { limit: AMOUNT_LIMITS.watts, limitText: `${AMOUNT_LIMITS.watts} W` };
        case 'speed': return { limit: AMOUNT_LIMITS.speed, limitText: `${AMOUNT_LIMITS.speed} ${target.unit === 'mph' ? 'mph' : 'km/h'}` };
        case 'percent-ftp': case 'percent-lthr': case 'percent-hrmax': return { limit: AMOUNT_LIMITS.percent, limitText: `${AMOUNT_LIMITS.percent}%` };
        default: return undefined;
    }
}

function overLimit(target: Load): RunTargetProblem | undefined {
    const bound = limitOf(target);
    const top = Math.max(target.value ?? 0, target.max ?? 0);
    return bound && !(top <= bound.limit) ? { problem: 'out-of-range', limitText: bound.limitText } : undefined;
}

function readNumbers(text: RunTargetText): Load | RunTargetProblem {
    if (text.pace !== undefined) {
        const pace = readPace(text.pace);
        const to = text.toPace !== undefined ? readPace(text.toPace) : undefined;
        if (!pace || (text.toPace !== undefined && !to)) {
            return { problem: 'not-positive' };
        }
        if (to) {
            if (to.unit !== pace.unit) {
                return { problem: 'pace-units-differ' };
            }
            return { kind: 'pace', value: pace.value, max: to.value, unit: pace.unit, progression: true };
        }
        if (pace.max !== undefined && pace.max < pace.value) {
            return { problem: 'range-inverted' };
        }
        return pace.value > 0 ? { kind: 'pace', ...pace } : { problem: 'not-positive' };
    }
    if (text.named !== undefined) {
        const pace = namedPaceOf(text.named);
        if (!pace) {
            return { problem: 'unknown-pace', word: text.named };
        }
        if (text.toNamed !== undefined) {
            const toPace = namedPaceOf(text.toNamed);
            if (!toPace) {
                return { problem: 'unknown-pace', word: text.toNamed };
            }
            return { kind: 'named-pace', value: null, unit: null, pace, progression: true, toPace };
        }
        return { kind: 'named-pace', value: null, unit: null, pace };
    }
    const read = (token: string, kind: Load['kind'], unit: Load['unit']): Load | RunTargetProblem => {
        const parsed = numbers(token);
        if (!parsed || parsed.value <= 0 || (parsed.max !== undefined && parsed.max <= 0)) {
            return { problem: 'not-positive' };
        }
        if (parsed.max !== undefined && parsed.max < parsed.value) {
            return { problem: 'range-inverted' };
        }
        return { kind, value: parsed.value, ...(parsed.max !== undefined ? { max: parsed.max } : {}), unit };
    };
    if (text.zone !== undefined) {
        const zone = read(text.zone, 'hr-zone', 'zone');
        if ('kind' in zone && ((zone.value ?? 0) < 1 || (zone.max ?? zone.value ?? 0) > 5)) {
            return { problem: 'zone-out-of-range' };
        }
        return zone;
    }
    if (text.bpm !== undefined) {
        return read(text.bpm, 'heart-rate', 'bpm');
    }
    if (text.power !== undefined) {
        return read(text.power, 'power', 'w');
    }
    if (text.speed !== undefined) {
        const unit = /mph$/i.test(text.speed.trim()) ? 'mph' : 'kph';
        return read(text.speed.replace(/(kph|km\/h|mph)$/i, ''), 'speed', unit);
    }
    if (text.percent !== undefined && text.of !== undefined) {
        const value = percentOf(text.percent);
        const max = text.percentMax !== undefined ? percentOf(text.percentMax) : undefined;
        if (value === undefined || (text.percentMax !== undefined && max === undefined) || !/%/.test((text.percentMax ?? text.percent))) {
            return { problem: 'needs-percent', of: text.of };
        }
        if (value <= 0 || (max !== undefined && max <= 0)) {
            return { problem: 'not-positive' };
        }
        if (max !== undefined && max < value) {
            return { problem: 'range-inverted' };
        }
        const kind = text.of === 'ftp' ? 'percent-ftp' : text.of === 'lthr' ? 'percent-lthr' : 'percent-hrmax';
        return { kind, value, ...(max !== undefined ? { max } : {}), unit: '%' };
    }
    return { problem: 'not-positive' };
}

export function isRunTargetProblem(result: Load | RunTargetProblem): result is RunTargetProblem {
    return 'problem' in result;
}

/** What a check says about a run target it cannot read. */
export function runTargetMessage(problem: RunTargetProblem): string {
    switch (problem.problem) {
        case 'unknown-pace':
            return `\`${problem.word}\` is not a pace the tools know: write a pace like \`4:30/km\`, or one of ${NAMED_PACE_EXAMPLES.map(word => `\`${word}\``).join(', ')}.`;
        case 'pace-units-differ':
            return 'A progression goes from one pace to another in the same unit: write both per km or both per mile, like `5:30/km to 4:40/km`.';
        case 'zone-out-of-range':
            return 'Heart-rate zones go from 1 to 5: write e.g. `@ zone 2` or `@ z3-4`.';
        case 'needs-percent':
            return `A share of ${problem.of === 'ftp' ? 'the FTP' : problem.of === 'lthr' ? 'the threshold heart rate' : 'the maximum heart rate'} is a percentage: write e.g. \`@ 80% ${problem.of}\`.`;
        case 'range-inverted':
            return 'This range goes down: write the smaller number first (for paces, the faster one: `4:20-4:30/km`); for a run that speeds up, write `@ 5:30/km to 4:40/km`.';
        case 'not-positive':
            return 'A target must be more than zero.';
        case 'out-of-range':
            return outOfRangeMessage(problem.limitText);
    }
}
