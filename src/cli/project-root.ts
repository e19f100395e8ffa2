/**
 * Where a command may read imports from: the project the coach pointed at, as the editor's
 * workspace is the folder it opened. An `import` that leads out of it (`../../elsewhere`,
 * `/tmp/x.workout`, a link to a file outside) is not read, so the file shows the same
 * `import-not-found` error as in the editor.
 *
 * The project of each file or folder on the command line is the git work tree it is in; outside
 * git, a folder is its own project, and a file's project is the current folder when the file is
 * inside it, else the file's own folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gitWorkTree } from './git-revision.js';
import type { ImportScope } from './workspace.js';

export interface ProjectRoots extends ImportScope {
    /** Real paths of the project folders. */
    folders: string[];
}

const realOr = (file: string) => fs.realpath(file).catch(() => path.resolve(file));

function isInside(folder: string, file: string): boolean {
    const relative = path.relative(folder, file);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The projects of the files and folders named on the command line (each asks git once). */
export async function projectRoots(args: string[]): Promise<ProjectRoots> {
    const folders = new Set<string>();
    const workTrees = new Map<string, Promise<string | undefined>>();
    const cwd = await realOr(process.cwd());
    for (const arg of args) {
        const real = await realOr(arg);
        const isFolder = (await fs.stat(real).catch(() => undefined))?.isDirectory() ?? false;
        const folder = isFolder ? real : path.dirname(real);
        if (!workTrees.has(folder)) {
            workTrees.set(folder, gitWorkTree(folder));
        }
        const workTree = await workTrees.get(folder);
        folders.add(workTree ?? (isFolder ? real : isInside(cwd, real) ? cwd : folder));
    }
    return { folders: [...folders], holds: realFile => [...folders].some(folder => isInside(folder, realFile)) };
}
