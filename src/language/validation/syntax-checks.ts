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
