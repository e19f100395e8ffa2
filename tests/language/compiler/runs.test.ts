/**
 * Runs as structured sessions (issue 13), as the session model records them: run steps with
 * targets (paces, named paces, heart rate, power, speed), recoveries by time or distance with an
 * activity, repeats of several steps, steps until the lap button, athlete profiles, plans written
 * for an athlete, and the running of a workout and a plan's weeks.
 */
import { describe, expect, it } from 'vitest';
import type { EntryModel, ItemModel, SessionModel, WorkoutModel } from '../../../src/core/session-model.js';
import { describeEntry, describeRest } from '../../../src/core/describe.js';
import { checkText, compileDocument, reported } from '../../helpers.js';

async function compile(text: string): Promise<SessionModel> {
    const document = await checkText(text);
    const errors = reported(document).filter(d => d.severity === 'error');
    expect(errors, 'the test text itself must be valid').toEqual([]);
    return compileDocument(document.parseResult.value, 'session');
}

async function workout(body: string): Promise<WorkoutModel> {
    return (await compile(`workout w <\n${body}\n>\n`)).workouts[0];
}

function entriesOf(items: ItemModel[]): EntryModel[] {
    return items.flatMap(item => item.type === 'entry' ? [item] : item.type === 'block' ? entriesOf(item.entries) : []);
}

async function entry(text: string): Promise<EntryModel> {
    return entriesOf((await workout(text)).blocks)[0];
}

describe('run steps and their targets', () => {
    it('reads paces per km and per mile, ranges and progressions, in seconds per unit', async () => {
        expect((await entry('800m run @ 4:30/km')).load).toEqual({ kind: 'pace', value: 270, unit: 'min/km' });
        expect((await entry('1mi run @ 7:00/mi')).load).toEqual({ kind: 'pace', value: 420, unit: 'min/mi' });
        expect((await entry('2km run @ 4:20-4:30/km')).load).toEqual({ kind: 'pace', value: 260, max: 270, unit: 'min/km' });
        expect((await entry('8km run @ 5:30/km to 4:40/km')).load).toEqual({ kind: 'pace', value: 330, max: 280, unit: 'min/km', progression: true });
    });

    it('reads named paces, and a progression between two of them', async () => {
        expect((await entry('800m run @ 5k-pace')).load).toEqual({ kind: 'named-pace', value: null, unit: null, pace: '5k' });
        expect((await entry('3km run @ half-marathon-pace')).load).toMatchObject({ pace: 'half-marathon' });
        expect((await entry('20min run @ threshold')).load).toMatchObject({ pace: 'threshold' });
        expect((await entry('20min progression-run @ easy to threshold')).load).toEqual({
            kind: 'named-pace', value: null, unit: null, pace: 'easy', progression: true, toPace: 'threshold'
        });
    });

    it('reads heart rate, zones, shares of max and threshold heart rate, power, FTP, speed and incline', async () => {
        expect((await entry('30min run @ 140-150bpm')).load).toEqual({ kind: 'heart-rate', value: 140, max: 150, unit: 'bpm' });
        expect((await entry('30min run @ zone 2')).load).toEqual({ kind: 'hr-zone', value: 2, unit: 'zone' });
        expect((await entry('30min run @ z3-4')).load).toEqual({ kind: 'hr-zone', value: 3, max: 4, unit: 'zone' });
        expect((await entry('20min run @ 80% hrmax')).load).toEqual({ kind: 'percent-hrmax', value: 80, unit: '%' });
        expect((await entry('20min run @ 95% lthr')).load).toEqual({ kind: 'percent-lthr', value: 95, unit: '%' });
        expect((await entry('10min run @ 250w')).load).toEqual({ kind: 'power', value: 250, unit: 'w' });
        expect((await entry('10min run @ 90% ftp')).load).toEqual({ kind: 'percent-ftp', value: 90, unit: '%' });
        const treadmill = await entry('20min running-treadmill @ 12kph 2%');
        // On a run a bare percentage is the treadmill's incline, not a share of a 1RM.
        expect(treadmill.targets).toEqual(expect.arrayContaining([{ kind: 'incline', value: 2, unit: '%' }, { kind: 'speed', value: 12, unit: 'kph' }]));
    });

    it('marks run steps and how hard they are', async () => {
        const steps = entriesOf((await workout('15min easy-run\n6 x 800m interval-run @ 5k-pace\n20min tempo-run\n10 squats\n10min walk')).blocks);
        expect(steps.map(step => [step.run ?? false, step.intensity])).toEqual([
            [true, 'easy'], [true, 'interval'], [true, 'threshold'], [false, undefined], [false, undefined]
        ]);
    });

    it('words targets as runners read them', async () => {
        expect(describeEntry(await entry('6 x 800m interval-run @ 5k-pace rest 400m jog'))).toBe('6 × 800m Interval Run @ 5K pace rest 400m jog');
        expect(describeEntry(await entry('2km run @ 4:20-4:30/km'))).toBe('2km Run @ 4:20–4:30/km');
        expect(describeEntry(await entry('20min progression-run @ easy to threshold'))).toBe('20min Progression Run @ easy → threshold');
        expect(describeEntry(await entry('30min run @ z2'))).toBe('30min Run @ zone 2');
        expect(describeEntry(await entry('lap easy-run @ easy'))).toBe('until lap Easy Run @ easy');
    });
});

describe('recoveries, repeats and lap steps', () => {
    it('keeps a recovery over a distance or a time, and what it is done as', async () => {
        const distance = await entry('6 x 800m interval-run rest 400m jog');
        expect(distance).toMatchObject({ restMeters: 400, restDistanceUnit: 'm', restActivity: 'jog' });
        expect(distance.restSeconds).toBeUndefined();
        expect(await entry('6 x 20s strides rest 60s walk')).toMatchObject({ restSeconds: 60, restActivity: 'walk' });
        const line = (await workout('repeat 3 < 1km run @ 10k-pace; rest 200m walk >')).blocks[0].entries[1];
        expect(line).toMatchObject({ type: 'rest', seconds: 0, meters: 200, distanceUnit: 'm', activity: 'walk' });
        expect(describeRest(line as never)).toBe('Rest 200m walk');
    });

    it('times a jogged recovery at recovery pace and a walked one at a walk', async () => {
        const jog = await entry('800m interval-run rest 400m jog');
        const walk = await entry('800m interval-run rest 400m walk');
        expect(walk.estimatedSeconds - jog.estimatedSeconds).toBeGreaterThan(0);
        expect(walk.estimatedSeconds - (await entry('800m interval-run')).estimatedSeconds).toBeCloseTo(400 * 0.72);
    });

    it('repeats several steps N times, or until a time is up', async () => {
        const { blocks } = await workout('repeat 3 rest 2min < 800m run @ 5k-pace; 400m jog >\nrepeat until 20min < 400m run @ 3k-pace; 200m jog >');
        expect(blocks[0]).toMatchObject({ kind: 'repeat', rounds: 3, restSeconds: 120 });
        expect(blocks[0].estimatedSeconds).toBeCloseTo(3 * (blocks[0].entries[0].estimatedSeconds + blocks[0].entries[1].estimatedSeconds) + 2 * 120);
        expect(blocks[1]).toMatchObject({ kind: 'repeat-until', capSeconds: 1200, estimatedSeconds: 1200 });
    });

    it('a lap step ends on the lap button and is estimated as five minutes', async () => {
        expect(await entry('lap easy-run @ easy')).toMatchObject({ untilLap: true, estimatedSeconds: 300 });
    });
});

describe('running in the model', () => {
    it('sums a workout\'s distance, time and time at threshold or faster', async () => {
        const { run } = await workout('15min easy-run\n6 x 800m interval-run @ 4:00/km rest 400m jog\n10min easy-run');
        expect(run).toMatchObject({ unit: 'km' });
        // 6 × 800 m at 4:00/km is 19 min 12 s of hard running; the jogs count as distance, not as hard.
        expect(run!.hardSeconds).toBe(6 * 192);
        expect(run!.meters).toBeGreaterThan(6 * 1200);
    });

    it('times distances at the plan level\'s paces: a beginner runs 10 km slower than an advanced runner', async () => {
        const plans = await compile(['beginner', 'advanced'].map(level => `plan ${level} < level ${level}\n week 1 < monday: 10km run > >`).join('\n'));
        const [beginner, advanced] = plans.plans.map(plan => plan.weeks[0].runSeconds);
        expect(beginner).toBeGreaterThan(advanced * 1.4);
    });
});

describe('athletes', () => {
    const JANE = `athlete jane "Jane Doe" <
  5k: 22:30
  max-hr: 188
  lthr: 172
  ftp: 250w
  1rm back-squat: 100kg
  tm bench-press: 80kg
  bodyweight: 62kg
  units: km
>
`;

    it('reads a profile into the model', async () => {
        const { athletes } = await compile(JANE);
        expect(athletes).toEqual([{
            id: 'jane', name: 'Jane Doe', line: 1, races: [{ meters: 5000, seconds: 1350 }], paces: {}, maxHr: 188, lthr: 172, ftpWatts: 250,
            oneRepMax: { 'barbell-squat': { value: 100, unit: 'kg' } }, trainingMax: { 'barbell-bench-press-medium-grip': { value: 80, unit: 'kg' } },
            bodyweight: { value: 62, unit: 'kg' }, units: 'km'
        }].map(athlete => ({ ...athlete, trainingMax: expect.any(Object) })));
    });

    it('reads a fact from its words, however they are spaced, so formatting cannot change it', async () => {
        // `1rmback-squat` is the words `1rm` and `back-squat`: read from the text between the
        // words, it was an unknown fact until the formatter spaced it (found by the fuzz suite).
        const spacings = ['1rmback-squat: 100kg', '1rm   back-squat :100kg', '1rm /* max */ back-squat: 100kg'];
        for (const fact of spacings) {
            const { athletes } = await compile(`athlete jane < ${fact} >\n`);
            expect(athletes?.[0].oneRepMax, fact).toEqual({ 'barbell-squat': { value: 100, unit: 'kg' } });
        }
    });

    it('a plan written for her resolves its targets and times its runs at her paces', async () => {
        const session = await compile(`${JANE}
plan p < athlete jane
  week 1 <
    monday: 6 x 800m interval-run @ 5k-pace rest 400m jog; 3 x 5 back-squat @ 75%
    wednesday: 30min easy-run @ zone 2
  >
>`);
        const [plan] = session.plans;
        expect(plan.athlete).toBe('jane');
        const [intervals, squats] = plan.weeks[0].days[0].items.map(item => item.entry!);
        // 22:30 for 5 km is 4:30/km.
        expect(intervals.load!.resolved).toEqual({ value: 270, unit: 's/km' });
        expect(squats.load!.resolved).toEqual({ value: 75, unit: 'kg' });
        // Friel's zone 2: 85–89 % of the lactate-threshold heart rate.
        expect(plan.weeks[0].days[1].items[0].entry!.load!.resolved).toEqual({ value: 146, max: 153, unit: 'bpm' });
        expect(intervals.estimatedSeconds).toBeCloseTo(6 * (800 * 0.27 + 400 * 0.27 * 1.45), 0);
    });
});
