/**
 * Lines as the editor counts them. LSP positions, VS Code and the lexer's NL token all break a
 * line at `\r\n`, `\n` and a lone `\r`; splitting on `\r?\n` alone merged two lines at a lone
 * `\r`, and range formatting then edited the wrong text (`>` doubled, `burpees burpees`).
 */

/** `\r\n`, `\n` or `\r`: one line break. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** The lines of a text, without their line breaks: as many as the editor shows. */
export function splitLines(text: string): string[] {
    return text.split(LINE_BREAK);
}

/** The lines and, after each but the last, its line break. */
export function linesAndBreaks(text: string): { lines: string[]; breaks: string[] } {
    const parts = text.split(/(\r\n|\r|\n)/);
    return { lines: parts.filter((_, index) => index % 2 === 0), breaks: parts.filter((_, index) => index % 2 === 1) };
}

/**
 * Emptying a line that sits between a lone `\r` and a `\n` would join the two breaks into one
 * `\r\n`, and with them the lines around it: such a line keeps its white space.
 */
export function emptyingJoinsLines(breaks: readonly string[], line: number): boolean {
    return breaks[line - 1] === '\r' && breaks[line] === '\n';
}
