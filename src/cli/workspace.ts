/**
 * A workspace for the command line: the named files plus everything they `import`, parsed and
 * linked together the way the editor's workspace is, and checked when asked.
 *
 * Where the texts come from is the caller's choice: the files on disk for `check`, `render` and
 * `diff`, or the files as they were at a git revision for `diff --git`. The services have no
 * file system (EmptyFileSystem), so the workspace holds only the texts it was given and never
 * mixes in today's file where an older version was meant.
 */
import * as path from 'node:path';
import { EmptyFileSystem, URI, UriUtils, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createWorkoutServices, isImport, keepRangesInsideText, type Document, type SessionModel } from './engine.js';
import { readWorkoutText, UsageError } from './files.js';

/**
 * The text of one file of the workspace, given by its path (as the coach named it, or relative
 * to the current folder for an import). `named` is true for the files the coach named: those
 * must be readable. An import that cannot be read gives `undefined`: the file importing it shows
 * that as unresolved names (and `import-not-found` when checked), not as a failure.
 */
export type ReadText = (file: string, named: boolean) => Promise<string | undefined>;

export const readFromDisk: ReadText = async (file, named) => {
    try {
        return await readWorkoutText(file);
    } catch (error) {
        if (named || !(error instanceof UsageError)) {
            throw error;
        }
        return undefined;
    }
};

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
    read?: ReadText;
    /** Run the checks (`check`, `render`); `diff` compares what parses and skips them. */
    check?: boolean;
}

/** Where a file is shown: relative to the current folder, or as is when it is the folder. */
function shownPath(absolute: string): string {
    return path.relative(process.cwd(), absolute) || absolute;
}

export async function loadWorkspace(files: string[], { read = readFromDisk, check = true }: WorkspaceOptions = {}): Promise<WorkspaceFile[]> {
    const services = createWorkoutServices(EmptyFileSystem).Workout;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded = new Map<string, LangiumDocument<Document>>();

    // The named files are read together (the disk works while the first ones are parsed); each
    // is still taken, and its error thrown, in the order given.
    const reads = new Map(files.map(file => [file, read(file, true)]));
    reads.forEach(reading => reading.catch(() => undefined));
    const load = async (file: string, named: boolean): Promise<void> => {
        const uri = URI.file(path.resolve(file));
        if (loaded.has(uri.toString())) {
            return;
        }
        const text = await (named ? reads.get(file) ?? read(file, named) : read(file, named));
        if (text === undefined) {
            return;
        }
        const document = factory.fromString<Document>(text, uri);
        documents.addDocument(document);
        loaded.set(uri.toString(), document);
        for (const element of document.parseResult.value.elements ?? []) {
            if (isImport(element)) {
                const target = UriUtils.resolvePath(UriUtils.dirname(uri), element.path);
                if (target.fsPath.endsWith('.workout')) {
                    await load(path.relative(process.cwd(), target.fsPath), false);
                }
            }
        }
    };

    for (const file of files) {
        await load(file, true);
    }
    const all = [...loaded.values()];
    await services.shared.workspace.DocumentBuilder.build(all, { validation: check });
    return all.map(document => ({
        file: shownPath(document.uri.fsPath),
        document,
        diagnostics: keepRangesInsideText(document.diagnostics ?? [], document.textDocument.getText()),
        compile: (baseName: string) => services.compiler.Compiler.compileDocument(document.parseResult.value, baseName)
    }));
}

/** The workspace's entry for a file the coach named. */
export function namedFile(workspace: WorkspaceFile[], file: string): WorkspaceFile {
    return workspace.find(entry => path.resolve(entry.file) === path.resolve(file))!;
}
