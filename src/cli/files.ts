/**
 * Reading the files a coach names on the command line: folders searched for `.workout` files,
 * and every way a file can be unreadable turned into one clear sentence.
 *
 * Only regular files are read, and never more than MAX_FILE_BYTES of one: a device such as
 * /dev/zero would otherwise fill the memory, a FIFO would block for ever, and a file at the
 * size limit must still be checked in seconds.
 */
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';

/**
 * The largest file `workout` reads: 1 MB, where a check still answers in seconds. `workout
 * check` on one generated file, on the project's two-core machine (CPU time, then wall time
 * with the machine under load):
 *
 *   size     the examples' workouts repeated    one-line entries (`10 squats`), the slowest
 *   500 KB   1.0 s, 2.3 s                       2.8 s, 12-17 s
 *   1 MB     1.4 s, 5 s                         7.5 s, 25-31 s
 *   2 MB     2.0 s, 8-9 s                       21 s, 77-94 s
 *
 * (A 9.9 MB file took 296 s and 2.2 GB.) Real files, one athlete for one block, have a few KB.
 */
export const MAX_FILE_BYTES = 1024 * 1024;
const LIMIT_WORDS = `${MAX_FILE_BYTES / 1024 / 1024} MB`;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.e2e', 'out', 'dist']);
const EXTENSION = '.workout';
/** Opening a FIFO for reading waits for a writer; without blocking, it opens and is refused. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export class UsageError extends Error {}

/** What is wrong with a path the coach named as a file, or undefined when it can be read. */
function notAWorkoutFile(file: string, stat: Stats): UsageError | undefined {
    if (stat.isDirectory()) {
        return new UsageError(`${file}: is a folder; give a .workout file.`);
    }
    if (!stat.isFile()) {
        return new UsageError(`${file}: is not a regular file: give a .workout file or a folder.`);
    }
    if (!file.endsWith(EXTENSION)) {
        return new UsageError(`${file}: is not a .workout file: name .workout files, or a folder to search for them.`);
    }
    return undefined;
}

/**
 * The `.workout` files the arguments name: files as given, folders searched recursively
 * (following links, to files and to folders), each real file once.
 */
export async function collectWorkoutFiles(args: string[]): Promise<string[]> {
    const files: string[] = [];
    const seenFolders = new Set<string>();
    for (const arg of args) {
        const stat = await fs.stat(arg).catch(() => undefined);
        if (!stat) {
            throw new UsageError(`${arg}: no such file or folder.`);
        }
        if (stat.isDirectory()) {
            const found = await findInFolder(arg, seenFolders);
            if (found.length === 0) {
                throw new UsageError(`${arg}: this folder holds no .workout files.`);
            }
            files.push(...found);
        } else {
            const problem = notAWorkoutFile(arg, stat);
            if (problem) {
                throw problem;
            }
            files.push(arg);
        }
    }
    return onePathPerRealFile(files.map(file => path.normalize(file)));
}

/** The first path of each real file: a file reached through a link and by its name is read once. */
async function onePathPerRealFile(files: string[]): Promise<string[]> {
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const file of files) {
        const real = await fs.realpath(file).catch(() => path.resolve(file));
        if (!seen.has(real)) {
            seen.add(real);
            kept.push(file);
        }
    }
    return kept;
}

async function findInFolder(folder: string, seenFolders: Set<string>): Promise<string[]> {
    // A link back to a folder above would otherwise be searched for ever.
    const real = await fs.realpath(folder).catch(() => path.resolve(folder));
    if (seenFolders.has(real)) {
        return [];
    }
    seenFolders.add(real);
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => {
        throw new UsageError(`${folder}: this folder cannot be read.`);
    });
    const files: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(folder, entry.name);
        // A link is taken for what it points to; a broken one is passed over.
        const kind = entry.isSymbolicLink() ? await fs.stat(full).catch(() => undefined) : entry;
        if (kind?.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
            files.push(...await findInFolder(full, seenFolders));
        } else if (kind?.isFile() && entry.name.endsWith(EXTENSION)) {
            files.push(full);
        }
    }
    return files;
}

/** A file the coach named must exist and be a .workout file (its imports may be missing). */
export async function mustBeAFile(file: string): Promise<void> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
        throw new UsageError(`${file}: no such file.`);
    }
    const problem = notAWorkoutFile(file, stat);
    if (problem) {
        throw problem;
    }
}

export function tooLarge(file: string, bytes?: number): UsageError {
    const size = bytes === undefined ? `more than ${LIMIT_WORDS}` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return new UsageError(`${file}: is ${size}, and a .workout file may have ${LIMIT_WORDS} at most: split it into smaller files (one file per athlete per block is the usual layout).`);
}

/** The file's bytes, at most MAX_FILE_BYTES of them even if it grows while it is read. */
async function readBounded(file: string): Promise<Buffer> {
    const refuseUnlessRegular = (stat: Stats) => {
        if (stat.isDirectory()) {
            throw new UsageError(`${file}: is a folder; give a .workout file.`);
        }
        if (!stat.isFile()) {
            throw new UsageError(`${file}: is not a regular file: give a .workout file or a folder.`);
        }
        if (stat.size > MAX_FILE_BYTES) {
            throw tooLarge(file, stat.size);
        }
    };
    // Before opening: opening a device or a FIFO can already have effects.
    refuseUnlessRegular(await fs.stat(file));
    const handle = await fs.open(file, OPEN_FLAGS);
    try {
        // The path may have been replaced between the two looks; this one is what is read.
        refuseUnlessRegular(await handle.stat());
        const chunks: Buffer[] = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.alloc(Math.min(64 * 1024, MAX_FILE_BYTES + 1 - total));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0) {
                return Buffer.concat(chunks, total);
            }
            chunks.push(chunk.subarray(0, bytesRead));
            total += bytesRead;
            if (total > MAX_FILE_BYTES) {
                throw tooLarge(file);
            }
        }
    } finally {
        await handle.close();
    }
}

/** The file's text, or a UsageError that says why it cannot be checked. */
export async function readWorkoutText(file: string): Promise<string> {
    let bytes: Buffer;
    try {
        bytes = await readBounded(file);
    } catch (error) {
        if (error instanceof UsageError) {
            throw error;
        }
        throw new UsageError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    return decodeWorkoutText(bytes, file);
}

/**
 * Bytes as the text of a .workout file: UTF-8, no NUL byte. A byte order mark is dropped, so
 * that lines and columns are counted as in an editor, which does not show it.
 */
export function decodeWorkoutText(bytes: Uint8Array, file: string): string {
    if (bytes.includes(0)) {
        throw new UsageError(`${file}: looks like a binary file, not a .workout text file.`);
    }
    try {
        // The decoder would drop the mark itself; said here, so that exactly one is dropped.
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
        throw new UsageError(`${file}: is not valid UTF-8 text. Save it as UTF-8 and try again.`);
    }
}
