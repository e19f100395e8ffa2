/**
 * The one way user text (names, notes, titles, muscles, equipment, ids) enters HTML. Every
 * renderer in this folder calls `escapeHtml` on anything a coach typed or the catalog holds;
 * attributes are only ever built from numbers and the renderer's own constant class names.
 */

const HTML_SPECIALS: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '`': '&#96;'
};

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) can make the
 * text after a name read backwards ("trojan source"); real right-to-left names do not need
 * them, the browser's bidi algorithm orders those on its own. Other C0 controls and NUL have
 * no business in a page either. Zero-width characters are harmless as text and stay.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'`\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export function escapeHtml(text: unknown): string {
    const value = String(text ?? '');
    // Most names and notes are plain words: skip the two replacements for them.
    if (!NEEDS_WORK.test(value)) {
        return value;
    }
    return value
        .replace(UNSAFE_CONTROLS, '\uFFFD')
        .replace(/[&<>"'`]/g, match => HTML_SPECIALS[match]);
}

/**
 * Text with the controls `escapeHtml` refuses turned into U+FFFD, for text the page holds as
 * data rather than markup (the timer's steps, src/render/html-timer.ts).
 */
export function withoutUnsafeControls(text: string): string {
    return text.replace(UNSAFE_CONTROLS, '\uFFFD');
}

/** A number for an attribute or a label: finite or 0, so no model value can smuggle text in. */
export function safeNumber(value: unknown): number {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? number : 0;
}

/** A 1-based source line for `data-line`: a non-negative integer, whatever the model holds. */
export function lineAttribute(line: unknown): string {
    return `data-line="${Math.max(0, Math.trunc(safeNumber(line)))}"`;
}

/**
 * Everything a reader's program may take for a line break: CR, LF, CRLF, NEL, the Unicode line
 * and paragraph separators and the other vertical spaces; tabs too, which only ever matter as
 * indentation.
 */
const LINE_BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * NUL and the other C0 and C1 controls (a terminal's escape sequences start with one), and the
 * bidi marks, embeddings, overrides and isolates (U+200E/F, U+061C, U+202A–202E, U+2066–2069)
 * that make text read in another order than it is written ("trojan source").
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * User text for a plain-text or Markdown line: its line breaks folded into spaces, so it can
 * never end the line it is written in, and its controls and bidi characters dropped.
 */
export function plainText(text: unknown): string {
    return String(text ?? '').replace(LINE_BREAKS, ' ').replace(INVISIBLE_CONTROLS, '');
}
