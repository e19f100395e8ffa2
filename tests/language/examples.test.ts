/**
 * The example programs in examples/ are the demo coaches see first: each checks clean (hints
 * allowed), compiles to sessions with a duration, and the AMRAP keeps its 20-minute cap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, reported, compileDocument } from '../helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const names = readdirSync(EXAMPLES).filter(name => name.endsWith('.workout')).sort();
const texts = Object.fromEntries(names.map(name => [name, readFileSync(path.join(EXAMPLES, name), 'utf8')]));

/** The examples form one workspace, as in a coach's repository and as `workout check examples` sees them. */
async function checkedExamples() {
    const documents = await checkFiles(texts);
    return new Map(names.map((name, index) => [name, documents[index]]));
}

describe('examples/', () => {
    it('holds the seed workouts', () => {
        expect(names.length).toBeGreaterThanOrEqual(4);
    });

    it.each(names)('%s checks with no errors and no warnings', async name => {
        const document = (await checkedExamples()).get(name)!;
        const problems = reported(document).filter(d => d.severity === 'error' || d.severity === 'warning');
        expect(problems).toEqual([]);
    });

    it.each(names)('%s compiles to sessions whose exercises are all known', async name => {
        const document = (await checkedExamples()).get(name)!;
        const session = compileDocument(document.parseResult.value, path.basename(name, '.workout'));
        expect(session.workouts.length + session.plans.length + (session.athletes?.length ?? 0)).toBeGreaterThan(0);
        for (const workout of session.workouts) {
            expect(workout.estimatedSeconds, workout.id).toBeGreaterThan(0);
            const entries = JSON.stringify(workout.blocks);
            expect(entries, workout.id).not.toContain('"known":false');
        }
        // The JSON the command line prints round-trips: no undefined, no cycles.
        expect(JSON.parse(JSON.stringify(session))).toEqual(session);
    });

    it('the cross-training AMRAP has a block capped at 20 minutes (1200 s)', async () => {
        const amrapFile = names.find(name => /amrap\s+20min/.test(texts[name]));
        expect(amrapFile, 'an example with `amrap 20min`').toBeDefined();
        const document = (await checkedExamples()).get(amrapFile!)!;
        const session = JSON.parse(JSON.stringify(compileDocument(document.parseResult.value, 'amrap')));
        const blocks = session.workouts.flatMap((workout: { blocks: Array<{ kind: string; capSeconds?: number }> }) => workout.blocks);
        expect(blocks).toContainEqual(expect.objectContaining({ kind: 'amrap', capSeconds: 1200 }));
    });
});
