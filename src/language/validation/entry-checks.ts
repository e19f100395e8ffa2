/**
 * Checks on one entry (`3 x 10 squats @ 20kg rest 60s`): the name, the amount, the side, the
 * load and the rest, each as the sentence a coach would say.
 */
import type { ValidationAcceptor } from 'langium';
import type { Entry, LoadModifier, Range } from '../generated/ast.js';
import { AMOUNT_LIMITS, formatMeters, formatSeconds, parseQuantity, parseRange, type QuantityRange } from '../../core/quantities.js';
import { entryName, exerciseReference, unquote, type ExerciseResolver } from '../exercise-resolver.js';
import type { WorkoutServices } from '../workout-services.js';
import { IssueCodes } from './issue-codes.js';
import { isUnclosedQuote } from './syntax-checks.js';
import { writtenName } from '../written-name.js';
import { amountMustBeInRange, valueMustBeInRange } from './amount-limits.js';

/** Above these a value is more likely a typo than a plan: warned, not refused. */
export const PLAUSIBLE = {
    repsPerSet: 100,
    sets: 12,
    holdSeconds: 10 * 60,
    workSeconds: 6 * 3600,
    meters: 100_000,
    restSeconds: 15 * 60,
    kg: 400,
    lb: 900
} as const;

export const exerciseMustBeKnown = (services: WorkoutServices) => (entry: Entry, accept: ValidationAcceptor): void => {
    const resolver = services.exercises.Resolver;
    const reference = exerciseReference(entry);
    if (!entryName(entry) || reference?.ref || resolver.resolve(entry) || isUnclosedQuote(reference?.$refNode?.text ?? '')) {
        // An unclosed quote is reported once, as a syntax error (syntax-checks.ts).
        return;
    }
    const name = unquote(entryName(entry));
    // The coach's own exercises are offered with the catalog's; a catalog id they define is theirs.
    const defined = services.shared.workspace.IndexManager.allElements('ExerciseDef').map(found => found.name).toArray();
    const suggestions = resolver.catalog.suggestNames(name, defined, 3);
    const offer = suggestions.length > 0 ? ` Did you mean ${suggestions.map(id => `\`${id}\``).join(', ')}?` : '';
    accept('error', `Unknown exercise \`${name}\`.${offer} Or define it with \`exercise ${writtenName(name, services.parser.Lexer)} < muscles: … >\`.`, {
        node: entry,
        property: 'exercise',
        code: IssueCodes.UnknownExercise,
        data: { name, suggestions }
    });
};

/** Shared by entries, blocks and rests: a range's bounds read in order and in one unit. */
export function checkRange(range: Range | undefined, accept: ValidationAcceptor): QuantityRange | undefined {
    if (range?.min === undefined) {
        return undefined; // not typed yet: the parser reports the missing amount
    }
    const parsed = parseRange(range.min, range.max);
    if (parsed === 'units-differ') {
        accept('error', `The two ends of \`${range.min}-${range.max}\` are in different units: write both in the same unit, e.g. \`30-45s\`.`, {
            node: range, code: IssueCodes.RangeUnitsDiffer
        });
        return undefined;
    }
    if (parsed === 'not-an-amount') {
        return undefined;
    }
    if (!amountMustBeInRange(parsed.kind, Math.max(parsed.min, parsed.max), { node: range }, accept)) {
        return undefined;
    }
    if (parsed.max < parsed.min) {
        accept('error', `This range goes down: \`${range.min}-${range.max}\`. Write the smaller number first: \`${(range.max ?? "").replace(/[a-z%]+$/, '')}-${range.min}${unitOf(range)}\`.`, {
            node: range, code: IssueCodes.RangeInverted, data: { min: range.min, max: range.max }
        });
    }
    if (parsed.min <= 0) {
        accept('error', 'An amount must be more than zero: remove the line or give a positive number.', {
            node: range, code: IssueCodes.CountNotPositive
        });
    }
    return parsed;
}

function unitOf(range: Range): string {
    const unit = /[a-z%]+$/.exec(range.max ?? '')?.[0] ?? '';
    return /[a-z%]$/.test(range.min) ? '' : unit;
}

export const amountMustBeRepsTimeOrDistance = (services: WorkoutServices) => (entry: Entry, accept: ValidationAcceptor): void => {
    if (!entry.amount) {
        return;
    }
    const amount = checkRange(entry.amount, accept);
    if (!amount) {
        return;
    }
    if (amount.kind !== 'count' && amount.kind !== 'seconds' && amount.kind !== 'meters') {
        accept('error', `\`${entry.amount.min}\` is a load, not an amount: write reps, a time or a distance first and the load after \`@\`, e.g. \`10 ${entryName(entry)} @ ${entry.amount.min}\`.`, {
            node: entry, property: 'amount', code: IssueCodes.AmountKind
        });
        return;
    }
    amountMustBePlausible(entry, amount, services.exercises.Resolver, accept);
};

function amountMustBePlausible(entry: Entry, amount: QuantityRange, resolver: ExerciseResolver, accept: ValidationAcceptor): void {
    const info = resolver.resolve(entry);
    const warn = (what: string, advice = 'Check the number and the unit.') => accept('warning', `${what} ${advice}`, {
        node: entry, property: 'amount', code: IssueCodes.ImplausibleAmount
    });
    if (amount.kind === 'count' && amount.max > PLAUSIBLE.repsPerSet) {
        warn(`${amount.max} reps in one set is more than anyone plans (over ${PLAUSIBLE.repsPerSet}).`, 'Check the number, or split the work into sets (`3 x …`).');
    } else if (amount.kind === 'seconds' && info?.kind !== 'cardio' && amount.max > PLAUSIBLE.holdSeconds) {
        warn(`A ${formatSeconds(amount.max)} set of ${info?.name ?? 'this exercise'} is far beyond a usual hold (over ${formatSeconds(PLAUSIBLE.holdSeconds)}).`);
    } else if (amount.kind === 'seconds' && amount.max > PLAUSIBLE.workSeconds) {
        warn(`${formatSeconds(amount.max)} is longer than a session (over ${formatSeconds(PLAUSIBLE.workSeconds)}).`);
    } else if (amount.kind === 'meters' && amount.max > PLAUSIBLE.meters) {
        warn(`${formatMeters(amount.max)} is further than an ultra-marathon stage (over ${formatMeters(PLAUSIBLE.meters)}).`);
    }
}

export function setsMustBePositiveAndPlausible(entry: Entry, accept: ValidationAcceptor): void {
    if (!entry.sets) {
        return;
    }
    const sets = parseInt(entry.sets, 10);
    if (sets <= 0) {
        accept('error', 'Sets must be at least 1: write `1 x …` or leave the sets out.', { node: entry, property: 'sets', code: IssueCodes.CountNotPositive });
    } else if (valueMustBeInRange(sets, AMOUNT_LIMITS.sets, `${AMOUNT_LIMITS.sets} sets`, { node: entry, property: 'sets' }, accept) && sets > PLAUSIBLE.sets) {
        accept('warning', `${sets} sets of one exercise is unusual (over ${PLAUSIBLE.sets}): check the number or use \`${sets} rounds < … >\`.`, {
            node: entry, property: 'sets', code: IssueCodes.ImplausibleAmount
        });
    }
}

export const unilateralExerciseShouldSaySide = (services: WorkoutServices) => (entry: Entry, accept: ValidationAcceptor): void => {
    const info = services.exercises.Resolver.resolve(entry);
    if (!info?.unilateral || info.kind === 'cardio' || entry.modifiers.some(modifier => modifier.$type === 'SideModifier')) {
        return;
    }
    accept('hint', `${info.name} works one side at a time: add \`per side\`, or \`left\`/\`right\`.`, {
        node: entry, property: 'exercise', code: IssueCodes.UnilateralNeedsSide
    });
};

export function restMustBeADuration(entry: Entry, accept: ValidationAcceptor): void {
    for (const modifier of entry.modifiers) {
        if (modifier.$type === 'RestModifier') {
            durationMustBeGiven(modifier.duration, 'A rest', accept);
        }
    }
}

/** Shared by every place that expects a time: rests, caps, interval lengths. */
export function durationMustBeGiven(range: Range | undefined, what: string, accept: ValidationAcceptor): QuantityRange | undefined {
    if (!range) {
        return undefined;
    }
    const parsed = checkRange(range, accept);
    if (parsed && parsed.kind !== 'seconds') {
        const suggestion = parsed.kind === 'count' ? ` Add a unit: \`${range.min}s\` or \`${range.min}min\`.` : '';
        accept('error', `${what} is a time, like \`60s\` or \`2min\`.${suggestion}`, { node: range, code: IssueCodes.NeedsDuration });
        return undefined;
    }
    if (parsed && what === 'A rest' && parsed.max > PLAUSIBLE.restSeconds) {
        accept('warning', `A rest of ${formatSeconds(parsed.max)} is unusually long (over ${formatSeconds(PLAUSIBLE.restSeconds)}): check the unit.`, {
            node: range, code: IssueCodes.ImplausibleAmount
        });
    }
    return parsed;
}

export function loadMustBeSensible(entry: Entry, accept: ValidationAcceptor): void {
    for (const modifier of entry.modifiers) {
        if (modifier.$type === 'LoadModifier') {
            checkLoad(modifier, accept);
        }
    }
}

function checkLoad(load: LoadModifier, accept: ValidationAcceptor): void {
    if (load.value === undefined) {
        return; // `@` or `@ rpe` with nothing after it: the parser reports it
    }
    if (load.rpe) {
        const rpe = parseQuantity(load.value ?? '');
        if (rpe?.kind !== 'count' || rpe.value < 1 || rpe.value > AMOUNT_LIMITS.rpe) {
            accept('error', 'RPE is rated from 1 to 10: write e.g. `@ rpe 7`.', { node: load, code: IssueCodes.InvalidLoad });
        }
        return;
    }
    const quantity = parseQuantity(load.value ?? '');
    if (!quantity) {
        return;
    }
    if (quantity.value <= 0) {
        accept('error', 'A load must be more than zero: write `@ bw` for bodyweight.', { node: load, code: IssueCodes.InvalidLoad });
        return;
    }
    if (!amountMustBeInRange(quantity.kind, quantity.value, { node: load, property: 'value' }, accept)) {
        return;
    }
    if (quantity.kind === 'percent' && quantity.value > 100) {
        accept('warning', `${quantity.value}% of one-rep max is more than a maximal lift: check the number.`, { node: load, code: IssueCodes.ImplausibleAmount });
    } else if ((quantity.kind === 'kg' && quantity.value > PLAUSIBLE.kg) || (quantity.kind === 'lb' && quantity.value > PLAUSIBLE.lb)) {
        accept('warning', `\`${load.value}\` is beyond a world-record lift: check the number and the unit.`, { node: load, code: IssueCodes.ImplausibleAmount });
    }
}

export function modifiersMustNotRepeat(entry: Entry, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const modifier of entry.modifiers) {
        if (seen.has(modifier.$type)) {
            const what = { SideModifier: 'side', LoadModifier: 'load', RestModifier: 'rest', NoteModifier: 'note' }[modifier.$type];
            accept('warning', `This entry gives its ${what} twice; only the last one counts. Remove one.`, {
                node: modifier, code: IssueCodes.DuplicateModifier
            });
        }
        seen.add(modifier.$type);
    }
}
