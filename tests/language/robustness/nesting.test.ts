/**
 * Nesting too deep: about 200 nested blocks used to overflow the parser's stack (the language
 * server died, the command line printed "Maximum call stack size exceeded"). Now the blocks
 * deeper than MAX_NESTING are cut before the parser runs (src/language/workout-lexer.ts): one
 * `nesting-too-deep` error at the block that goes too deep, and everything else keeps working.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../../src/language/workout-lexer.js';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import { checkFiles, reported } from '../../helpers.js';
import { editorFeatureFailures, services, withChecked } from './kit.js';

const closedTower = (levels: number) => `workout a <\n${'amrap 1min <\n'.repeat(levels)}10 burpees\n${'>\n'.repeat(levels)}>\n`;
const openTower = (levels: number) => 'amrap <\n'.repeat(levels);

/** The diagnostics as `line code`, and the nesting errors in full. */
async function nestingOf(text: string, linesAsked = 12) {
    return withChecked(text, async document => {
        const all = reported(document);
        const session = services.compiler.Compiler.compileDocument(document.parseResult.value, 'deep');
        return {
            nesting: all.filter(d => d.code === IssueCodes.NestingTooDeep),
            others: all.filter(d => d.code !== IssueCodes.NestingTooDeep && d.code !== IssueCodes.CapRequired),
            json: JSON.stringify(session),
            failures: await editorFeatureFailures(document, linesAsked)
        };
    });
}

describe('nesting deeper than the limit', () => {
    it('200 closed nested blocks: one error on the block that goes too deep, nothing else', async () => {
        const { nesting, others, json, failures } = await nestingOf(closedTower(200));
        // The workout's `<` is level 1: the 32nd amrap, on line 33, opens level 33.
        expect(nesting.map(d => [d.line, d.column, d.endColumn, d.severity])).toEqual([[MAX_NESTING + 1, 1, 13, 'error']]);
        expect(nesting[0].message).toBe(`Blocks are nested more than ${MAX_NESTING} deep: what this block holds is skipped. Nest fewer blocks inside each other.`);
        expect(others).toEqual([]);
        expect(json.length).toBeGreaterThan(0);
        expect(failures).toEqual([]);
    });

    it('200 unclosed blocks (`amrap <` on every line): one nesting error, and the missing `>` said once', async () => {
        const { nesting, others, failures } = await nestingOf(openTower(200));
        expect(nesting.map(d => d.line)).toEqual([MAX_NESTING + 1]);
        expect(others.map(d => d.message)).toEqual(['This `<` of `amrap` is never closed: add `>` where the block ends.']);
        expect(failures).toEqual([]);
    });

    it('at the limit, nothing is cut: the file is clean and formats', async () => {
        const text = `workout a <\n${'  3 rounds <\n'.repeat(MAX_NESTING - 1)}10 burpees\n${'>\n'.repeat(MAX_NESTING - 1)}>\n`;
        await withChecked(text, async document => {
            expect(reported(document)).toEqual([]);
            const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 2, insertSpaces: true } });
            expect(edits).toHaveLength(1);
            const session = services.compiler.Compiler.compileDocument(document.parseResult.value, 'deep');
            let depth = 0;
            for (let block = session.workouts[0].blocks[0]; block; block = block.entries.find(item => item.type === 'block') as typeof block) {
                depth++;
            }
            expect(depth).toBe(MAX_NESTING - 1);
            expect(await editorFeatureFailures(document, 12)).toEqual([]);
        });
    });

    it('formatting leaves a file with cut nesting alone: the text inside the cut is never lost', async () => {
        await withChecked(closedTower(100), async document => {
            const textDocument = { uri: document.textDocument.uri };
            const options = { tabSize: 2, insertSpaces: true };
            expect(await services.lsp.Formatter!.formatDocument(document, { textDocument, options })).toEqual([]);
            const whole = { start: { line: 0, character: 0 }, end: { line: 300, character: 0 } };
            expect(await services.lsp.Formatter!.formatDocumentRange(document, { textDocument, range: whole, options })).toEqual([]);
        });
    });

    it('the pretty-printed JSON (`render --format json`, 2 spaces a level) stops growing at the limit', async () => {
        // Indented once per level, JSON of blocks nested 400 deep was 3.2 MB for 5 KB of text:
        // the model holds no block deeper than the limit, so a deeper tower adds nothing.
        const sizes: number[] = [];
        for (const levels of [MAX_NESTING, 400, 5000]) {
            await withChecked(closedTower(levels), document => {
                sizes.push(JSON.stringify(services.compiler.Compiler.compileDocument(document.parseResult.value, 'deep'), null, 2).length);
            });
        }
        expect(sizes[1]).toBeLessThanOrEqual(sizes[0]);
        expect(sizes[2]).toBe(sizes[1]);
        expect(sizes[0]).toBeLessThan(40_000);
    });

    it('the other files of the workspace are still checked and compiled', async () => {
        const [deep, other] = await checkFiles({ 'deep.workout': closedTower(500), 'other.workout': 'workout other <\n  10 burpess\n  amrap 5min < 10 squats >\n>\n' });
        expect(reported(deep).map(d => d.code)).toEqual([IssueCodes.NestingTooDeep]);
        expect(reported(other).map(d => `${d.line} ${d.code}`)).toEqual(['2 unknown-exercise']);
    });

    it('any mix of opened and closed blocks, however deep, gives one error per block that goes too deep and breaks no feature', async () => {
        const piece = fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom('amrap 1min <', '3 rounds <', 'superset <', 'warmup <', '<', 'section "s" <', 'workout w <') },
            { weight: 3, arbitrary: fc.constantFrom('>', '>', ' >', '>>') },
            { weight: 1, arbitrary: fc.constantFrom('10 burpees', '// <', '/* < */', '"<"', 'rest 30s', ';') }
        );
        const runs = fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 80 })), { minLength: 1, maxLength: 8 });
        await fc.assert(fc.asyncProperty(runs, async parts => {
            const text = parts.map(([line, times]) => `${line}\n`.repeat(times)).join('');
            // The blocks that open level MAX_NESTING + 1 outside a block already cut, counted on the lines.
            let depth = 0;
            let expected = 0;
            for (const line of text.split('\n')) {
                const code = line.replace(/\/\/.*$|\/\*.*?\*\/|"[^"]*"/g, '');
                for (const char of code) {
                    if (char === '<' && ++depth === MAX_NESTING + 1) {
                        expected++;
                    } else if (char === '>') {
                        depth = Math.max(0, depth - 1);
                    }
                }
            }
            const { nesting, json, failures } = await nestingOf(text, 6);
            expect(nesting.length, text.slice(0, 300)).toBe(expected);
            expect(json.length).toBeGreaterThan(0);
            expect(failures, text.slice(0, 300)).toEqual([]);
        }), { numRuns: 40 });
    });
});
