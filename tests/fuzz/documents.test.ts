/**
 * The quick version of the document fuzzing that `npm run fuzz` runs at scale (tests/fuzz/run.ts):
 * a few hundred random and mutated documents and the cheap stress cases through the parser,
 * the checks, every editor feature, the compiler and every renderer
 * (tests/fuzz/document-check.ts lists the properties). Known-open problems of the language
 * side are left out with a printed reason; anything else fails the test with its replay seed.
 */
import { describe, expect, it } from 'vitest';
import { DocumentChecker } from './document-check.js';
import { documentOfSeed } from './generate.js';
import { newFailures, QUICK_SEED } from './quick.js';
import { excerpt, FailureLog } from './report.js';
import { STRESS_CASES, STRESS_SLOW_MS } from './stress.js';

const DOCUMENTS = Number(process.env.FUZZ_DOCUMENTS ?? 300);
/** The stress cases that take well under a second: the large ones are for `npm run fuzz`. */
const QUICK_STRESS = ['ten million intervals', 'five hundred workouts', 'blocks nested 60 deep', 'blocks nested 300 deep', 'a 400-digit amount', 'lone CR line endings'];

describe('fuzzing documents (quick)', () => {
    it(`${DOCUMENTS} random and mutated documents from seed ${QUICK_SEED}: no new failure`, async () => {
        const checker = new DocumentChecker();
        const log = new FailureLog();
        let calls = 0;
        for (let index = 0; index < DOCUMENTS; index++) {
            const seed = (QUICK_SEED + index) >>> 0;
            const { text } = documentOfSeed(seed);
            const { failures, figures } = await checker.check(text, seed);
            calls += figures.calls;
            failures.forEach(failure => log.add({ ...failure, where: `npm run fuzz -- --only documents --seed ${seed} --documents 1`, excerpt: excerpt(text) }));
        }
        expect(calls).toBeGreaterThan(DOCUMENTS * 20);
        expect(newFailures(log, 'documents')).toEqual([]);
    }, 300_000);

    it('the quick stress cases: no new failure', async () => {
        const checker = new DocumentChecker();
        const log = new FailureLog();
        const cases = STRESS_CASES.filter(stress => QUICK_STRESS.includes(stress.name));
        expect(cases).toHaveLength(QUICK_STRESS.length);
        for (const [index, stress] of cases.entries()) {
            const text = stress.text();
            const { failures } = await checker.check(text, index, stress.slowMs ?? STRESS_SLOW_MS);
            failures.forEach(failure => log.add({ ...failure, where: `stress case "${stress.name}"`, excerpt: excerpt(text, 80) }));
        }
        expect(newFailures(log, 'stress cases')).toEqual([]);
    }, 120_000);
});
