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

export const KNOWN_OPEN: KnownOpen[] = [
    {
        id: 'diff-duplicate-ids',
        issue: 'found by the fuzz suite (core, not yet assigned): the diff of a file with itself when two workouts share a name',
        summary: '`workout diff a.workout a.workout` reports removed and added blocks when two workouts (or plans) of the file have the same id: src/core/diff.ts pairs them by id',
        reproducer: "diffSessions(m, m) for m compiled from 'workout a <\\n  10 squats\\n>\\nworkout a <\\n  5 squats\\n>\\n'",
        matches: (_text, failure) => failure.property === 'diff-self-is-no-change' && failure.message.includes('share an id')
    },
    {
        id: 'diff-quadratic',
        issue: 'found by the fuzz suite (core, not yet assigned): the diff of a workout of thousands of entries',
        summary: 'src/core/diff-workout.ts matches entries with a longest common subsequence table of n × m cells: diffing a workout of 9,000 entries with itself takes 1.2 s of CPU and 800 MB (3,000 entries: 0.2 s), so the 41,000 entries of a 1 MB program would need gigabytes; a loaded machine makes it a 15 s hang',
        reproducer: "diffSessions(m, m) for m compiled from 'workout long < ' + '10 squats; '.repeat(9000) + '>'",
        matches: (_text, failure) => failure.feature.startsWith('render:diff') && failure.property === 'no-hang'
    }
];

/** The failures with `known` set where a known-open problem explains them. */
export function classify(text: string, failures: Failure[]): Failure[] {
    return failures.map(failure => {
        const known = KNOWN_OPEN.find(entry => entry.matches(text, failure));
        return known ? { ...failure, known: known.id } : failure;
    });
}
