/**
 * Ranges sent out point inside the text. Langium ends a node's range where its last token ends,
 * and the NL token of a line break ends one or two characters past its line (`\n` at 1:9 ends
 * at 1:10): a syntax error found at a line break, and an unclosed or half-typed workout, block
 * or plan that ends with one, would otherwise point at a column that does not exist. Editors
 * tolerate that; the command line would print it, and the outline is held to the text too.
 * Positions past the end of a line are moved back to its end, lines past the last to the end
 * of the text.
 */
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { splitLines } from './line-breaks.js';

export interface LineLengths {
    readonly lineCount: number;
    /** Characters on the line, without its line break. */
    lineLength(line: number): number;
}

export function lineLengthsOf(text: string): LineLengths {
    const lengths = splitLines(text).map(line => line.length);
    return { lineCount: lengths.length, lineLength: line => lengths[line] ?? 0 };
}

function inside(position: Position, lines: LineLengths): Position {
    const line = Math.min(Math.max(0, position.line), lines.lineCount - 1);
    if (line < position.line) {
        return { line, character: lines.lineLength(line) };
    }
    return { line, character: Math.min(Math.max(0, position.character), lines.lineLength(line)) };
}

/** The range moved inside the text; the same object when it already is. */
export function rangeInsideText(range: Range, lines: LineLengths): Range {
    const start = inside(range.start, lines);
    const end = inside(range.end, lines);
    const same = start.line === range.start.line && start.character === range.start.character
        && end.line === range.end.line && end.character === range.end.character;
    return same ? range : { start, end };
}

export function keepRangesInsideText(diagnostics: Diagnostic[], text: string): Diagnostic[] {
    const lines = lineLengthsOf(text);
    return diagnostics.map(diagnostic => {
        const range = rangeInsideText(diagnostic.range, lines);
        return range === diagnostic.range ? diagnostic : { ...diagnostic, range };
    });
}
