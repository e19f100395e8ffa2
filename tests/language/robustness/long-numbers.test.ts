/**
 * Numbers a coach types, however long, are read in time linear in their length, and a message
 * that quotes one does not repeat it whole.
 */
import { describe, expect, it } from 'vitest';
import { parseQuantity, parseRange } from '../../../src/core/quantities.js';
import { checkText, reported } from '../../helpers.js';

/** The best of a few runs, in milliseconds: the least disturbed by the machine's load. */
function bestTime(run: () => void, times = 7): number {
    let best = Infinity;
    for (let i = 0; i < times; i++) {
        const start = performance.now();
        run();
        best = Math.min(best, performance.now() - start);
    }
    return best;
}

describe('reading long numbers', () => {
    it('parseQuantity takes time linear in the length of the text', () => {
        // Not amounts (a stray letter at the end) and amounts of every kind: the slow case was a
        // long number that is no duration, retried from every start position.
        const texts = (digits: string) => [digits + 'x', digits + 's', digits + 'km', `${digits}.${digits}h`, `1h${digits}min`, digits];
        const timeFor = (length: number) => {
            const cases = texts('9'.repeat(length));
            return bestTime(() => cases.forEach(text => parseQuantity(text)));
        };
        timeFor(25_000); // warm up
        const small = timeFor(50_000);
        const large = timeFor(400_000);
        console.log(`parseQuantity on 6 texts: ${small.toFixed(2)} ms at 50 KB, ${large.toFixed(2)} ms at 400 KB (×${(large / Math.max(small, 0.01)).toFixed(1)} for ×8 the length)`);
        // Linear: about ×8; quadratic would be ×64, and take minutes (three 50 KB texts took 8 s
        // before). The margin absorbs a loaded machine's noise.
        expect(large).toBeLessThan(small * 32 + 50);
    });

    it('still reads every amount as before', () => {
        // (the unit as written is kept beside the value too: `5km` has unit `km`)
        expect(parseQuantity('1h30min')).toMatchObject({ kind: 'seconds', value: 5400 });
        expect(parseQuantity('1.5min')).toMatchObject({ kind: 'seconds', value: 90 });
        expect(parseQuantity('45secs')).toMatchObject({ kind: 'seconds', value: 45 });
        expect(parseQuantity('2hrs15s')).toMatchObject({ kind: 'seconds', value: 7215 });
        expect(parseQuantity('12')).toMatchObject({ kind: 'count', value: 12 });
        expect(parseQuantity('5km')).toMatchObject({ kind: 'meters', value: 5000 });
        expect(parseQuantity('70%')).toMatchObject({ kind: 'percent', value: 70 });
        expect(parseQuantity('25lbs')).toMatchObject({ kind: 'lb', value: 25 });
        for (const notAnAmount of ['', 'min', '1min ', '1min x', '1 min', 'h1', '1ms', '1h-30min', '.5s', '1.s', '12kgs']) {
            expect(parseQuantity(notAnAmount + 'z'), notAnAmount).toBeUndefined();
        }
        expect(parseRange('30', '45s')).toMatchObject({ kind: 'seconds', min: 30, max: 45 });
    });

    it('checks a file with 200 KB numbers in well under a second, and quotes a 200 KB name short', async () => {
        const digits = '9'.repeat(200_000);
        const start = performance.now();
        const document = await checkText(`workout a <\n  ${digits} burpees\n  ${digits}s plank\n  10 ${'a'.repeat(200_000)}\n>\n`);
        const elapsed = performance.now() - start;
        console.log(`checking two 200 KB numbers and a 200 KB name: ${elapsed.toFixed(0)} ms (53.8 s for two numbers and a load before parseQuantity was linear)`);
        // A message names what the coach wrote; it does not repeat 200 KB of it.
        expect(reported(document).length).toBeGreaterThan(0);
        expect(Math.max(...reported(document).map(d => d.message.length))).toBeLessThan(300);
        expect(elapsed).toBeLessThan(5_000);
    });
});

