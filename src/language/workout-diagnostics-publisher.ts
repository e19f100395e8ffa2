/**
 * Diagnostics go to the editor only when they changed (issue 11: in a repository of 3,000
 * files, a keystroke sent 3,150 `publishDiagnostics` messages, one per re-checked file, almost
 * all of them the same as before).
 *
 * Langium's language server publishes a document's diagnostics every time the document is
 * validated (`addDiagnosticsHandler` in langium/lsp, which calls `connection.sendDiagnostics`).
 * This wraps that call on the server's connection and sends a file's diagnostics only when
 * - they differ from what was last sent for it (a file never sent counts as sent empty: the
 *   editor shows nothing for it), or
 * - the file is open and its text changed since the last send: the editor moved the old
 *   squiggles with the edits, so it gets the current ones even if they read the same.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

export function publishOnlyChangedDiagnostics(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    const sent = new Map<string, { json: string; version: number | undefined }>();
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams): Promise<void> => {
        const json = JSON.stringify(params.diagnostics);
        const version = shared.workspace.TextDocuments?.get(params.uri)?.version;
        const last = sent.get(params.uri);
        const changed = last ? last.json !== json : json !== '[]';
        const edited = version !== undefined && version !== last?.version;
        if (!changed && !edited) {
            return Promise.resolve();
        }
        sent.set(params.uri, { json, version });
        return send(params);
    };
}
