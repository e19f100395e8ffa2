/**
 * Half-written plans, as a coach types them: the checks and the compiler give diagnostics or
 * a partial model, never a crash or a number that is not a number.
 */
import { describe, expect, it } from 'vitest';
import { renderPlansIcs } from '../../../src/render/ics.js';
import { diffSessions } from '../../../src/core/diff.js';
import { renderDiffText } from '../../../src/render/diff.js';
import { checkText, reported, compileDocument } from '../../helpers.js';

const PLAN = `workout s "Strength" <
  2 x 10 squats
>
plan p "Plan" <
  level beginner
  progression 10%
  week 1 "One" <
    monday: 30min easy-run; s
    thursday: 2 x 10 squats; 30min easy-run
    sunday: 90min long-run; s
  >
  week 2 <
    tuesday:
    wednesday: 5km run; s; s
  >
>
`;

function cuts(text: string): string[] {
    const result = new Set<string>();
    for (let index = 0; index <= text.length; index += 6) {
        result.add(text.slice(0, index));
        // The same text with one character missing in the middle.
        result.add(text.slice(0, index) + text.slice(index + 1));
    }
    return [...result];
}

function numbersAreReal(value: unknown, where: string): void {
    if (typeof value === 'number') {
        expect(Number.isFinite(value), where).toBe(true);
    } else if (Array.isArray(value)) {
        value.forEach((item, index) => numbersAreReal(item, `${where}[${index}]`));
    } else if (value && typeof value === 'object') {
        Object.entries(value).forEach(([key, item]) => numbersAreReal(item, `${where}.${key}`));
    }
}

describe('half-written plans', () => {
    it('never crash the checks, the model, the calendar or the diff', async () => {
        const full = compileDocument((await checkText(PLAN)).parseResult.value, 'plan');
        for (const text of cuts(PLAN)) {
            const document = await checkText(text);
            const messages = reported(document).map(d => d.message);
            expect(messages.filter(message => /error occurred|Cannot read|undefined|NaN/.test(message)), JSON.stringify(text)).toEqual([]);
            const session = compileDocument(document.parseResult.value, 'plan');
            numbersAreReal(session.plans, JSON.stringify(text));
            expect(() => renderPlansIcs(session.plans, { start: { year: 2027, month: 1, day: 4 } }), JSON.stringify(text)).not.toThrow();
            expect(renderDiffText(diffSessions(session, full)), JSON.stringify(text)).not.toMatch(/undefined|NaN/);
        }
    }, 120_000);
});

describe('plans that stand for too many sessions', () => {
    // `weeks 1-52 < daily: … >` writes its line out 364 times: 500 such lines (16 KB) took 5 s
    // and 840 MB to check, 5,000 (160 KB) a minute and 4 GB.
    const rangeLine = `  weeks 1-52 <\n    daily: ${'s; '.repeat(29)}s\n  >\n`;

    it('keep the weeks up to 20,000 sessions, with one error where the plan passes the limit', async () => {
        const text = `workout s < 10 squats >\nplan big <\n  focus rehab\n${rangeLine.repeat(3)}>\n`;
        const document = await checkText(text);
        const tooLarge = reported(document).filter(diagnostic => diagnostic.code === 'plan-too-large');
        // 52 × 7 × 30 = 10,920 sessions a line: the second line passes 20,000.
        expect(tooLarge.map(diagnostic => diagnostic.line)).toEqual([7]);
        expect(tooLarge[0].message).toContain('more than 20,000 sessions');
        const [plan] = compileDocument(document.parseResult.value, 'big').plans;
        expect(plan.weeks).toHaveLength(52);
    });

    it('check in moments however many ranges a file repeats', async () => {
        const started = performance.now();
        const document = await checkText(`workout s < 10 squats >\nplan big <\n  focus rehab\n${rangeLine.repeat(2_000)}>\n`);
        expect(reported(document).filter(diagnostic => diagnostic.code === 'plan-too-large')).toHaveLength(1);
        expect(performance.now() - started).toBeLessThan(20_000);
    }, 60_000);
});
