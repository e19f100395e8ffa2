/**
 * Test helpers: a workspace in memory, documents parsed and checked as the editor would, and
 * diagnostics reduced to what a coach sees (line, severity, code, message).
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createWorkoutServices, type WorkoutServices } from '../src/language/workout-module.js';
import type { Document } from '../src/language/generated/ast.js';
import { toReported, type ReportedDiagnostic } from '../src/cli/diagnostics.js';
import type { PlanThresholds } from '../src/core/plan-rules.js';
import type { SessionModel } from '../src/core/session-model.js';

export function newServices(): WorkoutServices {
    return createWorkoutServices(EmptyFileSystem).Workout;
}

/** Parses and checks several files together; returns their documents in the given order. */
export async function checkFiles(files: Record<string, string>, services = newServices()): Promise<Array<LangiumDocument<Document>>> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = factory.fromString<Document>(text, URI.file(`/workspace/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

export async function checkText(text: string, name = 'test.workout'): Promise<LangiumDocument<Document>> {
    const [document] = await checkFiles({ [name]: text });
    return document;
}

export function reported(document: LangiumDocument): ReportedDiagnostic[] {
    return (document.diagnostics ?? []).map(diagnostic => toReported(document.uri.path, diagnostic));
}

export async function diagnosticsOf(text: string): Promise<ReportedDiagnostic[]> {
    return reported(await checkText(text));
}

let compilerServices: WorkoutServices | undefined;

/** The session model of a parsed document, as the language server and the command line compile it. */
export function compileDocument(document: Document, fileBaseName?: string, thresholds?: PlanThresholds): SessionModel {
    compilerServices ??= newServices();
    return compilerServices.compiler.Compiler.compileDocument(document, fileBaseName, thresholds);
}
