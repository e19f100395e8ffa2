/**
 * The project's `workout.json` for the command line: read from disk for each file of the
 * workspace, the nearest one above it up to its project (project-root.ts: the git work tree), as
 * the editor reads it up to its workspace folder. Its problems are printed like a file's
 * diagnostics: `workout.json:3:20 warning … [invalid-settings]`.
 */
import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { MAX_SETTINGS_FILE_BYTES, projectFileDiagnostics, type ProjectFile, type ProjectFiles } from './engine.js';
import { toReported, type ReportedDiagnostic } from './diagnostics.js';
import type { ProjectRoots } from './project-root.js';

const realOr = (folder: string) => {
    try {
        return realpathSync.native(folder);
    } catch {
        return path.resolve(folder);
    }
};

function isInside(folder: string, file: string): boolean {
    const relative = path.relative(folder, file);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

export class ProjectSettingsOnDisk implements ProjectFiles {
    private readonly seen = new Map<string, ProjectFile>();

    constructor(private readonly roots: ProjectRoots) {}

    async read(file: URI): Promise<string | undefined> {
        const stat = await fs.stat(file.fsPath).catch(() => undefined);
        if (!stat?.isFile()) {
            return undefined;
        }
        if (stat.size > MAX_SETTINGS_FILE_BYTES) {
            throw new Error(`larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB`);
        }
        const bytes = await fs.readFile(file.fsPath);
        try {
            return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
        } catch {
            throw new Error('not UTF-8 text');
        }
    }

    /** The project folder of the document, written the way the document's path is (through the same links). */
    rootOf(document: URI): URI | undefined {
        const folder = path.dirname(document.fsPath);
        const real = realOr(folder);
        const root = this.roots.folders.filter(candidate => isInside(candidate, real)).sort((a, b) => b.length - a.length)[0];
        return root === undefined ? undefined : URI.file(path.resolve(folder, path.relative(real, root)));
    }

    onRead(uri: URI, file: ProjectFile | undefined): void {
        if (file) {
            this.seen.set(uri.toString(), file);
        }
    }

    /** What is wrong with the settings files read, as the command line prints diagnostics. */
    problems(): ReportedDiagnostic[] {
        return [...this.seen.values()].flatMap(file => projectFileDiagnostics(file)
            .map(diagnostic => toReported(path.relative(process.cwd(), file.uri.fsPath) || file.uri.fsPath, diagnostic)));
    }
}
