/**
 * The script inside the workout preview webview, bundled by esbuild.mjs as a browser IIFE to
 * dist/webview/preview.js. The extension renders the page (escaped, under a nonce'd
 * Content-Security-Policy: src/extension/preview-html.ts) and then posts updates: this script
 * swaps the content in place so the scroll position survives, reports clicks on entries so the
 * editor can reveal their line, highlights the entry under the editor's cursor, and keeps its
 * place with `setState` so it comes back after a reload.
 *
 * Every message and the saved state are typed and checked by src/protocol/preview.ts.
 * Browser code: no Node, no VS Code module, no eval, no inline handlers.
 */
import {
    isLineNumber, isPreviewMessage, PREVIEW_ELEMENTS, previewStateOf,
    type PreviewState, type UpdateMessage, type WebviewMessage
} from '../protocol/preview.js';
// The follow-along timer: installs itself, and wires every Play button the page gets.
import './timer.js';

/** What VS Code's `acquireVsCodeApi()` returns, typed by the protocol. */
interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}

/** Provided by VS Code to the webview's page; callable once. */
declare function acquireVsCodeApi(): VsCodeApi;

function element(id: string): HTMLElement {
    const found = document.getElementById(id);
    if (!found) {
        throw new Error(`The preview page has no #${id}.`);
    }
    return found;
}

const vscode = acquireVsCodeApi();
const main = element(PREVIEW_ELEMENTS.session);
const banner = element(PREVIEW_ELEMENTS.banner);
// Saved by an earlier load (perhaps by an older version): keep only its well-formed fields.
let state: PreviewState = previewStateOf(vscode.getState());

function save(patch: PreviewState): void {
    state = { ...state, ...patch };
    vscode.setState(state);
}

function isVisible(target: Element): boolean {
    const box = target.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
}

/** The elements written on a source line, innermost only (an entry, not its card too). */
function elementsOnLine(line: number): Element[] {
    const all = Array.from(main.querySelectorAll(`[data-line="${line}"]`));
    return all.filter(candidate => !all.some(other => other !== candidate && candidate.contains(other)));
}

function highlight(line: number, scroll: boolean): void {
    main.querySelectorAll('.highlighted').forEach(highlighted => highlighted.classList.remove('highlighted'));
    if (!isLineNumber(line)) {
        return;
    }
    const found = elementsOnLine(line);
    found.forEach(target => target.classList.add('highlighted'));
    if (scroll && found.length > 0 && !isVisible(found[0])) {
        found[0].scrollIntoView({ block: 'center' });
    }
    save({ line });
}

// Until the first update arrives the page may be an older, shorter snapshot that clamped the
// restored scroll position; the saved one is the truth.
let restoring = state.scrollY !== undefined;

function update(message: UpdateMessage): void {
    const sameDocument = message.uri === state.uri;
    const scrollY = restoring ? state.scrollY ?? 0 : window.scrollY;
    restoring = false;
    // The body comes from the extension's renderer, which escapes every piece of user text.
    main.innerHTML = message.body;
    banner.innerHTML = message.banner;
    document.title = message.title;
    window.scrollTo(0, sameDocument ? scrollY : 0);
    save({ uri: message.uri, scrollY: window.scrollY });
    if (sameDocument && state.line !== undefined) {
        highlight(state.line, false);
    }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isPreviewMessage(message)) {
        return;
    }
    switch (message.type) {
        case 'update':
            update(message);
            break;
        case 'highlight':
            highlight(message.line, true);
            break;
    }
});

document.addEventListener('click', event => {
    // Selecting text to copy it is not a request to jump to the source.
    if (String(window.getSelection() ?? '').length > 0) {
        return;
    }
    // A button (Play, the timer's own) is not a click on the text.
    if (event.target instanceof Element && event.target.closest('button, .timer')) {
        return;
    }
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (target) {
        const line = Number(target.getAttribute('data-line'));
        if (isLineNumber(line)) {
            vscode.postMessage({ type: 'reveal', line });
        }
    }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
        if (!restoring) {
            save({ scrollY: window.scrollY });
        }
    }, 100);
}, { passive: true });

// After a reload (or the panel coming back from the background) return to where the coach was.
if (state.scrollY !== undefined) {
    window.scrollTo(0, state.scrollY);
}
if (state.line !== undefined) {
    highlight(state.line, false);
}
vscode.postMessage({ type: 'ready' });
