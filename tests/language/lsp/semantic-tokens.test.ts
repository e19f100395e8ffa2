/**
 * Semantic colouring of names: a coach sees at a glance which names come from the catalog,
 * which are their own, and which are unknown (a typo stands out before any squiggle).
 */
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { newWorkspace } from './lsp-kit.js';

// `<|` and `|>` mark the names under test; the language's own `<` and `>` never touch a `|`.
const TEXT = [
    'exercise <|kb-halo|> "Kettlebell halo" <',
    '  muscles: shoulders',
    '>',
    'workout <|strength-a|> <',
    '  10 <|burpees|>',
    '  10 <|press-ups|>',
    '  10 <|KB-Halo|> per side',
    '  10 <|burpess|>',
    '>',
    'plan p <',
    '  week 1 <',
    '    monday: <|strength-a|>',
    '  >',
    '>',
    ''
].join('\n');

describe('semantic tokens for names', () => {
    it('gives catalog, user-defined and unknown exercise names three different token types', async () => {
        const tokens = await highlightHelper(newWorkspace())(TEXT);
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.function });   // burpees: catalog
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.function });   // press-ups: a catalog alias
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.class });      // KB-Halo: defined above
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: SemanticTokenTypes.variable });   // burpess: unknown
        const typeAt = (text: string) => tokens.tokens.find(token => token.text === text)?.tokenType;
        expect(new Set([typeAt('burpees'), typeAt('KB-Halo'), typeAt('burpess')]).size).toBe(3);
    });

    it('marks catalog names as the default library, and definitions as declarations', async () => {
        const services = newWorkspace();
        const tokens = await highlightHelper(services)(TEXT);
        const flags = Object.entries(services.lsp.SemanticTokenProvider!.tokenModifiers);
        const modifiersOf = (text: string) => {
            const token = tokens.tokens.find(candidate => candidate.text === text)!;
            return flags.filter(([, flag]) => (token.tokenModifiers & flag) !== 0).map(([name]) => name);
        };
        expect(modifiersOf('burpees')).toEqual([SemanticTokenModifiers.defaultLibrary]);
        expect(modifiersOf('burpess')).toEqual([]);
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
        expect(modifiersOf('kb-halo')).toEqual([SemanticTokenModifiers.declaration]);
    });

    it('colours workouts, where defined and where a plan names them, as one kind', async () => {
        const tokens = await highlightHelper(newWorkspace())(TEXT);
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.namespace });
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: SemanticTokenTypes.namespace });
    });
});
