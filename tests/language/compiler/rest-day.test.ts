import { describe, expect, it } from 'vitest';
import { checkFiles, compileDocument } from '../../helpers.js';

const workouts = 'workout strength-a < 3 x 10 squats; 3 x 10 push-ups >\n';

describe('an explicit rest day', () => {
    it('reads `sunday: rest` as a rest day, not as a workout named rest', async () => {
        const plan = 'plan p <\n  level beginner\n  week 1 <\n    monday: 30min easy-run; strength-a\n    sunday: rest\n  >\n>\n';
        const [, document] = await checkFiles({ 'w.workout': workouts, 'p.workout': plan });
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const week = compileDocument(document.parseResult.value, 'p').plans[0].weeks[0];
        const sunday = week.days.find(day => day.day === 'sunday');
        expect(sunday?.items).toEqual([]);
        expect(sunday?.rest).toBe(true);
    });
});
