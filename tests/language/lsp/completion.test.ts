/**
 * Completion as a coach meets it: names while typing, with what each exercise works and needs;
 * units right after a number; sides and loads after a name; block keywords where a block may
 * start, and no keywords that only make noise.
 */
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import type { WorkoutServices } from '../../../src/language/workout-module.js';
import { applyEdits, cursorIn, newWorkspace, openFiles, uriOf } from './lsp-kit.js';

interface Offered {
    items: CompletionItem[];
    /** The text after accepting the item with this label (snippet placeholders filled with their defaults). */
    accept(label: string): string;
}

/** Completion at the `‸` of `name`, with the other files open in the same workspace; items in the editor's order. */
async function completeAt(files: Record<string, string>, name = 'session.workout', services: WorkoutServices = newWorkspace()): Promise<Offered> {
    const { text, position } = cursorIn(files[name]);
    const documents = await openFiles(services, { ...files, [name]: text });
    const document = documents[Object.keys(files).indexOf(name)];
    const list = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uriOf(name) }, position });
    const items = [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    return {
        items,
        accept(label) {
            const item = items.find(candidate => candidate.label === label);
            if (!item?.textEdit || !('range' in item.textEdit)) {
                throw new Error(`No completion \`${label}\` with an edit; offered: ${items.map(i => i.label).slice(0, 20).join(', ')}`);
            }
            const newText = item.textEdit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
            return applyEdits(text, [{ range: item.textEdit.range, newText }]);
        }
    };
}

const labels = (offered: Offered) => offered.items.map(item => item.label as string);
const inWorkout = (line: string) => ({ 'session.workout': `workout session <\n  ${line}\n>\n` });

describe('completion of exercise names', () => {
    it('offers burpees for `10 burp` and ranks it before names that only match loosely', async () => {
        const offered = await completeAt(inWorkout('10 burp‸'));
        expect(labels(offered)[0]).toBe('burpees');
        const others = labels(offered).filter(label => !label.startsWith('burp'));
        expect(others.length).toBeGreaterThan(0);
        expect(offered.accept('burpees')).toBe('workout session <\n  10 burpees\n>\n');
    });

    it('offers a coach alias (`press-ups`) and shows which catalog exercise it means', async () => {
        const offered = await completeAt(inWorkout('12 press-u‸'));
        const alias = offered.items.find(item => item.label === 'press-ups');
        expect(alias).toBeDefined();
        expect(alias!.labelDetails?.description).toContain('push-ups');
        expect(labels(offered).indexOf('press-ups')).toBe(0);
    });

    it('gives the muscles and the equipment in the detail', async () => {
        const offered = await completeAt(inWorkout('10 goblet-sq‸'));
        const goblet = offered.items.find(item => item.label === 'goblet-squat');
        expect(goblet?.detail).toMatch(/quadriceps/);
        expect(goblet?.detail).toMatch(/kettlebell|dumbbell/);
        const burpees = (await completeAt(inWorkout('10 burpe‸'))).items.find(item => item.label === 'burpees');
        expect(burpees?.detail).toBe('quadriceps, chest · bodyweight');
    });

    it("offers the workspace's own exercises, defined in another file, first and with their muscles and equipment", async () => {
        const files = {
            'session.workout': 'workout session <\n  10 kb-h‸\n>\n',
            'exercises.workout': 'exercise kb-halo "Kettlebell halo" <\n  muscles: shoulders, core\n  equipment: kettlebell\n>\n'
        };
        const offered = await completeAt(files);
        expect(labels(offered)[0]).toBe('kb-halo');
        const halo = offered.items[0];
        expect(halo.detail).toBe('shoulders, abdominals · kettlebell');
        expect(halo.labelDetails?.description).toBe('Kettlebell halo');
        expect(offered.accept('kb-halo')).toContain('  10 kb-halo\n');
    });

    it('keeps offering names while a hyphenated name is half typed (`single-leg-`)', async () => {
        const offered = await completeAt(inWorkout('10 single-leg-‸'));
        expect(labels(offered)).toContain('single-leg-deadlift');
        expect(offered.accept('single-leg-deadlift')).toBe('workout session <\n  10 single-leg-deadlift\n>\n');
        const defined = await completeAt({
            'session.workout': 'workout session <\n  10 kb-‸\n>\n',
            'exercises.workout': 'exercise kb-halo <\n  muscles: shoulders\n>\n'
        });
        expect(labels(defined)[0]).toBe('kb-halo');
    });

    it('offers names in a plan day as well (a day may list a run)', async () => {
        const offered = await completeAt({ 'plan.workout': 'plan p <\n  week 1 <\n    monday: 30min easy-ru‸\n  >\n>\n' }, 'plan.workout');
        expect(labels(offered)).toContain('easy-run');
    });

    it('offers no keyword that only makes noise where an exercise name goes', async () => {
        const offered = await completeAt(inWorkout('10 ‸'));
        expect(labels(offered)).toContain('burpees');
        for (const noise of ['monday', 'plan', 'workout', 'exercise', 'import', 'week', 'level', 'left', 'optional']) {
            expect(labels(offered), noise).not.toContain(noise);
        }
    });
});

describe('completion of units right after a number', () => {
    it('offers `30s`, `30min`… as edits that complete the number', async () => {
        const offered = await completeAt(inWorkout('30‸'));
        expect(labels(offered).slice(0, 2)).toEqual(['30s', '30min']);
        expect(labels(offered)).toEqual(expect.arrayContaining(['30s', '30min', '30m', '30km', '30kg', '30lb', '30%']));
        expect(offered.accept('30s')).toBe('workout session <\n  30s\n>\n');
        expect(offered.accept('30min')).toBe('workout session <\n  30min\n>\n');
        expect(offered.items.find(item => item.label === '30s')?.detail).toBe('seconds');
    });

    it('completes the upper end of a range and a cap', async () => {
        expect((await completeAt(inWorkout('30-45‸'))).accept('45s')).toBe('workout session <\n  30-45s\n>\n');
        expect((await completeAt(inWorkout('amrap 20‸'))).accept('20min')).toBe('workout session <\n  amrap 20min\n>\n');
    });

    it('offers sets after a number (`3 x`)', async () => {
        expect((await completeAt(inWorkout('3‸'))).accept('3 x')).toBe('workout session <\n  3 x \n>\n');
    });
});

describe('completion after an exercise name', () => {
    it('offers the sides: `per side`, `per leg`, `left`, `right`', async () => {
        const offered = await completeAt(inWorkout('10 lunges ‸'));
        expect(labels(offered)).toEqual(expect.arrayContaining(['per side', 'per leg', 'per arm', 'each side', 'left', 'right']));
        expect(offered.accept('per side')).toBe('workout session <\n  10 lunges per side\n>\n');
        expect((await completeAt(inWorkout('10 lunges per‸'))).accept('per side')).toBe('workout session <\n  10 lunges per side\n>\n');
    });

    it('offers loads in kilograms by default', async () => {
        const offered = await completeAt(inWorkout('10 goblet-squats ‸'));
        expect(labels(offered)).toEqual(expect.arrayContaining(['@ 12kg', '@ 70%', '@ rpe 7', '@ bw']));
        expect(labels(offered)).not.toContain('@ 12lb');
        expect(offered.accept('@ 12kg')).toBe('workout session <\n  10 goblet-squats @ 12kg\n>\n');
        expect((await completeAt(inWorkout('10 goblet-squats @‸'))).accept('@ 12kg')).toBe('workout session <\n  10 goblet-squats @ 12kg\n>\n');
    });

    it('offers the notation of real programs after a name: tempo, targets of a training max and of effort, Rx pairs, alternating sides', async () => {
        const offered = await completeAt(inWorkout('3 x 8 back-squat ‸'));
        expect(labels(offered)).toEqual(expect.arrayContaining(['tempo 3-1-1', '@ 65% tm', '@ rir 2', '@ 95/65kg', '@ 2x24kg', 'alternating', 'every']));
        expect(offered.accept('tempo 3-1-1')).toBe('workout session <\n  3 x 8 back-squat tempo 3-1-1\n>\n');
    });

    it('offers loads in pounds when the workout.loadUnit setting says lb', async () => {
        const services = newWorkspace();
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { workout: { loadUnit: 'lb' } } });
        const offered = await completeAt(inWorkout('10 goblet-squats ‸'), 'session.workout', services);
        expect(labels(offered)).toContain('@ 12lb');
        expect(labels(offered)).not.toContain('@ 12kg');
        expect(offered.accept('@ 12lb')).toBe('workout session <\n  10 goblet-squats @ 12lb\n>\n');
    });
});

describe('completion of keywords', () => {
    it('offers the block keywords at the start of an item', async () => {
        const offered = await completeAt(inWorkout('‸'));
        expect(labels(offered)).toEqual(expect.arrayContaining(['amrap', 'emom', 'for-time', 'superset', 'tabata', 'intervals', 'warmup', 'cooldown', 'section', 'rest', 'max']));
        const partial = await completeAt(inWorkout('sup‸'));
        expect(partial.accept('superset')).toBe('workout session <\n  superset\n>\n');
    });

    it('offers `rounds` after a count that may start a circuit', async () => {
        expect(labels(await completeAt(inWorkout('3 ro‸')))).toContain('rounds');
    });

    it('offers the weekdays inside a plan week and the top-level keywords in an empty file', async () => {
        expect(labels(await completeAt({ 'plan.workout': 'plan p <\n  week 1 <\n    ‸\n  >\n>\n' }, 'plan.workout')))
            .toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'daily', 'twice']);
        expect(labels(await completeAt({ 'new.workout': '‸' }, 'new.workout'))).toEqual(expect.arrayContaining(['workout', 'exercise', 'plan', 'import', 'amrap']));
    });
});

describe('ranking of exercise names', () => {
    it('puts the shortest name that starts with what was typed first: `squat` offers `squats` first', async () => {
        const offered = await completeAt(inWorkout('10 squat‸'));
        expect(labels(offered)[0]).toBe('squats');
        const prefixed = labels(offered).filter(label => label.startsWith('squat'));
        expect(labels(offered).slice(0, prefixed.length)).toEqual(prefixed);
    });

    it('ranks names with a word starting with what was typed before looser matches', async () => {
        const offered = labels(await completeAt(inWorkout('10 deadl‸')));
        const wordMatch = offered.indexOf('single-leg-deadlift');
        expect(wordMatch).toBeGreaterThanOrEqual(0);
        const loose = offered.findIndex(label => !label.startsWith('deadl') && !label.includes('-deadl'));
        if (loose >= 0) {
            expect(wordMatch).toBeLessThan(loose);
        }
        expect(offered.filter(label => label.startsWith('deadl')).every(label => offered.indexOf(label) < wordMatch)).toBe(true);
    });
});
