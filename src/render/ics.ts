/**
 * A plan as an iCalendar file (RFC 5545) that Google Calendar, Apple Calendar and Outlook
 * import: one event per run and per workout, on the dates the plan gives them from the Monday
 * of its first week. Times are floating local times (no time zone: 7:00 is 7:00 wherever the
 * athlete is), and a day's sessions follow each other in the plan's order, so the run comes
 * first and the event lasts as long as the session's estimate.
 *
 * The plans are made sane first (src/render/sane-model.ts): whatever numbers they hold, every
 * date is a real one between the years 1 and 9999 (an event that would fall outside is left
 * out), an event lasts at most a day, and text values carry no control or bidi characters.
 */
import { formatSeconds } from '../core/quantities.js';
import type { ItemModel, PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel, WorkoutModel } from '../core/session-model.js';
import { describeEntry, describeRest, describeWhole } from '../core/describe.js';
import { DRAW_LIMITS, headingOf, saneCount, saneSession, saneWhole } from './sane-model.js';

export interface CalendarDate {
    year: number;
    month: number;
    day: number;
}

export interface IcsOptions {
    /** The Monday of the plan's first week. */
    start: CalendarDate;
    /** DTSTAMP: when the calendar was made. */
    now?: Date;
    /** Local time of a day's first session, in minutes after midnight (7:00 by default). */
    dayStartMinutes?: number;
}

export const DEFAULT_DAY_START_MINUTES = 7 * 60;
/** Local time of a day's first `pm` session (`monday pm:`): 18:00. */
export const EVENING_START_MINUTES = 18 * 60;
/** Shortest event: a calendar shows a sliver for anything less. */
const MIN_EVENT_MINUTES = 5;
/** Longest event: an estimate of days is a typo, and a calendar cannot show it anyway. */
const MAX_EVENT_MINUTES = 24 * 60;
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

/** Why a text is not the Monday a calendar can start on; the caller words it for its users. */
export type MondayProblem =
    /** Not written YYYY-MM-DD. */
    | { problem: 'not-a-date' }
    /** Written as a date, but no such day (2027-02-30). */
    | { problem: 'not-in-calendar' }
    /** A real day, not a Monday: its weekday in English, and the Monday of its week. */
    | { problem: 'not-a-monday'; weekday: string; monday: CalendarDate };

/**
 * `2027-01-04` as a date, or what is wrong with it: the start must be a real date and a
 * Monday, because week days are counted from it.
 */
export function parseMonday(text: string): CalendarDate | MondayProblem {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
    if (!match) {
        return { problem: 'not-a-date' };
    }
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return { problem: 'not-in-calendar' };
    }
    if (date.getUTCDay() !== 1) {
        const weekday = date.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
        return { problem: 'not-a-monday', weekday, monday: addDays({ year, month, day }, -((date.getUTCDay() + 6) % 7)) };
    }
    return { year, month, day };
}

function addDays(date: CalendarDate, days: number): CalendarDate {
    const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
    return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2027-01-04`. */
export function isoDate(date: CalendarDate): string {
    return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** A DATE-TIME holds a four-digit year: a date outside 1–9999 (or no date at all) cannot be written. */
function writable(date: CalendarDate): boolean {
    return Number.isInteger(date.year) && date.year >= 1 && date.year <= 9999;
}

/** A floating local date-time: `20270104T070000`. */
function localDateTime(date: CalendarDate, minutes: number): string {
    const shifted = addDays(date, Math.floor(minutes / 1440));
    const inDay = minutes % 1440;
    return `${pad(shifted.year, 4)}${pad(shifted.month)}${pad(shifted.day)}T${pad(Math.floor(inDay / 60))}${pad(inDay % 60)}00`;
}

function utcStamp(date: Date): string {
    return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

// ---- RFC 5545 text ----------------------------------------------------------------------------

/**
 * TEXT values: backslash, semicolon, comma and newlines escaped (CR, LF, CRLF, NEL and the
 * Unicode line and paragraph separators are all line breaks); other C0 and C1 controls dropped,
 * and the bidi marks, embeddings, overrides and isolates (U+200E/F, U+061C, U+202A–202E,
 * U+2066–2069) too, so a calendar shows the words in the order they were written.
 */
export function escapeText(text: string): string {
    return String(text ?? '')
        .replace(/\\/g, '\\\\')
        .replace(/;/g, '\\;')
        .replace(/,/g, '\\,')
        .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

function utf8Octets(codePoint: number): number {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Content lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8
 * character. The space of a continuation line counts toward its 75.
 */
export function foldLine(line: string): string {
    const parts: string[] = [];
    let current = '';
    let octets = 0;
    // An escape (`\,`, `\n`) stays on one line: some importers do not unfold inside one.
    for (const char of line.match(/\\.|[\s\S]/gu) ?? []) {
        const size = [...char].reduce((sum, one) => sum + utf8Octets(one.codePointAt(0)!), 0);
        const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
        if (octets + size > limit) {
            parts.push(current);
            current = '';
            octets = 0;
        }
        current += char;
        octets += size;
    }
    parts.push(current);
    return parts.join(`${CRLF} `);
}

function property(name: string, value: string): string {
    return foldLine(`${name}:${value}`);
}

/** UIDs from the plan, the start and the slot: importing the same file again updates, not duplicates. */
function uidPart(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';
}

// ---- event content ----------------------------------------------------------------------------

function describeItems(items: ItemModel[], depth: number, lines: string[]): void {
    const indent = '  '.repeat(depth);
    for (const item of items) {
        if (item.type === 'entry') {
            lines.push(`${indent}- ${describeEntry(item)}${item.note ? ` (${item.note})` : ''}`);
        } else if (item.type === 'rest') {
            lines.push(`${indent}- ${describeRest(item)}`);
        } else {
            lines.push(`${indent}${headingOf(item)}${item.note ? ` (${item.note})` : ''}`);
            describeItems(item.entries, depth + 1, lines);
        }
    }
}

export function describeWorkout(workout: WorkoutModel): string[] {
    const lines: string[] = describeWhole(workout) ? [describeWhole(workout)] : [];
    for (const block of workout.blocks) {
        lines.push(`${headingOf(block)} (${formatSeconds(block.estimatedSeconds)})${block.note ? ` (${block.note})` : ''}`);
        describeItems(block.entries, 1, lines);
    }
    const muscles = Object.entries(workout.muscles).sort(([, a], [, b]) => b - a);
    if (muscles.length > 0) {
        lines.push('', `Sets per muscle group: ${muscles.map(([muscle, sets]) => `${muscle} ${sets}`).join(', ')}`);
    }
    if (workout.equipment.length > 0) {
        lines.push(`Equipment: ${workout.equipment.join(', ')}`);
    }
    return lines;
}

function itemTitle(item: PlanItemModel): string {
    return item.entry ? describeEntry(item.entry) : item.name;
}

function weekLabel(plan: PlanModel, week: PlanWeekModel): string {
    return `${plan.name}, week ${week.week}${week.title ? `: ${week.title}` : ''}`;
}

/**
 * The sessions `items[start, end)` by name, at most `DRAW_LIMITS.eventNeighbours` of them, the
 * nearest to the event (at the end of the run before it, at the start of the run after it).
 */
function namedSessions(items: PlanItemModel[], start: number, end: number, before: boolean): string {
    const shown = before ? items.slice(Math.max(start, end - DRAW_LIMITS.eventNeighbours), end) : items.slice(start, Math.min(end, start + DRAW_LIMITS.eventNeighbours));
    const more = end - start - shown.length;
    const names = shown.map(itemTitle).join('; ');
    return more === 0 ? names : before ? `${more} more; ${names}` : `${names}; ${more} more`;
}

/** The description's lines, at most `DRAW_LIMITS.eventLines`: a calendar holds one per session, each with its workout. */
function capped(lines: string[]): string[] {
    return lines.length <= DRAW_LIMITS.eventLines ? lines
        : [...lines.slice(0, DRAW_LIMITS.eventLines - 1), `… and ${lines.length - DRAW_LIMITS.eventLines + 1} more lines: see the plan`];
}

/** A workout's name and description by id, each worked out once: every event of the workout repeats them. */
function workoutDescriptions(plan: PlanModel): (id: string) => string[] | undefined {
    const workouts = new Map(plan.workouts.map(workout => [workout.id, workout]));
    const described = new Map<string, string[]>();
    return id => {
        const workout = workouts.get(id);
        if (workout && !described.has(id)) {
            described.set(id, capped([workout.name, ...describeWorkout(workout)]));
        }
        return described.get(id);
    };
}

function eventDescription(plan: PlanModel, week: PlanWeekModel, day: PlanDayModel, index: number, workoutLines: (id: string) => string[] | undefined): string {
    const item = day.items[index];
    const lines = [weekLabel(plan, week)];
    if (index > 0) {
        lines.push(`After: ${namedSessions(day.items, 0, index, true)}`);
    }
    if (index < day.items.length - 1) {
        lines.push(`Then: ${namedSessions(day.items, index + 1, day.items.length, false)}`);
    }
    lines.push(`About ${formatSeconds(saneCount(Math.max(60, Math.round(item.estimatedSeconds / 60) * 60)))}`, '');
    const workout = item.type === 'workout' ? workoutLines(item.ref) : undefined;
    if (workout) {
        lines.push(...workout);
    } else {
        lines.push(itemTitle(item));
        if (item.entry?.note) {
            lines.push(item.entry.note);
        }
    }
    return capped(lines).join('\n').trimEnd();
}

function category(item: PlanItemModel): string {
    return item.strength ? 'Strength' : item.cardio ? 'Run' : 'Training';
}

/**
 * When each date's morning and evening are free again, across every plan of the calendar: the
 * morning's sessions follow each other from the day's start, the evening's (`pm`) from 18:00, so
 * no two events start at the same time.
 */
type DayClock = Map<string, { morning: number; evening: number }>;

function nextStart(clock: DayClock, date: CalendarDate, item: PlanItemModel, length: number, dayStart: number): number {
    const free = clock.get(isoDate(date)) ?? { morning: dayStart, evening: Math.max(EVENING_START_MINUTES, dayStart) };
    // A morning that runs into the evening goes on after the evening's sessions.
    const evening = item.slot === 'pm' || free.morning >= EVENING_START_MINUTES;
    const start = evening ? Math.max(free.morning, free.evening) : free.morning;
    clock.set(isoDate(date), evening ? { morning: Math.max(free.morning, start + length), evening: start + length } : { ...free, morning: start + length });
    return start;
}

function planEvents(plan: PlanModel, options: Required<IcsOptions>, stamp: string, clock: DayClock): string[] {
    const lines: string[] = [];
    const workoutLines = workoutDescriptions(plan);
    const firstWeek = plan.weeks[0]?.week ?? 1;
    for (const week of plan.weeks) {
        for (const day of week.days) {
            const date = addDays(options.start, (week.week - firstWeek) * 7 + day.dayOfWeek - 1);
            day.items.forEach((item, index) => {
                const length = Math.min(MAX_EVENT_MINUTES, Math.max(MIN_EVENT_MINUTES, Math.ceil(item.estimatedSeconds / 60)));
                const minute = nextStart(clock, date, item, length, options.dayStartMinutes);
                const summary = item.type === 'workout' ? item.name : itemTitle(item);
                const starts = addDays(date, Math.floor(minute / 1440));
                const ends = addDays(date, Math.floor((minute + length) / 1440));
                if (!writable(starts) || !writable(ends)) {
                    return;
                }
                lines.push(
                    'BEGIN:VEVENT',
                    property('UID', `${uidPart(plan.id)}-${isoDate(options.start)}-w${week.week}-${uidPart(day.day)}-${index + 1}@workout`),
                    property('DTSTAMP', stamp),
                    property('DTSTART', localDateTime(date, minute)),
                    property('DTEND', localDateTime(date, minute + length)),
                    property('SUMMARY', escapeText(summary)),
                    property('DESCRIPTION', escapeText(eventDescription(plan, week, day, index, workoutLines))),
                    property('CATEGORIES', escapeText(category(item))),
                    'TRANSP:OPAQUE',
                    'END:VEVENT'
                );
            });
        }
    }
    return lines;
}

/** The calendar of one or more plans, CRLF line ends included. */
export function renderPlansIcs(models: PlanModel[], options: IcsOptions): string {
    const { plans } = saneSession({ plans: models });
    const now = options.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now : new Date();
    const settings: Required<IcsOptions> = {
        start: { year: saneWhole(options.start?.year), month: saneWhole(options.start?.month), day: saneWhole(options.start?.day) },
        now,
        dayStartMinutes: Math.min(saneWhole(options.dayStartMinutes ?? DEFAULT_DAY_START_MINUTES), 1439)
    };
    const stamp = utcStamp(settings.now);
    const clock: DayClock = new Map();
    const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//workout//training plan//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        property('X-WR-CALNAME', escapeText(plans.map(plan => plan.name).join(', '))),
        ...plans.flatMap(plan => planEvents(plan, settings, stamp, clock)),
        'END:VCALENDAR'
    ];
    return lines.join(CRLF) + CRLF;
}
