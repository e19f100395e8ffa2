/**
 * A workspace for the command line: the named files plus everything they `import`, parsed,
 * linked and checked together the way the editor's workspace is.
 */
import * as path from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createWorkoutServices, type WorkoutServices } from '../language/workout-module.js';
import { isImport, type Document } from '../language/generated/ast.js';
import { readWorkoutText, UsageError } from './files.js';
import { keepRangesInsideText } from '../language/validation/diagnostic-ranges.js';

export interface CheckedFile {
    file: string;
    document: LangiumDocument<Document>;
    diagnostics: Diagnostic[];
}

export async function loadWorkspace(files: string[]): Promise<{ services: WorkoutServices; checked: CheckedFile[] }> {
    const services = createWorkoutServices(NodeFileSystem).Workout;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded = new Map<string, LangiumDocument<Document>>();

    const load = async (file: string, requested: boolean): Promise<void> => {
        const uri = URI.file(path.resolve(file));
        if (loaded.has(uri.toString())) {
            return;
        }
        let text: string;
        try {
            text = await readWorkoutText(file);
        } catch (error) {
            // A broken import is reported where it is imported (import-not-found), not here.
            if (requested || !(error instanceof UsageError)) {
                throw error;
            }
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
    await services.shared.workspace.DocumentBuilder.build(all, { validation: true });
    const checked = all.map(document => ({
        file: path.relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath,
        document,
        diagnostics: keepRangesInsideText(document.diagnostics ?? [], document.textDocument.getText())
    }));
    return { services, checked };
}
