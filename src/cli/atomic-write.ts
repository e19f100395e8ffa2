/**
 * Writing `render --out`: all or nothing. The text goes to a temporary file in the target's
 * folder, is flushed to the disk, and only then renamed over the target, so a full disk or a
 * crash leaves the old file as it was (and no temporary file behind).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** What of the file system a write uses: the tests give one that fails on purpose. */
export interface WriteSystem {
    /** Creates the file, which must not exist (`wx`). */
    create(file: string): Promise<WriteHandle>;
    rename(from: string, to: string): Promise<void>;
    unlink(file: string): Promise<void>;
}

export interface WriteHandle {
    writeFile(text: string): Promise<void>;
    /** Flushes to the disk (fsync). */
    sync(): Promise<void>;
    close(): Promise<void>;
}

export const diskWrites: WriteSystem = {
    create: async file => {
        const handle = await fs.open(file, 'wx');
        return { writeFile: text => handle.writeFile(text, 'utf8'), sync: () => handle.sync(), close: () => handle.close() };
    },
    rename: (from, to) => fs.rename(from, to),
    unlink: file => fs.unlink(file)
};

/** Replaces (or creates) `target` with `text` at once; on failure `target` is untouched. */
export async function writeAtomically(target: string, text: string, system: WriteSystem = diskWrites): Promise<void> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await system.create(temporary);
    let open = true;
    try {
        await handle.writeFile(text);
        await handle.sync();
        open = false;
        await handle.close();
        await system.rename(temporary, target);
    } catch (error) {
        if (open) {
            await handle.close().catch(() => undefined);
        }
        await system.unlink(temporary).catch(() => undefined);
        throw error;
    }
}
