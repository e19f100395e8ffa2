/**
 * The canonical layout: two spaces per open block, one space between words, none before `;`,
 * `,` and `:` or around a range's dash, `3 x 10` for sets, at most one blank line. The author's
 * line breaks are kept, because a newline separates items; comments are kept where they are.
 *
 * It works on tokens, not on the syntax tree, so nothing the lexer saw can be lost, and it
 * refuses to touch a document with syntax errors. As a last guard, the formatted text is lexed
 * again and must give the same tokens as the original.
 */
import type { IToken } from 'chevrotain';
import type { LangiumDocument } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import { emptyingJoinsLines, LINE_BREAK, linesAndBreaks, splitLines } from '../line-breaks.js';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';

export interface Lexer {
    tokenize(text: string): { tokens: IToken[]; hidden: IToken[]; errors: unknown[] };
}

const INDENT = '  ';
const NO_SPACE_BEFORE = new Set([';', ',', ':']);
/** Glued to the word before: a range's or a pair's sign, an AMRAP set's `+`. */
const GLUED = new Set(['-', '/', '+']);

function tokenName(token: IToken): string {
    return token.tokenType.name;
}

/** Tokens that may hold blanks inside (`400 m`, `30 sec`, `tempo 3-1-1`): one space is kept. */
const SPACED_TOKENS = new Set(['DURATION', 'DISTANCE', 'LOAD', 'CALORIES', 'TEMPO']);

function normalisedImage(token: IToken): string {
    switch (tokenName(token)) {
        case 'SETS': return token.image.replace(/^([0-9]+)\s*[xX×]$/, '$1 x');
        // A line comment runs to the end of the line: trailing blanks are not part of what it says.
        case 'SL_COMMENT': return token.image.trimEnd();
        default: return SPACED_TOKENS.has(tokenName(token)) ? token.image.replace(/[ \t]+/g, ' ') : token.image;
    }
}

/** `@ 2x24kg`: implements and their weight stay one word. */
function isImplements(line: IToken[], index: number): boolean {
    return tokenName(line[index]) === 'SETS' && line[index - 1]?.image === '@';
}

/** The meaning-bearing token sequence: what must be equal before and after formatting. */
function signature(lexer: Lexer, text: string): string[] {
    const { tokens, hidden } = lexer.tokenize(text);
    const all = [...tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset);
    const result: string[] = [];
    for (const token of all) {
        const image = tokenName(token) === 'NL' ? '\n' : `${tokenName(token)}:${normalisedImage(token)}`;
        if (!(image === '\n' && result[result.length - 1] === '\n')) {
            result.push(image);
        }
    }
    while (result[0] === '\n') {
        result.shift();
    }
    while (result[result.length - 1] === '\n') {
        result.pop();
    }
    return result;
}

/**
 * The one kind of line break whole-document formatting writes (line-wise formatting keeps every
 * break): `\r\n` when a line break between lines has it, else the first (a file of lone `\r`
 * stays one). Only the breaks it rewrites count: one inside a block comment is kept as written,
 * and counting it made a second formatting change the first's breaks (`\r` then `\n`).
 */
function lineBreakToWrite(text: string, pieces: IToken[]): string {
    const breaks = pieces.filter(piece => tokenName(piece) === 'NL').map(piece => piece.image);
    if (breaks.length === 0) {
        return LINE_BREAK.exec(text)?.[0] ?? '\n';
    }
    return breaks.includes('\r\n') ? '\r\n' : breaks[0];
}

export interface LayoutOptions {
    /** Full-document formatting folds runs of blank lines; line-wise formatting keeps every line. */
    foldBlankLines: boolean;
}

/** The formatted text, or `undefined` when the text cannot be formatted safely. */
export function layoutText(text: string, lexer: Lexer, options: LayoutOptions): string | undefined {
    const lexed = lexer.tokenize(text);
    if (lexed.errors.length > 0) {
        return undefined;
    }
    const pieces = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
    const eol = lineBreakToWrite(text, pieces);
    const lines: IToken[][] = [[]];
    for (const piece of pieces) {
        if (tokenName(piece) === 'NL') {
            lines.push([]);
        } else {
            lines[lines.length - 1].push(piece);
        }
    }
    const output: string[] = [];
    let depth = 0;
    for (const line of lines) {
        const leadingCloses = line.findIndex(piece => piece.image !== '>');
        const closes = leadingCloses === -1 ? line.length : leadingCloses;
        const indent = INDENT.repeat(Math.max(0, depth - closes));
        let rendered = '';
        line.forEach((piece, index) => {
            const previous = line[index - 1];
            // `8-12`, `5+`, `95/65lb`, `2x24kg`: one amount, no blanks inside.
            const glued = previous && (NO_SPACE_BEFORE.has(piece.image) || GLUED.has(piece.image) || previous.image === '-' || previous.image === '/'
                || isImplements(line, index - 1));
            const image = isImplements(line, index) ? piece.image.replace(/\s+/g, '').replace('×', 'x') : normalisedImage(piece);
            rendered += (index === 0 || glued ? '' : ' ') + image;
            if (tokenName(piece) !== 'ML_COMMENT' && tokenName(piece) !== 'SL_COMMENT') {
                depth += piece.image === '<' ? 1 : piece.image === '>' ? -1 : 0;
            }
        });
        output.push(rendered ? indent + rendered : '');
    }
    let result = output;
    if (options.foldBlankLines) {
        result = output.filter((line, index) => line !== '' || (index > 0 && output[index - 1] !== ''));
        while (result.length > 0 && result[0] === '') {
            result.shift();
        }
        while (result.length > 0 && result[result.length - 1] === '') {
            result.pop();
        }
        result.push('');
    }
    // A byte order mark (read as white space) stays where it was.
    const formatted = (text.startsWith('\uFEFF') ? '\uFEFF' : '') + result.join(eol);
    const same = signature(lexer, formatted).join('\u0000') === signature(lexer, text).join('\u0000');
    return same ? formatted : undefined;
}

export class WorkoutFormatter implements Formatter {
    private readonly lexer: Lexer;

    constructor(services: LangiumServices) {
        this.lexer = services.parser.Lexer;
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '>' };
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        if (hasSyntaxErrors(document)) {
            return [];
        }
        const text = document.textDocument.getText();
        const formatted = layoutText(text, this.lexer, { foldBlankLines: true });
        if (formatted === undefined || formatted === text) {
            return [];
        }
        return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: formatted }];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.formatLines(document, params.range.start.line, params.range.end.line);
    }

    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        return this.formatLines(document, params.position.line, params.position.line);
    }

    /** Edits for the given lines only; the layout keeps lines one to one in this mode. */
    private formatLines(document: LangiumDocument, first: number, last: number): TextEdit[] {
        if (hasSyntaxErrors(document)) {
            return [];
        }
        const text = document.textDocument.getText();
        const formatted = layoutText(text, this.lexer, { foldBlankLines: false });
        if (formatted === undefined) {
            return [];
        }
        const { lines: before, breaks } = linesAndBreaks(text);
        const after = splitLines(formatted);
        const edits: TextEdit[] = [];
        for (let line = first; line <= last && line < before.length; line++) {
            if (before[line] !== after[line] && !(after[line] === '' && emptyingJoinsLines(breaks, line))) {
                edits.push({ range: { start: { line, character: 0 }, end: { line, character: before[line].length } }, newText: after[line] });
            }
        }
        return edits;
    }
}

function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}
