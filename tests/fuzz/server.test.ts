/**
 * The quick version of the language-server fuzzing of `npm run fuzz`: about fifty random edits
 * (valid and invalid positions) with requests between them, against the bundled server over
 * stdio, with the hostile corpus in the workspace. No crash, no hang over 2 s, no error answer
 * and no range formatting that changes more than blanks, known-open problems left out with a
 * printed reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT } from './generate.js';
import { newFailures, QUICK_SEED } from './quick.js';
import { FailureLog } from './report.js';
import { fuzzServer } from './server-fuzz.js';

const SERVER = path.join(ROOT, 'dist/server.cjs');
const EDITS = Number(process.env.FUZZ_EDITS ?? 50);

describe('fuzzing the language server (quick)', () => {
    it(`${EDITS} random edits from seed ${QUICK_SEED}, requests between them: no new failure`, async () => {
        // `npm test` builds first; run alone, the test bundles the server itself.
        if (!existsSync(SERVER)) {
            expect(spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT }).status).toBe(0);
        }
        const hostile = path.join(ROOT, 'tests/fixtures/hostile');
        const workspace = Object.fromEntries(readdirSync(hostile).filter(name => name.endsWith('.workout'))
            .map(name => [`hostile/${name}`, readFileSync(path.join(hostile, name), 'utf8')]));
        workspace['hostile/numbers.workout'] = `workout numbers <\n  ${'9'.repeat(400)} squats\n>\n`;
        const figures = await fuzzServer({ seed: QUICK_SEED, edits: EDITS, server: SERVER, node: process.execPath, startText: EXAMPLES[0].text, workspace });
        expect(figures.edits).toBe(EDITS);
        expect(figures.requests).toBeGreaterThanOrEqual(EDITS);
        const log = new FailureLog();
        figures.failures.forEach(failure => log.add(failure));
        expect(newFailures(log, 'server')).toEqual([]);
        expect(figures.crashes).toBe(0);
    }, 180_000);
});
