/**
 * Files as they were at a git revision, for `workout diff --git <rev> <file>`: the old version
 * of the file and of everything it imports, read with `git show <rev>:<path>`; and the work
 * tree a file is in, which is also where its imports may come from (project-root.ts).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeWorkoutText, MAX_FILE_BYTES, tooLarge, UsageError } from './files.js';
import type { ReadText } from './workspace.js';

/** git printed more than `maxBuffer` bytes. */
class OutputTooLarge extends Error {}

function git(args: string[], maxBuffer = 64 * 1024): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { maxBuffer, encoding: 'buffer' }, (error, stdout, stderr) => {
            if (error) {
                const code = (error as NodeJS.ErrnoException).code;
                reject(code === 'ENOENT' ? new UsageError('--git needs the `git` program, and it is not installed or not on the PATH.')
                    : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? new OutputTooLarge()
                    : new Error(stderr.toString() || error.message));
            } else {
                resolve(stdout);
            }
        });
    });
}

async function showTopLevel(folder: string): Promise<string> {
    return (await git(['-C', folder, 'rev-parse', '--show-toplevel'])).toString('utf8').trim();
}

/** The top folder of the git work tree holding `folder`, or undefined outside one (or without git). */
export async function gitWorkTree(folder: string): Promise<string | undefined> {
    return showTopLevel(folder).then(top => fs.realpath(top), () => undefined);
}

/** The top folder of the repository holding `file`: paths at a revision are relative to it. */
export async function gitTopLevel(file: string): Promise<string> {
    const folder = await fs.realpath(path.dirname(path.resolve(file))).catch(() => {
        throw new UsageError(`${file}: no such file or folder.`);
    });
    try {
        return await showTopLevel(folder);
    } catch (error) {
        if (error instanceof UsageError) {
            throw error;
        }
        throw new UsageError(`${file} is not inside a git repository: --git reads the old version from one. Compare two files instead: workout diff <old> <new>.`);
    }
}

/** Reads each file of a workspace as it was at `rev`; an import missing there is left out. */
export function readAtRevision(topLevel: string, rev: string): ReadText {
    return async (file, named) => {
        const absolute = path.resolve(file);
        // git knows the repository by its real path; the coach's path may go through a link.
        const real = path.join(await fs.realpath(path.dirname(absolute)).catch(() => path.dirname(absolute)), path.basename(absolute));
        const inRepo = path.relative(topLevel, real).split(path.sep).join('/');
        if (inRepo.startsWith('../')) {
            if (named) {
                throw new UsageError(`${absolute} is outside the git repository at ${topLevel}.`);
            }
            return undefined;
        }
        const label = `${rev}:${file}`;
        try {
            return decodeWorkoutText(await git(['-C', topLevel, 'show', `${rev}:${inRepo}`], MAX_FILE_BYTES + 1), label);
        } catch (error) {
            if (!named) {
                return undefined;
            }
            if (error instanceof UsageError) {
                throw error;
            }
            if (error instanceof OutputTooLarge) {
                throw tooLarge(label);
            }
            const message = (error as Error).message;
            if (/does not exist in|exists on disk, but not in/.test(message)) {
                throw new UsageError(`${inRepo} does not exist in ${rev}: there is no old version to compare with.`);
            }
            throw new UsageError(`git cannot find the revision "${rev}": give a commit, branch or tag, e.g. --git HEAD~1 or --git main.`);
        }
    };
}
