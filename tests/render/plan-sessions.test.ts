/**
 * Two sessions a day and the plan's focus on the page and the sheet: the evening's sessions say
 * so, and the runner's "sessions a week" target shows only on plans it applies to.
 */
import { describe, expect, it } from 'vitest';
import { renderSessionHtml } from '../../src/render/html.js';
import { renderSessionMarkdown } from '../../src/render/markdown.js';
import { checkText, compileDocument } from '../helpers.js';

async function sessionOf(text: string) {
    const document = await checkText(text);
    expect(document.parseResult.parserErrors).toEqual([]);
    return compileDocument(document.parseResult.value, 'test');
}

const TWICE = `workout strength "Strength" <
  2 x 10 squats
>
plan twice "Twice a day" <
  week 1 <
    monday am: 30min easy-run
    monday pm: strength
    wednesday: 30min easy-run; strength
  >
>
`;

const REHAB = `plan achilles "Achilles" <
  focus rehab
  weeks 1-2 <
    daily am: 3 x 15 calf-raises
  >
>
`;

describe('the sessions of a day on the page and the sheet', () => {
    it('says which sessions are in the morning and which in the evening; a plain day says neither', async () => {
        const session = await sessionOf(TWICE);
        const markdown = renderSessionMarkdown(session);
        expect(markdown).toContain('30min Easy Run (morning)<br>Strength (evening)');
        expect(markdown).toContain('| 30min Easy Run<br>Strength |');
        const html = renderSessionHtml(session, { mode: 'export' });
        expect(html).toMatch(/Strength<small>[^<]*evening<\/small>/);
        expect(html.match(/morning|evening/g)).toHaveLength(2);
    });

    it('shows the runner\'s strength sessions a week only on a plan they apply to', async () => {
        const runner = await sessionOf(TWICE);
        expect(renderSessionMarkdown(runner)).toContain('**Strength sessions a week:** 2–3');
        expect(renderSessionHtml(runner, { mode: 'export' })).toContain('<dt>Sessions a week</dt>');
        const rehab = await sessionOf(REHAB);
        expect(renderSessionMarkdown(rehab)).not.toContain('Strength sessions a week');
        expect(renderSessionMarkdown(rehab)).toContain('**Level:** intermediate · **Progression limit:** 10%');
        expect(renderSessionHtml(rehab, { mode: 'export' })).not.toContain('<dt>Sessions a week</dt>');
    });
});
