/**
 * What a command gives back: its words, on the terminal's stdout and stderr (or, in the tests,
 * in arrays), the files it writes, and an exit code a CI job can act on.
 *
 * Everything a command prints goes through `Output`, the one place where text from a file is
 * made safe for a terminal: a `.workout` file (or its name) can hold escape sequences that
 * clear the screen, forge a link or recolour what follows, and bidirectional controls that
 * show a line in another order than it is. Those are printed as visible escapes (`\x1b`,
 * `\u202e`) in words meant for a person; JSON keeps its meaning and escapes them too.
 */
import type { WriteSystem } from './atomic-write.js';

export interface CliIO {
    /** One line, or several, without the final line feed: results a script may read. */
    out: (text: string) => void;
    /** Summaries and problems: for the person at the terminal, apart from the results. */
    err: (text: string) => void;
    /** How `render --out` writes a file: the disk, unless a test gives another. */
    writes?: WriteSystem;
}

export const processIO: CliIO = {
    out: text => process.stdout.write(text + '\n'),
    err: text => process.stderr.write(text + '\n')
};

/** How a command prints: words for a person made safe, data as it is. */
export interface Output {
    /** Lines for a person on stdout (`check`'s and `diff`'s reports, Markdown). */
    text(text: string): void;
    /** A value as JSON on stdout (jsonText). */
    json(value: unknown): void;
    /** A document as it is (an HTML page, a calendar): not terminal text. */
    document(text: string): void;
    /** Summaries and problems on stderr. */
    err(text: string): void;
    writes?: WriteSystem;
}

export function outputOf(io: CliIO): Output {
    return {
        text: text => io.out(terminalText(text)),
        json: value => io.out(jsonText(value)),
        document: text => io.out(text),
        err: text => io.err(terminalText(text)),
        writes: io.writes
    };
}

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional marks and controls. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** What JSON.stringify leaves as it is of the above: it escapes the C0 controls itself. */
const JSON_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const hex = (char: string, width: number) => char.charCodeAt(0).toString(16).padStart(width, '0');

/** Text with each character a terminal would act on shown as an escape: `\x1b`, `\u202e`. */
export function terminalText(text: string): string {
    return text.replace(TERMINAL_UNSAFE, char => char.charCodeAt(0) < 0x100 ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`);
}

/**
 * JSON.stringify's text, with the characters it leaves raw that a terminal acts on (DEL, C1,
 * bidirectional controls) and the line separators U+2028/2029 written as `\u` escapes: the same
 * JSON to a parser. Lone surrogates are escaped by JSON.stringify itself.
 */
export function jsonText(value: unknown): string {
    return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, char => `\\u${hex(char, 4)}`);
}

/** 0 clean, 1 errors in the files, 2 a usage or I/O problem (nothing was checked). */
export type ExitCode = 0 | 1 | 2;

/** How a command's action hands its exit code to the program: commander keeps no return value. */
export type ExitWith = (code: ExitCode) => void;
