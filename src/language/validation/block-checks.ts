/**
 * Checks on blocks (`amrap 20min < … >`, `3 rounds rest 60s < … >`) and on rest lines.
 */
import type { ValidationAcceptor } from 'langium';
import { BLOCK_KINDS, blockKindOf, specOf } from '../../core/block-kinds.js';
import { intervalWorkSeconds, slotCycle } from '../../core/estimate.js';
import { AMOUNT_LIMITS, formatSeconds } from '../../core/quantities.js';
import type { ItemModel } from '../../core/session-model.js';
import type { Block, RestItem } from '../generated/ast.js';
import type { WorkoutServices } from '../workout-services.js';
import { IssueCodes } from './issue-codes.js';
import { capRangeOf, isDistance, rangeOf } from '../compiler/compile-workout.js';
import { isCutByNestingLimit } from '../workout-lexer.js';
import { durationMustBeGiven } from './entry-checks.js';
import { valueMustBeInRange } from './amount-limits.js';

const PLAUSIBLE_ROUNDS = 50;
const PLAUSIBLE_CAP_SECONDS = 3 * 3600;

export function timedBlockMustHaveCap(block: Block, accept: ValidationAcceptor): void {
    const kind = blockKindOf(block.kind);
    const example = kind ? BLOCK_KINDS[kind].capRequired : undefined;
    if (example && !block.cap) {
        accept('error', `An ${BLOCK_KINDS[kind!].word} needs a time cap: write \`${example} < … >\`.`, {
            node: block, property: 'kind', code: IssueCodes.CapRequired
        });
    }
}

export function blockTimesMustBeDurations(block: Block, accept: ValidationAcceptor): void {
    // `AMRAP 20`, `EMOM 10`: a bare number is minutes there, so it needs no unit.
    const bareMinutes = rangeOf(block.cap)?.kind === 'count' ? capRangeOf(block) : undefined;
    if (bareMinutes?.kind === 'seconds' && !valueMustBeInRange(rangeOf(block.cap)!.max * 60, AMOUNT_LIMITS.seconds, `${AMOUNT_LIMITS.seconds / 60} minutes`, { node: block.cap! }, accept)) {
        return;
    }
    const capSeconds = !block.cap ? undefined
        : bareMinutes?.kind === 'seconds' ? bareMinutes
            : durationMustBeGiven(block.cap, 'A time cap', accept);
    if (capSeconds && capSeconds.max > PLAUSIBLE_CAP_SECONDS) {
        accept('warning', `A ${formatSeconds(capSeconds.max)} cap is longer than a session: check the unit.`, {
            node: block.cap!, code: IssueCodes.ImplausibleAmount
        });
    }
    if (block.every) {
        durationMustBeGiven(block.every, 'The interval of `every`', accept);
    }
    if (block.on) {
        durationMustBeGiven(block.on, 'The work interval', accept);
    }
    if (block.off) {
        durationMustBeGiven(block.off, 'The rest interval', accept);
    }
    if (block.rest) {
        durationMustBeGiven(block.rest, 'A rest', accept);
    }
}

export function roundsMustBePositiveAndPlausible(block: Block, accept: ValidationAcceptor): void {
    if (block.count === undefined) {
        return;
    }
    const rounds = parseInt(block.count, 10);
    if (rounds <= 0) {
        accept('error', 'A block must be done at least once: write `1 round` or more, or remove the block.', {
            node: block, property: 'count', code: IssueCodes.CountNotPositive
        });
    } else if (valueMustBeInRange(rounds, AMOUNT_LIMITS.rounds, `${AMOUNT_LIMITS.rounds} ${block.kind === 'intervals' ? 'intervals' : 'rounds'}`, { node: block, property: 'count' }, accept) && rounds > PLAUSIBLE_ROUNDS) {
        accept('warning', `${rounds} rounds is unusual (over ${PLAUSIBLE_ROUNDS}): check the number.`, {
            node: block, property: 'count', code: IssueCodes.ImplausibleAmount
        });
    }
}

export function blockMustNotBeEmpty(block: Block, accept: ValidationAcceptor): void {
    if (block.items.length === 0 && !isCutByNestingLimit(block)) {
        accept('warning', `This ${block.kind} block is empty: add exercises between \`<\` and \`>\`, or remove it.`, {
            node: block, property: 'kind', code: IssueCodes.EmptyBlock
        });
    }
}

/** Seconds of work that are fixed by the text (holds, timed efforts, rests), not estimated from reps. */
function timedSeconds(items: ItemModel[]): number {
    let total = 0;
    for (const item of items) {
        if (item.type === 'rest') {
            total += item.seconds;
        } else if (item.type === 'entry' && item.seconds) {
            total += item.sets * item.seconds.min * (item.side === 'each' ? 2 : 1) + item.sets * (item.restSeconds ?? 0);
        } else if (item.type === 'block') {
            total += item.capSeconds ?? timedSeconds(item.entries) * (item.rounds ?? 1);
        }
    }
    return total;
}

export const timedWorkMustFitTheCap = (services: WorkoutServices) => (block: Block, accept: ValidationAcceptor): void => {
    const kind = block.forTime ? 'for-time' : blockKindOf(block.kind);
    if (!kind || !BLOCK_KINDS[kind].window || !block.cap) {
        return;
    }
    const model = services.compiler.Compiler.compileBlock(block);
    const perInterval = specOf(model).window === 'every';
    const window = perInterval ? model.everySeconds : model.capSeconds;
    if (!window) {
        return;
    }
    // In an EMOM whose items are labelled by minute, each interval holds one label's items.
    const groups = perInterval && slotCycle(model) > 0
        ? [...new Set(model.entries.map(item => String(item.slot)))].map(slot => model.entries.filter(item => String(item.slot) === slot))
        : [model.entries];
    // `3 rounds for-time cap 15min` and `for-time 21-15-9`: every round's timed work fits in the one cap.
    const rounds = !perInterval && model.kind === 'for-time' ? model.rounds ?? 1 : 1;
    const timed = Math.max(...groups.map(timedSeconds)) * rounds;
    if (timed > window) {
        const what = perInterval ? `each ${formatSeconds(window)} interval` : `the ${formatSeconds(window)} cap`;
        accept('error', `The timed work in this block adds up to ${formatSeconds(timed)}, more than ${what}: shorten the work or ${perInterval ? 'lengthen the interval' : 'raise the cap'}.`, {
            node: block, property: 'cap', code: IssueCodes.CapExceeded, data: { timedSeconds: timed, capSeconds: window }
        });
    } else if (perInterval && intervalWorkSeconds(model) > window) {
        accept('warning', `One round is estimated at ${formatSeconds(intervalWorkSeconds(model))}, longer than ${formatSeconds(window)}: the athlete will get no rest. Cut reps or lengthen the interval.`, {
            node: block, property: 'cap', code: IssueCodes.CapExceeded
        });
    }
};

export function restLineMustBeADuration(rest: RestItem, accept: ValidationAcceptor): void {
    // A recovery over a distance (`rest 400m jog`) is checked with the runs (run-checks.ts).
    if (!isDistance(rest.duration)) {
        durationMustBeGiven(rest.duration, 'A rest', accept);
    }
}
