/**
 * The session model: what the preview draws and `workout render --format json` prints. Times
 * follow the estimate rules of docs/language.md; volume counts sets per muscle (primary 1,
 * secondary 0.5). The exercises here are defined in the text, so the numbers below follow from
 * the rules alone and not from catalog data that may be tuned later.
 */
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../../src/core/catalog.js';
import { BLOCK_KINDS } from '../../../src/core/block-kinds.js';
import { DEFAULT_RUNNER, MAX_EFFORT_REPS, SECONDS_PER_METER } from '../../../src/core/estimate.js';
import { paceOf } from '../../../src/core/running.js';
import type { BlockModel, EntryModel, ItemModel, SessionModel, WorkoutModel } from '../../../src/core/session-model.js';
import { checkText, reported, compileDocument } from '../../helpers.js';

/** Four exercises with round numbers: 3 s and 4 s per rep, a hold, and a one-sided move. */
const DEFINITIONS = `
exercise press-a < muscles: chest; secondary: triceps, shoulders; per-rep: 3s; equipment: dumbbell >
exercise squat-a < muscles: quadriceps; secondary: glutes; per-rep: 4s; equipment: kettlebell >
exercise hold-a < muscles: abdominals; kind: hold >
exercise lunge-a < muscles: quadriceps, glutes; per-rep: 3s; unilateral: yes >
`;

async function compile(text: string, fileBaseName = 'session'): Promise<SessionModel> {
    const document = await checkText(DEFINITIONS + text, `${fileBaseName}.workout`);
    const errors = reported(document).filter(d => d.severity === 'error');
    expect(errors, 'the test text itself must be valid').toEqual([]);
    return compileDocument(document.parseResult.value, fileBaseName);
}

async function workout(body: string): Promise<WorkoutModel> {
    const session = await compile(`workout w <\n${body}\n>\n`);
    return session.workouts.find(found => found.id === 'w')!;
}

async function onlyBlock(body: string): Promise<BlockModel> {
    const compiled = await workout(body);
    expect(compiled.blocks).toHaveLength(1);
    return compiled.blocks[0];
}

function entries(items: ItemModel[]): EntryModel[] {
    return items.flatMap(item => item.type === 'entry' ? [item] : item.type === 'block' ? entries(item.entries) : []);
}

describe('duration estimate', () => {
    it('an entry is reps × seconds per rep × sets', async () => {
        const block = await onlyBlock('  3 x 10 press-a');
        expect(block.estimatedSeconds).toBe(3 * 10 * 3);
    });

    it('a rep range counts its middle', async () => {
        const block = await onlyBlock('  8-12 squat-a');
        expect(block.estimatedSeconds).toBe(10 * 4);
    });

    it('per side doubles the time of a set, one side does not', async () => {
        expect((await onlyBlock('  3 x 10 lunge-a per leg')).estimatedSeconds).toBe(3 * 10 * 3 * 2);
        expect((await onlyBlock('  10 lunge-a left')).estimatedSeconds).toBe(10 * 3);
        expect((await onlyBlock('  2 x 30s hold-a each side')).estimatedSeconds).toBe(2 * 30 * 2);
    });

    it('rest after each set is added to every set', async () => {
        expect((await onlyBlock('  3 x 10 press-a rest 60s')).estimatedSeconds).toBe(3 * (30 + 60));
    });

    it('holds count their time, runs a runner\'s pace, other distances 6 min/km, max efforts a fixed number of reps', async () => {
        expect((await onlyBlock('  30-45s hold-a')).estimatedSeconds).toBe(37.5);
        // A run without a target is easy: 25–40 % slower than an intermediate runner's 5K pace (24 min).
        const easy = paceOf('easy', DEFAULT_RUNNER)!;
        expect((await onlyBlock('  400m run')).estimatedSeconds).toBeCloseTo(400 * (easy.min + easy.max) / 2 / 1000);
        // Rowing has its own pace in the catalog (2:00/500 m); distance work without one, 6 min/km.
        expect((await onlyBlock('  500m rowing')).estimatedSeconds).toBeCloseTo(500 * 0.24);
        expect(SECONDS_PER_METER * 1000).toBeCloseTo(360);
        expect((await onlyBlock('  max press-a')).estimatedSeconds).toBe(MAX_EFFORT_REPS * 3);
    });

    it('a rest line counts its time', async () => {
        expect((await onlyBlock('  10 press-a\n  rest 2min')).estimatedSeconds).toBe(30 + 120);
    });

    it('an AMRAP lasts its cap, whatever is inside', async () => {
        const block = await onlyBlock('  amrap 20min < 30 press-a; 10 squat-a >');
        expect(block).toMatchObject({ kind: 'amrap', capSeconds: 1200, estimatedSeconds: 1200 });
    });

    it('an EMOM lasts its stated time; `every 2min for 10min` too', async () => {
        expect(await onlyBlock('  emom 10min < 10 press-a >')).toMatchObject({ kind: 'emom', capSeconds: 600, everySeconds: 60, estimatedSeconds: 600 });
        expect(await onlyBlock('  every 2min for 10min < 10 press-a >')).toMatchObject({ kind: 'emom', capSeconds: 600, everySeconds: 120, estimatedSeconds: 600 });
    });

    it('rounds are the work × N plus the rests between rounds', async () => {
        const block = await onlyBlock('  3 rounds rest 60s < 10 press-a; 30s hold-a >');
        expect(block).toMatchObject({ kind: 'rounds', rounds: 3, restSeconds: 60 });
        expect(block.estimatedSeconds).toBe(3 * (30 + 30) + 2 * 60);
        expect((await onlyBlock('  2 sets < 10 press-a >')).estimatedSeconds).toBe(2 * 30);
    });

    it('intervals are intervals × (on + off); a Tabata is 8 × (20 s + 10 s) = 4 min', async () => {
        expect(await onlyBlock('  intervals 10 x 40s on 20s off < max press-a >')).toMatchObject({
            kind: 'intervals', rounds: 10, workSeconds: 40, offSeconds: 20, estimatedSeconds: 600
        });
        const tabata = await onlyBlock('  tabata < max squat-a >');
        expect(tabata).toMatchObject({ kind: 'intervals', rounds: BLOCK_KINDS.intervals.keywords.tabata.rounds, workSeconds: 20, offSeconds: 10 });
        expect(tabata.estimatedSeconds).toBe(240);
    });

    it('for-time lasts its cap, or the estimate of its work without one', async () => {
        expect((await onlyBlock('  for-time cap 15min < 50 press-a; 50 squat-a >')).estimatedSeconds).toBe(900);
        expect((await onlyBlock('  for-time < 50 press-a; 50 squat-a >')).estimatedSeconds).toBe(50 * 3 + 50 * 4);
    });

    it('a superset is its work plus its rest', async () => {
        expect((await onlyBlock('  superset rest 90s < 10 press-a; 10 squat-a >')).estimatedSeconds).toBe(30 + 40 + 90);
    });

    it('warm-up, cool-down and sections last their work; blocks nest', async () => {
        expect((await onlyBlock('  warmup < 5min hold-a >')).estimatedSeconds).toBe(300);
        expect((await onlyBlock('  section "Hips" < 10 squat-a >')).estimatedSeconds).toBe(40);
        const nested = await onlyBlock('  3 rounds < superset < 10 press-a; 10 squat-a > ; rest 60s >');
        expect(nested.estimatedSeconds).toBe(3 * (30 + 40 + 60));
    });

    it('a workout lasts the sum of its blocks', async () => {
        const compiled = await workout('  warmup < 5min hold-a >\n  amrap 20min < 10 press-a >\n  cooldown < 5min hold-a >');
        expect(compiled.estimatedSeconds).toBe(300 + 1200 + 300);
    });

    it('an exercise that is not known still gets the default 3 s per rep', async () => {
        const document = await checkText('workout w <\n  10 made-up-move\n>\n');
        const [compiled] = compileDocument(document.parseResult.value, 'w').workouts;
        const [entry] = entries(compiled.blocks);
        expect(entry).toMatchObject({ exercise: 'made-up-move', known: false, estimatedSeconds: 30 });
    });
});

describe('sets per muscle', () => {
    it('a primary muscle counts 1 per set, a secondary 0.5', async () => {
        const compiled = await workout('  3 x 10 press-a');
        expect(compiled.muscles).toEqual({ chest: 3, shoulders: 1.5, triceps: 1.5 });
    });

    it('rounds multiply the sets inside', async () => {
        const compiled = await workout('  4 rounds < 2 x 10 squat-a >');
        expect(compiled.muscles).toEqual({ quadriceps: 8, glutes: 4 });
    });

    it('warm-up and cool-down do not count toward volume', async () => {
        const compiled = await workout('  warmup < 10 squat-a >\n  3 x 10 press-a\n  cooldown < 60s hold-a >');
        expect(compiled.muscles).toEqual({ chest: 3, shoulders: 1.5, triceps: 1.5 });
    });

    it('adds up across blocks and exercises', async () => {
        const compiled = await workout('  3 x 10 squat-a\n  2 rounds < 10 lunge-a per leg >');
        expect(compiled.muscles).toEqual({ quadriceps: 5, glutes: 1.5 + 2 });
    });

    it('catalog exercises count with their catalog muscles', async () => {
        const squats = bundledCatalog().find('squats')!;
        const compiled = await workout('  3 x 15 squats');
        for (const muscle of squats.primaryMuscles) {
            expect(compiled.muscles[muscle]).toBe(3);
        }
        for (const muscle of squats.secondaryMuscles.filter(m => !squats.primaryMuscles.includes(m))) {
            expect(compiled.muscles[muscle]).toBe(1.5);
        }
    });
});

describe('equipment', () => {
    it('lists what every block needs, once each, sorted; warm-up included', async () => {
        const compiled = await workout('  warmup < 10 squat-a >\n  3 x 10 press-a\n  3 x 10 squat-a\n  30s hold-a');
        expect(compiled.equipment).toEqual(['dumbbell', 'kettlebell']);
    });

    it('catalog exercises bring their equipment', async () => {
        const compiled = await workout('  3 x 10 goblet-squat @ 16kg\n  3 x 8 step-ups per leg');
        expect(compiled.equipment).toEqual([...new Set([
            ...bundledCatalog().find('goblet-squat')!.equipment,
            ...bundledCatalog().find('step-ups')!.equipment
        ])].sort());
        expect(compiled.equipment).toContain('kettlebell');
    });
});

describe('workouts in a file', () => {
    it('items written outside a workout form one named after the file', async () => {
        const session = await compile('amrap 20min < 30 press-a; 10 squat-a >\n', 'tuesday-conditioning');
        expect(session.workouts).toHaveLength(1);
        expect(session.workouts[0]).toMatchObject({ id: 'tuesday-conditioning', name: 'tuesday-conditioning', estimatedSeconds: 1200 });
    });

    it('named workouts keep their name and title; loose items come first', async () => {
        const session = await compile('10 press-a\nworkout strength-a "Strength A" < 3 x 10 squat-a >\nworkout strength-b < 3 x 10 press-a >\n', 'week');
        expect(session.workouts.map(w => [w.id, w.name])).toEqual([['week', 'week'], ['strength-a', 'Strength A'], ['strength-b', 'strength-b']]);
        expect(session.workouts[1].line).toBe(DEFINITIONS.split('\n').length + 1);
    });

    it('a file of definitions only has no workouts', async () => {
        const session = await compile('');
        expect(session.workouts).toEqual([]);
    });
});

describe('entry fields', () => {
    async function entry(text: string): Promise<EntryModel> {
        const [found] = entries((await workout(`  ${text}`)).blocks);
        return found;
    }

    it('reps, seconds and meters as {min, max}', async () => {
        expect(await entry('2 x 8-12 press-a')).toMatchObject({ exercise: 'press-a', sets: 2, reps: { min: 8, max: 12 } });
        expect(await entry('30-45s hold-a')).toMatchObject({ seconds: { min: 30, max: 45 } });
        expect(await entry('1min hold-a')).toMatchObject({ seconds: { min: 60, max: 60 } });
        expect(await entry('400m run')).toMatchObject({ exercise: 'run', meters: { min: 400, max: 400 } });
        expect(await entry('5km easy-run')).toMatchObject({ meters: { min: 5000, max: 5000 } });
        expect(await entry('1h30min easy-run')).toMatchObject({ seconds: { min: 5400, max: 5400 } });
        const one = await entry('10 press-a');
        expect(one.sets).toBe(1);
        expect(one.seconds).toBeUndefined();
        expect(one.meters).toBeUndefined();
    });

    it('max effort has no count', async () => {
        const found = await entry('max press-a');
        expect(found.maxEffort).toBe(true);
        expect(found.reps).toBeUndefined();
    });

    it('side: both, each, left or right', async () => {
        expect((await entry('10 squat-a')).side).toBe('both');
        expect((await entry('10 lunge-a per leg')).side).toBe('each');
        expect((await entry('10 lunge-a each side')).side).toBe('each');
        expect((await entry('10 lunge-a per arm')).side).toBe('each');
        expect((await entry('10 lunge-a left')).side).toBe('left');
        expect((await entry('10 lunge-a right')).side).toBe('right');
    });

    it('loads: weight in kg or lb, percent of 1RM, RPE, bodyweight, optional', async () => {
        expect((await entry('10 squat-a @ 16kg')).load).toEqual({ kind: 'weight', value: 16, unit: 'kg' });
        expect((await entry('10 squat-a @ 35lb')).load).toEqual({ kind: 'weight', value: 35, unit: 'lb' });
        expect((await entry('5 squat-a @ 70%')).load).toEqual({ kind: 'percent-1rm', value: 70, unit: '%' });
        expect((await entry('5 squat-a @ rpe 7')).load).toEqual({ kind: 'rpe', value: 7, unit: 'rpe' });
        expect((await entry('10 press-a @ bw')).load).toEqual({ kind: 'bodyweight', value: null, unit: null });
        expect((await entry('10 press-a @ bodyweight')).load).toEqual({ kind: 'bodyweight', value: null, unit: null });
        expect((await entry('20 squat-a @ 5kg optional')).load).toEqual({ kind: 'weight', value: 5, unit: 'kg', optional: true });
        expect((await entry('10 press-a')).load).toBeUndefined();
    });

    it('rest after each set, a note, and the line it is written on', async () => {
        const found = await entry('3 x 10 squat-a @ 16kg rest 90s "knees behind toes"');
        expect(found).toMatchObject({ restSeconds: 90, note: 'knees behind toes' });
        expect(found.line).toBe(DEFINITIONS.split('\n').length + 1);
        expect((await entry('3 x 10 squat-a rest 2min')).restSeconds).toBe(120);
    });

    it('a repeated modifier keeps the last one, as its warning says', async () => {
        const document = await checkText(DEFINITIONS + 'workout w <\n  10 lunge-a per leg left @ 10kg @ 12kg\n>\n');
        const [found] = entries(compileDocument(document.parseResult.value, 'w').workouts[0].blocks);
        expect(found.side).toBe('left');
        expect(found.load).toMatchObject({ value: 12 });
        expect(reported(document).filter(d => d.code === 'duplicate-modifier')).toHaveLength(2);
    });

    it('quoted and differently written names resolve to the catalog id', async () => {
        expect((await entry('10 "Squat to kettlebell press" @ 12kg')).exercise).toBe('squat-to-kettlebell-press');
        expect((await entry('10 Burpees')).exercise).toBe('burpees');
        expect((await entry('10 press-ups')).exercise).toBe(bundledCatalog().find('push-ups')!.id);
    });

    it('the model is plain JSON data', async () => {
        const session = await compile('workout w < 3 rounds rest 60s < 10 press-a @ 10kg; 30s hold-a > >\n');
        expect(JSON.parse(JSON.stringify(session))).toEqual(session);
        expect(session.plans).toEqual([]);
    });
});
