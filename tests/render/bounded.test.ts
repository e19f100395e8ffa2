/**
 * Every renderer is bounded whatever numbers the model holds: `intervals 10000000 x …` once made
 * the HTML export run out of memory, drawing one rectangle per interval. Now the output follows
 * the number of items in the model, never the values in it; it is written quickly; and no
 * number that is not one (NaN, Infinity, a missing field) reaches a reader as a word.
 */
import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSessions } from '../../src/core/diff.js';
import type { SessionModel } from '../../src/core/session-model.js';
import { AMOUNT_LIMITS } from '../../src/core/quantities.js';
import { renderDiffText } from '../../src/render/diff.js';
import { renderSessionBody, renderSessionHtml } from '../../src/render/html.js';
import { renderPlansIcs } from '../../src/render/ics.js';
import { renderSessionMarkdown } from '../../src/render/markdown.js';
import { DRAW_LIMITS, MAX_DEPTH, saneSession } from '../../src/render/sane-model.js';
import { checkText, compileDocument } from '../helpers.js';
import { count, readTags } from './markup.js';
import { deeplyNested, NOT_A_NUMBER_WORDS, oddSession, tenMillionIntervals, withPlainNumbers } from './odd-models.js';

const START = { year: 2027, month: 1, day: 4 };
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30, 0));

/**
 * Every rendering of a session, by name. The diff is worded from src/core's diff of two sane
 * models: that is the renderer's part (src/core's diff expects what the compiler writes).
 */
function renderings(session: SessionModel): Record<string, string> {
    const none = saneSession({});
    return {
        html: renderSessionBody(session),
        markdown: renderSessionMarkdown(session),
        ics: renderPlansIcs(session.plans, { start: START, now: NOW }),
        diff: renderDiffText(diffSessions(none, saneSession(session))) + renderDiffText(diffSessions(saneSession(session), none))
    };
}

/** Times one call; the result with its milliseconds. */
function timed<T>(run: () => T): { result: T; ms: number } {
    const started = performance.now();
    const result = run();
    return { result, ms: performance.now() - started };
}

describe('ten million intervals', () => {
    it('export to a page of a few kilobytes, quickly, with a summarised timeline', () => {
        const { result: html, ms } = timed(() => renderSessionHtml(tenMillionIntervals(), { mode: 'export' }));
        expect(ms).toBeLessThan(2000);
        expect(html.length).toBeLessThan(60_000);
        const timeline = html.match(/<svg class="timeline[^]*?<\/svg>/)?.[0] ?? '';
        expect(timeline).toContain('class="timeline compressed"');
        expect(count(timeline, /class="work"/g)).toBeLessThanOrEqual(DRAW_LIMITS.timelineIntervals);
        expect(html).toContain('<span>× 10,000,000</span>');
        expect(html).toContain('<h2 class="card-title">10,000,000 × 20s on / 10s off</h2>');
        expect(html).toContain('aria-label="10,000,000 intervals of 20s work and 10s rest, the first and last 19 drawn"');
        expect(readTags(html).problems).toEqual([]);
    });

    it('from the text are an error, and the model keeps the limit, so the page stays small', async () => {
        const document = await checkText('intervals 10000000 x 20s on 10s off < 10 burpees >\n', 'big.workout');
        const codes = (document.diagnostics ?? []).map(diagnostic => diagnostic.code);
        expect(codes).toContain('amount-out-of-range');
        const session = compileDocument(document.parseResult.value, 'big');
        expect(session.workouts[0].blocks[0].rounds).toBe(AMOUNT_LIMITS.rounds);
        const { result, ms } = timed(() => renderings(session));
        expect(ms).toBeLessThan(2000);
        for (const [format, text] of Object.entries(result)) {
            expect(text.length, format).toBeLessThan(30_000);
        }
        expect(result.html).toContain('× 1,000');
        expect(result.markdown).toContain('1000 × 20s on / 10s off');
    });

    it('still draws a short block interval by interval', () => {
        const session = tenMillionIntervals();
        session.workouts[0].blocks[0].rounds = DRAW_LIMITS.timelineIntervals;
        const html = renderSessionBody(session);
        expect(html).not.toContain('compressed');
        expect(count(html, /class="work"/g)).toBe(DRAW_LIMITS.timelineIntervals);
    });
});

describe('models with odd numbers', () => {
    it('render in every format with no NaN, Infinity, undefined or null for a reader', () => {
        fc.assert(fc.property(oddSession, session => {
            for (const [format, text] of Object.entries(renderings(session))) {
                expect(text.match(NOT_A_NUMBER_WORDS)?.[0], `${format}:\n${text}`).toBeUndefined();
            }
            expect(readTags(renderSessionHtml(session, { mode: 'export' })).problems).toEqual([]);
        }), { numRuns: 150 });
    });

    it('render no bigger than the same model with plain numbers, and quickly', () => {
        fc.assert(fc.property(oddSession, session => {
            const { result: odd, ms } = timed(() => renderings(session));
            const plain = renderings(withPlainNumbers(session));
            expect(ms).toBeLessThan(2000);
            for (const format of Object.keys(odd)) {
                // Digits may grow ("9,007,199,254,740,991" for "1"), and a page carries a few more
                // pieces for a non-zero number (a timeline, a tick box): never more than that.
                expect(odd[format].length, format).toBeLessThanOrEqual(2 * plain[format].length + 4000);
                // A dozen items: a few dozen kilobytes at most, whatever their numbers.
                expect(odd[format].length, format).toBeLessThan(150_000);
            }
        }), { numRuns: 100 });
    });

    it('give a calendar that a real parser reads, every date a real one', () => {
        fc.assert(fc.property(oddSession, session => {
            const ics = renderPlansIcs(session.plans, { start: START, now: NOW });
            const calendar = new ICAL.Component(ICAL.parse(ics));
            for (const event of calendar.getAllSubcomponents('vevent').map(component => new ICAL.Event(component))) {
                expect(event.startDate.year).toBeGreaterThanOrEqual(1);
                expect(event.startDate.year).toBeLessThanOrEqual(9999);
                expect(event.endDate.compare(event.startDate)).toBeGreaterThanOrEqual(0);
                expect(event.endDate.subtractDate(event.startDate).toSeconds()).toBeLessThanOrEqual(24 * 3600);
            }
        }), { numRuns: 100 });
    });

    it('tolerate a model that is not one at all', () => {
        for (const junk of [null, undefined, 42, 'text', [], {}, { workouts: 'x', plans: {} }, { workouts: [null, 1, 'w'], plans: [7, null] }]) {
            const session = junk as unknown as SessionModel;
            expect(renderSessionHtml(session, { mode: 'export' })).toContain('Nothing to show yet');
            expect(renderSessionMarkdown(session)).toBe('');
            expect(renderPlansIcs(session?.plans, { start: START, now: NOW })).not.toContain('VEVENT');
        }
        const shapeless = { workouts: [{ blocks: 'x', muscles: [3], equipment: [null, 4] }], plans: [{ weeks: [{ days: [{ items: [{}] }] }] }] } as unknown as SessionModel;
        for (const [format, text] of Object.entries(renderings(shapeless))) {
            expect(text.match(NOT_A_NUMBER_WORDS)?.[0], `${format}:\n${text}`).toBeUndefined();
        }
    });
});

describe('item counts the pictures stay within', () => {
    it('a workout of many blocks: the strip and the time chart have a bounded number of pieces', () => {
        const [workout] = tenMillionIntervals().workouts;
        const blocks = Array.from({ length: 300 }, (_, index) => ({ ...workout.blocks[0], rounds: 4, line: index + 1, estimatedSeconds: 120 }));
        const html = renderSessionBody({ workouts: [{ ...workout, blocks, muscles: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`muscle${i}`, i + 1])) }], plans: [] });
        const strip = html.match(/<svg class="strip"[^]*?<\/svg>/)?.[0] ?? '';
        expect(count(strip, /<rect /g)).toBe(DRAW_LIMITS.stripBlocks);
        expect(strip).toContain('261 more blocks: 8h 42min');
        const charts = html.match(/<svg class="chart bar-chart"[^]*?<\/svg>/g) ?? [];
        expect(charts).toHaveLength(2);
        for (const chart of charts) {
            expect(count(chart, /<g class="row">/g)).toBe(DRAW_LIMITS.barRows);
        }
        expect(charts[0]).toContain('285 more');
        expect(charts[1]).toContain('45 more');
    });

    it('blocks nested twenty thousand deep draw without overflowing, every entry kept', () => {
        const depth = 20_000;
        const { result, ms } = timed(() => renderings(deeplyNested(depth)));
        // Linear: a few seconds at most for 20,000 entries, even on a busy machine.
        expect(ms).toBeLessThan(20_000);
        expect(count(result.html, /<section class="card/g)).toBe(MAX_DEPTH);
        expect(count(result.html, /<li class="entry"/g)).toBe(depth);
        expect(count(result.markdown, /Squats/g)).toBe(depth);
    });

    it('a plan of many weeks: the weekly chart draws a bounded number of bars and says so', () => {
        const weeks = Array.from({ length: 200 }, (_, index) => ({
            week: index + 1, line: index + 2, days: [], strengthSessions: 1, strengthSeconds: 600 + index, strengthSets: 3, muscles: {},
            runSeconds: 0, restDays: 7, breaksProgression: true
        }));
        const html = renderSessionBody({ workouts: [], plans: [{ id: 'p', name: 'Long plan', line: 1, level: 'beginner', progressionPercent: 10, sessionsPerWeek: { min: 1, max: 2 }, weeks, workouts: [] }] });
        const chart = html.match(/<svg class="chart week-chart"[^]*?<\/svg>/)?.[0] ?? '';
        expect(count(chart, /<g class="week">/g)).toBe(DRAW_LIMITS.weekBars);
        expect(html).toContain(`the first ${DRAW_LIMITS.weekBars} of 200 weeks drawn`);
        expect(html).toContain('W12, 188 more weeks');
    });
});
