/**
 * Hard limits on every number a coach writes: past them a number is an error
 * (`amount-out-of-range`, docs/checks.md), never just a warning, and the session model holds it
 * to the limit, so even a file with errors compiles to finite, bounded numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMOUNT_LIMITS } from '../../../src/core/quantities.js';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import { checkText, compileDocument, reported } from '../../helpers.js';
import { services, withChecked } from './kit.js';

/** Every number of a session model, with where it is. */
function numbersOf(value: unknown, at = '$', into: Array<[string, number]> = []): Array<[string, number]> {
    if (typeof value === 'number') {
        into.push([at, value]);
    } else if (Array.isArray(value)) {
        value.forEach((item, index) => numbersOf(item, `${at}[${index}]`, into));
    } else if (value && typeof value === 'object') {
        Object.entries(value).forEach(([key, item]) => numbersOf(item, `${at}.${key}`, into));
    }
    return into;
}

/** Each place a coach writes a number, `#` standing for it. */
const NUMERIC_POSITIONS = [
    'workout w <\n  # squats\n>',
    'workout w <\n  # x 10 squats\n>',
    'workout w <\n  3 x # squats\n>',
    'workout w <\n  10-# squats\n>',
    'workout w <\n  #.# squats\n>',
    'workout w <\n  #s plank\n>',
    'workout w <\n  #min run\n>',
    'workout w <\n  #h#min run\n>',
    'workout w <\n  #m run\n>',
    'workout w <\n  #km run\n>',
    'workout w <\n  #mi run\n>',
    'workout w <\n  5 deadlift @ #kg\n>',
    'workout w <\n  5 deadlift @ #lb\n>',
    'workout w <\n  5 back-squat @ #%\n>',
    'workout w <\n  5 back-squat @ rpe #\n>',
    'workout w <\n  3 x 8 back-squat tempo 3-1-#\n>',
    'workout w <\n  1km run @ # bpm\n  10min run @ #w\n  20min run @ #kph\n  20min run @ #% ftp\n>',
    'athlete a < 5k: #:30; 1rm back-squat: #kg; bodyweight: #kg; recent-race: #k 20:00 >\nworkout w <\n  5 back-squat @ 75%\n  1km run @ 5k-pace\n>',
    'workout w <\n  10 squats rest #s\n>',
    'workout w <\n  10 squats\n  rest #min\n>',
    'workout w <\n  # rounds rest #s <\n    10 squats\n  >\n>',
    'workout w <\n  intervals # x 20s on 10s off <\n    10 burpees\n  >\n>',
    'workout w <\n  intervals 8 x #s on #s off <\n    10 burpees\n  >\n>',
    'workout w <\n  amrap #min <\n    10 burpees\n  >\n>',
    'workout w <\n  emom #min <\n    10 burpees\n  >\n>',
    'workout w <\n  every #s for #min <\n    10 burpees\n  >\n>',
    'workout w <\n  for-time cap #min <\n    10 burpees\n  >\n>',
    'workout w <\n  superset rest #s <\n    10 burpees\n  >\n>',
    'exercise slow <\n  per-rep: #s\n>\nworkout w <\n  # slow\n>',
    'workout w <\n  30min easy-run\n  10 squats\n>\nplan p <\n  progression #%\n  week # <\n    monday: w; # x # squats\n  >\n>'
];

/** Short numbers and numbers of hundreds of digits (10^309 and up are Infinity as a double). */
const digits = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 8 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 300, maxLength: 420 }),
    fc.constantFrom('99999999999999999999', '1'.padEnd(400, '0'), '0', '00000000001')
);

/** Far above every limit, in any unit the templates use (minutes and hours multiply). */
const ABOVE_EVERY_LIMIT = 1e8;

describe('numbers in every place a coach writes one', () => {
    it('compile to finite, bounded numbers, and an absurd one is an error', async () => {
        await fc.assert(fc.asyncProperty(fc.constantFrom(...NUMERIC_POSITIONS), digits, async (template, number) => {
            const text = template.replaceAll('#', number) + '\n';
            await withChecked(text, document => {
                const numbers = numbersOf(services.compiler.Compiler.compileDocument(document.parseResult.value, 'numbers'));
                const wrong = numbers.filter(([, value]) => !Number.isFinite(value) || Math.abs(value) > 1e12);
                expect(wrong, text.slice(0, 200)).toEqual([]);
                if (Number(number) > ABOVE_EVERY_LIMIT) {
                    // An error, so the command line refuses to render and the preview is not sent.
                    expect(reported(document).filter(d => d.severity === 'error').length, text.slice(0, 200)).toBeGreaterThan(0);
                }
            });
        }), { numRuns: 300 });
    });

    it('the hard limits sit above the implausible-amount warnings, far above a real program', async () => {
        const document = await checkText(`workout w <\n  ${AMOUNT_LIMITS.reps} squats\n  ${AMOUNT_LIMITS.sets} x 10 squats\n  24h run\n  1000km run\n>\n`);
        expect(reported(document).map(d => `${d.line} ${d.severity} ${d.code}`)).toEqual([
            '2 warning implausible-amount', '3 warning implausible-amount', '4 warning implausible-amount', '5 warning implausible-amount'
        ]);
    });

    it('refuses a 200 KB number where reps, a time and a load go', async () => {
        const digits = '9'.repeat(200_000);
        const document = await checkText(`workout a <\n  ${digits} burpees\n  ${digits}s plank\n  10 squats @ ${digits}kg\n>\n`);
        expect(reported(document).map(d => d.code)).toEqual([IssueCodes.AmountOutOfRange, IssueCodes.AmountOutOfRange, IssueCodes.AmountOutOfRange]);
    });

    it('refuses `intervals 10000000 x` as an error, and the session keeps at most the limit', async () => {
        const document = await checkText('workout w <\n  intervals 10000000 x 20s on 10s off <\n    10 burpees\n  >\n>\n');
        expect(reported(document).map(d => `${d.severity} ${d.code}`)).toEqual(['error amount-out-of-range']);
        const block = compileDocument(document.parseResult.value).workouts[0].blocks[0];
        expect(block.rounds).toBe(AMOUNT_LIMITS.rounds);
    });
});
