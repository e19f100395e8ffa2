/**
 * What the LSP tests share: a fresh in-memory workspace per test, documents opened as the
 * editor opens them, a cursor written into the text as `‸`, and edits applied the way the
 * editor applies them.
 */
import { EmptyFileSystem, URI, TextDocument, type LangiumDocument } from 'langium';
import type { Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { createWorkoutServices, type WorkoutServices } from '../../../src/language/workout-module.js';
import type { Document } from '../../../src/language/generated/ast.js';
import { codeOf } from '../../../src/language/validation/issue-codes.js';

/** The cursor in a test text. Not a character the workout language uses. */
export const CURSOR = '‸';

export function newWorkspace(): WorkoutServices {
    return createWorkoutServices(EmptyFileSystem).Workout;
}

export function uriOf(name: string): string {
    return URI.file(`/workspace/${name}`).toString();
}

/** Adds the files to the workspace and builds them with validation, as the server does on open. */
export async function openFiles(services: WorkoutServices, files: Record<string, string>): Promise<Array<LangiumDocument<Document>>> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = factory.fromString<Document>(text, URI.parse(uriOf(name)));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

export async function openText(services: WorkoutServices, text: string, name = 'session.workout'): Promise<LangiumDocument<Document>> {
    const [document] = await openFiles(services, { [name]: text });
    return document;
}

const versions = new Map<string, number>();

/** Changes a file's text as an editor does (a new version of the open document) and rebuilds what depends on it. */
export async function changeFile(services: WorkoutServices, name: string, text: string): Promise<LangiumDocument<Document>> {
    const uri = uriOf(name);
    const version = (versions.get(uri) ?? 1) + 1;
    versions.set(uri, version);
    services.shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'workout', version, text));
    await services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
    return services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri)) as LangiumDocument<Document>;
}

/** Removes the `‸` from a text and says where it was. */
export function cursorIn(textWithCursor: string): { text: string; offset: number; position: Position } {
    const offset = textWithCursor.indexOf(CURSOR);
    if (offset < 0 || textWithCursor.indexOf(CURSOR, offset + 1) >= 0) {
        throw new Error(`A test text needs exactly one ${CURSOR}: ${textWithCursor}`);
    }
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + CURSOR.length);
    const before = text.slice(0, offset).split('\n');
    return { text, offset, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///edit.workout', 'workout', 0, text), edits);
}

/** The edits of a workspace edit for one file. */
export function editsFor(edit: WorkspaceEdit | undefined, name: string): TextEdit[] {
    const uri = uriOf(name);
    const fromChanges = edit?.changes?.[uri] ?? [];
    const fromDocumentChanges = (edit?.documentChanges ?? []).flatMap(change =>
        'textDocument' in change && change.textDocument.uri === uri ? change.edits.filter((e): e is TextEdit => 'range' in e) : []);
    return [...fromChanges, ...fromDocumentChanges];
}

/** The language's own reader of a diagnostic's code, for the tests that use the kit. */
export { codeOf };

export function diagnosticsWithCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(diagnostic => codeOf(diagnostic) === code);
}

export function textOf(document: LangiumDocument, range: Range): string {
    return document.textDocument.getText(range);
}
