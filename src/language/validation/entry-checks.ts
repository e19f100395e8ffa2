/**
 * Checks on one entry (`3 x 10 squats @ 20kg rest 60s`): the name, the amount, the side, the
 * load and the rest, each as the sentence a coach would say.
 */
import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import { isBlock, isEntry, type Block, type Entry, type RestItem, type LoadModifier, type Range, type Scheme, type TempoModifier } from '../generated/ast.js';
import { AMOUNT_LIMITS, describeLimit, formatMeters, formatSeconds, parseQuantity, parseRange, type QuantityRange } from '../../core/quantities.js';
import { tempoPhases } from '../../core/estimate.js';
import { BLOCK_KINDS, blockKindOf } from '../../core/block-kinds.js';
import { isTargetProblem, readTarget } from '../../core/targets.js';
import { amountRange, isDistance, isLoadEachAt, rangeOf, splitOf, targetText, type TargetDistance } from '../compiler/compile-workout.js';
import { entryName, exerciseReference, unquote, type ExerciseResolver } from '../exercise-resolver.js';
import type { WorkoutServices } from '../workout-services.js';
import { IssueCodes } from './issue-codes.js';
import { isUnclosedQuote } from './syntax-checks.js';
import { writtenName } from '../written-name.js';
import { amountMustBeInRange, valueMustBeInRange } from './amount-limits.js';

/** Above these a value is more likely a typo than a plan: warned, not refused. */
export const PLAUSIBLE = {
    repsPerSet: 100,
    /** In a `for-time` block, where the athlete breaks the reps up as they like. */
    repsForTime: 300,
    sets: 12,
    holdSeconds: 10 * 60,
    workSeconds: 6 * 3600,
    meters: 100_000,
    restSeconds: 15 * 60,
    kg: 400,
    lb: 900,
    pood: 25,
    calories: 500
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
    if (entry.amount.steps.length > 0) {
        repSchemeMustCountReps([entry.amount.min, entry.amount.max ?? '', ...entry.amount.steps], entry.amount, accept);
        return;
    }
    const amount = entry.amount.other !== undefined ? checkPair(entry.amount, accept) : checkRange(entry.amount, accept);
    if (!amount) {
        return;
    }
    if (amount.kind !== 'count' && amount.kind !== 'seconds' && amount.kind !== 'meters' && amount.kind !== 'calories') {
        accept('error', `\`${entry.amount.min}\` is a load, not an amount: write reps, a time or a distance first and the load after \`@\`, e.g. \`10 ${entryName(entry)} @ ${entry.amount.min}\`.`, {
            node: entry, property: 'amount', code: IssueCodes.AmountKind
        });
        return;
    }
    if (entry.amount.plus && amount.kind !== 'count') {
        accept('error', `\`+\` means as many reps as possible, at least this many: it follows a number of reps, like \`5+\`.`, {
            node: entry, property: 'amount', code: IssueCodes.AmountKind
        });
    }
    amountMustBePlausible(entry, amount, services.exercises.Resolver, accept);
};

/** `10/10` (per side) and `20/15 cal` (a pair of Rx amounts): both in one unit. */
function checkPair(amount: Range, accept: ValidationAcceptor): QuantityRange | undefined {
    const parsed = amountRange(amount);
    if (parsed === 'units-differ') {
        accept('error', `The two amounts of \`${amount.min}/${amount.other}\` are in different units: write both in the same unit, e.g. \`20/15 cal\`.`, {
            node: amount, code: IssueCodes.RangeUnitsDiffer
        });
        return undefined;
    }
    if (parsed === 'not-an-amount') {
        return undefined;
    }
    if (parsed.min <= 0 || parsed.max <= 0) {
        accept('error', 'An amount must be more than zero: remove the line or give a positive number.', { node: amount, code: IssueCodes.CountNotPositive });
    }
    return { ...parsed, max: Math.max(parsed.min, parsed.max) };
}

/** A rep scheme (`5-5-5`, `21-15-9`): one number of reps per set or round, each more than zero. */
function repSchemeMustCountReps(steps: string[], node: Range | Scheme, accept: ValidationAcceptor): void {
    const parsed = steps.map(step => parseQuantity(step));
    if (parsed.some(step => step?.kind !== 'count')) {
        accept('error', `A rep scheme counts reps, one number per set: write it without units, like \`5-5-5\` or \`21-15-9\`.`, {
            node, code: IssueCodes.AmountKind
        });
    } else if (parsed.some(step => step!.value <= 0)) {
        accept('error', 'Every step of a rep scheme must be more than zero.', { node, code: IssueCodes.CountNotPositive });
    } else if (!amountMustBeInRange('count', Math.max(...parsed.map(step => step!.value)), { node }, accept)) {
        return;
    } else if (parsed.some(step => step!.value > PLAUSIBLE.repsPerSet)) {
        accept('warning', `A step of more than ${PLAUSIBLE.repsPerSet} reps is more than anyone plans in one set: check the numbers.`, { node, code: IssueCodes.ImplausibleAmount });
    } else if (parsed.length > PLAUSIBLE.sets * 2) {
        accept('warning', `A rep scheme of ${parsed.length} steps is unusual: check the numbers.`, { node, code: IssueCodes.ImplausibleAmount });
    }
}

export function schemeMustCountReps(scheme: Scheme, accept: ValidationAcceptor): void {
    repSchemeMustCountReps(scheme.steps, scheme, accept);
}

/**
 * A name alone is an entry only where the block's header gives the work: the reps of a rep
 * scheme (`for-time 21-15-9 < thrusters >`), or the work interval of a timed-interval block
 * (`tabata < air-squats >`: as many as you can in each 20 s).
 */
export function amountMustBeGiven(entry: Entry, accept: ValidationAcceptor): void {
    if (entry.amount || entry.max || entry.lap || !entryName(entry)) {
        return;
    }
    for (let block = AstUtils.getContainerOfType(entry.$container, isBlock); block; block = AstUtils.getContainerOfType(block.$container, isBlock)) {
        const kind = block.forTime ? 'for-time' : blockKindOf(block.kind);
        if (block.scheme || (kind && BLOCK_KINDS[kind].play === 'timed-intervals')) {
            return;
        }
    }
    const name = unquote(entryName(entry));
    accept('error', `\`${name}\` needs an amount first: write e.g. \`10 ${name}\`, \`30s ${name}\` or \`max ${name}\`, or give the block a rep scheme (\`for-time 21-15-9 < … >\`); in \`tabata\` or \`intervals\` a name alone works for the whole interval.`, {
        node: entry, property: 'exercise', code: IssueCodes.AmountMissing
    });
}

function amountMustBePlausible(entry: Entry, amount: QuantityRange, resolver: ExerciseResolver, accept: ValidationAcceptor): void {
    const info = resolver.resolve(entry);
    const warn = (what: string, advice = 'Check the number and the unit.') => accept('warning', `${what} ${advice}`, {
        node: entry, property: 'amount', code: IssueCodes.ImplausibleAmount
    });
    // A chipper for time (Murph's 300 squats) is partitioned as the athlete likes.
    const chipper = AstUtils.getContainerOfType(entry.$container, isBlock);
    const repsLimit = chipper && (chipper.kind === 'for-time' || chipper.forTime) ? PLAUSIBLE.repsForTime : PLAUSIBLE.repsPerSet;
    if (amount.kind === 'count' && amount.max > repsLimit) {
        warn(`${amount.max} reps in one set is more than anyone plans (over ${repsLimit}).`, 'Check the number, or split the work into sets (`3 x …`).');
    } else if (amount.kind === 'seconds' && info?.kind !== 'cardio' && amount.max > PLAUSIBLE.holdSeconds) {
        warn(`A ${formatSeconds(amount.max)} set of ${info?.name ?? 'this exercise'} is far beyond a usual hold (over ${formatSeconds(PLAUSIBLE.holdSeconds)}).`);
    } else if (amount.kind === 'seconds' && amount.max > PLAUSIBLE.workSeconds) {
        warn(`${formatSeconds(amount.max)} is longer than a session (over ${formatSeconds(PLAUSIBLE.workSeconds)}).`);
    } else if (amount.kind === 'meters' && amount.max > PLAUSIBLE.meters) {
        warn(`${formatMeters(amount.max)} is further than an ultra-marathon stage (over ${formatMeters(PLAUSIBLE.meters)}).`);
    } else if (amount.kind === 'calories' && amount.max > PLAUSIBLE.calories) {
        warn(`${amount.max} calories in one go is more than a session burns on a machine (over ${PLAUSIBLE.calories}).`);
    }
}

export function setsMustBePositiveAndPlausible(entry: Entry, accept: ValidationAcceptor): void {
    if (!entry.sets) {
        return;
    }
    const sets = parseInt(entry.sets, 10);
    if (entry.setsMin !== undefined && parseInt(entry.setsMin, 10) >= sets) {
        accept('error', `This range of sets goes down or stays put: \`${entry.setsMin}-${sets} x\`. Write the smaller number first, like \`3-4 x\`.`, {
            node: entry, property: 'setsMin', code: IssueCodes.RangeInverted
        });
    }
    const schemeSteps = entry.amount && entry.amount.steps.length > 0 ? entry.amount.steps.length + 2 : undefined;
    if (schemeSteps !== undefined && schemeSteps !== sets) {
        accept('warning', `\`${sets} x\` disagrees with the rep scheme, which has ${schemeSteps} sets: a scheme gives one number per set, so leave \`${sets} x\` out.`, {
            node: entry, property: 'sets', code: IssueCodes.SchemeSetsDiffer
        });
    }
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
    const saysSide = entry.modifiers.some((modifier, index) => modifier.$type === 'SideModifier' && !isLoadEachAt(entry, index));
    // A name without its amount gets one error (amount-missing) or takes the block's scheme; no hint yet.
    if (!info?.unilateral || info.kind === 'cardio' || saysSide || entry.amount?.other !== undefined || entry.amount?.perSide !== undefined || (!entry.amount && !entry.max)) {
        return;
    }
    accept('hint', `${info.name} works one side at a time: add \`per side\`, or \`left\`/\`right\`.`, {
        node: entry, property: 'exercise', code: IssueCodes.UnilateralNeedsSide
    });
};

export function restMustBeADuration(entry: Entry, accept: ValidationAcceptor): void {
    for (const modifier of entry.modifiers) {
        // A recovery over a distance (`rest 400m jog`) is checked with the runs (run-checks.ts).
        if (modifier.$type === 'RestModifier' && !isDistance(modifier.duration)) {
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

/** The distance of the entry an `@` is on (`800m @ 3:20`), if it has one. */
function distanceOf(load: LoadModifier): TargetDistance | undefined {
    const entry = load.$container;
    const amount = isEntry(entry) ? rangeOf(entry.amount) : undefined;
    return amount?.kind === 'meters' ? { meters: amount.min, unit: amount.unit } : undefined;
}

/** Every `@`: of an entry, of a block (`for-time @ 20lb <`) or of a workout. */
export function loadMustBeSensible(load: LoadModifier, accept: ValidationAcceptor): void {
    for (const target of load.targets) {
        if (target.value === undefined && !target.bodyweight) {
            continue; // `@` or `@ rpe` with nothing after it: the parser reports it
        }
        const read = readTarget(targetText(target));
        const written = target.value ?? '';
        if (isTargetProblem(read) && splitOf(target, distanceOf(load))) {
            continue; // `800m @ 3:20`: the time for the distance, a pace
        }
        if (isTargetProblem(read)) {
            const [code, message] = {
                'scale-out-of-range': [IssueCodes.InvalidLoad, read.problem === 'scale-out-of-range' && read.scale === 'rir'
                    ? 'Reps in reserve go from 0 to 10: write e.g. `@ rir 2`.' : 'RPE is rated from 1 to 10: write e.g. `@ rpe 7` or `@ rpe 8-9`.'],
                'needs-unit': [IssueCodes.InvalidLoad, `\`@ ${written}\` needs a unit: write e.g. \`@ ${written}kg\`, \`@ ${written}lb\` or \`@ ${written}%\`.`],
                'not-a-load': [IssueCodes.InvalidLoad, parseQuantity(written)?.kind === 'seconds'
                    ? `\`${written}\` is not a load: a time after \`@\` is the time for a distance (\`800m run @ 3:20\`), and this entry has none. For a lift write a weight (\`12kg\`), a percentage (\`70%\`), \`rpe 7\` or \`rir 2\`.`
                    : `\`${written}\` is not a load: after \`@\` write a weight (\`12kg\`), a percentage (\`70%\`), \`rpe 7\`, \`rir 2\` or \`bw\`.`],
                'units-differ': [IssueCodes.RangeUnitsDiffer, 'The numbers of this load are in different units: write both in one unit, e.g. `@ 95/65lb`.'],
                'not-positive': [IssueCodes.InvalidLoad, 'A load must be more than zero: write `@ bw` for bodyweight.'],
                'tm-needs-percent': [IssueCodes.InvalidLoad, '`tm` (training max) follows a percentage: write e.g. `@ 65% tm`.']
            }[read.problem];
            accept('error', message, { node: target, code });
            continue;
        }
        const top = Math.max(read.value ?? 0, read.max ?? 0, read.alternate ?? 0);
        const limitKind = read.kind === 'weight' ? (read.unit === 'lb' ? 'lb' : read.unit === 'pood' ? 'pood' : 'kg')
            : read.kind === 'percent-1rm' || read.kind === 'percent-tm' ? 'percent' : undefined;
        if (limitKind && !amountMustBeInRange(limitKind, top, { node: target }, accept)) {
            continue;
        }
        if (read.max !== undefined && read.value !== null && read.max < read.value) {
            accept('error', `This load range goes down: write the smaller number first, like \`@ 60-70%\` or \`@ rpe 8-9\`.`, { node: target, code: IssueCodes.RangeInverted });
        }
        if ((read.kind === 'percent-1rm' || read.kind === 'percent-tm') && top > 100) {
            accept('warning', `${top}% of ${read.kind === 'percent-tm' ? 'the training max' : 'one-rep max'} is more than a maximal lift: check the number.`, { node: target, code: IssueCodes.ImplausibleAmount });
        } else if (read.kind === 'weight' && top > PLAUSIBLE[read.unit === 'lb' ? 'lb' : read.unit === 'pood' ? 'pood' : 'kg']) {
            accept('warning', `${written} is beyond a world-record lift: check the number and the unit.`, { node: target, code: IssueCodes.ImplausibleAmount });
        }
    }
}

export function tempoMustBeReadable(tempo: TempoModifier, accept: ValidationAcceptor): void {
    const phases = tempoPhases(tempo.tempo.replace(/^tempo\s+/i, ''));
    if (phases === undefined) {
        accept('error', 'A tempo gives 3 or 4 phases, each a number of seconds or `X` for explosive: `tempo 3-1-1`, `tempo 31X1`.', {
            node: tempo, code: IssueCodes.InvalidTempo
        });
    } else {
        valueMustBeInRange(Math.max(...phases), AMOUNT_LIMITS.seconds, `${describeLimit('seconds')} a phase`, { node: tempo }, accept);
    }
}

/** `odd:`, `even:` and `min 1:` say which minutes of an EMOM an item is done in. */
export function slotsBelongInEmom(node: Entry | Block | RestItem, accept: ValidationAcceptor): void {
    const slot = node.slot;
    if (!slot) {
        return;
    }
    const block = AstUtils.getContainerOfType(node.$container, isBlock);
    if (!block || blockKindOf(block.kind) !== 'emom') {
        accept('warning', 'Labels like `odd:`, `even:` or `min 1:` say which minutes of an EMOM an item is done in: put this item in an `emom` block, or remove the label.', {
            node: slot, code: IssueCodes.SlotOutsideEmom
        });
    }
}

export function modifiersMustNotRepeat(entry: Entry, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const [index, modifier] of entry.modifiers.entries()) {
        if (isLoadEachAt(entry, index)) {
            continue; // `@ 24kg each`: part of the load
        }
        if (seen.has(modifier.$type)) {
            const what = { SideModifier: 'side', LoadModifier: 'load', RestModifier: 'rest', NoteModifier: 'note', TempoModifier: 'tempo', ClockModifier: 'clock (`every`)' }[modifier.$type];
            accept('warning', `This entry gives its ${what} twice; only the last one counts. Remove one.`, {
                node: modifier, code: IssueCodes.DuplicateModifier
            });
        }
        seen.add(modifier.$type);
    }
}
