/**
 * `/*` left open: the lexer matched only closed comments, so it retried at every `/*` and scanned
 * to the end of the file each time: 200 KB of `/*a` took 10 s to check. An open comment now runs
 * to the end of the file (as editors colour it) and is one error.
 */
import { describe, expect, it } from 'vitest';
import { checkText, reported } from '../../helpers.js';

describe('comments left open', () => {
    it('200 KB of `/*` check in well under a second, as one error', async () => {
        const text = '/*a'.repeat(70_000);
        const start = performance.now();
        const document = await checkText(text);
        const elapsed = performance.now() - start;
        console.log(`checking 70000 open comments (205 KB): ${elapsed.toFixed(0)} ms (10 s before)`);
        expect(reported(document).map(d => `${d.line}:${d.column} ${d.code}`)).toEqual(['1:1 syntax-error']);
        expect(elapsed).toBeLessThan(5_000);
    });

    it('a closed comment is still only the comment', async () => {
        const document = await checkText('workout w <\n  /* 3 x 10 squats */ 10 burpees /* a */\n  /**/ 10 squats /* * / */\n>\n');
        expect(reported(document)).toEqual([]);
    });
});
