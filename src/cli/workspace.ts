/**
 * A workspace for the command line: the named files plus everything they `import`, parsed and
 * linked together the way the editor's workspace is, and checked when asked.
 *
 * Where the texts come from is the caller's choice: the files on disk for `check`, `render` and
 * `diff`, or the files as they were at a git revision for `diff --git`. The services have no
 * file system (EmptyFileSystem), so the workspace holds only the texts it was given and never
 * mixes in today's file where an older version was meant.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, UriUtils, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createWorkoutServices, isImport, keepRangesInsideText, type Document, type ProjectFiles, type SessionModel } from './engine.js';
import { readWorkoutText, UsageError } from './files.js';

/**
 * The text of one file of the workspace, given by its path (as the coach named it, or relative
 * to the current folder for an import). `named` is true for the files the coach named: those
 * must be readable. An import that cannot be read gives `undefined`: the file importing it shows
 * that as unresolved names (and `import-not-found` when checked), not as a failure.
 */
export type ReadText = (file: string, named: boolean) => Promise<string | undefined>;

/** Where imports may be read from: the project of the files named (project-root.ts). */
export interface ImportScope {
    /** Whether a file, by its real path, may be read as an import. */
    holds(realFile: string): boolean;
}

/** Files on disk; imports only from inside the scope. */
export function readFromDisk(scope: ImportScope): ReadText {
    return async (file, named) => {
        if (!named && !scope.holds(await fs.realpath(file).catch(() => path.resolve(file)))) {
            return undefined;
        }
        try {
            return await readWorkoutText(file);
        } catch (error) {
            if (named || !(error instanceof UsageError)) {
                throw error;
            }
            return undefined;
        }
    };
}

export interface WorkspaceFile {
    /** The path as the command line prints it: relative to the current folder when it can be. */
    file: string;
    document: LangiumDocument<Document>;
    /** Empty unless the workspace was checked. */
    diagnostics: Diagnostic[];
    /** The file's session model, compiled by the same language services that checked it. */
    compile(baseName: string): SessionModel;
}

export interface WorkspaceOptions {
    read: ReadText;
    /** Run the checks (`check`, `render`); `diff` compares what parses and skips them. */
    check?: boolean;
    /** Where the project's `workout.json` is read from (project-settings.ts); none without. */
    settings?: ProjectFiles;
}

/** Where a file is shown: relative to the current folder, or as is when it is the folder. */
function shownPath(absolute: string): string {
    return path.relative(process.cwd(), absolute) || absolute;
}

/** How many named files are read ahead of the one being parsed. */
const READ_AHEAD = 32;

export async function loadWorkspace(files: string[], { read, check = true, settings }: WorkspaceOptions): Promise<WorkspaceFile[]> {
    const services = createWorkoutServices(EmptyFileSystem).Workout;
    if (settings) {
        services.settings.Settings.useProjectFiles(settings);
    }
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const visited = new Set<string>();
    const realFiles = new Set<string>();
    const loaded: Array<LangiumDocument<Document>> = [];

    // The named files are read ahead, a few at a time, so the disk works while the parser does;
    // each is still taken, and its error thrown, in the order given.
    const reads = new Map<string, Promise<string | undefined>>();
    const readAhead = (from: number) => {
        for (const file of files.slice(from, from + READ_AHEAD)) {
            if (!reads.has(file)) {
                const reading = read(file, true);
                reading.catch(() => undefined);
                reads.set(file, reading);
            }
        }
    };
    const load = async (file: string, named: boolean): Promise<void> => {
        const uri = URI.file(path.resolve(file));
        // A file is read once, even when imports reach it by other paths (through a link).
        const real = await fs.realpath(uri.fsPath).catch(() => uri.fsPath);
        if (visited.has(uri.toString()) || realFiles.has(real)) {
            return;
        }
        visited.add(uri.toString());
        realFiles.add(real);
        const text = await (named ? reads.get(file) ?? read(file, named) : read(file, named));
        if (text === undefined) {
            return;
        }
        const document = factory.fromString<Document>(text, uri);
        documents.addDocument(document);
        loaded.push(document);
        for (const element of document.parseResult.value.elements ?? []) {
            if (isImport(element)) {
                const target = UriUtils.resolvePath(UriUtils.dirname(uri), element.path);
                if (target.fsPath.endsWith('.workout')) {
                    await load(path.relative(process.cwd(), target.fsPath), false);
                }
            }
        }
    };

    await withServicesQuiet(async () => {
        for (const [index, file] of files.entries()) {
            readAhead(index);
            await load(file, true);
        }
        await services.shared.workspace.DocumentBuilder.build(loaded, { validation: check });
    });
    return Promise.all(loaded.map(async document => {
        // The plan thresholds of the project's workout.json, as the checks had them.
        const thresholds = (await services.settings.Settings.get(document.uri)).plan;
        return {
            file: shownPath(document.uri.fsPath),
            document,
            diagnostics: keepRangesInsideText(document.diagnostics ?? [], document.textDocument.getText()),
            compile: (baseName: string) => services.compiler.Compiler.compileDocument(document.parseResult.value, baseName, thresholds)
        };
    }));
}

/**
 * Langium reports a check that threw on the console, with its stack, and goes on as if the
 * file had no further problems. The command line prints only what it means to: what the
 * services write is held back, and an error among it means the checks did not finish, which
 * must not pass for a clean file.
 */
async function withServicesQuiet(work: () => Promise<void>): Promise<void> {
    const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info, debug: console.debug };
    const errors: unknown[][] = [];
    console.error = (...args: unknown[]) => errors.push(args);
    console.warn = console.log = console.info = console.debug = () => undefined;
    try {
        await work();
    } finally {
        Object.assign(console, saved);
    }
    if (errors.length > 0) {
        const [first] = errors;
        const cause = first.find((arg): arg is Error => arg instanceof Error)?.message ?? first.map(String).join(' ');
        throw new Error(`the checks stopped before the end (${cause})`);
    }
}

/** The workspace's entry for a file the coach named. */
export function namedFile(workspace: WorkspaceFile[], file: string): WorkspaceFile {
    return workspace.find(entry => path.resolve(entry.file) === path.resolve(file))!;
}
