/**
 * The messages between the extension and the preview webview (src/extension/preview-panel.ts
 * and src/webview/preview.ts), and the state the webview keeps across reloads. Both sides
 * import this file: one definition of each message, one guard for each direction.
 *
 * Whatever crosses the boundary is checked on arrival: a webview runs a page built from files
 * someone else may have written, and its saved state comes back from disk after a reload.
 * Plain data and pure functions only (no VS Code, no DOM).
 */

/** The page's elements the script writes into: the problems banner and the session's content. */
export const PREVIEW_ELEMENTS = { banner: 'banner', session: 'session' } as const;

// ---- webview → extension ----------------------------------------------------------------------

/** The script has loaded: send the latest update (and the cursor's line). */
export interface ReadyMessage {
    type: 'ready';
}

/** The coach clicked an element with `data-line`: put the editor's cursor on that 1-based line. */
export interface RevealMessage {
    type: 'reveal';
    line: number;
}

export type WebviewMessage = ReadyMessage | RevealMessage;

// ---- extension → webview ----------------------------------------------------------------------

/** New content for `<main>` and the banner, both rendered (and escaped) by src/render/html.ts. */
export interface UpdateMessage {
    type: 'update';
    /** The previewed document; scroll and highlight are kept only while it stays the same. */
    uri: string;
    title: string;
    body: string;
    banner: string;
}

/** The editor's cursor moved to this 1-based line. */
export interface HighlightMessage {
    type: 'highlight';
    line: number;
}

export type PreviewMessage = UpdateMessage | HighlightMessage;

// ---- the webview's saved state ----------------------------------------------------------------

/** What the webview keeps with `setState`; VS Code hands it to the serializer after a reload. */
export interface PreviewState {
    /** The previewed document's URI, as the extension sent it. */
    uri?: string;
    scrollY?: number;
    /** The highlighted (cursor's) line, 1-based. */
    line?: number;
}

/** Longer than any URI a workspace file has; a longer one is not ours. */
const MAX_URI_LENGTH = 4096;

// ---- guards -----------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A 1-based line number: a whole number from 1 up. */
export function isLineNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** A message the webview may send; anything else (a negative or fractional line, …) is ignored. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
    if (!isRecord(value)) {
        return false;
    }
    switch (value.type) {
        case 'ready':
            return true;
        case 'reveal':
            return isLineNumber(value.line);
        default:
            return false;
    }
}

/** A message the extension may send. */
export function isPreviewMessage(value: unknown): value is PreviewMessage {
    if (!isRecord(value)) {
        return false;
    }
    switch (value.type) {
        case 'update':
            return typeof value.uri === 'string' && typeof value.title === 'string'
                && typeof value.body === 'string' && typeof value.banner === 'string';
        case 'highlight':
            return isLineNumber(value.line);
        default:
            return false;
    }
}

/**
 * The well-formed part of a saved state: each field kept only when it has the right type and
 * range, so a state from an older version, or one edited on disk, reads as "nothing saved".
 */
export function previewStateOf(value: unknown): PreviewState {
    if (!isRecord(value)) {
        return {};
    }
    const state: PreviewState = {};
    if (typeof value.uri === 'string' && value.uri.length > 0 && value.uri.length <= MAX_URI_LENGTH) {
        state.uri = value.uri;
    }
    if (typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY >= 0) {
        state.scrollY = value.scrollY;
    }
    if (isLineNumber(value.line)) {
        state.line = value.line;
    }
    return state;
}
