/**
 * Entries half-typed, with their amount written and their name not yet (`3 x 10`, `max`,
 * `5s`): the state of every line while a coach types it. Semantic tokens used to fail on every
 * such line (-32603 "reading 'ref'", so the whole file lost its colours), hover failed on `max`,
 * and completion logged "Property exercise of type Range is not a reference" and left out the
 * workspace's own exercises.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkoutServices } from '../../../src/language/workout-module.js';
import { cursorIn, newWorkspace, openFiles, openText, uriOf } from './lsp-kit.js';

const HALF_TYPED = {
    'sets and reps': 'workout a <\n  3 x 10\n  10 burpees\n>\n',
    'max': 'max',
    'a time': '5s',
    'max inside a block': 'workout a <\n  amrap 5min <\n    max\n    10 burpees\n  >\n>\n'
};

let logged: string[];
beforeEach(() => {
    logged = [];
    for (const method of ['error', 'warn'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
    }
});
afterEach(() => vi.restoreAllMocks());

describe.each(Object.entries(HALF_TYPED))('%s', (_what, text) => {
    it('gets its semantic tokens, with the names that are typed coloured', async () => {
        const services = newWorkspace();
        const document = await openText(services, text);
        const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: uriOf('session.workout') } });
        expect(tokens.data.length % 5).toBe(0);
        if (text.includes('burpees')) {
            expect(tokens.data.length).toBeGreaterThan(0);
        }
        expect(logged).toEqual([]);
    });

    it('answers hover anywhere on the line without failing', async () => {
        const services = newWorkspace();
        const document = await openText(services, text);
        for (let offset = 0; offset <= text.length; offset++) {
            await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: uriOf('session.workout') }, position: document.textDocument.positionAt(offset) });
        }
        expect(logged).toEqual([]);
    });
});

describe('completion after a half-typed amount', () => {
    async function completeAt(services: WorkoutServices, textWithCursor: string): Promise<string[]> {
        const { text, position } = cursorIn(textWithCursor);
        const [, document] = await openFiles(services, { 'own.workout': 'exercise "wall angels" <\n  muscles: shoulders\n>\nexercise band-pull-apart <\n  muscles: shoulders\n>\n', 'session.workout': text });
        const list = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uriOf('session.workout') }, position });
        return (list?.items ?? []).map(item => item.label);
    }

    it.each([
        ['3 x 10 ‸', 'workout a <\n  3 x 10 ‸\n>\n'],
        ['max ‸', 'workout a <\n  max ‸\n>\n'],
        ['5s ‸', '5s ‸'],
        ['10 ‸ in a block', 'workout a <\n  amrap 5min <\n    10 ‸\n  >\n>\n']
    ])('%s offers the workspace\'s own exercises and the catalog, and logs nothing', async (_what, textWithCursor) => {
        const labels = await completeAt(newWorkspace(), textWithCursor);
        expect(labels).toContain('band-pull-apart');
        expect(labels).toContain('burpees');
        expect(logged).toEqual([]);
    });

});
