/**
 * Inlay hints: each block's estimated time right after its `<`, so a coach sees how long a
 * session runs while writing it; the `workout.inlayHints.enabled` setting turns them off.
 */
import { describe, expect, it } from 'vitest';
import type { InlayHint } from 'vscode-languageserver';
import type { WorkoutServices } from '../../../src/language/workout-module.js';
import { newWorkspace, openText, uriOf } from './lsp-kit.js';

const TEXT = [
    'workout w "W" <',
    '  warmup < 5min dynamic-stretching >',
    '  amrap 20min <',
    '    10 burpees',
    '    20 squats',
    '  >',
    '  3 rounds rest 60s <',
    '    superset < 10 push-ups; 10 squats >',
    '  >',
    '>',
    ''
].join('\n');

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };

async function hintsOf(services: WorkoutServices, range = WHOLE): Promise<InlayHint[]> {
    const uri = uriOf('session.workout');
    const document = services.shared.workspace.LangiumDocuments.all.find(candidate => candidate.uri.toString() === uri) ?? await openText(services, TEXT);
    return await services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri }, range }) ?? [];
}

/** `line:text before the hint|label` — where a coach sees each hint. */
function shown(hints: InlayHint[]): string[] {
    const lines = TEXT.split('\n');
    return hints.map(hint => `${lines[hint.position.line].slice(0, hint.position.character)}|${hint.label as string}`);
}

describe('inlay hints', () => {
    it('puts one estimate after the `<` of each block, and the total after the workout', async () => {
        const hints = await hintsOf(newWorkspace());
        expect(shown(hints)).toEqual([
            // 10 push-ups at 2 s and 10 air squats at 1.5 s a rep (docs/catalog.md): 35 s a superset.
            'workout w "W" <|≈ 28min 45s',
            '  warmup <|≈ 5min',
            '  amrap 20min <|≈ 20min',
            '  3 rounds rest 60s <|≈ 3min 45s',
            '    superset <|≈ 35s'
        ]);
        for (const hint of hints) {
            expect(hint.paddingLeft).toBe(true);
            expect(hint.tooltip).toMatch(/Estimated time/);
        }
    });

    it('gives only the hints inside the requested range', async () => {
        const hints = await hintsOf(newWorkspace(), { start: { line: 2, character: 0 }, end: { line: 5, character: 3 } });
        expect(shown(hints)).toEqual(['  amrap 20min <|≈ 20min']);
    });

    it('shows none when workout.inlayHints.enabled is false, and shows them again when it is true', async () => {
        const services = newWorkspace();
        const configuration = services.shared.workspace.ConfigurationProvider;
        configuration.updateConfiguration({ settings: { workout: { inlayHints: { enabled: false } } } });
        expect(await hintsOf(services)).toEqual([]);
        configuration.updateConfiguration({ settings: { workout: { inlayHints: { enabled: true } } } });
        expect(await hintsOf(services)).toHaveLength(5);
    });
});
