/**
 * What a command gives back: its words, on the terminal's stdout and stderr (or, in the tests,
 * in arrays), the files it writes, and an exit code a CI job can act on.
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

/** 0 clean, 1 errors in the files, 2 a usage or I/O problem (nothing was checked). */
export type ExitCode = 0 | 1 | 2;

/** How a command's action hands its exit code to the program: commander keeps no return value. */
export type ExitWith = (code: ExitCode) => void;
