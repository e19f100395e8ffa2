/**
 * The example 10K plan (examples/ten-k-plan.workout): runs and two strength days check clean, and
 * moving the heavy leg session onto the day before the intervals warns on that line.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const FILES = ['ten-k-plan.workout', 'athletes.workout', 'track-session.workout', 'runner-strength-a.workout'];

async function diagnosticsOfPlan(edit: (text: string) => string = text => text) {
    const files = Object.fromEntries(FILES.map(name => [name, readFileSync(path.join(EXAMPLES, name), 'utf8')]));
    files[FILES[0]] = edit(files[FILES[0]]);
    const [plan] = await checkFiles(files);
    return { text: files[FILES[0]], diagnostics: plan.diagnostics ?? [] };
}

describe('the example 10K plan', () => {
    it('checks clean: runs, the circuit on Monday, heavy legs on Friday', async () => {
        const { text, diagnostics } = await diagnosticsOfPlan();
        expect(diagnostics).toEqual([]);
        expect(text).toMatch(/monday: .*strength-a/);
        expect(text).toMatch(/friday: .*heavy-legs/);
    });

    it('warns on the line where heavy legs move to the day before the 800s', async () => {
        const moved = (text: string) => text.replace('    monday: 7km easy-run @ easy; strength-a\n', '    monday: 7km easy-run @ easy; heavy-legs\n');
        const { text, diagnostics } = await diagnosticsOfPlan(moved);
        const line = text.split('\n').findIndex(candidate => candidate.includes('monday: 7km easy-run @ easy; heavy-legs'));
        expect(line).toBeGreaterThan(0);
        const warnings = diagnostics.filter(diagnostic => diagnostic.code === 'heavy-legs-before-key-run');
        expect(warnings.map(warning => warning.range.start.line)).toEqual([line]);
        expect(warnings[0].message).toContain('the day before `track-800s` on Tuesday');
    });
});
