/**
 * The follow-along timer's clock: which step is playing, how long it has run, and what happens
 * as time passes (the next step starts, the last three seconds are counted, the workout ends).
 * No DOM and no timers of its own: the page (src/webview/timer.ts) calls `tick(now)` with the
 * time and plays the events it gets back as sound, vibration and text.
 *
 * Time is measured between calls, not counted in ticks: a tab the browser throttles in the
 * background still ends an EMOM's minute on the minute, and a timed step's overrun carries
 * into the next one.
 */
import type { TimelineStep } from '../core/timeline.js';

export type ClockEvent =
    /** A step began: by itself, by skip, back or done. */
    | { type: 'step'; index: number }
    /** Three, two, one seconds left of a timed step. */
    | { type: 'count'; secondsLeft: number }
    /** Past the last step. */
    | { type: 'finish' };

/** What an AMRAP or a for-time came to: rounds counted, or the time taken (`capped` when the cap ran out). */
export interface StepResult {
    index: number;
    rounds?: number;
    seconds?: number;
    capped?: boolean;
}

export interface ClockView {
    index: number;
    step: TimelineStep | undefined;
    next: TimelineStep | undefined;
    running: boolean;
    finished: boolean;
    /** What the big clock shows, in whole seconds: the time left (counting down) or spent (up). */
    clockSeconds: number;
    /** How much of a timed step has passed, 0 to 1; undefined for an open step. */
    progress: number | undefined;
    /** Rounds counted on this step (AMRAP). */
    rounds: number;
    /** Time the clock has run, pauses left out. */
    totalSeconds: number;
}

/** The last seconds of a timed step that are counted out loud. */
const COUNTED = 3;

export class TimerClock {
    private index = 0;
    private elapsedMs = 0;
    private totalMs = 0;
    private running = false;
    private started = false;
    private finished = false;
    private last = 0;
    private readonly rounds = new Map<number, number>();
    private readonly times = new Map<number, { seconds: number; capped: boolean }>();

    constructor(readonly steps: readonly TimelineStep[]) {}

    /** Starts the first step. */
    start(now: number): ClockEvent[] {
        this.started = true;
        this.running = this.steps.length > 0;
        this.last = now;
        return this.moveTo(0);
    }

    get isRunning(): boolean {
        return this.running;
    }

    pause(now: number): ClockEvent[] {
        const events = this.tick(now);
        this.running = false;
        return events;
    }

    resume(now: number): void {
        if (this.started && !this.finished) {
            this.running = true;
            this.last = now;
        }
    }

    toggle(now: number): ClockEvent[] {
        if (this.running) {
            return this.pause(now);
        }
        this.resume(now);
        return [];
    }

    /** Lets the time since the last call pass (none while paused). */
    tick(now: number): ClockEvent[] {
        if (!this.running) {
            return [];
        }
        const delta = Math.max(0, now - this.last);
        this.last = now;
        return this.pass(delta);
    }

    /** The step is done (an open step) or skipped: the next one starts. */
    next(now: number): ClockEvent[] {
        const events = this.tick(now);
        this.record(false);
        return [...events, ...this.moveTo(this.index + 1)];
    }

    /** Back to the start of the step before (or of the first step); after the end, to the last step. */
    back(now: number): ClockEvent[] {
        const events = this.tick(now);
        const target = this.finished ? this.steps.length - 1 : Math.max(0, this.index - 1);
        if (this.finished) {
            this.finished = false;
            this.running = true;
            this.last = now;
        }
        return [...events, ...this.moveTo(target)];
    }

    /** One more round done on an AMRAP step; the count. */
    addRound(): number {
        const step = this.steps[this.index];
        if (!step || step.play !== 'amrap' || this.finished) {
            return this.rounds.get(this.index) ?? 0;
        }
        const count = (this.rounds.get(this.index) ?? 0) + 1;
        this.rounds.set(this.index, count);
        return count;
    }

    /** The rounds of every AMRAP and the time of every for-time played so far, in step order. */
    results(): StepResult[] {
        const indexes = [...new Set([...this.rounds.keys(), ...this.times.keys()])].sort((a, b) => a - b);
        return indexes.map(index => {
            const time = this.times.get(index);
            return {
                index,
                ...(this.rounds.has(index) ? { rounds: this.rounds.get(index) } : {}),
                ...(time ? { seconds: time.seconds, ...(time.capped ? { capped: true } : {}) } : {})
            };
        });
    }

    view(): ClockView {
        const step = this.finished ? undefined : this.steps[this.index];
        const durationMs = step?.durationSeconds !== undefined ? step.durationSeconds * 1000 : undefined;
        const leftMs = durationMs !== undefined ? Math.max(0, durationMs - this.elapsedMs) : undefined;
        const clockSeconds = step?.clock === 'down' && leftMs !== undefined ? Math.ceil(leftMs / 1000) : Math.floor(this.elapsedMs / 1000);
        return {
            index: this.index,
            step,
            next: this.finished ? undefined : this.steps[this.index + 1],
            running: this.running,
            finished: this.finished,
            clockSeconds,
            progress: durationMs ? Math.min(1, this.elapsedMs / durationMs) : undefined,
            rounds: this.rounds.get(this.index) ?? 0,
            totalSeconds: Math.floor(this.totalMs / 1000)
        };
    }

    private pass(deltaMs: number): ClockEvent[] {
        const events: ClockEvent[] = [];
        let delta = deltaMs;
        while (delta > 0 && this.running) {
            const step = this.steps[this.index];
            if (step?.durationSeconds === undefined) {
                this.elapsedMs += delta;
                this.totalMs += delta;
                break;
            }
            const leftMs = step.durationSeconds * 1000 - this.elapsedMs;
            if (delta < leftMs) {
                const before = Math.ceil(leftMs / 1000);
                const after = Math.ceil((leftMs - delta) / 1000);
                this.elapsedMs += delta;
                this.totalMs += delta;
                // One count per call: after a long pause in the background, no burst of beeps.
                if (after < before && after >= 1 && after <= COUNTED && step.durationSeconds > COUNTED) {
                    events.push({ type: 'count', secondsLeft: after });
                }
                break;
            }
            this.elapsedMs += leftMs;
            this.totalMs += leftMs;
            delta -= leftMs;
            this.record(true);
            events.push(...this.moveTo(this.index + 1));
        }
        return events;
    }

    /** Keeps what a for-time came to as it ends: its time, or the cap when time ran out. */
    private record(byItself: boolean): void {
        const step = this.steps[this.index];
        if (step?.play === 'for-time' && !this.finished) {
            this.times.set(this.index, { seconds: Math.floor(this.elapsedMs / 1000), capped: byItself });
        }
    }

    private moveTo(index: number): ClockEvent[] {
        this.elapsedMs = 0;
        if (index >= this.steps.length) {
            this.index = Math.max(0, this.steps.length - 1);
            this.finished = true;
            this.running = false;
            return [{ type: 'finish' }];
        }
        this.index = index;
        return [{ type: 'step', index }];
    }
}

/** `75` → `1:15`, `3725` → `1:02:05`: the big clock. */
export function formatClock(totalSeconds: number): string {
    const seconds = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = String(seconds % 60).padStart(2, '0');
    return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
