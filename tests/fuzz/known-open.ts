/**
 * Failures the fuzz suite finds that are not fixed yet, each reported in docs/reliability.md
 * with its reproducer. Each entry says which input class it covers, as a predicate on the
 * document and the failure.
 *
 * The quick suite in `npm test` leaves these failures out and prints why; `npm run fuzz`
 * counts them as known-open and fails on them unless given `--known=allow`. Once a fix is
 * merged, delete its entry: both suites then hold the tools to it again.
 */
import type { Failure } from './document-check.js';

export interface KnownOpen {
    id: string;
    /** The issue item, as docs/reliability.md lists it. */
    issue: string;
    /** What goes wrong, in one line. */
    summary: string;
    /** A smallest input that shows it. */
    reproducer: string;
    /** Whether a failure on this document is this known problem. */
    matches(text: string, failure: Failure): boolean;
}

/** Empty: every failure the suite has found is fixed (docs/reliability.md lists them). */
export const KNOWN_OPEN: KnownOpen[] = [];

/** The failures with `known` set where a known-open problem explains them. */
export function classify(text: string, failures: Failure[]): Failure[] {
    return failures.map(failure => {
        const known = KNOWN_OPEN.find(entry => entry.matches(text, failure));
        return known ? { ...failure, known: known.id } : failure;
    });
}
