/**
 * Links a document again when a name it could not resolve has since appeared in the index.
 *
 * Langium relinks the documents that depend on a changed file, but not one linked before a file
 * it names was indexed at all: in the editor the first opened file races the workspace's
 * initial build, and a plan then kept `unknown-workout` errors for workouts that exist (seen in
 * code-server). After every build, documents with such stale links are updated once per version.
 */
import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { nameKey } from './workout-scope-provider.js';

export function relinkWhenNamesAppear(services: LangiumServices): void {
    const workspace = services.shared.workspace;
    const reflection = services.shared.AstReflection;
    const attempted = new Set<string>();

    workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        // Names in the index by reference type, by lookup key: one pass over the index per build.
        const known = new Map<string, Set<string>>();
        const namesOf = (type: string) => {
            let names = known.get(type);
            if (!names) {
                names = new Set(workspace.IndexManager.allElements(type).map(description => nameKey(description.name)));
                known.set(type, names);
            }
            return names;
        };
        const isStale = (document: LangiumDocument): boolean =>
            document.references.some(reference => {
                const info = reference.error?.info;
                return info !== undefined && namesOf(reflection.getReferenceType(info)).has(nameKey(reference.$refText));
            });
        const stale = workspace.LangiumDocuments.all
            .filter(document => document.state >= DocumentState.Linked && isStale(document))
            .filter(document => !attempted.has(`${document.uri.toString()}@${document.textDocument.version}`))
            .toArray();
        if (stale.length === 0) {
            return;
        }
        stale.forEach(document => attempted.add(`${document.uri.toString()}@${document.textDocument.version}`));
        // Not inside the build that is finishing: queue it behind it on the workspace lock. The
        // text is unchanged, so the documents are unlinked and built again, not re-read.
        setTimeout(() => {
            void workspace.WorkspaceLock.write(async token => {
                const current = stale.filter(document => workspace.LangiumDocuments.getDocument(document.uri) === document);
                current.forEach(document => workspace.DocumentBuilder.resetToState(document, DocumentState.ComputedScopes));
                await workspace.DocumentBuilder.build(current, { validation: true }, token);
            });
        }, 0);
    });
}
