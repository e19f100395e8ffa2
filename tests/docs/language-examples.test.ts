/**
 * Every `workout` example in the language reference parses, checks and renders: the reference
 * is a contract, so an example that stops working is a broken promise to coaches. The examples
 * of the reference draft (LANGUAGE.md, outside the repository) are copied into
 * docs/reference-examples.md, so only files of the project are read: a clone tests them too.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isExerciseDef, isPlan, type Document } from '../../src/language/generated/ast.js';
import { bundledCatalog } from '../../src/core/catalog.js';
import { exerciseInfoFromDefinition } from '../../src/language/exercise-resolver.js';
import { checkFiles, checkText, reported, compileDocument } from '../helpers.js';

const ROOT = path.resolve(__dirname, '../..');
const REFERENCE_EXAMPLES = path.join(ROOT, 'docs/reference-examples.md');
const SOURCES = [REFERENCE_EXAMPLES, path.join(ROOT, 'docs/language.md')];
/** The `workout` blocks of the reference draft: all of them are in docs/reference-examples.md. */
const REFERENCE_BLOCKS = 4;

interface Example {
    /** `reference-examples.md:12`: where the block starts, for test names and failure messages. */
    where: string;
    /** The document it comes from: each document's examples form one workspace. */
    source: string;
    text: string;
}

function workoutBlocks(file: string): Example[] {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const blocks: Example[] = [];
    for (let i = 0; i < lines.length; i++) {
        if (/^\s*```workout\s*$/.test(lines[i])) {
            const start = i;
            const body: string[] = [];
            for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) {
                body.push(lines[i]);
            }
            blocks.push({ where: `${path.basename(file)}:${start + 2}`, source: file, text: body.join('\n') + '\n' });
        }
    }
    return blocks;
}

const all = SOURCES.flatMap(workoutBlocks);
/** `…` stands for "more of the same" in the prose; such a block is not meant to be typed in. */
const isPlaceholder = (example: Example) => example.text.includes('…');
const complete = all.filter(example => !isPlaceholder(example));
const placeholders = all.filter(isPlaceholder);

/**
 * A document's complete examples in one workspace, so a block may use a name another block of
 * the same document defines (two documents may show the same example, so not across them).
 */
async function checkedTogether(source: string) {
    const examples = complete.filter(example => example.source === source);
    const files = Object.fromEntries(examples.map((example, index) => [`example-${index}.workout`, example.text]));
    const documents = await checkFiles(files);
    return examples.map((example, index) => ({ example, document: documents[index] }));
}

describe('examples of the language reference', () => {
    it('finds the reference and its examples', () => {
        expect(all.filter(example => example.source === REFERENCE_EXAMPLES)).toHaveLength(REFERENCE_BLOCKS);
        expect(all.filter(example => example.source !== REFERENCE_EXAMPLES).length).toBeGreaterThanOrEqual(2);
        expect(complete.length).toBeGreaterThanOrEqual(5);
    });

    it(`excludes ${placeholders.length} block(s) that use "…" as a placeholder for more content: ${placeholders.map(p => p.where).join(', ') || 'none'}`, () => {
        // `…` is prose for "more of the same", not something to type; such blocks cannot parse.
        for (const example of placeholders) {
            expect(example.text, example.where).toMatch(/^\s*…\s*$|<\s*…\s*>/m);
        }
        // Among the reference's examples that is only the plan (`week 2 < … >`), tested on its own below.
        const fromReference = placeholders.filter(example => example.source === REFERENCE_EXAMPLES);
        expect(fromReference).toHaveLength(1);
        expect(fromReference[0].text).toContain('plan runner-strength');
    });

    it.each(complete.map(example => [example.where, example]))('%s parses and checks without errors', async (_where, example) => {
        const checked = await checkedTogether(example.source);
        const { document } = checked.find(c => c.example === example)!;
        const errors = reported(document).filter(d => d.severity === 'error');
        // A fragment may name a workout that the reference only mentions (a plan's `intervals-day`).
        expect(errors.filter(d => d.code !== 'unknown-workout'), example.text).toEqual([]);
        expect(reported(document).filter(d => d.severity === 'warning'), example.text).toEqual([]);
    });

    it.each(complete.map(example => [example.where, example]))('%s renders', async (_where, example) => {
        const document = await checkText(example.text);
        const ast = document.parseResult.value as Document;
        const session = compileDocument(ast, 'example');
        if (ast.elements.every(isExerciseDef)) {
            // A block of definitions renders nothing itself; what it says is read from it.
            for (const definition of ast.elements.filter(isExerciseDef)) {
                const info = exerciseInfoFromDefinition(definition, bundledCatalog());
                expect(info.primaryMuscles.length, example.where).toBeGreaterThan(0);
            }
            return;
        }
        expect(session.workouts.length + session.plans.length, example.where).toBeGreaterThan(0);
        for (const workout of session.workouts) {
            expect(workout.blocks.length, `${example.where}: ${workout.id}`).toBeGreaterThan(0);
            expect(workout.estimatedSeconds, `${example.where}: ${workout.id}`).toBeGreaterThan(0);
        }
    });
});

describe('the reference\'s examples (docs/reference-examples.md), one by one', () => {
    const reference = workoutBlocks(REFERENCE_EXAMPLES);
    const find = (needle: string) => {
        const found = reference.find(example => example.text.includes(needle));
        expect(found, `no example containing ${needle}`).toBeDefined();
        return found!;
    };

    it('the first file compiles to the 30-minute cross-training session with a 20-minute AMRAP', async () => {
        const document = await checkText(find('workout cross-training').text);
        const [workout] = compileDocument(document.parseResult.value, 'x').workouts;
        expect(workout.id).toBe('cross-training');
        expect(workout.name).toBe('Cross-training AMRAP');
        expect(workout.blocks.map(block => block.kind)).toEqual(['warmup', 'amrap', 'cooldown']);
        expect(workout.blocks[1].capSeconds).toBe(1200);
        expect(workout.estimatedSeconds).toBe(1800);
        expect(workout.equipment).toContain('kettlebell');
    });

    it('the one-line AMRAP is a whole file on its own', async () => {
        const document = await checkText(find('amrap 20min < 30 mountain-climbers; 10 burpees >').text);
        expect(reported(document)).toEqual([]);
        const [workout] = compileDocument(document.parseResult.value, 'one-line').workouts;
        expect(workout.id).toBe('one-line');
        expect(workout.blocks[0].entries.map(entry => entry.type === 'entry' && entry.exercise)).toEqual(['mountain-climbers', 'burpees']);
    });

    it('the exercise definition is read: muscles, equipment and time per rep', async () => {
        const document = await checkText(find('exercise squat-to-kettlebell-press').text);
        expect(reported(document)).toEqual([]);
        const definition = document.parseResult.value.elements.find(isExerciseDef)!;
        const info = exerciseInfoFromDefinition(definition, bundledCatalog());
        expect(info.name).toBe('Squat to kettlebell press');
        // Coaches' words are mapped to the catalog's muscle names (quads → quadriceps, core → abdominals).
        expect(info.primaryMuscles).toEqual(['quadriceps', 'glutes', 'shoulders', 'abdominals']);
        expect(info.equipment).toEqual(['kettlebell']);
        expect(info.secondsPerRep).toBe(4);
    });

    it('the plan example parses once its "…" week is left empty; only the workouts it merely names stay unresolved', async () => {
        const example = find('plan runner-strength');
        const text = example.text.replace(/^\s*…\s*$/gm, '');
        const document = await checkText(text);
        const diagnostics = reported(document);
        expect(diagnostics.filter(d => d.code === 'syntax-error')).toEqual([]);
        expect(diagnostics.filter(d => d.severity === 'error' && d.code !== 'unknown-workout')).toEqual([]);
        const plan = document.parseResult.value.elements.find(isPlan)!;
        expect(plan.name).toBe('runner-strength');
        expect(plan.items.filter(item => item.$type === 'Week')).toHaveLength(2);
    });
});
