/**
 * The preview webview's page: the shell around the rendered session (src/render/html.ts) with
 * its Content-Security-Policy, a nonce per load, the theme stylesheet (media/preview.css) and
 * the webview script (src/webview/preview.ts, bundled to dist/webview/preview.js).
 *
 * No `vscode` import: the panel hands in `webview.cspSource` and the resource URIs as strings,
 * so the page can be built and checked in tests and in a plain browser.
 */
import { randomBytes } from 'node:crypto';
import type { SessionModel } from '../core/session-model.js';
import { PREVIEW_ELEMENTS } from '../protocol/preview.js';
import { escapeHtml } from '../render/escape.js';
import { PAGE_CSS, renderProblemsBanner, renderSessionBody, sessionTitle } from '../render/html.js';

/** The files the page loads, relative to the extension's folder; the webview may read only their folders. */
export const PREVIEW_SCRIPT = ['dist', 'webview', 'preview.js'] as const;
export const PREVIEW_STYLE = ['media', 'preview.css'] as const;
/**
 * The follow-along timer on its own (src/webview/timer.ts), which the export inlines in the
 * page. The preview's script has the timer built in and does not load this file.
 */
export const TIMER_SCRIPT = ['dist', 'webview', 'timer.js'] as const;

export interface PreviewPageOptions {
    /** A fresh random nonce per load (`newNonce()`): only the page's own style and script carry it. */
    nonce: string;
    /** `webview.cspSource`. */
    cspSource: string;
    /** `webview.asWebviewUri(dist/webview/preview.js)` as a string. */
    scriptUri: string;
    /** `webview.asWebviewUri(media/preview.css)` as a string. */
    styleUri: string;
    title?: string;
    /** Problems in the text: shows the banner above the last good version. */
    problems?: number;
}

const NONCE = /^[A-Za-z0-9+/=_-]{16,}$/;

/** 24 random bytes, base64url: a new one for every load of the page. */
export function newNonce(): string {
    return randomBytes(24).toString('base64url');
}

/** Nothing but the page's own nonce'd script and styles, and the extension's resources, may load. */
export function previewPolicy(nonce: string, cspSource: string): string {
    if (!NONCE.test(nonce)) {
        throw new Error('The webview nonce must be at least 16 letters or digits.');
    }
    const source = escapeHtml(cspSource);
    return `default-src 'none'; style-src ${source} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${source} data:;`;
}

/** The whole page, set once per load; later updates are posted to the script, which swaps `<main>`. */
export function renderPreviewHtml(session: SessionModel, options: PreviewPageOptions): string {
    const csp = previewPolicy(options.nonce, options.cspSource);
    const nonce = options.nonce;
    return '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        + `<meta http-equiv="Content-Security-Policy" content="${csp}">`
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + `<title>${escapeHtml(sessionTitle(session, options.title))}</title>`
        + `<style nonce="${nonce}">${PAGE_CSS}</style>`
        + `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(options.styleUri)}">`
        + '</head><body class="workout-page mode-webview">'
        + `<div id="${PREVIEW_ELEMENTS.banner}">${renderProblemsBanner(options.problems ?? 0)}</div>`
        + `<main id="${PREVIEW_ELEMENTS.session}" class="session">${renderSessionBody(session, { timer: true })}</main>`
        + `<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>`
        + '</body></html>';
}
