/**
 * Messages between the language server and the extension beyond LSP: the session model the
 * server compiles after each validation, so the preview never parses a second time.
 * Plain data and names only: imported by both sides.
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

/** Server → client, after every validation of a `.workout` document. */
export const SessionNotification = 'workout/session';

/** Client → server: the latest update for a document (when a preview opens). */
export const SessionRequest = 'workout/getSession';

export interface SessionRequestParams {
    uri: string;
}
