/**
 * Line breaks as the editor counts them: `\r\n`, `\n` and a lone `\r` (src/language/line-breaks.ts).
 * Range and on-type formatting split lines on `\r?\n` only, so at a lone `\r` two lines merged
 * and an edit meant for one replaced both: `workout a <\r\n10 burpees\r>` became `…\r>>`, a
 * name was written twice. Formatting may change white space only, and line-wise formatting
 * keeps every line break as it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range, TextEdit } from 'vscode-languageserver';
import { splitLines } from '../../../src/language/line-breaks.js';
import { applyEdits } from '../lsp/lsp-kit.js';
import { exampleTexts, tokenSoup } from './generators.js';
import { services, withChecked } from './kit.js';

const OPTIONS = { tabSize: 2, insertSpaces: true };
const BREAKS = ['\n', '\r\n', '\r', '\r\r\n'];

const visible = (text: string) => text.replace(/\s+/g, '');
const breaksOf = (text: string) => text.match(/\r\n|\r|\n/g) ?? [];

/** The text after formatting the lines of `range` (or typing `>` at its start, when `onType`). */
async function formatLines(text: string, range: Range, onType = false): Promise<string> {
    return withChecked(text, async document => {
        const textDocument = { uri: document.textDocument.uri };
        const formatter = services.lsp.Formatter!;
        const edits: TextEdit[] = onType
            ? await formatter.formatDocumentOnType!(document, { textDocument, position: range.start, ch: '>', options: OPTIONS })
            : await formatter.formatDocumentRange(document, { textDocument, range, options: OPTIONS });
        return applyEdits(text, edits);
    });
}

describe('formatting lines of a text with mixed line breaks', () => {
    it.each([
        ['a lone \\r before the closing `>`', 'workout a <\r\n10 burpees\r>\n', 'workout a <\r\n  10 burpees\r>\n'],
        ['\\r\\r\\n between items', 'workout a <\r\r\n10 burpees\r\r\n   20 squats\n>\n', 'workout a <\r\r\n  10 burpees\r\r\n  20 squats\n>\n'],
        ['only lone \\r', 'workout a <\r10 burpees\r  >\r', 'workout a <\r  10 burpees\r>\r']
    ])('%s: each line re-indented, nothing written twice', async (_what, text, expected) => {
        const whole = { start: { line: 0, character: 0 }, end: { line: splitLines(text).length, character: 0 } };
        expect(await formatLines(text, whole)).toBe(expected);
    });

    it('typing `>` after a lone \\r re-indents that line only', async () => {
        const text = 'workout a <\r\n    10 burpees\r    >\n';
        expect(await formatLines(text, { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, true)).toBe('workout a <\r\n    10 burpees\r>\n');
    });

    /** An example file re-indented at random, with a random line break after each line. */
    const messyExample = fc.tuple(fc.constantFrom(...exampleTexts), fc.infiniteStream(fc.tuple(fc.constantFrom(...BREAKS), fc.nat({ max: 6 }), fc.nat({ max: 2 }))))
        .map(([text, choices]) => {
            const iterator = choices[Symbol.iterator]();
            return splitLines(text).map(line => {
                const [lineBreak, indent, trailing] = iterator.next().value as [string, number, number];
                return ' '.repeat(indent) + line.trim() + ' '.repeat(trailing) + lineBreak;
            }).join('');
        });
    const mixedSoup = fc.tuple(tokenSoup, fc.infiniteStream(fc.constantFrom(...BREAKS)))
        .map(([text, breaks]) => { const iterator = breaks[Symbol.iterator](); return text.replace(/\r\n|\r|\n/g, () => iterator.next().value as string); });
    const anyRange = fc.tuple(fc.nat({ max: 80 }), fc.nat({ max: 40 }), fc.nat({ max: 80 }), fc.nat({ max: 40 }))
        .map(([line, character, lines, endCharacter]) => ({ start: { line, character }, end: { line: line + lines, character: endCharacter } }));

    it('changes white space only and keeps every line break, for any range of any text', async () => {
        await fc.assert(fc.asyncProperty(fc.oneof(messyExample, mixedSoup), anyRange, fc.boolean(), async (text, range, onType) => {
            const after = await formatLines(text, range, onType);
            expect(visible(after), JSON.stringify(text)).toBe(visible(text));
            expect(breaksOf(after), JSON.stringify(text)).toEqual(breaksOf(text));
        }), { numRuns: 150 });
    });

    it('formats whole files with mixed breaks to one kind of break, changing white space only', async () => {
        await fc.assert(fc.asyncProperty(messyExample, async text => {
            const after = await withChecked(text, async document => applyEdits(text, await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: OPTIONS })));
            expect(visible(after)).toBe(visible(text));
            expect(new Set(breaksOf(after)).size).toBeLessThanOrEqual(1);
        }), { numRuns: 30 });
    });

    it.each([
        ['lone \\r around a comment with \\n', '\r\r/*\tmulti\nline\t*/', '/*\tmulti\nline\t*/\r'],
        ['\\n lines around a comment with \\r\\n', 'workout a <\n/* a\r\nb */\n10 burpees\n>', 'workout a <\n  /* a\r\nb */\n  10 burpees\n>\n']
    ])('%s: the comment keeps its breaks, the lines get theirs, and formatting again changes nothing', async (_what, text, expected) => {
        // The break to write was the text's first, even inside a comment: the first formatting
        // wrote `\r`, the second `\n` (found by the full fuzz run).
        const format = (input: string) => withChecked(input, async document => applyEdits(input, await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: OPTIONS })));
        const once = await format(text);
        expect(once).toBe(expected);
        expect(await format(once)).toBe(once);
    });
});
