/**
 * Blocks of thousands of items: the outline, the inlay hints and the preview compile the
 * session on every edit. Each item's passes read the whole block (its rounds, its EMOM labels),
 * so a block of 9,000 entries took seconds to compile (10 s in the fuzz run), and as long for
 * its inlay hints; now a block's passes are read once (core/estimate.ts, itemPasses).
 */
import { describe, expect, it } from 'vitest';
import { services, withChecked } from './kit.js';

const SHAPES: Array<[string, (count: number) => string]> = [
    ['one line of entries', count => `workout long < ${'10 squats; '.repeat(count)}>\n`],
    ['an EMOM labelled by minute', count => `workout long <\n  emom 60min <\n${Array.from({ length: count }, (_, i) => `    min ${i % 60 + 1}: 10 burpees\n`).join('')}  >\n>\n`],
    ['runs with recoveries', count => `workout long <\n  repeat 3 <\n${'    1km run @ easy\n    rest 200m walk\n'.repeat(count / 2)}  >\n>\n`]
];

describe('blocks of thousands of items', () => {
    it.each(SHAPES)('%s: 20,000 items compile, and give inlay hints, in well under a second each', async (_shape, textOf) => {
        await withChecked(textOf(20_000), async document => {
            const textDocument = { uri: document.textDocument.uri };
            const range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
            const started = performance.now();
            const model = services.compiler.Compiler.compileDocument(document.parseResult.value, 'long');
            const compiled = performance.now() - started;
            await services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range });
            const hinted = performance.now() - started - compiled;
            expect(model.workouts[0].estimatedSeconds).toBeGreaterThan(0);
            // 6 to 10 s each before; a loaded two-core machine may take a few times the 0.4 s of now.
            expect(compiled).toBeLessThan(2_000);
            expect(hinted).toBeLessThan(2_000);
        });
    }, 60_000);
});
