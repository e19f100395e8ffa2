/**
 * Every editor feature on whatever is in the editor: half-typed soups of the language's own
 * words and mutated example files. A feature may answer nothing; it must not fail, nor log an
 * error (a failed request is a file without colours, hovers or completion for the coach).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutatedExample, tokenSoup } from './generators.js';
import { editorFeatureFailures, withChecked } from './kit.js';

const featuresSurvive = (text: string) => withChecked(text, async document => {
    expect(await editorFeatureFailures(document, 6), JSON.stringify(text)).toEqual([]);
});

describe('editor features on half-typed text', () => {
    it('never fail on soups of the language\'s own words', async () => {
        await fc.assert(fc.asyncProperty(tokenSoup, featuresSurvive), { numRuns: 60 });
    });

    it('never fail on mutated example files', async () => {
        await fc.assert(fc.asyncProperty(mutatedExample, featuresSurvive), { numRuns: 25 });
    });
});
