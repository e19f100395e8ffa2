/**
 * What the quick fuzz tests in `npm test` share: a failure log that leaves the known-open
 * problems out of the assertion but prints each one with its issue item, so nothing is skipped
 * silently and an entry can be deleted from tests/fuzz/known-open.ts once its fix is merged.
 */
import { KNOWN_OPEN } from './known-open.js';
import { FailureLog, oneLine } from './report.js';

/** The seed of the quick runs: fixed, so `npm test` is repeatable; FUZZ_SEED picks another. */
export const QUICK_SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

/** Prints the known-open failures left out of the test, with the reason; returns the new ones as lines. */
export function newFailures(log: FailureLog, what: string): string[] {
    for (const known of KNOWN_OPEN) {
        const groups = log.all().filter(group => group.first.known === known.id);
        if (groups.length > 0) {
            const count = groups.reduce((sum, group) => sum + group.count, 0);
            console.warn(`${what}: ${count} failure(s) left out as known-open "${known.id}" — ${known.issue}. `
                + `Re-enable by deleting its entry in tests/fuzz/known-open.ts once the fix is merged. First: ${oneLine(groups[0].first.message, 160)} (${groups[0].first.where})`);
        }
    }
    return log.all().filter(group => !group.first.known)
        .map(group => `${group.count}× ${group.first.property} in ${group.first.feature}: ${oneLine(group.first.message, 300)}\n    replay: ${group.first.where}\n    input: ${JSON.stringify(group.first.excerpt ?? '')}`);
}
