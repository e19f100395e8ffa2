/**
 * The language server: Langium's LSP server for the workout language, plus the session model
 * pushed to the preview after every validation (one parse, one truth).
 */
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createWorkoutServices } from '../language/workout-module.js';
import type { Document } from '../language/generated/ast.js';
import { compileDocument } from '../model/compile.js';
import { planThresholds } from '../model/compile-plan.js';
import { SessionNotification, SessionRequest, type SessionRequestParams, type SessionUpdate } from './protocol.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createWorkoutServices({ connection, ...NodeFileSystem });
const latest = new Map<string, SessionUpdate>();

let thresholds = planThresholds();

function sessionUpdate(document: LangiumDocument): SessionUpdate {
    const diagnostics = document.diagnostics ?? [];
    const errors = diagnostics.filter(d => d.severity === 1).length;
    const warnings = diagnostics.filter(d => d.severity === 2).length;
    const baseName = path.basename(document.uri.path, '.workout');
    const session = errors === 0 ? compileDocument(document.parseResult.value as Document, baseName, thresholds) : null;
    return { uri: document.uri.toString(), version: document.textDocument.version, session, errors, warnings };
}

shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
    for (const document of documents) {
        // Only documents open in the editor can have a preview; the rest of the workspace is indexed.
        if (!shared.workspace.TextDocuments?.get(document.uri.toString())) {
            continue;
        }
        try {
            const update = sessionUpdate(document);
            latest.set(update.uri, update);
            void connection.sendNotification(SessionNotification, update);
        } catch (error) {
            connection.console.error(`Could not compile ${document.uri.toString()} for the preview: ${(error as Error).message}`);
        }
    }
});

connection.onRequest(SessionRequest, (params: SessionRequestParams): SessionUpdate | null => {
    const key = URI.parse(params.uri).toString();
    if (latest.has(key)) {
        return latest.get(key)!;
    }
    const documents = shared.workspace.LangiumDocuments;
    const document = documents.hasDocument(URI.parse(key)) ? documents.getDocument(URI.parse(key)) : undefined;
    return document && document.state >= DocumentState.Validated ? sessionUpdate(document) : null;
});

// A changed `workout.*` setting (check severities, thresholds) re-checks every open document.
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
    if (update.section === 'workout') {
        thresholds = planThresholds((update.configuration as { plan?: object } | undefined)?.plan ?? {});
        const uris = shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        void shared.workspace.DocumentBuilder.update(uris, []);
    }
});

startLanguageServer(shared);
