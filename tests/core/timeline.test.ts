/**
 * The follow-along timer's steps (src/core/timeline.ts): each block kind plays as its `play`
 * field in block-kinds.ts says, written as a coach would and compiled by the real compiler.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_KINDS } from '../../src/core/block-kinds.js';
import type { BlockModel, SessionModel, WorkoutModel } from '../../src/core/session-model.js';
import { GET_READY_SECONDS, MAX_STEPS, SWITCH_SECONDS, timelineOf, workoutTimeline, type TimelineStep } from '../../src/core/timeline.js';
import { checkText, compileDocument } from '../helpers.js';
import { compileFolder, EXAMPLES_DIR } from '../render/corpus.js';

async function sessionOf(text: string): Promise<SessionModel> {
    const document = await checkText(text);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    expect(errors.map(e => e.message)).toEqual([]);
    return compileDocument(document.parseResult.value, 'test');
}

async function stepsOf(body: string): Promise<TimelineStep[]> {
    const session = await sessionOf(`workout w "W" <\n${body}\n>`);
    return workoutTimeline(session.workouts[0]).steps;
}

/** A step in a line: kind, label, amount, seconds or "open", context. */
function brief(step: TimelineStep): string {
    const time = step.durationSeconds === undefined ? 'open' : `${step.durationSeconds}s`;
    return [step.kind, step.label, step.amount, step.side, time, step.context.join(' / ')].filter(Boolean).join(' | ');
}

describe('the timeline of a workout', () => {
    it('gives every block kind a way to play', () => {
        for (const [kind, spec] of Object.entries(BLOCK_KINDS)) {
            expect(spec.play, kind).toMatch(/^(as-many-rounds|every-interval|race-the-cap|repeat-rounds|alternate-sets|timed-intervals|in-order)$/);
        }
    });

    it('opens with "Get ready", then plays an entry\'s sets with the rest after each (none after the last step)', async () => {
        const steps = await stepsOf('2 x 10 squats rest 60s "chest up"');
        expect(steps.map(brief)).toEqual([
            `transition | Get ready | ${GET_READY_SECONDS}s`,
            'work | Squats | 10 | open | Set 1 of 2',
            'rest | Rest | 60s | Set 1 of 2',
            'work | Squats | 10 | open | Set 2 of 2'
        ]);
        expect(steps[1]).toMatchObject({ clock: 'up', note: 'chest up', line: 2 });
    });

    it('times a hold by its lower bound and cues the switch between the sides of a per-side entry', async () => {
        const steps = await stepsOf('section "Core" < 2 x 20-30s side-plank per side rest 30s >');
        expect(steps.slice(1).map(brief)).toEqual([
            'work | Side Plank | 20s–30s | first | 20s | Core / Set 1 of 2',
            `transition | Switch sides | second | ${SWITCH_SECONDS}s | Core / Set 1 of 2`,
            'work | Side Plank | 20s–30s | second | 20s | Core / Set 1 of 2',
            'rest | Rest | 30s | Core / Set 1 of 2',
            'work | Side Plank | 20s–30s | first | 20s | Core / Set 2 of 2',
            `transition | Switch sides | second | ${SWITCH_SECONDS}s | Core / Set 2 of 2`,
            'work | Side Plank | 20s–30s | second | 20s | Core / Set 2 of 2'
        ]);
        expect(steps[1].clock).toBe('down');
    });

    it('names the one side of a one-sided entry, and a load as a detail', async () => {
        const steps = await stepsOf('10 single-leg-deadlift left @ 12kg');
        expect(steps[1]).toMatchObject({ label: 'Single-Leg Deadlift', side: 'left', details: ['@ 12 kg'] });
    });

    it('plays an AMRAP as one countdown of the cap with the round\'s moves, to count rounds on', async () => {
        const steps = await stepsOf('amrap 12min <\n10 goblet-squats @ 16kg\n8 reverse-lunges per leg\nrest 30s\n>');
        expect(steps.map(brief)).toEqual([`transition | Get ready | ${GET_READY_SECONDS}s`, 'work | AMRAP 12min | 720s']);
        expect(steps[1]).toMatchObject({ play: 'amrap', clock: 'down', moves: ['10 Goblet Squat @ 16 kg', '8 Reverse Lunges per side', 'Rest 30s'] });
    });

    it('plays an EMOM as one step per minute, the whole content each minute', async () => {
        const steps = await stepsOf('warmup < 5min jumping-jacks >\nemom 4min <\n10 burpees\n>');
        expect(steps.map(brief)).toEqual([
            `transition | Get ready | ${GET_READY_SECONDS}s`,
            'work | Jumping Jacks | 5min | 300s | Warm-up',
            `transition | Get ready | ${GET_READY_SECONDS}s | EMOM 4min`,
            'work | Burpees | 10 | 60s | EMOM 4min / Minute 1 of 4',
            'work | Burpees | 10 | 60s | EMOM 4min / Minute 2 of 4',
            'work | Burpees | 10 | 60s | EMOM 4min / Minute 3 of 4',
            'work | Burpees | 10 | 60s | EMOM 4min / Minute 4 of 4'
        ]);
        expect(steps[3]).toMatchObject({ play: 'emom', moves: ['10 Burpees'] });
    });

    it('counts the intervals of `every 2min for 6min` and lists a longer content', async () => {
        const steps = await stepsOf('every 2min for 6min <\n5 pull-ups\n10 press-ups\n>');
        expect(steps.slice(1).map(brief)).toEqual([
            'work | Work | 120s | Every 2min for 6min / Interval 1 of 3',
            'work | Work | 120s | Every 2min for 6min / Interval 2 of 3',
            'work | Work | 120s | Every 2min for 6min / Interval 3 of 3'
        ]);
        expect(steps[1].moves).toEqual(['5 Pull-ups', '10 Press-ups']);
    });

    it('alternates work and rest in intervals, cycling through the entries', async () => {
        const steps = await stepsOf('intervals 4 x 40s on 20s off <\n15 kettlebell-swings\nmax burpees\n>');
        expect(steps.slice(1).map(brief)).toEqual([
            'work | Kettlebell Swings | 15 | 40s | 4 × 40s on / 20s off / Interval 1 of 4',
            'rest | Rest | 20s | 4 × 40s on / 20s off / Interval 1 of 4',
            'work | Burpees | max | 40s | 4 × 40s on / 20s off / Interval 2 of 4',
            'rest | Rest | 20s | 4 × 40s on / 20s off / Interval 2 of 4',
            'work | Kettlebell Swings | 15 | 40s | 4 × 40s on / 20s off / Interval 3 of 4',
            'rest | Rest | 20s | 4 × 40s on / 20s off / Interval 3 of 4',
            'work | Burpees | max | 40s | 4 × 40s on / 20s off / Interval 4 of 4'
        ]);
        expect(steps[1].play).toBe('interval');
    });

    it('plays a tabata as 8 × 20 s on, 10 s off', async () => {
        const steps = await stepsOf('tabata < 20s mountain-climbers >\n10 squats');
        const work = steps.filter(step => step.kind === 'work' && step.play === 'interval');
        const rest = steps.filter(step => step.kind === 'rest');
        expect(work.map(step => step.durationSeconds)).toEqual(Array(8).fill(20));
        expect(rest.map(step => step.durationSeconds)).toEqual(Array(8).fill(10));
    });

    it('repeats rounds with the rest between them, not after the last', async () => {
        const steps = await stepsOf('3 rounds rest 60s <\n12 glute-bridges\n30s plank\n>\n10 squats');
        expect(steps.slice(1, 9).map(brief)).toEqual([
            'work | Glute Bridges | 12 | open | Round 1 of 3',
            'work | Plank | 30s | 30s | Round 1 of 3',
            'rest | Rest between rounds | 60s | Round 1 of 3',
            'work | Glute Bridges | 12 | open | Round 2 of 3',
            'work | Plank | 30s | 30s | Round 2 of 3',
            'rest | Rest between rounds | 60s | Round 2 of 3',
            'work | Glute Bridges | 12 | open | Round 3 of 3',
            'work | Plank | 30s | 30s | Round 3 of 3'
        ]);
        expect(steps[9].label).toBe('Squats');
    });

    it('alternates a superset set by set, with its rest after each pass', async () => {
        const steps = await stepsOf('superset rest 90s <\n2 x 10 front-lunges\n3 x 12 press-ups\n>');
        expect(steps.slice(1).map(brief)).toEqual([
            'work | Front Lunges | 10 | open | Superset, rest 1min 30s / Set 1 of 2',
            'work | Press-ups | 12 | open | Superset, rest 1min 30s / Set 1 of 3',
            'rest | Rest | 90s | Superset, rest 1min 30s / Set 1 of 3',
            'work | Front Lunges | 10 | open | Superset, rest 1min 30s / Set 2 of 2',
            'work | Press-ups | 12 | open | Superset, rest 1min 30s / Set 2 of 3',
            'rest | Rest | 90s | Superset, rest 1min 30s / Set 2 of 3',
            'work | Press-ups | 12 | open | Superset, rest 1min 30s / Set 3 of 3'
        ]);
    });

    it('plays a for-time as one clock counting up to the cap, and without a cap as an open step', async () => {
        const capped = await stepsOf('for-time cap 10min < 50 air-squats >');
        expect(capped[1]).toMatchObject({ kind: 'work', play: 'for-time', clock: 'up', durationSeconds: 600, moves: ['50 Air Squats'] });
        const open = await stepsOf('for-time < 50 air-squats >');
        expect(open[1]).toMatchObject({ play: 'for-time', clock: 'up' });
        expect(open[1].durationSeconds).toBeUndefined();
    });

    it('nests: rounds of a superset carry both contexts; a rest between blocks is a rest step', async () => {
        const steps = await stepsOf('2 rounds <\nsuperset < 10 squats; 10 press-ups >\n>\nrest 2min\n10 burpees');
        expect(steps.slice(1).map(brief)).toEqual([
            'work | Squats | 10 | open | Round 1 of 2 / Superset',
            'work | Press-ups | 10 | open | Round 1 of 2 / Superset',
            'work | Squats | 10 | open | Round 2 of 2 / Superset',
            'work | Press-ups | 10 | open | Round 2 of 2 / Superset',
            'rest | Rest | 120s',
            'work | Burpees | 10 | open'
        ]);
    });

    it('gets ready once before a clocked block that follows a rest or another transition', async () => {
        const steps = await stepsOf('10 squats\nrest 60s\namrap 5min < 5 burpees >');
        expect(steps.map(step => step.label)).toEqual(['Get ready', 'Squats', 'Rest', 'AMRAP 5min']);
    });

    it('stops at MAX_STEPS and says so', async () => {
        const steps = await sessionOf('workout w "W" < 100 rounds < 5 x 10 squats rest 10s; 5 x 10 lunges per side > >');
        const timeline = workoutTimeline(steps.workouts[0]);
        // Cut at MAX_STEPS, then the rest it ended on dropped.
        expect(timeline.steps.length).toBeGreaterThan(MAX_STEPS - 3);
        expect(timeline.steps.length).toBeLessThanOrEqual(MAX_STEPS);
        expect(timeline.truncated).toBe(true);
    });

    it('stays finite and calm for a model read back from JSON with holes in it', () => {
        const block = { type: 'block', kind: 'emom', capSeconds: Number.NaN, everySeconds: -1, entries: [], line: 1, estimatedSeconds: 0 } as unknown as BlockModel;
        const odd = { type: 'block', kind: 'complex', rounds: Infinity, entries: [{ type: 'rest', seconds: 'x', line: 2 }], line: 1 } as unknown as BlockModel;
        const workout = { blocks: [block, odd], line: 1 } as unknown as WorkoutModel;
        expect(() => workoutTimeline(workout)).not.toThrow();
        expect(workoutTimeline({ blocks: undefined, line: 1 } as unknown as WorkoutModel).steps).toEqual([]);
    });

    it('plays every example from its first step to its last with work in it', async () => {
        for (const example of await compileFolder(EXAMPLES_DIR)) {
            for (const workout of [...example.session.workouts, ...example.session.plans.flatMap(plan => plan.workouts)]) {
                const { steps, truncated } = workoutTimeline(workout);
                expect(truncated, workout.id).toBeUndefined();
                expect(steps[0].label, workout.id).toBe('Get ready');
                expect(steps.at(-1)!.kind, workout.id).toBe('work');
                expect(steps.filter(step => step.kind === 'work').length, workout.id).toBeGreaterThan(0);
            }
        }
    });
});

describe('reading a timeline back from a page', () => {
    it('keeps well-formed steps as they are', async () => {
        const timeline = workoutTimeline((await sessionOf('workout w "W" < amrap 5min < 5 burpees >; 2 x 10 squats per side >')).workouts[0]);
        expect(timelineOf(JSON.parse(JSON.stringify(timeline)))).toEqual(timeline);
    });

    it('drops what is not a step and cuts what is too long', () => {
        const read = timelineOf({
            steps: [
                { kind: 'work', label: 'x'.repeat(10_000), clock: 'down', context: ['a', 7], durationSeconds: Infinity, line: -3, side: 'up', play: 'eval' },
                { kind: 'party', label: 'no' }, null, 'step', { kind: 'rest' },
                { kind: 'rest', label: 'Rest', durationSeconds: 30, clock: 'down', context: [], line: 4 }
            ]
        });
        expect(read?.steps).toEqual([
            { kind: 'work', label: 'x'.repeat(500), clock: 'up', context: ['a'], line: 0 },
            { kind: 'rest', label: 'Rest', durationSeconds: 30, clock: 'down', context: [], line: 4 }
        ]);
        expect(timelineOf(null)).toBeUndefined();
        expect(timelineOf({ steps: 'x' })).toBeUndefined();
    });
});
