/**
 * The language server: Langium's LSP server for the workout language, plus the session model
 * pushed to the preview after every validation (one parse, one truth).
 */
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { PlanThresholds } from '../core/plan-rules.js';
import { createWorkoutServices } from '../language/workout-module.js';
import { editorProjectFiles, projectFileDiagnostics } from '../language/workout-settings.js';
import { isAthlete, type Document } from '../language/generated/ast.js';
import type { AthleteModel } from '../core/session-model.js';
import { blockingErrors } from '../language/validation/issue-codes.js';
import { SessionNotification, SessionRequest, type SessionRequestParams, type SessionRequestResult, type SessionUpdate } from '../protocol/session.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Workout } = createWorkoutServices({ connection, ...NodeFileSystem });
const compiler = Workout.compiler.Compiler;
const settings = Workout.settings.Settings;
const latest = new Map<string, SessionUpdate>();

function sessionUpdate(document: LangiumDocument, thresholds: PlanThresholds): SessionUpdate {
    const diagnostics = document.diagnostics ?? [];
    const errors = diagnostics.filter(d => d.severity === 1).length;
    const warnings = diagnostics.filter(d => d.severity === 2).length;
    const baseName = path.basename(document.uri.path, '.workout');
    // A draft whose only errors are unknown names or amounts to fix is still drawn, with them marked.
    const session = blockingErrors(diagnostics).length === 0 ? compiler.compileDocument(document.parseResult.value as Document, baseName, thresholds) : null;
    return { uri: document.uri.toString(), version: document.textDocument.version, session, errors, warnings, athletes: workspaceAthletes() };
}

/** Every athlete defined in the workspace, once per id (the first found), for the preview's picker. */
function workspaceAthletes(): AthleteModel[] {
    const athletes = new Map<string, AthleteModel>();
    for (const document of shared.workspace.LangiumDocuments.all) {
        for (const element of (document.parseResult.value as Document).elements ?? []) {
            if (isAthlete(element) && element.name && !athletes.has(element.name)) {
                athletes.set(element.name, compiler.compileAthlete(element));
            }
        }
    }
    return [...athletes.values()];
}

shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, async documents => {
    for (const document of documents) {
        // Only documents open in the editor can have a preview; the rest of the workspace is indexed.
        if (!shared.workspace.TextDocuments?.get(document.uri.toString())) {
            continue;
        }
        try {
            const update = sessionUpdate(document, (await settings.get(document.uri)).plan);
            latest.set(update.uri, update);
            void connection.sendNotification(SessionNotification, update);
        } catch (error) {
            connection.console.error(`Could not compile ${document.uri.toString()} for the preview: ${(error as Error).message}`);
        }
    }
});

/** The document a request names, or `undefined` for params that name none (null, no `uri`, not a URI). */
function requestedUri(params: unknown): URI | undefined {
    const uri = (params as Partial<SessionRequestParams> | null | undefined)?.uri;
    if (typeof uri !== 'string') {
        return undefined;
    }
    try {
        const parsed = URI.parse(uri);
        parsed.toString(); // encoding a lone surrogate throws: such a text names no document
        return parsed;
    } catch {
        return undefined;
    }
}

// Any params may arrive from a client: what names no document is answered with `null`.
connection.onRequest(SessionRequest, async (params: unknown): Promise<SessionRequestResult> => {
    const uri = requestedUri(params);
    if (!uri) {
        return null;
    }
    const cached = latest.get(uri.toString());
    if (cached) {
        return cached;
    }
    const documents = shared.workspace.LangiumDocuments;
    const document = documents.hasDocument(uri) ? documents.getDocument(uri) : undefined;
    return document && document.state >= DocumentState.Validated ? sessionUpdate(document, (await settings.get(document.uri)).plan) : null;
});

// What is wrong with a project's `workout.json` shows on that file, in the Problems panel.
const shownProjectFiles = new Set<string>();
settings.useProjectFiles({
    ...editorProjectFiles(shared),
    onRead: (uri, file) => {
        const diagnostics = file ? projectFileDiagnostics(file) : [];
        if (diagnostics.length > 0 || shownProjectFiles.has(uri.toString())) {
            void connection.sendDiagnostics({ uri: uri.toString(), diagnostics });
        }
        if (diagnostics.length > 0) {
            shownProjectFiles.add(uri.toString());
        } else {
            shownProjectFiles.delete(uri.toString());
        }
    }
});

// A changed `workout.*` setting or `workout.json` (check severities, thresholds) re-checks every open document.
settings.onChange(() => {
    const uris = shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
    void shared.workspace.DocumentBuilder.update(uris, []);
});

startLanguageServer(shared);
