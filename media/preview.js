// The script inside the workout preview webview. The extension renders the page (escaped,
// under a nonce'd Content-Security-Policy) and then posts updates: this script swaps the
// content in place so the scroll position survives, reports clicks on entries so the editor
// can reveal their line, and highlights the entry under the editor's cursor.
// Plain browser JavaScript: no imports, no eval, no inline handlers.
(function () {
    'use strict';

    const vscode = acquireVsCodeApi();
    const main = document.getElementById('session');
    const banner = document.getElementById('banner');
    /** @type {{ uri?: string, scrollY?: number, line?: number }} */
    let state = vscode.getState() || {};

    function save(patch) {
        state = Object.assign({}, state, patch);
        vscode.setState(state);
    }

    function isVisible(element) {
        const box = element.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
    }

    /** The elements written on a source line, innermost only (an entry, not its card too). */
    function elementsOnLine(line) {
        const all = Array.from(main.querySelectorAll('[data-line="' + Number(line) + '"]'));
        return all.filter(element => !all.some(other => other !== element && element.contains(other)));
    }

    function highlight(line, scroll) {
        main.querySelectorAll('.highlighted').forEach(element => element.classList.remove('highlighted'));
        if (!Number.isInteger(line) || line < 1) {
            return;
        }
        const found = elementsOnLine(line);
        found.forEach(element => element.classList.add('highlighted'));
        if (scroll && found.length > 0 && !isVisible(found[0])) {
            found[0].scrollIntoView({ block: 'center' });
        }
        save({ line: line });
    }

    // Until the first update arrives the page may be an older, shorter snapshot that clamped
    // the restored scroll position; the saved one is the truth.
    let restoring = typeof state.scrollY === 'number';

    function update(message) {
        const sameDocument = message.uri === state.uri;
        const scrollY = restoring ? state.scrollY : window.scrollY;
        restoring = false;
        // The body comes from the extension's renderer, which escapes every piece of user text.
        main.innerHTML = message.body;
        banner.innerHTML = message.banner;
        if (typeof message.title === 'string') {
            document.title = message.title;
        }
        window.scrollTo(0, sameDocument ? scrollY : 0);
        save({ uri: message.uri, scrollY: window.scrollY });
        if (sameDocument && state.line) {
            highlight(state.line, false);
        }
    }

    window.addEventListener('message', event => {
        const message = event.data;
        if (!message || typeof message !== 'object') {
            return;
        }
        if (message.type === 'update') {
            update(message);
        } else if (message.type === 'highlight') {
            highlight(Number(message.line), true);
        }
    });

    document.addEventListener('click', event => {
        // Selecting text to copy it is not a request to jump to the source.
        if (String(window.getSelection() || '').length > 0) {
            return;
        }
        const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
        if (target) {
            const line = Number(target.getAttribute('data-line'));
            if (Number.isInteger(line) && line > 0) {
                vscode.postMessage({ type: 'reveal', line: line });
            }
        }
    });

    let scrollTimer = 0;
    window.addEventListener('scroll', () => {
        clearTimeout(scrollTimer);
        scrollTimer = setTimeout(() => {
            if (!restoring) {
                save({ scrollY: window.scrollY });
            }
        }, 100);
    }, { passive: true });

    // After a reload (or the panel coming back from the background) return to where the coach was.
    if (typeof state.scrollY === 'number') {
        window.scrollTo(0, state.scrollY);
    }
    if (state.line) {
        highlight(state.line, false);
    }
    vscode.postMessage({ type: 'ready' });
}());
