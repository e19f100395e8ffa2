/**
 * Reading the files a coach names on the command line: folders searched for `.workout` files,
 * and every way a file can be unreadable turned into one clear sentence.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Larger than any real program; a file this big is almost certainly not one. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.e2e', 'out', 'dist']);

export class UsageError extends Error {}

export async function collectWorkoutFiles(args: string[]): Promise<string[]> {
    const files: string[] = [];
    for (const arg of args) {
        const stat = await fs.stat(arg).catch(() => undefined);
        if (!stat) {
            throw new UsageError(`${arg}: no such file or folder.`);
        }
        if (stat.isDirectory()) {
            const found = await findInFolder(arg);
            if (found.length === 0) {
                throw new UsageError(`${arg}: this folder holds no .workout files.`);
            }
            files.push(...found);
        } else {
            files.push(arg);
        }
    }
    return [...new Set(files.map(file => path.normalize(file)))];
}

async function findInFolder(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => {
        throw new UsageError(`${folder}: this folder cannot be read.`);
    });
    const files: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
            files.push(...await findInFolder(full));
        } else if (entry.isFile() && entry.name.endsWith('.workout')) {
            files.push(full);
        }
    }
    return files;
}

/** A file the coach named must exist and be a file (its imports may be missing). */
export async function mustBeAFile(file: string): Promise<void> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
        throw new UsageError(`${file}: no such file.`);
    }
    if (!stat.isFile()) {
        throw new UsageError(`${file}: is not a file; give a .workout file.`);
    }
}

/** The file's text, or a UsageError that says why it cannot be checked. */
export async function readWorkoutText(file: string): Promise<string> {
    let bytes: Buffer;
    try {
        const stat = await fs.stat(file);
        if (stat.isDirectory()) {
            throw new UsageError(`${file}: is a folder; give a .workout file.`);
        }
        if (stat.size > MAX_FILE_BYTES) {
            throw new UsageError(`${file}: is ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB a workout file may have.`);
        }
        bytes = await fs.readFile(file);
    } catch (error) {
        if (error instanceof UsageError) {
            throw error;
        }
        throw new UsageError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    if (bytes.includes(0)) {
        throw new UsageError(`${file}: looks like a binary file, not a .workout text file.`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
        throw new UsageError(`${file}: is not valid UTF-8 text. Save it as UTF-8 and try again.`);
    }
}
