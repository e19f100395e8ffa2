/**
 * A file of athletes previews as their profiles: the facts the coach wrote and the numbers the
 * targets become (paces from race times, zones from heart rates, training maxes), in HTML and
 * Markdown; a model of another version (odd numbers, missing fields) draws no NaN or undefined.
 */
import { describe, expect, it } from 'vitest';
import { renderSessionBody } from '../../src/render/html.js';
import { renderSessionMarkdown } from '../../src/render/markdown.js';
import type { SessionModel } from '../../src/core/session-model.js';
import { checkText, compileDocument } from '../helpers.js';
import { readTags } from './markup.js';

const ATHLETES = `athlete jane "Jane <b>Doe</b>" <
  5k: 22:30
  lthr: 172
  1rm back-squat: 100kg
  units: km
>
athlete sam <
  half-marathon: 1:38:00
  max-hr: 182
  units: mi
>
`;

async function session(): Promise<SessionModel> {
    const document = await checkText(ATHLETES, 'athletes.workout');
    expect(document.diagnostics ?? []).toEqual([]);
    return compileDocument(document.parseResult.value, 'athletes');
}

describe('athlete profiles on the page', () => {
    it('draw each athlete with her derived paces, zones and maxes instead of an empty page', async () => {
        const html = renderSessionBody(await session());
        expect(html).not.toContain('Nothing to show yet');
        expect(html).toContain('<h1 class="page-title">Jane &lt;b&gt;Doe&lt;/b&gt;</h1>');
        // 22:30 for 5 km is 4:30/km; Riegel puts her 10K slower than that.
        expect(html).toMatch(/<th scope="row">5K pace<\/th><td>4:30\/km<\/td>/);
        expect(html).toMatch(/<th scope="row">10K pace<\/th><td>4:(3\d|4\d|5\d)\/km<\/td>/);
        // Friel's zone 2 from an LTHR of 172: 85–89 %.
        expect(html).toContain('<th scope="row">Zone 2</th><td>146–153 bpm</td>');
        expect(html).toContain('1RM 100 kg · TM 90 kg (90% of 1RM)');
        // Sam runs in miles: his paces are per mile, his zones from max HR.
        expect(html).toMatch(/<th scope="row">half-marathon pace<\/th><td>7:29\/mi<\/td>/);
        expect(html).toContain('Heart-rate zones (from max HR)');
        expect(readTags(html).problems).toEqual([]);
    });

    it('list the athletes in the Markdown export too, escaped', async () => {
        const markdown = renderSessionMarkdown(await session());
        expect(markdown).toContain('# Athlete: Jane \\<b\\>Doe\\</b\\>');
        expect(markdown).toContain('# Athlete: sam');
        expect(markdown).toContain('| 5K pace | 4\\:30/km |');
    });

    it('draw a profile of another version without NaN, undefined or a crash', () => {
        const odd = { workouts: [], plans: [], athletes: [null, 7, { id: 'x', races: [{ meters: 'far', seconds: NaN }, null], paces: { easy: Infinity }, oneRepMax: { squat: { value: null } }, maxHr: -3 }] } as unknown as SessionModel;
        const html = renderSessionBody(odd);
        const markdown = renderSessionMarkdown(odd);
        for (const text of [html, markdown]) {
            expect(text).not.toMatch(/NaN|undefined|Infinity|null/);
        }
        expect(html).toContain('<h1 class="page-title">x</h1>');
    });
});
