/**
 * What the robustness tests share: one long-lived workspace in which each text is parsed,
 * linked and checked as the editor does on open, then removed again (a fresh workspace per
 * case would make a property test a hundred times slower).
 */
import { URI, type LangiumDocument } from 'langium';
import type { Document } from '../../../src/language/generated/ast.js';
import { newServices } from '../../helpers.js';

export const services = newServices();
let counter = 0;

/** Parses, links and checks one text; `use` sees the document before it leaves the workspace. */
export async function withChecked<T>(text: string, use: (document: LangiumDocument<Document>) => T | Promise<T>): Promise<T> {
    const uri = URI.file(`/robustness/case-${counter++}.workout`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return await use(document);
    } finally {
        services.shared.workspace.LangiumDocuments.deleteDocument(uri);
    }
}
