/**
 * The command line finds the timer it inlines in an exported page (src/cli/timer-script.ts),
 * and without it (not built) the page simply has no Play button.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTimerScript, timerScriptCandidates } from '../../src/cli/timer-script.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'workout-timer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the timer script of the export', () => {
    it('is read from the build, beside the bundled CLI or in the project\'s dist/', async () => {
        const candidates = timerScriptCandidates();
        expect(candidates.map(candidate => path.relative(path.resolve(__dirname, '../..'), candidate))).toContain(path.join('dist', 'webview', 'timer.js'));
        expect(await readTimerScript()).toMatch(/\S/);
    });

    it('is undefined when it is missing, empty or a folder, and the next place is tried', async () => {
        const empty = path.join(scratch, 'empty.js');
        writeFileSync(empty, '');
        const good = path.join(scratch, 'timer.js');
        writeFileSync(good, '(()=>{})();');
        expect(await readTimerScript([path.join(scratch, 'missing.js'), empty, scratch])).toBeUndefined();
        expect(await readTimerScript([path.join(scratch, 'missing.js'), good])).toBe('(()=>{})();');
    });
});
