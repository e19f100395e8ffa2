/**
 * Plans in the session model: what the preview's calendar and chart read.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_THRESHOLDS, markProgression, planThresholds } from '../../../src/core/plan-rules.js';
import type { PlanModel, PlanWeekModel } from '../../../src/core/session-model.js';
import { checkFiles, checkText, compileDocument } from '../../helpers.js';
import { compileExamplePlan } from './plan-helpers.js';

async function planOf(text: string): Promise<PlanModel> {
    const document = await checkText(text);
    return compileDocument(document.parseResult.value, 'test').plans[0];
}

const STRENGTH = `workout strength "Strength" <
  warmup < 5min dynamic-stretching >
  2 x 10 squats
  2 x 12 dumbbell-rows per arm
  cooldown < 5min static-stretching >
>
`;

describe('the example plan in the model', () => {
    it('has six weeks of days in weekday order, runs and workouts in the order they are done', async () => {
        const plan = await compileExamplePlan();
        expect(plan).toMatchObject({ id: 'runner-strength', name: 'Runner strength — 6 weeks', level: 'beginner', progressionPercent: 10, sessionsPerWeek: { min: 1, max: 2 } });
        expect(plan.weeks.map(week => week.week)).toEqual([1, 2, 3, 4, 5, 6]);
        const week1 = plan.weeks[0];
        expect(week1.title).toBe('Balance and hips');
        expect(week1.days.map(day => [day.day, day.dayOfWeek])).toEqual([['monday', 1], ['wednesday', 3], ['thursday', 4], ['saturday', 6], ['sunday', 7]]);
        const monday = week1.days[0];
        expect(monday.items.map(item => [item.type, item.ref])).toEqual([['run', 'easy-run'], ['workout', 'beginner-balance']]);
        expect(monday.items[0]).toMatchObject({ cardio: true, strength: false, estimatedSeconds: 1800, entry: { seconds: { min: 1800, max: 1800 } } });
        expect(week1.restDays).toBe(2);
    });

    it('resolves workouts from other files with their time, sets and muscles', async () => {
        const plan = await compileExamplePlan();
        const balance = plan.weeks[0].days[0].items[1];
        const workout = plan.workouts.find(candidate => candidate.id === 'beginner-balance')!;
        expect(balance).toMatchObject({ resolved: true, strength: true, name: 'Balance and stability for beginners', file: 'beginner-balance.workout' });
        expect(balance.estimatedSeconds).toBe(workout.estimatedSeconds);
        expect(balance.muscles).toEqual(workout.muscles);
        expect(balance.sets).toBeGreaterThan(10);
        // Each workout compiled once, in order of first use.
        expect(plan.workouts.map(candidate => candidate.id)).toEqual(['beginner-balance', 'hip-core-circuit', 'strength-b', 'strength-a', 'cross-training']);
    });

    it('adds up each week: strength sessions, minutes, sets, muscles and running', async () => {
        const plan = await compileExamplePlan();
        for (const week of plan.weeks) {
            const items = week.days.flatMap(day => day.items);
            const strength = items.filter(item => item.strength);
            expect(week.strengthSessions).toBe(2);
            expect(week.strengthSeconds).toBe(Math.round(strength.reduce((sum, item) => sum + item.estimatedSeconds, 0)));
            expect(week.strengthSets).toBeCloseTo(strength.reduce((sum, item) => sum + item.sets, 0), 5);
            expect(week.runSeconds).toBe(Math.round(items.filter(item => item.cardio).reduce((sum, item) => sum + item.estimatedSeconds, 0)));
            expect(week.muscles.glutes).toBeGreaterThan(0);
            expect(week.breaksProgression).toBe(false);
        }
        // 6 × 400 m intervals at a beginner's 5K pace (32 min) plus 90 s rests, four easy runs and the long run.
        expect(plan.weeks[0].runSeconds).toBe(Math.round(1800 + 6 * (400 * (32 * 60 / 5000) + 90) + 1800 + 1200 + 3600));
        // Running per week: its time, distance (timed runs at the level's paces) and time at threshold or faster.
        expect(plan.weeks[0].run).toMatchObject({ seconds: plan.weeks[0].runSeconds, hardSeconds: Math.round(6 * 400 * (32 * 60 / 5000)) });
        expect(plan.weeks[0].run!.meters).toBeGreaterThan(15000);
    });
});

describe('plan rules in the model', () => {
    it('marks the long run: the long-run exercise, or any run of 75 minutes or more', async () => {
        const plan = await planOf(`plan p <
  week 1 <
    tuesday: 60min long-run
    thursday: 74min easy-run
    saturday: 75min easy-run
    sunday: 13km run
  >
>`);
        expect(plan.weeks[0].days.map(day => day.items[0].longRun)).toEqual([true, false, true, true]);
    });

    it('counts two workouts on one day as one session, and strength entries written on a day', async () => {
        const plan = await planOf(`${STRENGTH}
plan p <
  week 1 <
    monday: 30min easy-run; strength; strength
    thursday: 30min easy-run; 3 x 15 calf-raises
  >
>`);
        const week = plan.weeks[0];
        expect(week.strengthSessions).toBe(2);
        // 4 sets per workout (warm-up and cool-down do not count), and the 3 sets of calf raises.
        expect(week.strengthSets).toBe(4 + 4 + 3);
        expect(week.days[1].items[1]).toMatchObject({ type: 'entry', ref: 'calf-raises', strength: true, sets: 3, muscles: { calves: 3 } });
    });

    it('treats a day of walking or stretching as a rest day', async () => {
        const plan = await planOf(`plan p <
  week 1 <
    monday: 20min walk; 10min foam-rolling
    tuesday:
    wednesday: 30min easy-run
  >
>`);
        expect(plan.weeks[0].days.map(day => day.rest)).toEqual([true, true, false]);
        expect(plan.weeks[0].restDays).toBe(6);
    });

    it('merges a weekday listed twice, keeping the order written', async () => {
        const plan = await planOf(`${STRENGTH}
plan p <
  week 1 <
    thursday: 30min easy-run
    monday: 30min easy-run
    thursday: strength
  >
>`);
        expect(plan.weeks[0].days.map(day => [day.day, day.items.map(item => item.ref)])).toEqual([['monday', ['easy-run']], ['thursday', ['easy-run', 'strength']]]);
    });

    it('keeps an unknown workout in its place, unresolved', async () => {
        const plan = await planOf('plan p < week 1 < monday: 30min easy-run; strength-x > >');
        expect(plan.weeks[0].days[0].items[1]).toMatchObject({ type: 'workout', ref: 'strength-x', resolved: false, strength: false, estimatedSeconds: 0 });
    });

    it('takes level and progression from the plan, else from the thresholds', async () => {
        expect(await planOf('plan p < level advanced; progression 15% >')).toMatchObject({ level: 'advanced', progressionPercent: 15, sessionsPerWeek: { min: 2, max: 3 } });
        expect(await planOf('plan p < week 1 < monday: 30min easy-run > >')).toMatchObject({ level: 'intermediate', progressionPercent: 10, sessionsPerWeek: { min: 2, max: 3 } });
    });

    it('names workouts of other files by file, and not its own', async () => {
        const [plan] = await checkFiles({
            'plan.workout': `${STRENGTH}\nplan p < week 1 < monday: strength; other > >`,
            'other.workout': 'workout other < 2 x 10 press-ups >'
        });
        const items = compileDocument(plan.parseResult.value, 'plan').plans[0].weeks[0].days[0].items;
        expect(items.map(item => item.file)).toEqual([undefined, 'other.workout']);
    });
});

describe('progression', () => {
    const week = (number: number, sets: number, minutes: number): PlanWeekModel => ({
        week: number, line: number, days: [], strengthSessions: 2, strengthSeconds: minutes * 60, strengthSets: sets,
        muscles: {}, runSeconds: 0, restDays: 7, breaksProgression: false
    });

    it('marks a week whose sets or minutes grow more than the limit over the heaviest earlier week', () => {
        const weeks = [week(1, 20, 50), week(2, 22, 55), week(3, 25, 55), week(4, 15, 35), week(5, 25, 60), week(6, 27, 67)];
        markProgression(weeks, 10);
        expect(weeks.map(w => w.breaksProgression)).toEqual([false, false, true, false, false, true]);
        expect(weeks[2].strengthSetsGrowthPercent).toBe(13.6);
        // Back from a lighter week to the load of week 3: measured against week 3, not week 4.
        expect(weeks[4]).toMatchObject({ strengthSetsGrowthPercent: 0, strengthSecondsGrowthPercent: 9.1 });
        expect(weeks[5].strengthSecondsGrowthPercent).toBe(11.7);
    });

    it('does not count growth from a week without strength work', () => {
        const weeks = [week(1, 0, 0), week(2, 20, 50)];
        markProgression(weeks, 10);
        expect(weeks[1].breaksProgression).toBe(false);
        expect(weeks[1].strengthSetsGrowthPercent).toBeUndefined();
    });
});

describe('thresholds from settings', () => {
    it('takes the values that make sense and keeps the defaults for the rest', () => {
        expect(planThresholds({})).toEqual(DEFAULT_PLAN_THRESHOLDS);
        const thresholds = planThresholds({ progressionPercent: 15, sessionsPerWeek: { beginner: [1, 1], advanced: [3, 5], intermediate: [3, 2] }, longRunMinutes: 90 });
        expect(thresholds.progressionPercent).toBe(15);
        expect(thresholds.longRunSeconds).toBe(5400);
        expect(thresholds.sessionsPerWeek).toEqual({ beginner: [1, 1], intermediate: [2, 3], advanced: [3, 5] });
        expect(planThresholds({ progressionPercent: -5 }).progressionPercent).toBe(10);
    });
});
