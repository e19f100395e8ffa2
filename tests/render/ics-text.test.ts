/**
 * User text in the calendar: whatever a plan, week, workout or note is called, a real
 * iCalendar parser (ical.js) reads the same words back, in the order they were written: bidi
 * controls (which once went straight through), NUL and the other controls are dropped, every
 * kind of line break is an escaped newline, and RFC 5545's escaping and 75-octet folding hold.
 */
import ICAL from 'ical.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanModel } from '../../src/core/session-model.js';
import { escapeText, renderPlansIcs } from '../../src/render/ics.js';
import { compileFolder, HOSTILE_DIR, userTextOf } from './corpus.js';

const START = { year: 2027, month: 1, day: 4 };
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30, 0));
// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** What a calendar shows of a text: its line breaks as newlines, without controls or bidi characters. */
function readBack(text: string): string {
    return text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\n').replace(DROPPED, '');
}

function planWith(text: string): PlanModel {
    const entry = { type: 'entry' as const, exercise: 'easy-run', name: 'Easy Run', known: true, sets: 1, seconds: { min: 1800, max: 1800 }, side: 'both' as const, note: text, line: 3, estimatedSeconds: 1800 };
    return {
        id: 'p', name: text, line: 1, level: 'beginner', progressionPercent: 10, sessionsPerWeek: { min: 1, max: 2 }, workouts: [],
        weeks: [{
            week: 1, title: text, line: 2, strengthSessions: 1, strengthSeconds: 600, strengthSets: 3, muscles: {}, runSeconds: 1800, restDays: 5, breaksProgression: false,
            days: [{ day: 'monday', dayOfWeek: 1, line: 3, rest: false, items: [
                { type: 'workout', ref: 'w', name: text, resolved: true, strength: true, cardio: false, longRun: false, estimatedSeconds: 600, sets: 3, line: 3 },
                { type: 'run', ref: 'easy-run', name: 'Easy Run', resolved: true, strength: false, cardio: true, longRun: false, estimatedSeconds: 1800, sets: 0, line: 3, entry }
            ] }]
        }]
    };
}

/** The calendar of a plan holding `text` everywhere, checked as importers check it; its events. */
function calendarWith(text: string) {
    const ics = renderPlansIcs([planWith(text)], { start: START, now: NOW });
    expect(ics).not.toMatch(BIDI);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0085\u2028\u2029\u0000]/);
    for (const line of ics.split('\r\n').slice(0, -1)) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    const calendar = new ICAL.Component(ICAL.parse(ics));
    // ical.js leaves an X- property's value as written: unescape it by RFC 5545's TEXT rules.
    const calendarName = String(calendar.getFirstPropertyValue('x-wr-calname'));
    expect(calendarName.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char))).toBe(readBack(text));
    return calendar.getAllSubcomponents('vevent').map(component => new ICAL.Event(component));
}

function expectReadBack(text: string): void {
    const [workout, run] = calendarWith(text);
    const shown = readBack(text);
    expect(workout.summary).toBe(shown);
    expect(workout.description.startsWith(`${shown}, week 1: ${shown}`)).toBe(true);
    expect(run.description).toContain(`After: ${shown}`);
    expect(run.description.endsWith(`30min Easy Run\n${shown}`.trimEnd())).toBe(true);
}

let corpus: string[] = [];

beforeAll(async () => {
    corpus = (await compileFolder(HOSTILE_DIR)).flatMap(file => userTextOf(file.session));
});

describe('user text in the calendar', () => {
    it('drops bidi controls, marks and isolates, and C0 and C1 controls', () => {
        expect(escapeText('a\u202Eb\u202Cc\u2066d\u2069e\u200Ef\u200Fg\u061Ch\u0000i\u001Bj\u009Bk')).toBe('abcdefghijk');
        expectReadBack('Leg day \u202Eyad gel\u202C and \u2067isolated\u2069');
    });

    it('turns every kind of line break into an escaped newline', () => {
        expect(escapeText('a\rb\r\nc\nd\u2028e\u2029f\u0085g')).toBe('a\\nb\\nc\\nd\\ne\\nf\\ng');
        expectReadBack('first line\rBEGIN:VEVENT\r\nSUMMARY:injected\u2028END:VEVENT');
    });

    it('reads back every text of the hostile corpus', () => {
        expect(corpus.length).toBeGreaterThan(30);
        for (const text of corpus) {
            expectReadBack(text);
        }
    });

    it('reads back any text at all, the dangerous pieces over-represented', () => {
        const pieces = fc.constantFrom('\r', '\n', '\r\n', '\u2028', '\u0085', '\u0000', '\u202E', '\u2066', '\u200F', '\u061C', ',', ';', ':',
            '\\', '\\n', '\\,', 'BEGIN:VEVENT', 'END:VCALENDAR', '"', ' ', 'é', '💪', '漢', 'a'.repeat(80));
        const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(pieces, { maxLength: 16 }).map(parts => parts.join('')));
        fc.assert(fc.property(anyText.filter(text => readBack(text).trim() !== '' && readBack(text) === readBack(text).trim()), expectReadBack), { numRuns: 300 });
    });
});
