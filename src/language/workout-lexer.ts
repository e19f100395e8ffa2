/**
 * The lexer, with a limit on nesting applied to the tokens before the parser sees them, a
 * leading byte order mark read as white space, and comments left open read to the end.
 *
 * The parser, the linker's walk, the checks, the compiler, the formatter, the renderers and
 * JSON all recurse once per `<`: about 200 nested blocks overflowed the stack (the language
 * server exited and was restarted to die again; unclosed ones failed from about 105). Here the
 * depth of `<` is counted on the token stream: the block that opens level MAX_NESTING + 1 keeps
 * its header and its `<` … `>`, but what it holds is dropped, so nothing downstream ever
 * recurses deeper than that. The cut is reported once, as a lexer error with its own code
 * (`nesting-too-deep`), so the document has an error: it is not previewed, rendered or
 * formatted (the formatter refuses a text with lexer errors, and would otherwise lose the
 * dropped text).
 */
import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { AstUtils, DefaultLexer, DefaultTokenBuilder, type AstNode, type GrammarAST, type LexerResult, type TokenizeOptions } from 'langium';
import { IssueCodes } from './validation/issue-codes.js';

/**
 * Levels of `< … >` a document may open at once, the workout's or plan's own included. Real
 * programs use three or four (workout, block, superset); the parser's stack lasts past 100.
 */
export const MAX_NESTING = 32;

/** A lexer error that stands for the nesting cut; the validator gives it its code. */
export interface NestingError extends ILexingError {
    readonly code: typeof IssueCodes.NestingTooDeep;
    /** Where the `<` of the block whose content was dropped is. */
    readonly openOffset: number;
}

export function isNestingError(error: ILexingError): error is NestingError {
    return (error as Partial<NestingError>).code === IssueCodes.NestingTooDeep;
}

/** True for the block whose content the nesting limit dropped: it only looks empty. */
export function isCutByNestingLimit(node: AstNode): boolean {
    const cst = node.$cstNode;
    const document = AstUtils.findRootNode(node).$document;
    return cst !== undefined && document !== undefined && document.parseResult.lexerErrors.some(error =>
        isNestingError(error) && cst.offset <= error.openOffset && error.openOffset < cst.end);
}

const isOpen = (token: IToken) => token.image === '<';
const isClose = (token: IToken) => token.image === '>';
const isSeparator = (token: IToken) => token.image === ';' || token.tokenType.name === 'NL' || isOpen(token) || isClose(token);

/**
 * Where the error goes: the header of the block that goes too deep (`amrap 1min <`), from its
 * first word to its `<` when they share a line, else the `<` alone.
 */
function headerStart(tokens: readonly IToken[], open: number): IToken {
    let first = open;
    while (first > 0 && !isSeparator(tokens[first - 1])) {
        first--;
    }
    return tokens[first].startLine === tokens[open].startLine ? tokens[first] : tokens[open];
}

function nestingError(start: IToken, open: IToken): NestingError {
    return {
        code: IssueCodes.NestingTooDeep,
        openOffset: open.startOffset,
        offset: start.startOffset,
        length: open.startOffset + open.image.length - start.startOffset,
        line: start.startLine,
        column: start.startColumn,
        message: `Blocks are nested more than ${MAX_NESTING} deep: what this block holds is skipped. Nest fewer blocks inside each other.`
    };
}

/** The common case, checked first without copying anything. */
function nestsTooDeep(tokens: readonly IToken[]): boolean {
    let depth = 0;
    for (const token of tokens) {
        if (isClose(token)) {
            depth = Math.max(0, depth - 1);
        } else if (isOpen(token) && ++depth > MAX_NESTING) {
            return true;
        }
    }
    return false;
}

/**
 * The tokens with what lies deeper than `MAX_NESTING` levels taken out, and one error per block
 * that went too deep. Linear in the number of tokens.
 */
export function limitNesting(result: LexerResult): LexerResult {
    const { tokens } = result;
    if (!nestsTooDeep(tokens)) {
        return result;
    }
    const kept: IToken[] = [];
    const cuts: Array<{ from: number; to: number }> = [];
    const errors: ILexingError[] = [];
    let depth = 0;
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        kept.push(token);
        if (isClose(token)) {
            depth = Math.max(0, depth - 1);
        } else if (isOpen(token) && ++depth > MAX_NESTING) {
            // Skip to the `>` that closes this block (or to the end, when it is not closed):
            // the parser sees `header < >`, one level too deep and no more.
            let inner = 0;
            let next = index + 1;
            for (; next < tokens.length; next++) {
                if (isOpen(tokens[next])) {
                    inner++;
                } else if (isClose(tokens[next]) && inner-- === 0) {
                    break;
                }
            }
            errors.push(nestingError(headerStart(tokens, index), token));
            cuts.push({ from: token.startOffset + token.image.length, to: next < tokens.length ? tokens[next].startOffset : Infinity });
            index = next - 1;
        }
    }
    return { ...result, tokens: kept, hidden: outsideCuts(result.hidden, cuts), errors: [...result.errors, ...errors] };
}

/** Comments inside a dropped part go with it. Both lists are in text order: one pass. */
function outsideCuts(hidden: readonly IToken[], cuts: ReadonlyArray<{ from: number; to: number }>): IToken[] {
    const kept: IToken[] = [];
    let cut = 0;
    for (const token of hidden) {
        while (cut < cuts.length && cuts[cut].to <= token.startOffset) {
            cut++;
        }
        if (cut === cuts.length || token.startOffset < cuts[cut].from) {
            kept.push(token);
        }
    }
    return kept;
}

/**
 * A `/*` comment left open runs to the end of the file (as editors colour it) and is one error
 * (syntax-checks.ts). The grammar's pattern matches closed comments only, so the lexer retried
 * at every `/*` left open, each time to the end of the file: 200 KB of them took 10 s to check.
 * The grammar keeps its pattern (the TextMate grammar is generated from it).
 */
const COMMENT_TO_ITS_END = /\/\*(?:[^*]|\*(?!\/))*(?:\*\/)?/;

export class WorkoutTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        return terminal.name === 'ML_COMMENT' ? { ...token, PATTERN: COMMENT_TO_ITS_END, LINE_BREAKS: true } : token;
    }
}

const BYTE_ORDER_MARK = 0xfeff;

export class WorkoutLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        // A UTF-8 byte order mark is no character of the text: editors hide it and the command
        // line drops it when it reads a file, but the server reads workspace files with it. Read
        // as a space (same length, so every offset stays right), both agree.
        const source = text.charCodeAt(0) === BYTE_ORDER_MARK ? ` ${text.slice(1)}` : text;
        return limitNesting(super.tokenize(source, options));
    }
}
