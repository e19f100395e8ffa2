/**
 * What the page carries for the follow-along timer: a Play button in each workout's header and
 * the workout's steps (src/core/timeline.ts) as a JSON data block the timer script reads
 * (src/webview/timer.ts), plus the script itself, inlined in the exported page under its nonce.
 *
 * The steps hold user text (names, notes, titles): in the JSON `<`, `>` and `&` are written as
 * `\u003c`, `\u003e` and `\u0026`, so nothing a coach types can close the data block or open a
 * comment in it, and the controls `escapeHtml` refuses are U+FFFD here too. The button's
 * attributes are constants; it carries no user text.
 */
import { TIMER_HOOKS, workoutTimeline } from '../core/timeline.js';
import type { WorkoutModel } from '../core/session-model.js';
import { withoutUnsafeControls } from './escape.js';

/** A nonce the policy accepts: letters, digits and base64's signs, 16 or more. */
const NONCE = /^[A-Za-z0-9+/=_-]{16,}$/;

/** 18 random bytes as hex: a new one for every rendered page. */
export function newPageNonce(): string {
    const bytes = new Uint8Array(18);
    globalThis.crypto.getRandomValues(bytes);
    return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}

/** The nonce to use, checked so it cannot break out of the policy or the attribute. */
export function checkedNonce(nonce: string): string {
    if (!NONCE.test(nonce)) {
        throw new Error('A script nonce must be at least 16 letters or digits.');
    }
    return nonce;
}

/** In JSON text: a control `escapeHtml` refuses, raw or as JSON writes C0 controls (`\u0007`). */
// eslint-disable-next-line no-control-regex
const MAY_HOLD_CONTROLS = /[\u007F\u202A-\u202E\u2066-\u2069]|\\u00[01]/;

/** JSON that is safe inside `<script type="application/json">`: no `<`, `>` or `&` as such. */
export function scriptJson(value: unknown): string {
    const plain = JSON.stringify(value);
    // Most pages hold no control at all: only then is every string visited.
    const json = MAY_HOLD_CONTROLS.test(plain)
        ? JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? withoutUnsafeControls(item) : item))
        : plain;
    return json.replace(/[<>&\u2028\u2029]/g, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The timer script as the body of an inline `<script>`: a `</script` or `<!--` in it (only
 * possible inside a string or a regular expression of the bundle) is written so the HTML
 * parser does not see it, with the same meaning to JavaScript.
 */
export function inlineScript(source: string): string {
    return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The Play button and the steps of one workout; empty when it has nothing to play. */
export function renderTimerParts(workout: WorkoutModel): { button: string; data: string } {
    const timeline = workoutTimeline(workout);
    if (!timeline.steps.some(step => step.kind === 'work')) {
        return { button: '', data: '' };
    }
    return {
        button: `<p class="timer-launch"><button type="button" class="timer-play" ${TIMER_HOOKS.play}=""><span aria-hidden="true">▶</span> Play</button>`
            + '</p>',
        data: `<script type="application/json" class="${TIMER_HOOKS.data}">${scriptJson(timeline)}</script>`
    };
}

/** The timer's look, part of PAGE_CSS: a full-screen clock that fits a 360 px phone. Never printed. */
export const TIMER_CSS = String.raw`
/* ---- the follow-along timer ---- */
.timer-launch { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .8rem; margin: 14px 0 0; }
.timer-play {
  font: inherit; font-weight: 700; font-size: 1rem;
  min-height: 44px; padding: 8px 20px;
  border: 0; border-radius: 999px;
  background: var(--wk-work); color: var(--wk-on-accent);
  cursor: pointer;
}
.timer-play:focus-visible, .timer button:focus-visible { outline: 3px solid var(--wk-focus); outline-offset: 2px; }
body.timer-open { overflow: hidden; }
.timer {
  --timer-accent: var(--wk-work);
  position: fixed; inset: 0; z-index: 20;
  display: flex; flex-direction: column; align-items: stretch; gap: 6px;
  padding: 12px 16px max(16px, env(safe-area-inset-bottom));
  overflow-y: auto;
  background: var(--wk-bg); color: var(--wk-fg);
  text-align: center;
  overflow-wrap: anywhere;
}
.timer > * { width: 100%; max-width: 640px; margin-inline: auto; }
.timer[data-kind="rest"] { --timer-accent: var(--wk-rounds); }
.timer[data-kind="transition"] { --timer-accent: var(--wk-emom); }
.timer[data-kind="finish"] { --timer-accent: var(--wk-warmup); }
.timer p, .timer h2, .timer ol, .timer ul { margin: 0; }
.timer [hidden] { display: none !important; }
.timer-top { display: flex; align-items: center; gap: 10px; text-align: left; }
.timer-title { flex: 1; min-width: 0; font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.timer-count { color: var(--wk-muted); font-variant-numeric: tabular-nums; }
.timer button {
  font: inherit; min-height: 48px; padding: 8px 12px;
  border: 1px solid var(--wk-border); border-radius: 12px;
  background: var(--wk-soft); color: var(--wk-fg);
  cursor: pointer; touch-action: manipulation;
}
.timer .timer-close { min-width: 48px; font-size: 1.2rem; }
.timer-context { color: var(--wk-muted); font-weight: 600; }
.timer-kind { color: var(--timer-accent); font-weight: 800; font-size: 1.3rem; letter-spacing: .08em; text-transform: uppercase; }
.timer-clock {
  font-size: clamp(4.5rem, 26vw, 10rem); font-weight: 700; line-height: 1;
  font-variant-numeric: tabular-nums; letter-spacing: -.02em;
}
.timer[data-state="paused"] .timer-clock { opacity: .45; }
.timer-progress { width: 100%; height: 10px; accent-color: var(--timer-accent); }
.timer-side { align-self: center; padding: 2px 12px; border-radius: 999px; background: var(--timer-accent); color: var(--wk-on-accent); font-weight: 700; }
.timer-label { font-size: clamp(1.5rem, 7vw, 2.4rem); line-height: 1.15; }
.timer-amount { font-size: clamp(1.4rem, 6vw, 2rem); font-weight: 700; color: var(--timer-accent); }
.timer-details, .timer-note { color: var(--wk-muted); }
.timer-note { font-style: italic; }
.timer-moves { list-style: none; padding: 0; display: grid; gap: 2px; font-size: 1.05rem; white-space: pre-wrap; }
.timer .timer-rounds { display: grid; gap: 2px; min-height: 72px; border: 2px solid var(--timer-accent); }
.timer-rounds-count { font-size: 1.6rem; font-weight: 800; }
.timer-rounds-hint { color: var(--wk-muted); font-size: .9rem; }
.timer-next { color: var(--wk-muted); padding-top: 4px; border-top: 1px solid var(--wk-rule); }
.timer-controls { display: grid; grid-template-columns: 1fr 1.4fr 1fr; gap: 8px; margin-top: auto; padding-top: 8px; }
.timer .timer-pause { background: var(--timer-accent); color: var(--wk-on-accent); border-color: transparent; font-weight: 700; }
.timer > .timer-sound { width: auto; min-height: 40px; align-self: center; padding: 4px 14px; font-size: .9rem; }
.timer-results { list-style: none; padding: 0; font-size: 1.1rem; display: grid; gap: 4px; }
@media (max-height: 560px) { .timer-clock { font-size: clamp(3rem, 16vh, 6rem); } .timer-moves { font-size: .95rem; } }
@media print { .timer-launch, .timer { display: none !important; } }
`;
