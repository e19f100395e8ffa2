/**
 * The follow-along timer: a workout's Play button opens a full-screen clock that plays its
 * steps (src/core/timeline.ts) — the current and the next step, a countdown with an AMRAP's
 * round counter, EMOM minute calls, work and rest of intervals, rest between sets, a cue to
 * switch sides — with beeps (WebAudio, made here: no sound files), vibration and the screen
 * kept awake where the device allows, and pause, back, skip or done.
 *
 * Loading this module installs it. It runs in two pages: the exported page, inlined under the
 * page's nonce (esbuild.mjs bundles it alone to dist/webview/timer.js, which the CLI and the
 * extension hand to src/render/html.ts), and the preview webview, inside dist/webview/preview.js.
 *
 * The steps come from the page's `<script type="application/json">` block of the workout and
 * are checked by `timelineOf` before use. Every piece of text goes into the page through
 * `textContent`; no markup is ever built from it. Browser code: no Node, no eval, no inline
 * handlers, no styles set as attributes (the webview's policy allows none).
 */
import { describeStepSide, TIMER_HOOKS, timelineOf, type TimelineStep } from '../core/timeline.js';
import { formatClock, TimerClock, type ClockEvent, type StepResult } from './timer-clock.js';

/** How often the clock is redrawn; the time itself comes from Date.now(). */
const TICK_MS = 200;

// ---- sound, vibration, wake lock --------------------------------------------------------------

type Cue = 'work' | 'rest' | 'transition' | 'count' | 'finish' | 'round';

/** Tones per cue: frequency (Hz), length (s), start after (s). */
const TONES: Record<Cue, Array<[number, number, number]>> = {
    work: [[880, 0.35, 0]],
    rest: [[523, 0.45, 0]],
    transition: [[660, 0.15, 0], [660, 0.15, 0.22]],
    count: [[660, 0.12, 0]],
    finish: [[523, 0.2, 0], [659, 0.2, 0.22], [784, 0.45, 0.44]],
    round: [[988, 0.08, 0]]
};

const VIBRATIONS: Record<Cue, number[]> = {
    work: [300],
    rest: [150, 100, 150],
    transition: [100, 80, 100],
    count: [60],
    finish: [300, 150, 300, 150, 300],
    round: [40]
};

interface AudioWindow {
    AudioContext?: typeof AudioContext;
    webkitAudioContext?: typeof AudioContext;
}

/** Beeps made with an oscillator; the context is created on the tap that opens the timer. */
class Sound {
    private context: AudioContext | undefined;
    enabled = true;

    /** Must run inside a tap: browsers start audio only from a user's gesture. */
    unlock(): void {
        if (!this.context) {
            const audio = window as unknown as AudioWindow;
            const Context = audio.AudioContext ?? audio.webkitAudioContext;
            try {
                this.context = Context ? new Context() : undefined;
            } catch {
                this.context = undefined;
            }
        }
        void this.context?.resume?.().catch(() => undefined);
    }

    play(cue: Cue): void {
        if (this.enabled && this.context && this.context.state === 'running') {
            const start = this.context.currentTime;
            for (const [frequency, length, after] of TONES[cue]) {
                const oscillator = this.context.createOscillator();
                const gain = this.context.createGain();
                oscillator.type = 'sine';
                oscillator.frequency.value = frequency;
                gain.gain.setValueAtTime(0.0001, start + after);
                gain.gain.exponentialRampToValueAtTime(0.4, start + after + 0.01);
                gain.gain.exponentialRampToValueAtTime(0.0001, start + after + length);
                oscillator.connect(gain).connect(this.context.destination);
                oscillator.start(start + after);
                oscillator.stop(start + after + length + 0.02);
            }
        }
        if (this.enabled && typeof navigator.vibrate === 'function') {
            try {
                navigator.vibrate(VIBRATIONS[cue]);
            } catch {
                // Not allowed here (no gesture yet, or an embedded frame): silence is fine.
            }
        }
    }
}

/** Keeps the screen on while the clock runs, where the browser has the Wake Lock API. */
class Awake {
    private sentinel: WakeLockSentinel | undefined;
    private wanted = false;

    hold(): void {
        this.wanted = true;
        if (this.sentinel || !('wakeLock' in navigator) || document.visibilityState !== 'visible') {
            return;
        }
        navigator.wakeLock.request('screen').then(sentinel => {
            if (!this.wanted) {
                void sentinel.release();
                return;
            }
            this.sentinel = sentinel;
            sentinel.addEventListener('release', () => {
                this.sentinel = undefined;
            });
        }, () => undefined);
    }

    release(): void {
        this.wanted = false;
        void this.sentinel?.release().catch(() => undefined);
        this.sentinel = undefined;
    }
}

// ---- the page ---------------------------------------------------------------------------------

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    element.className = className;
    if (text !== undefined) {
        element.textContent = text;
    }
    return element;
}

function button(className: string, text: string, label?: string): HTMLButtonElement {
    const element = make('button', className, text);
    element.type = 'button';
    if (label) {
        element.setAttribute('aria-label', label);
    }
    return element;
}

const KIND_WORDS: Record<TimelineStep['kind'], string> = { work: 'Work', rest: 'Rest', transition: 'Get ready' };

/** The word above the clock: Work, Rest, Get ready, Switch sides. */
function kindWord(step: TimelineStep): string {
    return step.kind === 'transition' ? step.label : KIND_WORDS[step.kind];
}

/** "Rest 1:00", "10 Burpees", "Switch sides": the next step, in a line. */
function stepLine(step: TimelineStep): string {
    const time = step.durationSeconds !== undefined && step.kind !== 'work' ? ` ${formatClock(step.durationSeconds)}` : '';
    return [step.amount, step.label].filter(Boolean).join(' ') + time;
}

interface Elements {
    root: HTMLElement;
    count: HTMLElement;
    context: HTMLElement;
    kind: HTMLElement;
    clock: HTMLElement;
    progress: HTMLProgressElement;
    side: HTMLElement;
    label: HTMLElement;
    amount: HTMLElement;
    details: HTMLElement;
    note: HTMLElement;
    moves: HTMLOListElement;
    rounds: HTMLButtonElement;
    roundCount: HTMLElement;
    next: HTMLElement;
    back: HTMLButtonElement;
    pause: HTMLButtonElement;
    skip: HTMLButtonElement;
    sound: HTMLButtonElement;
    close: HTMLButtonElement;
    summary: HTMLElement;
}

function buildElements(title: string): Elements {
    const root = make('div', 'timer');
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'true');
    root.setAttribute('aria-label', 'Workout timer');
    const top = make('div', 'timer-top');
    const name = make('span', 'timer-title', title);
    const count = make('span', 'timer-count');
    const close = button('timer-close', '✕', 'Close the timer');
    top.append(name, count, close);
    const context = make('p', 'timer-context');
    const kind = make('p', 'timer-kind');
    kind.setAttribute('aria-live', 'polite');
    const clock = make('p', 'timer-clock');
    clock.setAttribute('role', 'timer');
    const progress = make('progress', 'timer-progress');
    progress.max = 1;
    const side = make('p', 'timer-side');
    const label = make('h2', 'timer-label');
    label.setAttribute('aria-live', 'polite');
    const amount = make('p', 'timer-amount');
    const details = make('p', 'timer-details');
    const note = make('p', 'timer-note');
    const moves = make('ol', 'timer-moves');
    const rounds = button('timer-rounds', '');
    const roundCount = make('span', 'timer-rounds-count');
    rounds.append(roundCount, make('span', 'timer-rounds-hint', 'Tap when a round is done'));
    const next = make('p', 'timer-next');
    const controls = make('div', 'timer-controls');
    const back = button('timer-back', 'Back', 'Back to the step before');
    const pause = button('timer-pause', 'Pause');
    const skip = button('timer-skip', 'Skip');
    const sound = button('timer-sound', 'Sound on');
    sound.setAttribute('aria-pressed', 'true');
    controls.append(back, pause, skip);
    const summary = make('div', 'timer-summary');
    summary.hidden = true;
    root.append(top, context, kind, clock, progress, side, label, amount, details, note, moves, rounds, next, controls, sound, summary);
    return { root, count, context, kind, clock, progress, side, label, amount, details, note, moves, rounds, roundCount, next, back, pause, skip, sound, close, summary };
}

function setText(element: HTMLElement, text: string | undefined): void {
    element.textContent = text ?? '';
    element.hidden = !text;
}

/** One timer on the page at a time: the workout being played. */
class Player {
    private readonly clock: TimerClock;
    private readonly elements: Elements;
    private readonly sound = new Sound();
    private readonly awake = new Awake();
    private interval: number | undefined;
    private shownIndex = -1;
    private readonly onVisibility = () => this.visibilityChanged();
    // On the document: a tap on the clock or a button that hides leaves the focus on the body.
    private readonly onKey = (event: KeyboardEvent) => this.key(event);

    constructor(private readonly steps: readonly TimelineStep[], title: string, private readonly truncated: boolean, private readonly opener: HTMLElement) {
        this.clock = new TimerClock(steps);
        this.elements = buildElements(title);
        this.wire();
    }

    open(): void {
        document.body.append(this.elements.root);
        document.body.classList.add('timer-open');
        document.addEventListener('visibilitychange', this.onVisibility);
        document.addEventListener('keydown', this.onKey);
        this.sound.unlock();
        this.handle(this.clock.start(Date.now()));
        this.interval = window.setInterval(() => this.handle(this.clock.tick(Date.now())), TICK_MS);
        this.elements.pause.focus();
    }

    close(): void {
        window.clearInterval(this.interval);
        this.awake.release();
        document.removeEventListener('visibilitychange', this.onVisibility);
        document.removeEventListener('keydown', this.onKey);
        this.elements.root.remove();
        document.body.classList.remove('timer-open');
        if (current === this) {
            current = undefined;
        }
        this.opener.focus();
    }

    private wire(): void {
        const { back, pause, skip, rounds, sound, close } = this.elements;
        back.addEventListener('click', () => this.handle(this.clock.back(Date.now())));
        skip.addEventListener('click', () => this.handle(this.clock.next(Date.now())));
        pause.addEventListener('click', () => {
            this.sound.unlock();
            this.handle(this.clock.toggle(Date.now()));
        });
        rounds.addEventListener('click', () => this.addRound());
        sound.addEventListener('click', () => {
            this.sound.enabled = !this.sound.enabled;
            this.sound.unlock();
            sound.textContent = this.sound.enabled ? 'Sound on' : 'Sound off';
            sound.setAttribute('aria-pressed', String(this.sound.enabled));
        });
        close.addEventListener('click', () => this.close());
    }

    private addRound(): void {
        this.clock.addRound();
        this.sound.play('round');
        this.draw();
    }

    private key(event: KeyboardEvent): void {
        const onButton = event.target instanceof HTMLButtonElement;
        const now = Date.now();
        switch (event.key) {
            case 'Escape':
                this.close();
                break;
            case ' ':
                if (onButton) {
                    return;
                }
                this.handle(this.clock.toggle(now));
                break;
            case 'ArrowRight':
                this.handle(this.clock.next(now));
                break;
            case 'ArrowLeft':
                this.handle(this.clock.back(now));
                break;
            case '+':
                this.addRound();
                break;
            case 'Tab':
                this.keepFocusInside(event);
                return;
            default:
                return;
        }
        event.preventDefault();
    }

    /** A modal dialog: Tab cycles through its own buttons. */
    private keepFocusInside(event: KeyboardEvent): void {
        const buttons = Array.from(this.elements.root.querySelectorAll<HTMLButtonElement>('button')).filter(candidate => !candidate.hidden);
        const first = buttons[0];
        const last = buttons[buttons.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            last?.focus();
            event.preventDefault();
        } else if (!event.shiftKey && document.activeElement === last) {
            first?.focus();
            event.preventDefault();
        }
    }

    private visibilityChanged(): void {
        if (document.visibilityState === 'visible') {
            this.handle(this.clock.tick(Date.now()));
        }
    }

    private handle(events: ClockEvent[]): void {
        // After a long time in the background several steps may have passed: one cue, the last.
        const last = events[events.length - 1];
        if (last?.type === 'finish') {
            this.sound.play('finish');
        } else if (last?.type === 'step') {
            const step = this.steps[last.index];
            this.sound.play(step.kind === 'work' ? 'work' : step.kind);
        } else if (last?.type === 'count') {
            this.sound.play('count');
        }
        if (this.clock.isRunning) {
            this.awake.hold();
        } else {
            this.awake.release();
        }
        this.draw();
    }

    private draw(): void {
        const view = this.clock.view();
        const e = this.elements;
        e.root.dataset.state = view.finished ? 'finished' : view.running ? 'running' : 'paused';
        e.pause.textContent = view.running ? 'Pause' : 'Resume';
        e.pause.hidden = view.finished;
        e.skip.hidden = view.finished;
        if (view.finished) {
            this.drawSummary(view.totalSeconds);
            if (!this.elements.root.contains(document.activeElement) || (document.activeElement as HTMLElement).hidden) {
                e.close.focus();
            }
            return;
        }
        e.summary.hidden = true;
        const step = view.step;
        if (!step) {
            return;
        }
        e.clock.textContent = formatClock(view.clockSeconds);
        if (view.progress === undefined) {
            e.progress.removeAttribute('value');
            e.progress.hidden = true;
        } else {
            e.progress.hidden = false;
            e.progress.value = view.progress;
        }
        e.rounds.hidden = step.play !== 'amrap';
        e.roundCount.textContent = `${view.rounds} round${view.rounds === 1 ? '' : 's'}`;
        if (view.index !== this.shownIndex) {
            this.shownIndex = view.index;
            this.drawStep(step, view.next, view.index);
        }
    }

    private drawStep(step: TimelineStep, next: TimelineStep | undefined, index: number): void {
        const e = this.elements;
        e.root.dataset.kind = step.kind;
        e.root.dataset.play = step.play ?? '';
        e.count.textContent = `${index + 1} / ${this.steps.length}`;
        setText(e.context, step.context.join(' · '));
        e.kind.textContent = kindWord(step);
        setText(e.side, step.side ? (step.label === 'Switch sides' ? `Next: ${describeStepSide(step.side).toLowerCase()}` : describeStepSide(step.side)) : undefined);
        // "Rest" and "Switch sides" are said by the word above the clock already.
        setText(e.label, step.kind === 'transition' || step.label === kindWord(step) ? undefined : step.label);
        setText(e.amount, step.kind === 'work' ? step.amount : undefined);
        setText(e.details, step.details?.join(' · '));
        setText(e.note, step.note);
        e.moves.replaceChildren(...(step.moves ?? []).map(move => make('li', 'timer-move', move)));
        e.moves.hidden = (step.moves ?? []).length === 0 || (step.moves?.length === 1 && step.play === 'emom' && step.label !== 'Work');
        setText(e.next, next ? `Next: ${stepLine(next)}` : 'Last step');
        // An open step ends when the athlete says so; a timed one can be skipped.
        e.skip.textContent = step.durationSeconds === undefined || step.play === 'for-time' ? 'Done' : 'Skip';
    }

    private drawSummary(totalSeconds: number): void {
        const e = this.elements;
        e.root.dataset.kind = 'finish';
        e.root.dataset.play = '';
        e.kind.textContent = 'Done';
        e.clock.textContent = formatClock(totalSeconds);
        e.progress.hidden = true;
        e.rounds.hidden = true;
        e.moves.hidden = true;
        for (const element of [e.context, e.side, e.amount, e.details, e.note]) {
            setText(element, undefined);
        }
        setText(e.label, 'Workout done');
        setText(e.next, undefined);
        const lines = this.clock.results().map(result => resultLine(this.steps[result.index], result));
        if (this.truncated) {
            lines.push(`The timer played the first ${this.steps.length} steps; the rest of the workout is on the page.`);
        }
        const list = make('ul', 'timer-results');
        list.append(...lines.map(line => make('li', 'timer-result', line)));
        e.summary.replaceChildren(list);
        e.summary.hidden = lines.length === 0;
        this.shownIndex = -1;
    }
}

function resultLine(step: TimelineStep, result: StepResult): string {
    if (result.rounds !== undefined) {
        return `${step.label}: ${result.rounds} round${result.rounds === 1 ? '' : 's'}`;
    }
    return `${step.label}: ${result.capped ? 'the cap ran out' : formatClock(result.seconds ?? 0)}`;
}

let current: Player | undefined;

/** The steps of the workout a Play button belongs to, checked; undefined when there are none. */
function readTimeline(play: Element): { steps: TimelineStep[]; truncated: boolean; title: string } | undefined {
    const data = play.closest('article')?.querySelector(`script.${TIMER_HOOKS.data}`);
    if (!data || data.getAttribute('type') !== 'application/json') {
        return undefined;
    }
    let value: unknown;
    try {
        value = JSON.parse(data.textContent ?? '');
    } catch {
        return undefined;
    }
    const timeline = timelineOf(value);
    if (!timeline || timeline.steps.length === 0) {
        return undefined;
    }
    const title = play.closest('article')?.querySelector('.page-title')?.textContent ?? 'Workout';
    return { steps: timeline.steps, truncated: timeline.truncated === true, title };
}

/** Wires every Play button of the page, now and after the preview swaps its content. */
function installTimer(): void {
    document.addEventListener('click', event => {
        const play = event.target instanceof Element ? event.target.closest(`[${TIMER_HOOKS.play}]`) : null;
        if (!(play instanceof HTMLElement)) {
            return;
        }
        event.preventDefault();
        const timeline = readTimeline(play);
        if (!timeline) {
            return;
        }
        current?.close();
        current = new Player(timeline.steps, timeline.title, timeline.truncated, play);
        current.open();
    });
}

installTimer();
