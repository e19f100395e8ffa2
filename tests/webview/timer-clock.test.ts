/**
 * The timer's clock (src/webview/timer-clock.ts) without a browser: timed steps end on time and
 * carry their overrun, open steps wait for "done", the last seconds are counted once each,
 * pause stops time, skip and back move, an AMRAP counts rounds and a for-time keeps its time.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineStep } from '../../src/core/timeline.js';
import { formatClock, TimerClock } from '../../src/webview/timer-clock.js';

const timed = (label: string, seconds: number, extra: Partial<TimelineStep> = {}): TimelineStep =>
    ({ kind: 'work', label, durationSeconds: seconds, clock: 'down', context: [], line: 1, ...extra });
const open = (label: string, extra: Partial<TimelineStep> = {}): TimelineStep => ({ kind: 'work', label, clock: 'up', context: [], line: 1, ...extra });

describe('the timer clock', () => {
    it('ends a timed step on time and carries the overrun into the next', () => {
        const clock = new TimerClock([timed('a', 60), timed('b', 60), timed('c', 60)]);
        expect(clock.start(0)).toEqual([{ type: 'step', index: 0 }]);
        // One count per call, however many seconds passed.
        expect(clock.tick(59_000)).toEqual([{ type: 'count', secondsLeft: 1 }]);
        expect(clock.view()).toMatchObject({ index: 0, clockSeconds: 1 });
        expect(clock.tick(60_500)).toEqual([{ type: 'step', index: 1 }]);
        expect(clock.view()).toMatchObject({ index: 1, clockSeconds: 60, progress: 500 / 60_000 });
        // Two minutes at once (a throttled background tab): both steps pass, then the end.
        expect(clock.tick(200_000)).toEqual([{ type: 'step', index: 2 }, { type: 'finish' }]);
        expect(clock.view()).toMatchObject({ finished: true, running: false, step: undefined, totalSeconds: 180 });
    });

    it('counts the last three seconds, once each', () => {
        const clock = new TimerClock([timed('a', 10), timed('b', 10)]);
        clock.start(0);
        const counts: number[] = [];
        for (let now = 200; now <= 9_800; now += 200) {
            counts.push(...clock.tick(now).filter(event => event.type === 'count').map(event => (event as { secondsLeft: number }).secondsLeft));
        }
        expect(counts).toEqual([3, 2, 1]);
    });

    it('waits for "done" on an open step, its clock counting up', () => {
        const clock = new TimerClock([open('squats'), timed('rest', 30, { kind: 'rest' })]);
        clock.start(0);
        expect(clock.tick(600_000)).toEqual([]);
        expect(clock.view()).toMatchObject({ index: 0, clockSeconds: 600, progress: undefined });
        expect(clock.next(601_000)).toEqual([{ type: 'step', index: 1 }]);
        expect(clock.view()).toMatchObject({ index: 1, clockSeconds: 30 });
    });

    it('stops time while paused and goes on from there', () => {
        const clock = new TimerClock([timed('a', 60)]);
        clock.start(0);
        clock.tick(10_000);
        clock.pause(20_000);
        expect(clock.tick(500_000)).toEqual([]);
        expect(clock.view()).toMatchObject({ running: false, clockSeconds: 40 });
        clock.resume(500_000);
        clock.tick(505_000);
        expect(clock.view()).toMatchObject({ running: true, clockSeconds: 35 });
        expect(clock.toggle(506_000)).toEqual([]);
        expect(clock.view().running).toBe(false);
    });

    it('skips forward and back to the start of the step before; back after the end returns to the last step', () => {
        const clock = new TimerClock([timed('a', 60), timed('b', 60)]);
        clock.start(0);
        expect(clock.next(5_000)).toEqual([{ type: 'step', index: 1 }]);
        expect(clock.back(6_000)).toEqual([{ type: 'step', index: 0 }]);
        expect(clock.view()).toMatchObject({ index: 0, clockSeconds: 60 });
        expect(clock.back(7_000)).toEqual([{ type: 'step', index: 0 }]);
        clock.next(8_000);
        expect(clock.next(9_000)).toEqual([{ type: 'finish' }]);
        expect(clock.back(10_000)).toEqual([{ type: 'step', index: 1 }]);
        expect(clock.view()).toMatchObject({ index: 1, finished: false, running: true });
    });

    it('counts the rounds of an AMRAP and keeps the time of a for-time, or that its cap ran out', () => {
        const clock = new TimerClock([
            timed('AMRAP 5min', 300, { play: 'amrap' }),
            timed('For time (cap 2min)', 120, { play: 'for-time', clock: 'up' }),
            timed('For time (cap 1min)', 60, { play: 'for-time', clock: 'up' })
        ]);
        clock.start(0);
        expect(clock.addRound()).toBe(1);
        expect(clock.addRound()).toBe(2);
        expect(clock.view().rounds).toBe(2);
        clock.tick(300_000);
        expect(clock.addRound()).toBe(0);
        clock.tick(375_000);
        expect(clock.view()).toMatchObject({ index: 1, clockSeconds: 75 });
        clock.next(375_000);
        clock.tick(500_000);
        expect(clock.results()).toEqual([{ index: 0, rounds: 2 }, { index: 1, seconds: 75 }, { index: 2, seconds: 60, capped: true }]);
    });

    it('writes the big clock as m:ss or h:mm:ss', () => {
        expect([0, 5, 75, 600, 3725, -3, Number.NaN].map(formatClock)).toEqual(['0:00', '0:05', '1:15', '10:00', '1:02:05', '0:00', '0:00']);
    });
});
