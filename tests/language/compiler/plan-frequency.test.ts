/**
 * Real programs in the model: a week repeated (`weeks 2-12`), two sessions a day
 * (`monday am:` / `monday pm:`), daily protocols (`daily:`) and the plan's focus.
 */
import { describe, expect, it } from 'vitest';
import type { PlanModel } from '../../../src/core/session-model.js';
import { checkText, compileDocument } from '../../helpers.js';

async function planOf(text: string): Promise<PlanModel> {
    const document = await checkText(text);
    expect(document.parseResult.parserErrors.map(error => error.message)).toEqual([]);
    return compileDocument(document.parseResult.value, 'test').plans[0];
}

const STRENGTH = `workout strength "Strength" <
  2 x 10 squats
  2 x 12 dumbbell-rows per arm
>
`;

/** `monday: easy-run, strength` for each day of a week. */
function daysOf(plan: PlanModel, week = 0): string[] {
    return plan.weeks[week].days.map(day => `${day.day}: ${day.items.map(item => `${item.ref}${item.slot ? ` (${item.slot})` : ''}`).join(', ')}`);
}

describe('weeks 2-12: a week repeated', () => {
    it('makes each week of the range its own week, numbered, with the same days', async () => {
        const plan = await planOf(`${STRENGTH}
plan p <
  week 1 <
    tuesday: 30min easy-run; strength
  >
  weeks 2-12 "Build" <
    tuesday: 30min easy-run; strength
    thursday: 30min easy-run; strength
  >
>`);
        expect(plan.weeks.map(week => week.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        expect(plan.weeks[0].range).toBeUndefined();
        for (const week of plan.weeks.slice(1)) {
            expect(week).toMatchObject({ title: 'Build', line: 10, range: { first: 2, last: 12 }, strengthSessions: 2 });
            expect(daysOf(plan, week.week - 1)).toEqual(['tuesday: easy-run, strength', 'thursday: easy-run, strength']);
        }
        // Each week is its own: changing one does not change the others.
        expect(plan.weeks[1].days).not.toBe(plan.weeks[2].days);
        expect(plan.weeks[1].days[0].items[0]).not.toBe(plan.weeks[2].days[0].items[0]);
    });

    it('measures progression per week: the first week of the range grows, the rest hold', async () => {
        const plan = await planOf(`${STRENGTH}
plan p <
  week 1 < tuesday: strength >
  weeks 2-4 <
    tuesday: strength
    thursday: strength
  >
>`);
        expect(plan.weeks.map(week => week.breaksProgression)).toEqual([false, true, false, false]);
        expect(plan.weeks.map(week => week.strengthSetsGrowthPercent)).toEqual([undefined, 100, 0, 0]);
    });

    it('reads `week 2-12` as `weeks 2-12`, and a range that is not one as its first week', async () => {
        expect((await planOf('plan p < week 2-4 < monday: 30min easy-run > >')).weeks.map(week => week.week)).toEqual([2, 3, 4]);
        expect((await planOf('plan p < weeks 4-2 < monday: 30min easy-run > >')).weeks.map(week => week.week)).toEqual([4]);
        expect((await planOf('plan p < weeks 1-1000 < monday: 30min easy-run > >')).weeks.map(week => week.week)).toEqual([1]);
        expect((await planOf('plan p < weeks 1-52 < monday: 30min easy-run > >')).weeks).toHaveLength(52);
    });

    it('keeps the weeks in number order, whatever order the lines are in', async () => {
        const plan = await planOf('plan p < weeks 4-5 < monday: 30min easy-run >; weeks 1-3 < monday: 20min easy-run > >');
        expect(plan.weeks.map(week => week.week)).toEqual([1, 2, 3, 4, 5]);
        expect(plan.weeks.map(week => week.runSeconds)).toEqual([1200, 1200, 1200, 1800, 1800]);
    });
});

describe('monday am: / monday pm: two sessions a day', () => {
    it('gives each item its time of day and puts the morning first, whatever order the lines are in', async () => {
        const plan = await planOf(`${STRENGTH}
plan p <
  week 1 <
    monday pm: strength
    monday am: 30min easy-run
    wednesday: 30min easy-run; strength
    friday: 20min easy-run
    friday pm: strength; 10min foam-rolling
  >
>`);
        expect(daysOf(plan)).toEqual([
            'monday: easy-run (am), strength (pm)',
            // `monday: a; b` still means in this order, with no time of day.
            'wednesday: easy-run, strength',
            'friday: easy-run, strength (pm), foam-rolling (pm)'
        ]);
        const week = plan.weeks[0];
        // Two sessions on one day are still one strength day.
        expect(week.strengthSessions).toBe(3);
        expect(week.restDays).toBe(4);
    });

    it('writes no slot into the JSON of a plan without `am` or `pm`', async () => {
        const plan = await planOf('plan p < week 1 < monday: 30min easy-run > >');
        expect(JSON.stringify(plan)).not.toContain('slot');
    });
});

describe('daily: every day of the week', () => {
    it('puts a daily line on all seven days, beside the weekday lines, morning first', async () => {
        const plan = await planOf(`${STRENGTH}
plan achilles <
  weeks 1-12 <
    daily am: 3 x 15 calf-raises
    tuesday: 30min easy-run
    daily pm: 3 x 15 calf-raises
  >
>`);
        expect(plan.weeks).toHaveLength(12);
        expect(daysOf(plan)).toEqual([
            'monday: calf-raises (am), calf-raises (pm)',
            'tuesday: calf-raises (am), easy-run, calf-raises (pm)',
            'wednesday: calf-raises (am), calf-raises (pm)',
            'thursday: calf-raises (am), calf-raises (pm)',
            'friday: calf-raises (am), calf-raises (pm)',
            'saturday: calf-raises (am), calf-raises (pm)',
            'sunday: calf-raises (am), calf-raises (pm)'
        ]);
        expect(plan.weeks[0]).toMatchObject({ strengthSessions: 7, strengthSets: 42, restDays: 0 });
        expect(plan.weeks[0].days.map(day => day.line)).toEqual([8, 8, 8, 8, 8, 8, 8]);
    });
});

describe('the focus of a plan', () => {
    it('is what the plan says', async () => {
        for (const focus of ['runner', 'strength', 'rehab', 'hybrid']) {
            expect((await planOf(`plan p < focus ${focus}; week 1 < monday: 30min easy-run > >`)).focus).toBe(focus);
        }
    });

    it('is a runner\'s when the plan has runs and it says nothing, else strength', async () => {
        expect((await planOf(`${STRENGTH}\nplan p < week 1 < monday: strength; 20min easy-run > >`)).focus).toBe('runner');
        expect((await planOf(`${STRENGTH}\nplan p < week 1 < monday: strength > >`)).focus).toBe('strength');
        // An unknown focus is an error and leaves the inferred one.
        expect((await checkPlanFocus('plan p < focus swimmer; week 1 < monday: 20min easy-run > >'))).toBe('runner');
    });
});

async function checkPlanFocus(text: string): Promise<string | undefined> {
    const document = await checkText(text);
    return compileDocument(document.parseResult.value, 'test').plans[0].focus;
}

describe('twice daily: a session in the morning and again in the evening', () => {
    it('puts the line\'s sessions in both slots of every day, around the other lines of the day', async () => {
        const plan = await planOf(`${STRENGTH}workout heel-drops <\n  3 x 15 calf-raises\n>\nplan p <\n  focus rehab\n  week 1 <\n    twice daily: heel-drops\n    monday: strength\n  >\n>\n`);
        expect(daysOf(plan)[0]).toBe('monday: heel-drops (am), strength, heel-drops (pm)');
        expect(daysOf(plan)[3]).toBe('thursday: heel-drops (am), heel-drops (pm)');
        expect(plan.weeks[0].days).toHaveLength(7);
    });

    it('is a morning and an evening already, so `twice monday am:` is a syntax error that says so', async () => {
        const document = await checkText('plan p <\n  week 1 <\n    twice monday am: x\n  >\n>\n');
        const messages = document.parseResult.parserErrors.map(error => error.message).join('\n');
        expect(messages).toContain('`twice daily: heel-drops` is a morning and an evening session');
    });

    it('counts as listing both sessions of the day, so a second morning line is a duplicate', async () => {
        const document = await checkText(`${STRENGTH}plan p <\n  week 1 <\n    twice tuesday: strength\n    tuesday pm: strength\n  >\n>\n`);
        expect((document.diagnostics ?? []).map(diagnostic => diagnostic.code)).toContain('duplicate-day');
    });
});

describe('a workout named by a keyword', () => {
    it('is found from a plan\'s day like any other name (`tuesday: intervals`)', async () => {
        const names = ['intervals', 'amrap', 'tabata', 'warmup', 'for-time', 'section', 'rounds', 'twice'];
        const text = names.map(name => `workout ${name} <\n  10 squats\n>\n`).join('')
            + `plan p <\n  week 1 <\n${names.map((name, index) => `    ${['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][index % 7]}${index >= 7 ? ' pm' : ''}: ${name}\n`).join('')}  >\n>\n`;
        const document = await checkText(text);
        expect((document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1)).toEqual([]);
        const [plan] = compileDocument(document.parseResult.value).plans;
        const refs = plan.weeks[0].days.flatMap(day => day.items.map(item => item.type === 'workout' ? item.ref : ''));
        expect(refs.sort()).toEqual([...names].sort());
    });

    it('still reads `rest` as a rest day and `max` as an entry', async () => {
        const document = await checkText('plan p <\n  week 1 <\n    monday: rest\n    tuesday: max push-ups\n  >\n>\n');
        expect((document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1)).toEqual([]);
        const [plan] = compileDocument(document.parseResult.value).plans;
        const tuesday = plan.weeks[0].days.find(day => day.day === 'tuesday')!;
        expect(tuesday.items[0].type).not.toBe('workout');
    });
});
