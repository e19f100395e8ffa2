/**
 * Messages between the language server and the extension beyond LSP: the session model the
 * server compiles after each validation, so the preview never parses a second time.
 * Plain data and names only (no vscode-jsonrpc): imported by both sides. The messages between
 * the extension and the preview webview are in ./preview.ts.
 */
import type { SessionModel } from '../core/session-model.js';

export interface SessionUpdate {
    /** The document's URI as the client knows it. */
    uri: string;
    version: number;
    /** The compiled session, or `null` when the text has errors (the preview keeps the last good one). */
    session: SessionModel | null;
    errors: number;
    warnings: number;
}

export interface SessionRequestParams {
    uri: string;
}

/**
 * Each method beyond LSP with what it carries: the server and the extension type their
 * handlers from this map, so a method name and its payload cannot drift apart.
 */
export interface SessionMethods {
    /** Server → client, after every validation of a `.workout` document. */
    'workout/session': { params: SessionUpdate };
    /** Client → server: the latest update for a document (when a preview opens). */
    'workout/getSession': { params: SessionRequestParams; result: SessionUpdate | null };
}

export const SessionNotification = 'workout/session' satisfies keyof SessionMethods;
export const SessionRequest = 'workout/getSession' satisfies keyof SessionMethods;

export type SessionNotificationParams = SessionMethods[typeof SessionNotification]['params'];
export type SessionRequestResult = SessionMethods[typeof SessionRequest]['result'];
