/**
 * Slips in the text itself that are reported by a check rather than by the parser, so the rest
 * of the line still reads: a quoted name or note whose closing quote is missing, and a `/*`
 * comment never closed (which runs to the end of the file).
 */
import { isCompositeCstNode, isLeafCstNode, type CstNode, type ValidationAcceptor } from 'langium';
import type { Document } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';

/** `"goblet squat"` and `'goblet squat'`, with `\"` escapes, closed on the same line. */
const CLOSED_QUOTE = /^(?:"(?:\\.|[^"\\\r\n])*"|'(?:\\.|[^'\\\r\n])*')$/;

export function isUnclosedQuote(text: string): boolean {
    return (text.startsWith('"') || text.startsWith("'")) && !CLOSED_QUOTE.test(text);
}

export function quotesAndCommentsMustBeClosed(document: Document, accept: ValidationAcceptor): void {
    const root = document.$cstNode;
    if (!root) {
        return;
    }
    // A plain walk over the syntax tree: CstUtils.flattenCst's stream of iterators took half of
    // the checks' time on a large file (docs/benchmarks.md).
    const visit = (node: CstNode): void => {
        if (isCompositeCstNode(node)) {
            for (const child of node.content) {
                visit(child);
            }
        } else if (isLeafCstNode(node) && node.tokenType.name === 'STRING' && isUnclosedQuote(node.text)) {
            accept('error', 'This quoted text is not closed: end it with a matching quote on the same line.', {
                node: document, range: node.range, code: IssueCodes.SyntaxError
            });
        } else if (isLeafCstNode(node) && node.tokenType.name === 'ML_COMMENT' && !node.text.endsWith('*/')) {
            const start = node.range.start;
            accept('error', 'This comment is not closed, so the rest of the file is part of it: end it with `*/`.', {
                node: document, range: { start, end: { line: start.line, character: start.character + 2 } }, code: IssueCodes.SyntaxError
            });
        }
    };
    visit(root);
}

/** A `<` that no `>` closes, with the header it opens (`warmup`, `3 rounds rest 60s`). */
export interface UnclosedBlock {
    readonly startOffset: number;
    readonly endOffset: number;
    readonly header: string;
}

interface Token {
    readonly image: string;
    readonly startOffset: number;
    readonly tokenType: { readonly name: string };
}

/**
 * The blocks a missing `>` leaves open, found where they open rather than at the end of the
 * file. Indentation tells which block a `>` at the start of a line closes: it closes the block
 * whose header is indented as much, so blocks indented deeper that are still open were never
 * closed (`warmup < 5min jog` with its `>` forgotten). Without such a clue, the innermost block
 * still open at the end of the file is the one.
 */
export function unclosedBlocks(tokens: readonly Token[], text: string): UnclosedBlock[] {
    const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
    const indentAt = (offset: number) => {
        const start = lineStart(offset);
        let end = start;
        while (text[end] === ' ' || text[end] === '\t') {
            end++;
        }
        return end - start;
    };
    const significant = tokens.filter(token => token.tokenType.name !== 'NL');
    const firstOnLine = (index: number) => index === 0 || lineStart(significant[index - 1].startOffset) !== lineStart(significant[index].startOffset);
    const open: Array<UnclosedBlock & { indent: number }> = [];
    const unclosed: UnclosedBlock[] = [];
    significant.forEach((token, index) => {
        if (token.image === '<') {
            // The header is on the `<`'s line, or on the line above when the `<` stands alone.
            const headerIndex = firstOnLine(index) && index > 0 ? index - 1 : index;
            let first = headerIndex;
            while (first > 0 && !firstOnLine(first)) {
                first--;
            }
            const start = significant[first].startOffset;
            const header = text.slice(start, headerIndex === index ? token.startOffset : significant[headerIndex].startOffset + significant[headerIndex].image.length).trim();
            open.push({ startOffset: start, endOffset: token.startOffset + 1, header: header.length > 40 ? `${header.slice(0, 39)}…` : header, indent: indentAt(start) });
        } else if (token.image === '>') {
            if (firstOnLine(index)) {
                const indent = indentAt(token.startOffset);
                while (open.length > 1 && open[open.length - 1].indent > indent) {
                    unclosed.push(open.pop()!);
                }
            }
            open.pop();
        }
    });
    if (unclosed.length === 0 && open.length > 0) {
        unclosed.push(open[open.length - 1]);
    }
    return unclosed.map(({ startOffset, endOffset, header }) => ({ startOffset, endOffset, header }));
}
