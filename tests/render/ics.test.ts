/**
 * The plan as a calendar: checked by a real iCalendar parser (ical.js) and against the
 * RFC 5545 rules importers trip on (CRLF, 75-octet lines, escaping).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { escapeText, foldLine, parseMonday, renderPlansIcs } from '../../src/render/ics.js';
import { describeEntry } from '../../src/core/describe.js';
import { checkText, compileDocument } from '../helpers.js';
import { compileExamplePlan, EXAMPLES, PLAN_FILE } from '../language/compiler/plan-helpers.js';

const START = { year: 2027, month: 1, day: 4 };
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30, 0));

function eventsOf(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    return calendar.getAllSubcomponents('vevent').map(component => new ICAL.Event(component));
}

function octets(text: string): number {
    return Buffer.byteLength(text, 'utf8');
}

async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: text => out.push(text), err: text => err.push(text) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the example plan as a calendar', () => {
    it('has one event per run and per workout, on the plan\'s dates, the run first', async () => {
        const plan = await compileExamplePlan();
        const events = eventsOf(renderPlansIcs([plan], { start: START, now: NOW }));
        const items = plan.weeks.flatMap(week => week.days.flatMap(day => day.items));
        expect(events).toHaveLength(items.length);
        expect(events).toHaveLength(42);

        const [run, balance] = events;
        expect(run.summary).toBe('30min Easy Run');
        expect(run.startDate.toString()).toBe('2027-01-04T07:00:00');
        expect(run.endDate.toString()).toBe('2027-01-04T07:30:00');
        expect(run.startDate.isDate).toBe(false);
        // Floating: the athlete's local 7:00, wherever the calendar is.
        expect(run.startDate.zone).toBe(ICAL.Timezone.localTimezone);
        expect(balance.summary).toBe('Balance and stability for beginners');
        expect(balance.startDate.toString()).toBe('2027-01-04T07:30:00');

        // Week 6's long run is on the Sunday five weeks and six days later.
        const last = events[events.length - 1];
        expect(last.summary).toBe('1h 20min Long Run');
        expect(last.startDate.toString()).toBe('2027-02-14T07:00:00');
        expect(new Set(events.map(event => event.uid)).size).toBe(events.length);
    });

    it('carries the session in the description: blocks, entries, notes and muscles', async () => {
        const plan = await compileExamplePlan();
        const events = eventsOf(renderPlansIcs([plan], { start: START, now: NOW }));
        const description = events[1].description;
        expect(description).toContain('Runner strength — 6 weeks, week 1: Balance and hips');
        expect(description).toContain('After: 30min Easy Run');
        expect(description).toContain('Warm-up (5min)');
        // Every entry of the workout, with its note, as the other renderers word it.
        const workout = plan.workouts.find(candidate => candidate.id === 'beginner-balance')!;
        const entries = workout.blocks.flatMap(block => block.entries).filter(item => item.type === 'entry');
        expect(entries.length).toBeGreaterThan(3);
        for (const entry of entries) {
            expect(description).toContain(`- ${describeEntry(entry)}${entry.note ? ` (${entry.note})` : ''}`);
        }
        expect(entries.some(entry => entry.note)).toBe(true);
        expect(description).toMatch(/Sets per muscle group: [a-z ]+ \d+(\.\d+)?, /);
        const amrap = events.find(event => event.summary === 'Cross-training AMRAP')!;
        expect(amrap.description).toContain('AMRAP 20min');
        expect(amrap.description).toContain('After: 20min Easy Run');
    });

    it('follows RFC 5545: CRLF line ends, lines of at most 75 octets, a UTC DTSTAMP', async () => {
        const ics = renderPlansIcs([await compileExamplePlan()], { start: START, now: NOW });
        expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const lines = ics.split('\r\n').slice(0, -1);
        expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(75);
        expect(lines).toContain('DTSTAMP:20261122T093000Z');
        expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//workout//training plan//EN']);
    });
});

describe('a calendar of a large plan', () => {
    it('grows with its sessions, not with sessions × the entries of their workout', async () => {
        // Every event carries its workout and names the day's other sessions: a workout of
        // 2,000 entries done twice a day for 12 weeks made 168 descriptions of 2,000 lines each.
        const text = `workout big <\n${'  10 squats\n'.repeat(2_000)}>\nplan p <\n  weeks 1-12 <\n    daily: big; ${'5min easy-run; '.repeat(20)}big\n  >\n>\n`;
        const session = compileDocument((await checkText(text)).parseResult.value, 'big');
        const ics = renderPlansIcs(session.plans, { start: { year: 2027, month: 1, day: 4 } });
        const events = eventsOf(ics);
        expect(events).toHaveLength(12 * 7 * 22);
        const description = events[0].description;
        expect(description).toContain('more lines: see the plan');
        expect(description).toContain('Then: 5min Easy Run; ');
        expect(description).toContain('; 15 more');
        expect(ics.length / events.length).toBeLessThan(8_000);
    }, 60_000);
});

describe('text in a calendar', () => {
    it('escapes commas, semicolons, backslashes and newlines, and the parser reads them back', async () => {
        const document = await checkText(`workout odd "Legs; hips, core \\\\ more" <
  2 x 10 squats "knees out, chest up; slow \\\\ steady"
>
plan p "Plan, with; punctuation" <
  week 1 <
    monday: 20min easy-run; odd
  >
>`);
        const session = compileDocument(document.parseResult.value, 'test');
        const events = eventsOf(renderPlansIcs(session.plans, { start: START, now: NOW }));
        expect(events[1].summary).toBe('Legs; hips, core \\ more');
        expect(events[1].description).toContain('(knees out, chest up; slow \\ steady)');
        expect(events[1].description).toContain('Plan, with; punctuation, week 1');
        expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    });

    it('folds long lines without splitting a character or an escape', () => {
        const text = `DESCRIPTION:${'Ünïcödé — 💪 '.repeat(20)}\\n${'x'.repeat(73)}\\,`;
        const folded = foldLine(text);
        const lines = folded.split('\r\n');
        expect(lines.length).toBeGreaterThan(4);
        for (const [index, line] of lines.entries()) {
            expect(octets(line)).toBeLessThanOrEqual(75);
            expect(index === 0 || line.startsWith(' ')).toBe(true);
            // Each line is whole UTF-8 on its own.
            expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).not.toThrow();
            expect(line.endsWith('\\') && !line.endsWith('\\\\')).toBe(false);
        }
        expect(lines.map((line, index) => index === 0 ? line : line.slice(1)).join('')).toBe(text);
    });
});

describe('the start date', () => {
    // What the command line says of each problem: tests/cli/cli.test.ts.
    it('must be a real Monday written YYYY-MM-DD', () => {
        expect(parseMonday('2027-01-04')).toEqual(START);
        expect(parseMonday('2027-01-06')).toEqual({ problem: 'not-a-monday', weekday: 'Wednesday', monday: START });
        expect(parseMonday('2027-02-30')).toEqual({ problem: 'not-in-calendar' });
        expect(parseMonday('04/01/2027')).toEqual({ problem: 'not-a-date' });
    });
});

describe('workout render --format ics', () => {
    const planPath = `${EXAMPLES}/${PLAN_FILE}`;

    it('writes the calendar of a plan file', async () => {
        const result = await run(['render', planPath, '--format', 'ics', '--start', '2027-01-04']);
        expect(result.code).toBe(0);
        // The output function adds the final line feed of the last CRLF.
        const events = eventsOf(`${result.out}\n`);
        expect(events).toHaveLength(42);
        expect(events[0].startDate.toString()).toBe('2027-01-04T07:00:00');
    });

    it('rejects a start that is not a Monday, or not a date, with exit 2 and a clear message', async () => {
        const tuesday = await run(['render', planPath, '--format', 'ics', '--start', '2027-01-05']);
        expect(tuesday).toMatchObject({ code: 2, out: '' });
        expect(tuesday.err).toContain('2027-01-05 is a Tuesday; give the Monday of week 1, e.g. 2027-01-04');
        const malformed = await run(['render', planPath, '--format', 'ics', '--start', 'next monday']);
        expect(malformed.code).toBe(2);
        expect(malformed.err).toContain('YYYY-MM-DD');
        const missing = await run(['render', planPath, '--format', 'ics']);
        expect(missing.code).toBe(2);
        expect(missing.err).toContain('--format ics needs --start');
        const wrongFormat = await run(['render', planPath, '--format', 'md', '--start', '2027-01-04']);
        expect(wrongFormat.code).toBe(2);
        expect(wrongFormat.err).toContain('--start only applies to --format ics');
    });

    it('explains that a file without a plan has no calendar', async () => {
        const result = await run(['render', `${EXAMPLES}/runner-strength-a.workout`, '--format', 'ics', '--start', '2027-01-04']);
        expect(result.code).toBe(2);
        expect(result.err).toContain('has no plan');
    });
});

describe('two sessions a day, daily protocols and repeated weeks in a calendar', () => {
    const STRENGTH = 'workout strength "Strength" <\n  2 x 10 squats\n  2 x 10 press-ups\n>\n';

    async function eventsOfPlan(text: string) {
        const document = await checkText(text);
        expect(document.parseResult.parserErrors).toEqual([]);
        const plans = compileDocument(document.parseResult.value, 'test').plans;
        return eventsOf(renderPlansIcs(plans, { start: START, now: NOW }));
    }

    const startsOf = (events: ReturnType<typeof eventsOf>) => events.map(event => `${event.startDate.toString()} ${event.summary}`);

    it('puts `pm` sessions in the evening, from 18:00, and the morning from 7:00', async () => {
        const events = await eventsOfPlan(`${STRENGTH}
plan p <
  week 1 <
    monday am: 30min easy-run
    monday pm: strength
    tuesday pm: 20min easy-run; strength
    wednesday: 30min easy-run; strength
  >
>`);
        expect(startsOf(events)).toEqual([
            '2027-01-04T07:00:00 30min Easy Run',
            '2027-01-04T18:00:00 Strength',
            '2027-01-05T18:00:00 20min Easy Run',
            '2027-01-05T18:20:00 Strength',
            // A day without `am` or `pm` is one session in the morning, in the order written.
            '2027-01-06T07:00:00 30min Easy Run',
            '2027-01-06T07:30:00 Strength'
        ]);
    });

    it('never starts two events at the same time, even a morning that runs into the evening or two plans on one day', async () => {
        const events = await eventsOfPlan(`${STRENGTH}
plan long <
  week 1 <
    monday pm: strength
    monday am: 5h easy-run; 5h easy-run; 2h easy-run
  >
>
plan rehab <
  focus rehab
  week 1 <
    daily am: 3 x 15 calf-raises
    daily pm: 3 x 15 calf-raises
  >
>`);
        expect(events).toHaveLength(4 + 14);
        const starts = events.map(event => event.startDate.toString());
        expect(new Set(starts).size).toBe(starts.length);
        const monday = startsOf(events).filter(line => line.startsWith('2027-01-04'));
        expect(monday).toEqual([
            '2027-01-04T07:00:00 5h Easy Run',
            '2027-01-04T12:00:00 5h Easy Run',
            '2027-01-04T17:00:00 2h Easy Run',
            // The morning ran into the evening: the evening's session follows it, and so does
            // everything the second plan has on that day.
            '2027-01-04T19:00:00 Strength',
            '2027-01-04T19:05:00 3 × 15 Calf Raises',
            '2027-01-04T19:10:00 3 × 15 Calf Raises'
        ]);
        // On the other days the second plan has the morning and the evening to itself.
        expect(startsOf(events).filter(line => line.startsWith('2027-01-05'))).toEqual([
            '2027-01-05T07:00:00 3 × 15 Calf Raises',
            '2027-01-05T18:00:00 3 × 15 Calf Raises'
        ]);
        // Events of one day never overlap.
        for (const day of new Set(starts.map(start => start.slice(0, 10)))) {
            const spans = events.filter(event => event.startDate.toString().startsWith(day))
                .map(event => [event.startDate.toUnixTime(), event.endDate.toUnixTime()]).sort((a, b) => a[0] - b[0]);
            spans.slice(1).forEach((span, index) => expect(span[0]).toBeGreaterThanOrEqual(spans[index][1]));
        }
    });

    it('gives every week of `weeks 2-12` its own dates, and a `daily:` line an event each day', async () => {
        const events = await eventsOfPlan(`plan achilles <
  focus rehab
  weeks 1-12 <
    daily am: 3 x 15 calf-raises
    daily pm: 3 x 15 calf-raises
  >
>`);
        expect(events).toHaveLength(12 * 7 * 2);
        expect(new Set(events.map(event => event.uid)).size).toBe(events.length);
        const last = events[events.length - 1];
        // Week 12's Sunday, in the evening.
        expect(last.startDate.toString()).toBe('2027-03-28T18:00:00');
        expect(events[0].startDate.toString()).toBe('2027-01-04T07:00:00');
    });
});
