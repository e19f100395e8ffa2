/**
 * The notation coaches use in real programs (issue 12), as the session model records it: rep
 * schemes, set ranges, AMRAP sets, tempo, effort targets, Rx pairs, units as typed, rests as
 * needed, sides, complexes, EMOM minute labels, sets on a clock, loads and notes of a whole
 * block or workout; and the volume rule that counts the same work the same however it is written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockModel, EntryModel, ItemModel, SessionModel, WorkoutModel } from '../../../src/core/session-model.js';
import { describeAmount, describeBlock, describeEntry } from '../../../src/core/describe.js';
import { checkText, compileDocument, reported } from '../../helpers.js';
import { renderSessionHtml } from '../../../src/render/html.js';
import { renderSessionMarkdown } from '../../../src/render/markdown.js';
import { parseMonday, renderPlansIcs, type CalendarDate } from '../../../src/render/ics.js';

/** Round numbers: 4 s a rep, so the volume below follows from the rules alone. */
const DEFINITIONS = `
exercise pull-a < muscles: lats; secondary: biceps; per-rep: 4s >
exercise push-a < muscles: chest; secondary: triceps; per-rep: 4s >
exercise squat-a < muscles: quadriceps; secondary: glutes; per-rep: 4s >
exercise clean-a < muscles: hamstrings; secondary: shoulders; per-rep: 4s >
exercise press-a < muscles: shoulders; secondary: triceps; per-rep: 4s >
exercise run-a < kind: cardio >
`;

async function compile(text: string): Promise<SessionModel> {
    const document = await checkText(DEFINITIONS + text);
    const errors = reported(document).filter(d => d.severity === 'error');
    expect(errors, 'the test text itself must be valid').toEqual([]);
    return compileDocument(document.parseResult.value, 'session');
}

async function workout(body: string): Promise<WorkoutModel> {
    return (await compile(`workout w <\n${body}\n>\n`)).workouts.find(found => found.id === 'w')!;
}

function entriesOf(items: ItemModel[]): EntryModel[] {
    return items.flatMap(item => item.type === 'entry' ? [item] : item.type === 'block' ? entriesOf(item.entries) : []);
}

async function entry(text: string): Promise<EntryModel> {
    const [first] = entriesOf((await workout(text)).blocks);
    return first;
}

async function block(text: string): Promise<BlockModel> {
    return (await workout(text)).blocks[0];
}

describe('rep schemes', () => {
    it('a scheme in a for-time header gives its rounds to the entries written without an amount', async () => {
        const fran = await block('for-time 21-15-9 < squat-a @ 95/65lb; pull-a >');
        expect(fran).toMatchObject({ kind: 'for-time', repScheme: [21, 15, 9], rounds: 3 });
        const [thrusters, pullUps] = entriesOf([fran]);
        expect(thrusters).toMatchObject({ repScheme: [21, 15, 9], sets: 1, load: { kind: 'weight', value: 95, alternate: 65, unit: 'lb' } });
        expect(pullUps.repScheme).toEqual([21, 15, 9]);
        // 45 reps of each at 4 s.
        expect(fran.estimatedSeconds).toBe(2 * 45 * 4);
        expect(describeBlock(fran)).toBe('For time: 21-15-9');
        expect(describeEntry(thrusters)).toBe('21-15-9 squat-a @ 95/65 lb');
    });

    it('a scheme as an entry amount is one set per number; `+` makes the last one as many as possible', async () => {
        expect(await entry('5-5-5 squat-a')).toMatchObject({ sets: 3, repScheme: [5, 5, 5] });
        const wendler = await entry('5-3-1+ squat-a @ 95% tm');
        expect(wendler).toMatchObject({ sets: 3, repScheme: [5, 3, 1], orMore: true, load: { kind: 'percent-tm', value: 95 } });
        expect(describeEntry(wendler)).toBe('5-3-1+ squat-a @ 95% TM');
    });

    it('a two-number range still reads as a range, smaller number first', async () => {
        expect(await entry('8-12 squat-a')).toMatchObject({ reps: { min: 8, max: 12 } });
    });
});

describe('sets, AMRAP sets and effort', () => {
    it('`3-4 x 8-12` is a range of sets of a range of reps, counted at its middle', async () => {
        const ranged = await entry('3-4 x 8-12 push-a @ rir 2 tempo 3-1-1');
        expect(ranged).toMatchObject({ sets: 3, setsMax: 4, reps: { min: 8, max: 12 }, tempo: '3-1-1', load: { kind: 'rir', value: 2, unit: 'rir' } });
        // 3.5 sets × 10 reps × 5 s a rep at tempo 3-1-1.
        expect(ranged.estimatedSeconds).toBe(3.5 * 10 * 5);
        expect(describeAmount(ranged)).toBe('3–4 × 8–12');
    });

    it('`5+` and `1 x 5+` are AMRAP sets', async () => {
        expect(await entry('5+ press-a @ 85%')).toMatchObject({ reps: { min: 5, max: 5 }, orMore: true, load: { kind: 'percent-1rm', value: 85 } });
        expect(describeAmount(await entry('1 x 5+ press-a'))).toBe('5+');
    });

    it('reads tempo with an explosive phase, RPE ranges and several targets after one `@`', async () => {
        const squat = await entry('3 x 8 squat-a @ 100kg rpe 8-9 tempo 31X1');
        expect(squat.tempo).toBe('31X1');
        expect(squat.load).toEqual({ kind: 'weight', value: 100, unit: 'kg' });
        expect(squat.targets).toEqual([{ kind: 'weight', value: 100, unit: 'kg' }, { kind: 'rpe', value: 8, max: 9, unit: 'rpe' }]);
        expect(describeEntry(squat)).toBe('3 × 8 squat-a @ 100 kg, RPE 8–9 tempo 31X1');
    });
});

describe('capitals and per-side shorthand', () => {
    it('reads the acronyms coaches write in capitals: AMRAP, EMOM, RPE, RIR, TM, 1RM, BW', async () => {
        const amrap = await block('AMRAP 12min < 5 x 5 squat-a @ RPE 8; 5 squat-a @ 65% TM; 5 squat-a @ 70% 1RM; 5 push-a @ BW; 5 pull-a @ RIR 2 tempo 3-1-1 >');
        expect(amrap).toMatchObject({ kind: 'amrap', capSeconds: 720 });
        expect(entriesOf([amrap]).map(found => found.load?.kind)).toEqual(['rpe', 'percent-tm', 'percent-1rm', 'bodyweight', 'rir']);
        expect((await block('EMOM 10min < 5 squat-a >')).kind).toBe('emom');
    });

    it('`10/side` is ten a side', async () => {
        expect(await entry('10/side squat-a')).toMatchObject({ reps: { min: 10, max: 10 }, side: 'each' });
    });
});

describe('loads', () => {
    it('pairs, implements, per hand, pood and box heights', async () => {
        expect((await entry('10 squat-a @ 43/30kg')).load).toEqual({ kind: 'weight', value: 43, alternate: 30, unit: 'kg' });
        expect((await entry('10 squat-a @ 2x24kg')).load).toEqual({ kind: 'weight', value: 24, implements: 2, unit: 'kg' });
        const perHand = await entry('10 squat-a @ 24kg each');
        expect(perHand.load).toEqual({ kind: 'weight', value: 24, each: true, unit: 'kg' });
        expect(perHand.side).toBe('both');
        expect((await entry('10 squat-a @ 1.5pood')).load).toEqual({ kind: 'weight', value: 1.5, unit: 'pood' });
        expect((await entry('10 squat-a @ 24/20in')).load).toEqual({ kind: 'height', value: 24, alternate: 20, unit: 'in' });
        expect((await entry('10 squat-a @ 60-70%')).load).toEqual({ kind: 'percent-1rm', value: 60, max: 70, unit: '%' });
    });

    it('a load and a note for a whole block or workout', async () => {
        const session = await compile('workout murph "Murph" @ 20lb "Partition as needed" <\n  for-time @ 20lb "wear the vest" < 1 mile run-a; 100 pull-a >\n>\n');
        const murph = session.workouts.find(found => found.id === 'murph')!;
        expect(murph).toMatchObject({ name: 'Murph', load: { kind: 'weight', value: 20, unit: 'lb' }, note: 'Partition as needed' });
        expect(murph.blocks[0]).toMatchObject({ load: { kind: 'weight', value: 20, unit: 'lb' }, note: 'wear the vest' });
        expect(describeBlock(murph.blocks[0])).toBe('For time @ 20 lb');
    });
});

describe('units as people type them', () => {
    it('keeps the unit written: miles stay miles', async () => {
        const mile = await entry('1 mi run-a');
        expect(mile).toMatchObject({ meters: { min: 1609.344, max: 1609.344 }, distanceUnit: 'mi' });
        expect(describeEntry(mile)).toBe('1 mi run-a');
        expect(describeAmount(await entry('2.5 miles run-a'))).toBe('2.5 mi');
        expect(describeAmount(await entry('3 miles run-a'))).toBe('3 mi');
        expect(await entry('400 m run-a')).toMatchObject({ meters: { min: 400, max: 400 }, distanceUnit: 'm' });
        expect(await entry('1 km run-a')).toMatchObject({ meters: { min: 1000, max: 1000 }, distanceUnit: 'km' });
        expect(await entry('30 sec squat-a')).toMatchObject({ seconds: { min: 30, max: 30 } });
    });

    it('every output keeps miles as miles', async () => {
        const session = await compile('workout w "W" < 1 mi run-a; 3 x 10 squat-a >\nplan p "P" < week 1 <\n  monday: 3 miles run-a; w\n> >\n');
        const text = [
            renderSessionMarkdown(session),
            renderSessionHtml(session, { mode: 'export' }),
            renderPlansIcs(session.plans, { start: parseMonday('2027-01-04') as CalendarDate })
        ].join('\n');
        expect(text).toContain('1 mi run-a');
        expect(text).toContain('3 mi run-a');
        expect(text).not.toMatch(/1\.61 ?km|4\.83 ?km/);
    });

    it('clock times and `5k`', async () => {
        expect(await entry('1:05:00 run-a')).toMatchObject({ seconds: { min: 3900, max: 3900 } });
        expect(await entry('3 x 10 squat-a rest 1:30')).toMatchObject({ restSeconds: 90 });
        expect(await entry('5k run-a')).toMatchObject({ meters: { min: 5000, max: 5000 }, distanceUnit: 'km' });
    });

    it('calories, and a pair of Rx amounts', async () => {
        const row = await entry('20/15 cal run-a');
        expect(row).toMatchObject({ calories: { min: 20, max: 20 }, alternate: 15 });
        expect(describeAmount(row)).toBe('20/15 cal');
    });
});

describe('rests and sides', () => {
    it('`rest as needed` on its own line and after an entry', async () => {
        const compiled = await workout('10 squat-a rest as needed\nrest as needed');
        const [entryItem, rest] = compiled.blocks[0].entries;
        expect(entryItem).toMatchObject({ restAsNeeded: true });
        expect(rest).toMatchObject({ type: 'rest', seconds: 0, asNeeded: true });
    });

    it('alternating sides and `10/10` for ten a side', async () => {
        expect((await entry('50 squat-a alternating')).side).toBe('alternating');
        expect(await entry('10/10 squat-a')).toMatchObject({ reps: { min: 10, max: 10 }, side: 'each' });
        expect((await entry('10 squat-a each')).side).toBe('each');
    });
});

describe('blocks', () => {
    it('`3 rounds for-time` is a for-time of three rounds', async () => {
        const rounds = await block('3 rounds for-time < 10 squat-a >');
        expect(rounds).toMatchObject({ kind: 'for-time', rounds: 3 });
        expect(rounds.estimatedSeconds).toBe(3 * 40);
        expect(describeBlock(rounds)).toBe('3 rounds for time');
    });

    it('a complex is its moves back to back, as one set', async () => {
        const complex = await block('5 x complex @ 40kg rest 90s < 2 clean-a; 1 press-a; 3 squat-a >');
        expect(complex).toMatchObject({ kind: 'complex', rounds: 5, restSeconds: 90, load: { value: 40 } });
        expect(complex.estimatedSeconds).toBe(5 * 24 + 4 * 90);
    });

    it('an alternating EMOM gives each label its share of the minutes', async () => {
        const compiled = await workout('emom 12min < odd: 5 pull-a; even: 10 push-a >');
        const [odd, even] = entriesOf(compiled.blocks);
        expect([odd.slot, even.slot]).toEqual(['odd', 'even']);
        expect(compiled.muscles.lats).toBe(6);
        expect(compiled.muscles.chest).toBe(6);
        const minutes = await workout('emom 12min < min 1: 5 pull-a\nmin 2: 10 push-a\n5 squat-a\nminute 3: rest 60s >');
        expect(entriesOf(minutes.blocks).map(found => found.slot)).toEqual([1, 2, 2]);
        expect(minutes.muscles.lats).toBe(4);
    });

    it('a set on a clock takes its interval', async () => {
        const clean = await entry('5 x 1 clean-a @ 80% every 90s');
        expect(clean).toMatchObject({ sets: 5, everySeconds: 90 });
        expect(clean.estimatedSeconds).toBe(5 * 90);
    });
});

describe('a time after @ on a distance: the split a track coach writes', () => {
    it('reads `800m @ 3:20` as the pace that runs 800 m in 3:20, per mile for miles, and ranges of times', async () => {
        const yasso = await entry('  10 x 800m run-a @ 3:20 rest 3:20');
        expect(yasso.load).toMatchObject({ kind: 'pace', unit: 'min/km', value: 250 });
        const fours = await entry('  6 x 400m run-a @ 85-90s rest 200m jog');
        expect(fours.load).toMatchObject({ kind: 'pace', unit: 'min/km', value: 212.5, max: 225 });
        const miles = await entry('  4 x 1mi run-a @ 6:30 rest 2min');
        expect(miles.load).toMatchObject({ kind: 'pace', unit: 'min/mi', value: 390 });
    });

    it('says a time needs a distance when the entry has none', async () => {
        const [diagnostic] = reported(await checkText('workout w <\n  3 x 10 squats @ 3:20\n>\n')).filter(found => found.code === 'invalid-load');
        expect(diagnostic.message).toContain('the time for a distance (`800m run @ 3:20`)');
    });
});

describe('caps as the field writes them', () => {
    it('reads `AMRAP 20` and `EMOM 10` as minutes, and a rest minute in an alternating EMOM', async () => {
        expect(await block('  AMRAP 20 < 5 pull-a; 10 push-a >')).toMatchObject({ kind: 'amrap', capSeconds: 1200, estimatedSeconds: 1200 });
        const emom = await block('  emom 16 < min 1: 15 squat-a; min 2: 12 pull-a; min 3: 10 press-a; min 4: rest >');
        expect(emom).toMatchObject({ kind: 'emom', capSeconds: 960 });
        expect(emom.entries[3]).toMatchObject({ type: 'rest', seconds: 60, slot: 4 });
    });

    it('still wants a unit where a bare number is not minutes, and a time for a rest outside an EMOM slot', async () => {
        const codes = async (text: string) => reported(await checkText(`workout w <\n${text}\n>\n`)).map(diagnostic => diagnostic.code);
        expect(await codes('  for-time cap 20 < 10 burpees >')).toContain('needs-duration');
        expect(await codes('  amrap 2000 < 10 burpees >')).toContain('amount-out-of-range');
        expect(await codes('  10 burpees\n  rest')).toContain('syntax-error');
    });
});

describe('names as the field writes them', () => {
    it('reads a name that starts with digits (`90-90-hip-switches`, `1-arm-row`) as a name, not a range', async () => {
        const mobility = await entry('  8 90-90-hip-switches');
        expect(mobility).toMatchObject({ exercise: '90-90-hip-switches', known: true, reps: { min: 8, max: 8 } });
        const range = await entry('  3 x 8-12 push-a');
        expect(range).toMatchObject({ exercise: 'push-a', sets: 3, reps: { min: 8, max: 12 } });
        const defined = await compile('exercise 1-arm-row < muscles: lats >\nworkout w <\n  3 x 10 1-arm-row per side\n>\n');
        expect(entriesOf(defined.workouts[0].blocks)[0]).toMatchObject({ exercise: '1-arm-row', known: true, sets: 3 });
    });

    it('takes a name alone in a tabata or an intervals block as work for the whole interval', async () => {
        const tabata = await block('  tabata < squat-a >');
        expect(tabata).toMatchObject({ kind: 'intervals', rounds: 8, estimatedSeconds: 240 });
        expect(entriesOf(tabata.entries)[0]).toMatchObject({ exercise: 'squat-a' });
        const document = await checkText('workout w <\n  amrap 10min < burpees >\n>\n');
        expect(reported(document).map(diagnostic => diagnostic.code)).toContain('amount-missing');
    });
});

describe('the volume rule: the same work counts the same however it is written', () => {
    it('Murph unbroken and Murph in 20 rounds', async () => {
        const unbroken = await workout('for-time < 100 pull-a; 200 push-a; 300 squat-a >');
        const rounds = await workout('20 rounds for-time < 5 pull-a; 10 push-a; 15 squat-a >');
        for (const muscle of ['lats', 'chest', 'quadriceps']) {
            expect(unbroken.muscles[muscle], muscle).toBeGreaterThan(1);
            expect(Math.abs(unbroken.muscles[muscle] - rounds.muscles[muscle]), muscle).toBeLessThanOrEqual(1);
        }
    });

    it('a 20-minute AMRAP of a complex counts a realistic number of hard sets', async () => {
        const amrap = await workout('amrap 20min < complex < 2 clean-a; 1 press-a; 3 squat-a > >');
        expect(amrap.muscles.shoulders).toBeLessThanOrEqual(12);
        expect(amrap.muscles.shoulders).toBeGreaterThanOrEqual(6);
    });

    it('ordinary sets count one each', async () => {
        expect((await workout('5 x 5 squat-a')).muscles.quadriceps).toBe(5);
        expect((await workout('3-4 x 8-12 push-a')).muscles.chest).toBe(3.5);
        expect((await workout('4 rounds < 2 x 10 squat-a >')).muscles.quadriceps).toBe(8);
    });
});

describe('properties of the notation', () => {
    const reps = fc.integer({ min: 1, max: 30 });

    it('any scheme of three or more numbers is a scheme, in order, never a range and never an error', async () => {
        await fc.assert(fc.asyncProperty(fc.array(reps, { minLength: 3, maxLength: 6 }), async steps => {
            const fran = await block(`for-time ${steps.join('-')} < squat-a; pull-a >`);
            expect(fran.repScheme).toEqual(steps);
            expect(fran.rounds).toBe(steps.length);
            // Each round is one set of each exercise at 4 s a rep.
            const total = steps.reduce((sum, step) => sum + step, 0);
            expect(fran.estimatedSeconds).toBeCloseTo(2 * total * 4, 6);
            const entry = entriesOf((await workout(`${steps.join('-')} squat-a`)).blocks)[0];
            expect(entry).toMatchObject({ sets: steps.length, repScheme: steps });
        }), { numRuns: 15 });
    });

    it('volume never grows past the cap, however long an AMRAP', async () => {
        await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 90 }), reps, async (minutes, count) => {
            const amrap = await workout(`amrap ${minutes}min < ${count} squat-a; complex < ${count} clean-a; ${count} press-a > >`);
            for (const sets of Object.values(amrap.muscles)) {
                expect(sets).toBeLessThanOrEqual(12);
            }
        }), { numRuns: 15 });
    });
});
