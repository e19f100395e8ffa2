/**
 * Validation driven by fixture files: every `tests/fixtures/validation/*.workout` is a file a
 * coach could have written, with the diagnostics it must get written as markers in trailing
 * comments on the line where each diagnostic starts:
 *
 *   10 burpess      // !error unknown-exercise "burpees"
 *   10 lunges       // !hint unilateral-needs-side
 *   0 x 500 squats  // !error count-not-positive !warning implausible-amount "500 reps"
 *
 * A marker is `!<severity> <code>` with an optional quoted text the message must contain. The
 * file must get exactly the marked diagnostics: none missing, none extra. A new check is a new
 * fixture, not new test code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import { checkFiles, checkText, reported } from '../../helpers.js';
import type { ReportedDiagnostic } from '../../../src/cli/diagnostics.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures/validation');
const fixtures = readdirSync(FIXTURES).filter(name => name.endsWith('.workout')).sort();

interface Marker {
    line: number;
    severity: string;
    code: string;
    contains?: string;
}

const MARKER = /!(error|warning|info|hint)\s+([a-z][a-z-]*)(?:\s+"([^"]*)")?/g;

export function markersOf(text: string): Marker[] {
    const markers: Marker[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
        const comment = line.indexOf('// !');
        if (comment < 0) {
            return;
        }
        for (const match of line.slice(comment).matchAll(MARKER)) {
            markers.push({ line: index + 1, severity: match[1], code: match[2], contains: match[3] });
        }
    });
    return markers;
}

const key = (item: { line: number; severity: string; code: string }) => `line ${item.line}: ${item.severity} ${item.code}`;

async function diagnosticsOfFixture(name: string): Promise<ReportedDiagnostic[]> {
    return reported(await checkText(readFileSync(path.join(FIXTURES, name), 'utf8'), name));
}

describe('validation fixtures', () => {
    it.each(fixtures)('%s gets exactly the diagnostics its markers name', async name => {
        const text = readFileSync(path.join(FIXTURES, name), 'utf8');
        const markers = markersOf(text);
        const actual = await diagnosticsOfFixture(name);
        const described = actual.map(d => `${key(d)} — ${d.message}`);
        expect(actual.map(key).sort(), described.join('\n')).toEqual(markers.map(key).sort());
        for (const marker of markers.filter(m => m.contains !== undefined)) {
            const messages = actual.filter(d => key(d) === key(marker)).map(d => d.message);
            expect(messages.some(message => message.includes(marker.contains!)), `${key(marker)} should mention "${marker.contains}", got: ${messages.join(' | ')}`).toBe(true);
        }
    });

    it.each(fixtures)('%s: every message reads as advice to a coach, not as parser internals', async name => {
        for (const diagnostic of await diagnosticsOfFixture(name)) {
            expect(diagnostic.message, key(diagnostic)).not.toMatch(/token|\bNL\b|\bID\b|Expecting|undefined|\[object|null|NaN|EOF|'\w+:KW'/);
            expect(diagnostic.message.length, key(diagnostic)).toBeLessThan(300);
            expect(diagnostic.message, key(diagnostic)).toMatch(/[.?!]$/);
        }
    });

    it('together they cover every check outside plans', () => {
        // Plans and the workouts they name are covered by the plan fixtures.
        const planCodes = new Set<string>([
            IssueCodes.UnknownWorkout, IssueCodes.StrengthSessionsPerWeek, IssueCodes.StrengthOnLongRunDay,
            IssueCodes.StrengthBeforeRun, IssueCodes.ProgressionTooSteep, IssueCodes.NoRestDay, IssueCodes.DuplicateDay,
            // A plan of more than 20,000 sessions: tests/language/compiler/plan-robustness.test.ts.
            IssueCodes.PlanTooLarge,
            // On workout.json, not on a .workout file: tests/cli/settings-file.test.ts and tests/language/lsp/settings.test.ts.
            IssueCodes.InvalidSettings
        ]);
        const marked = new Set(fixtures.flatMap(name => markersOf(readFileSync(path.join(FIXTURES, name), 'utf8')).map(m => m.code)));
        const missing = Object.values(IssueCodes).filter(code => !planCodes.has(code) && !marked.has(code));
        expect(missing).toEqual([]);
    });

    it('reads markers as documented', () => {
        expect(markersOf('  10 squats\n  0 x 500 squats  // !error count-not-positive !warning implausible-amount "500 reps"\n')).toEqual([
            { line: 2, severity: 'error', code: 'count-not-positive', contains: undefined },
            { line: 2, severity: 'warning', code: 'implausible-amount', contains: '500 reps' }
        ]);
        expect(markersOf('// a comment that is not a marker\n10 squats // 10 reps, no marker\n')).toEqual([]);
    });
});

describe('names across the files of a workspace', () => {
    const exercises = 'exercise sled-push "Sled push" <\n  muscles: quadriceps, glutes\n  equipment: sled\n>\n';

    it('a workout uses an exercise defined in another file', async () => {
        const [, session] = await checkFiles({
            'common/exercises.workout': exercises,
            'monday.workout': 'workout monday "Monday" <\n  4 x 20m sled-push\n  3 x 10 "Sled Push"\n>\n'
        });
        expect(reported(session)).toEqual([]);
    });

    it('an exercise defined in two files is an error in both, naming the other file', async () => {
        const [first, second] = await checkFiles({
            'common/exercises.workout': exercises,
            'legs.workout': 'exercise Sled-Push < muscles: quadriceps >\n\nworkout legs < 4 x 20m sled-push >\n'
        });
        expect(reported(first).map(d => [d.line, d.code, d.message.includes('legs.workout')])).toEqual([[1, 'duplicate-definition', true]]);
        expect(reported(second).map(d => [d.line, d.code, d.message.includes('exercises.workout')])).toEqual([[1, 'duplicate-definition', true]]);
    });

    it('a workout name used in two files is an error in both', async () => {
        const [first, second] = await checkFiles({
            'a.workout': 'workout strength-a < 10 squats >\n',
            'b.workout': '// copied from a.workout\nworkout strength-a < 12 squats >\n'
        });
        expect(reported(first).map(d => `${d.line} ${d.code}`)).toEqual(['1 duplicate-definition']);
        expect(reported(second).map(d => `${d.line} ${d.code}`)).toEqual(['2 duplicate-definition']);
    });

    it('an import names a file of the workspace, relative to the importing file', async () => {
        const [, monday] = await checkFiles({
            'common/exercises.workout': exercises,
            'plans/monday.workout': 'import "../common/exercises.workout"\nimport "exercises.workout"\nworkout monday < 4 x 20m sled-push >\n'
        });
        expect(reported(monday).map(d => `${d.line} ${d.code}`)).toEqual(['2 import-not-found']);
    });
});
