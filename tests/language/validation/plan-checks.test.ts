/**
 * The plan checks on the example plan, as a coach meets them: clean as written, and the right
 * warning on the right line when a session is moved. Each check on its own is covered by the
 * fixtures tests/fixtures/validation/plan-*.workout.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ValidationAcceptor } from 'langium';
import { describe, expect, it } from 'vitest';
import { isPlan, type Plan } from '../../../src/language/generated/ast.js';
import { planThresholds } from '../../../src/core/plan-rules.js';
import { checkPlan } from '../../../src/language/validation/plan-checks.js';
import { checkText, newServices, reported } from '../../helpers.js';
import { checkExamplePlan, EXAMPLES, PLAN_FILE } from '../compiler/plan-helpers.js';

const planText = () => readFileSync(path.join(EXAMPLES, PLAN_FILE), 'utf8');

function lineNumberOf(text: string, fragment: string): number {
    const index = text.split('\n').findIndex(line => line.includes(fragment));
    expect(index, `"${fragment}" should be in the plan`).toBeGreaterThanOrEqual(0);
    return index + 1;
}

describe('the example plan', () => {
    it('checks clean: no errors, warnings or hints', async () => {
        const document = await checkExamplePlan();
        expect(reported(document)).toEqual([]);
    });

    it('warns on the long-run day line when a strength session is moved onto it', async () => {
        const original = planText();
        // Week 5: strength B leaves Thursday for Sunday, the long-run day.
        const moved = original
            .replace('    thursday: 35min easy-run; strength-b\n    saturday: 25min easy-run\n    sunday: 75min long-run\n',
                '    thursday: 35min easy-run\n    saturday: 25min easy-run\n    sunday: 75min long-run; strength-b\n');
        expect(moved).not.toBe(original);
        const diagnostics = reported(await checkExamplePlan(moved));
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({
            line: lineNumberOf(moved, 'sunday: 75min long-run; strength-b'),
            column: moved.split('\n')[lineNumberOf(moved, 'sunday: 75min long-run; strength-b') - 1].indexOf('strength-b') + 1,
            severity: 'warning',
            code: 'strength-on-long-run-day'
        });
        expect(diagnostics[0].message).toContain('long-run day');
        expect(diagnostics[0].message).toContain('easy-run day');
    });

    it('warns when the strength session comes before the run', async () => {
        // Week 4 only: replace() changes the first Monday that has strength A.
        const swapped = planText().replace('monday: 35min easy-run; strength-a', 'monday: strength-a; 35min easy-run');
        const diagnostics = reported(await checkExamplePlan(swapped));
        expect(diagnostics.map(d => [d.line, d.code])).toEqual([[lineNumberOf(swapped, 'monday: strength-a; 35min easy-run'), 'strength-before-run']]);
        expect(diagnostics[0].message).toContain('run first');
    });

    it('warns on the week line when a third session makes the week too much for a beginner and too steep', async () => {
        const busier = planText().replace('    saturday: 25min easy-run\n    sunday: 75min long-run\n', '    saturday: 25min easy-run; hip-core-circuit\n    sunday: 75min long-run\n');
        const diagnostics = reported(await checkExamplePlan(busier));
        const weekLine = lineNumberOf(busier, 'week 5 "A and B"');
        expect(diagnostics.map(d => [d.line, d.code]).sort()).toEqual([[weekLine, 'progression-too-steep'], [weekLine, 'strength-sessions-per-week']]);
        expect(diagnostics.find(d => d.code === 'strength-sessions-per-week')!.message).toContain('1–2 a week');
    });
});

describe('thresholds', () => {
    async function warningsWith(text: string, thresholds: ReturnType<typeof planThresholds>): Promise<string[]> {
        const document = await checkText(text);
        const plan = document.parseResult.value.elements.find(isPlan) as Plan;
        const codes: string[] = [];
        const accept: ValidationAcceptor = (_severity, _message, info) => { codes.push(String(info.code)); };
        checkPlan(plan, accept, newServices(), thresholds);
        return codes;
    }

    const threeSessions = `workout s < 2 x 10 squats >
plan p <
  week 1 <
    monday: 20min easy-run; s
    wednesday: 20min easy-run; s
    friday: 20min easy-run; s
  >
  week 2 <
    monday: 20min easy-run; s; s
    wednesday: 20min easy-run; s
    friday: 20min easy-run; s
  >
>`;

    it('come from settings: sessions per week and the progression limit', async () => {
        expect(await warningsWith(threeSessions, planThresholds())).toEqual(['progression-too-steep']);
        expect(await warningsWith(threeSessions, planThresholds({ progressionPercent: 40 }))).toEqual([]);
        expect(await warningsWith(threeSessions, planThresholds({ progressionPercent: 40, sessionsPerWeek: { intermediate: [1, 2] } })))
            .toEqual(['strength-sessions-per-week', 'strength-sessions-per-week']);
    });

    it('give way to the plan\'s own level and progression', async () => {
        const withOptions = threeSessions.replace('plan p <', 'plan p <\n  level beginner\n  progression 50%');
        expect(await warningsWith(withOptions, planThresholds({ progressionPercent: 5 }))).toEqual(['strength-sessions-per-week', 'strength-sessions-per-week']);
    });
});
