import type { ValidationAcceptor } from 'langium';

export type Check<T> = (node: T, accept: ValidationAcceptor) => void;

/** Runs several checks as one, so each stays a small function of its own. */
export function allOf<T>(...checks: Array<Check<T>>): Check<T> {
    return (node, accept) => checks.forEach(check => check(node, accept));
}
