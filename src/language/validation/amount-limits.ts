/**
 * Hard limits on every number a coach writes (core/quantities.ts: AMOUNT_LIMITS): over the
 * limit is an error, `amount-out-of-range`, and the check that found it reads the number no
 * further (no `implausible-amount` warning on top of it). The compiler holds the same numbers
 * to the same limits, so nothing out of range reaches an estimate or a renderer.
 */
import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { describeLimit, limitOfKind, outOfRangeMessage, type QuantityKind } from '../../core/quantities.js';
import { IssueCodes } from './issue-codes.js';

interface Where {
    node: AstNode;
    property?: string;
}

/** False, after reporting it, when the value is over the limit of its kind. */
export function amountMustBeInRange(kind: QuantityKind, value: number, where: Where, accept: ValidationAcceptor): boolean {
    const advice = kind === 'count' ? 'check the number' : 'check the number and the unit';
    return valueMustBeInRange(value, limitOfKind(kind), describeLimit(kind), where, accept, advice);
}

/** False, after reporting it, when the value is over `limit` (said as `limitText`: `100 sets`). */
export function valueMustBeInRange(value: number, limit: number, limitText: string, where: Where, accept: ValidationAcceptor, advice = 'check the number'): boolean {
    if (value <= limit) {
        return true;
    }
    accept('error', outOfRangeMessage(limitText, advice), {
        ...where, code: IssueCodes.AmountOutOfRange
    } as DiagnosticInfo<AstNode>);
    return false;
}
