/**
 * `workout render FILE --format fit`: FIT workouts for a Garmin watch (docs/fit.md). They are
 * binary, so they go to files, never to the terminal: `--out FOLDER` gets one file per workout
 * (named by the renderer: kebab-case, ending in `.fit`), `--out NAME.fit` takes a file with one
 * workout. Only `.fit` files are written, and never through a link, so no export can overwrite
 * a `.workout` file.
 */
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ExitCode, Output } from './cli-io.js';
import { renderSessionFit, type SessionModel } from './engine.js';
import { UsageError } from './files.js';

/** `--out` as FIT needs it, checked before any file is read. */
export function fitOutOption(out: string | undefined): string {
    if (out === undefined || out.trim() === '') {
        throw new UsageError('--format fit writes binary files: give --out FOLDER (one .fit file per workout), or --out NAME.fit for a file with one workout.');
    }
    if (/\.workout$/i.test(out)) {
        throw new UsageError(`--out ${out}: names a .workout file; give a folder, or a name ending in .fit.`);
    }
    return out;
}

/**
 * Writes the session's FIT workouts where `--out` says, and a note per exercise the watch will
 * show by its written name and per target it cannot follow (no number for it: docs/fit.md, "Runs").
 */
export async function writeFitFiles(session: SessionModel, shownFile: string, out: string, io: Pick<Output, 'err'>): Promise<ExitCode> {
    const files = renderSessionFit(session);
    if (files.length === 0) {
        throw new UsageError(`${shownFile}: has no workout and no plan day to export.`);
    }
    const targets = await targetsOf(out, files.map(file => file.fileName), shownFile);
    for (const [index, file] of files.entries()) {
        await writeFitFile(targets[index], file.bytes);
        io.err(`${shownFile}: wrote ${targets[index]} (${file.name}).`);
    }
    for (const name of new Set(files.flatMap(file => file.unmapped))) {
        io.err(`${shownFile}: note: "${name}" has no Garmin exercise; the watch shows the name as written.`);
    }
    for (const target of new Set(files.flatMap(file => file.unresolved))) {
        io.err(`${shownFile}: note: "${target}" has no number for the watch; the step runs without a target, its words in the notes.`);
    }
    return 0;
}

/** The path of each file: in the folder `out` (made if missing), or `out` itself for one workout. */
async function targetsOf(out: string, fileNames: string[], shownFile: string): Promise<string[]> {
    const stat = await fs.stat(out).catch(() => undefined);
    if (stat?.isDirectory() || (!stat && !/\.fit$/i.test(out))) {
        if (!stat) {
            await fs.mkdir(out, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
                throw new UsageError(`cannot make the folder ${out}: ${error.code ?? error.message}.`);
            });
        }
        return fileNames.map(name => path.join(out, name));
    }
    if (!/\.fit$/i.test(out)) {
        throw new UsageError(`--out ${out}: is a file; give a folder, or a name ending in .fit.`);
    }
    if (fileNames.length > 1) {
        throw new UsageError(`${shownFile}: has ${fileNames.length} workouts to export: give --out a folder, one .fit file is written per workout.`);
    }
    return [out];
}

/** Creates or replaces a regular file; refuses links and anything else, so the bytes land only where named. */
async function writeFitFile(target: string, bytes: Uint8Array): Promise<void> {
    const existing = await fs.lstat(target).catch(() => undefined);
    if (existing && !existing.isFile()) {
        throw new UsageError(`${target}: is not a regular file (a link or a folder); it was left as it is.`);
    }
    // O_NOFOLLOW closes the gap between the check and the write where the system has it.
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);
    let handle: fs.FileHandle | undefined;
    try {
        handle = await fs.open(target, flags, 0o644);
        await handle.writeFile(bytes);
    } catch (error) {
        throw new UsageError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    } finally {
        await handle?.close();
    }
}
