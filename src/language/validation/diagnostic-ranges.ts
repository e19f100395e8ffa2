/**
 * Diagnostics point inside the text. Langium places a syntax error found at the end of a line
 * or of the file one character past that line (on the newline token it stopped at); editors
 * tolerate that, but the command line would print a column that does not exist. Positions past
 * the end of a line are moved back to its end, and lines past the last to the end of the text.
 */
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { splitLines } from '../line-breaks.js';

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

export function keepRangesInsideText(diagnostics: Diagnostic[], text: string): Diagnostic[] {
    const lines = lineLengthsOf(text);
    return diagnostics.map(diagnostic => {
        const start = inside(diagnostic.range.start, lines);
        const end = inside(diagnostic.range.end, lines);
        const same = start.line === diagnostic.range.start.line && start.character === diagnostic.range.start.character
            && end.line === diagnostic.range.end.line && end.character === diagnostic.range.end.character;
        return same ? diagnostic : { ...diagnostic, range: { start, end } };
    });
}
