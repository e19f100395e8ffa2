/**
 * The training diff: two versions of a plan or workout, compared by meaning, read as a
 * coach's summary for code review.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { diffSessions } from '../../src/core/diff.js';
import type { EntryModel, SessionModel } from '../../src/core/session-model.js';
import { NO_CHANGE, renderDiffText } from '../../src/render/diff.js';
import { checkFiles, checkText, compileDocument } from '../helpers.js';
import { EXAMPLES, exampleTexts, PLAN_FILE } from '../language/compiler/plan-helpers.js';

/** The example plan's changes a coach might push in a pull request. */
function editPlan(text: string): string {
    return text
        .replace('level beginner', 'level intermediate')
        // Week 5: strength B moves from Thursday to Saturday; the long run grows.
        .replace('    thursday: 35min easy-run; strength-b\n    saturday: 25min easy-run\n    sunday: 75min long-run\n',
            '    thursday: 35min easy-run\n    saturday: 25min easy-run; strength-b\n    sunday: 90min long-run\n')
        // Week 3: a balance session is added on Tuesday, and Monday's run now comes second.
        .replace('    monday: 30min easy-run; hip-core-circuit\n', '    monday: hip-core-circuit; 30min easy-run\n    tuesday: 20min easy-run; beginner-balance\n');
}

function editStrengthA(text: string): string {
    return text
        .replace('2 x 15 squats rest 60s', '3 x 12 squats rest 60s')
        .replace('2 x 10 front-lunges per leg', '2 x 10 reverse-lunges per leg')
        .replace('    2 x 10 box-jumps rest 90s "step down from the box while landings are new"\n', '');
}

async function sessionOf(files: Record<string, string>, name: string): Promise<SessionModel> {
    const documents = await checkFiles(files);
    return compileDocument(documents[Object.keys(files).indexOf(name)].parseResult.value, name.replace(/\.workout$/, ''));
}

async function exampleVersions() {
    const before = exampleTexts();
    const after = { ...before, [PLAN_FILE]: editPlan(before[PLAN_FILE]), 'runner-strength-a.workout': editStrengthA(before['runner-strength-a.workout']) };
    return { before: await sessionOf(before, PLAN_FILE), after: await sessionOf(after, PLAN_FILE) };
}

describe('the diff of two versions of the example plan', () => {
    it('finds the moved, added, changed and reordered sessions, week by week', async () => {
        const { before, after } = await exampleVersions();
        const diff = diffSessions(before, after);
        expect(diff.workouts).toEqual([]);
        const [plan] = diff.plans;
        expect(plan.level).toEqual({ before: 'beginner', after: 'intermediate' });
        const week3 = plan.weeks.find(week => week.week === 3)!;
        expect(week3.items.map(change => change.kind).sort()).toEqual(['added', 'added', 'reordered']);
        expect(week3.before!.strengthSessions).toBe(2);
        expect(week3.after!.strengthSessions).toBe(3);
        const week5 = plan.weeks.find(week => week.week === 5)!;
        expect(week5.items).toMatchObject([
            { kind: 'moved', from: 'thursday', to: 'saturday', after: { ref: 'strength-b' } },
            { kind: 'changed', day: 'sunday', before: { entry: { seconds: { min: 4500 } } }, after: { entry: { seconds: { min: 5400 } } } }
        ]);
        // Strength A is defined in another file and changed: reported once, with the plan.
        expect(plan.workouts.map(workout => workout.id)).toEqual(['strength-a']);
    });

    it('reads like a coach\'s summary', async () => {
        const { before, after } = await exampleVersions();
        const text = renderDiffText(diffSessions(before, after));
        expect(text).toContain('Plan "Runner strength — 6 weeks" (runner-strength)');
        expect(text).toContain('Level: beginner → intermediate');
        expect(text).toContain('Runner strength B moved from Thursday to Saturday');
        expect(text).toContain('Sunday: Long Run 1h 15min → 1h 30min');
        expect(text).toContain('Added on Tuesday: 20min Easy Run, then Balance and stability for beginners');
        expect(text).toContain('Monday: now Hip and core circuit, then 30min Easy Run (was 30min Easy Run, then Hip and core circuit)');
        expect(text).toMatch(/Week 3 "Hips and strength B"\n(.*\n)*? {4}Strength: 2 → 3 sessions, 53min → 1h 22min, 37 → 56 sets · Running: 3h 3min → 3h 19min/);
        expect(text).toContain('Now grows strength volume faster than the 10% progression limit.');
        expect(text).toContain('Workout "Runner strength A" (strength-a), used by this plan');
        expect(text).toContain('Squats: 2 × 15 rest 1min → 3 × 12 rest 1min');
        expect(text).toMatch(/Swapped in Legs › Superset: 2 × 10 \S.* per side → 2 × 10 Reverse Lunges per side/);
        expect(text).toContain('Removed from Power: 2 × 10 Box Jumps rest 1min 30s');
        // Weeks 1, 2 and 6 do not use strength A and their sessions did not change; only their running
        // is timed at an intermediate's paces now (runs are timed at the level's paces).
        expect(text).toMatch(/Week 1 "Balance and hips"\n {4}Running: 2h 44min → 2h 41min\n/);
        expect(text).not.toMatch(/Week [126]\b.*\n {4}(- |Strength)/);
        expect(text).not.toMatch(/line \d|undefined|NaN|\[object/);
    });

    it('says so when only layout and comments changed', async () => {
        const files = exampleTexts();
        const reformatted = files[PLAN_FILE].replace(/\n {2}week 2/, '\n  // a comment\n\n  week 2').replace(/; /g, ';  ');
        const before = await sessionOf(files, PLAN_FILE);
        const after = await sessionOf({ ...files, [PLAN_FILE]: reformatted }, PLAN_FILE);
        expect(renderDiffText(diffSessions(before, after))).toBe(NO_CHANGE);
    });
});

async function single(text: string): Promise<SessionModel> {
    return compileDocument((await checkText(text)).parseResult.value, 'session');
}

describe('the diff of two versions of a workout', () => {
    it('names prescription changes, swaps, additions, removals, moves and block changes', async () => {
        const before = await single(`workout legs "Legs" <
  amrap 20min <
    10 burpees
    20 mountain-climbers
  >
  section "Strength" <
    3 x 10 squats
    2 x 10 step-ups per leg
    2 x 12 glute-bridges
    2 x 30s plank
  >
>`);
        const after = await single(`workout legs "Legs" <
  amrap 25min <
    10 burpees
    20 mountain-climbers
    2 x 30s plank
  >
  section "Strength" <
    4 x 8 squats @ 16kg
    2 x 10 reverse-lunges per leg
    2 x 12 glute-bridges
    2 x 15 calf-raises
  >
>`);
        const text = renderDiffText(diffSessions(before, after));
        expect(text.split('\n')).toEqual([
            'Workout "Legs" (legs)',
            '  - AMRAP: AMRAP 20min → AMRAP 25min',
            '  - Squats: 3 × 10 → 4 × 8 @ 16 kg',
            '  - Plank: moved from Strength to AMRAP',
            expect.stringMatching(/^ {2}- Swapped in Strength: 2 × 10 Step-?[Uu]ps? per side → 2 × 10 Reverse Lunges per side$/),
            '  - Added to Strength: 2 × 15 Calf Raises',
            expect.stringMatching(/^ {2}Estimated time: \S+( \S+)? → \S+( \S+)? · Sets per muscle group: .*quadriceps/)
        ]);
    });

    it('treats a file\'s only workout, renamed, as the same workout', async () => {
        const diff = diffSessions(await single('workout a "A" < 2 x 10 squats >'), await single('workout b "B" < 2 x 10 squats >'));
        expect(renderDiffText(diff)).toBe('Workout "B" (b)\n  - Renamed: A → B');
    });
});

describe('the diff of files with duplicates, and of huge workouts', () => {
    // Duplicate names are an error of the checks, but `workout diff a a` of such a file said
    // the first workout had become the second and back: they were paired by id.
    it.each([
        ['two workouts sharing a name', 'workout a <\n  10 squats\n>\nworkout a <\n  5 squats\n>\n', ['5 squats', '6 squats'], 'Workout "a" (a)\n  - Squats: 5 → 6'],
        ['two plans sharing a name, a week written twice',
            'workout s < 10 squats >\nplan p <\n  week 1 <\n    monday: s\n  >\n  week 1 <\n    tuesday: s\n  >\n>\nplan p <\n  week 1 <\n    friday: s\n  >\n>\n',
            ['tuesday: s', 'thursday: s'], 'Plan "p" (p)\n  Week 1\n    - s moved from Tuesday to Thursday']
    ])('%s: no change against itself, and an edit of the second told once', async (_name, text, [from, to], told) => {
        const model = await single(text);
        expect(renderDiffText(diffSessions(model, model))).toBe(NO_CHANGE);
        const diff = renderDiffText(diffSessions(model, await single(text.replace(from, to))));
        expect(diff).toBe(told);
    });

    /** A workout of one block of `count` entries, named by `nameOf`, built from one compiled entry. */
    async function hugeWorkout(count: number, nameOf: (index: number) => string): Promise<SessionModel> {
        const model = await single('workout long <\n  section "All" <\n    10 squats\n  >\n>\n');
        const block = model.workouts[0].blocks[0];
        const entry = block.entries[0] as EntryModel;
        block.entries = Array.from({ length: count }, (_, index) => ({ ...entry, exercise: nameOf(index), name: nameOf(index), line: index + 3 }));
        return model;
    }

    it('a workout of 40,000 entries is compared in moments: against itself, with two entries changed, and rewritten', async () => {
        // A table of 40,000 × 40,000 cells needed 6 GB; now common ends are skipped and the
        // rest is the shortest edit, or, past a bounded amount of work, entries where they stand.
        const count = 40_000;
        const before = await hugeWorkout(count, index => `exercise-${index % 97}`);
        const started = performance.now();
        expect(renderDiffText(diffSessions(before, before))).toBe(NO_CHANGE);
        const twoChanged = await hugeWorkout(count, index => (index === 0 || index === 20_000 ? 'burpees' : `exercise-${index % 97}`));
        expect(diffSessions(before, twoChanged).workouts[0].entries.map(change => change.kind)).toEqual(['swapped', 'swapped']);
        const inserted = await hugeWorkout(count + 100, index => (index < 100 ? 'burpees' : `exercise-${(index - 100) % 97}`));
        expect(diffSessions(before, inserted).workouts[0].entries.map(change => change.kind)).toEqual(new Array(100).fill('added'));
        const rewritten = await hugeWorkout(count, index => `other-${index % 89}`);
        expect(diffSessions(before, rewritten).workouts[0].entries).toHaveLength(count);
        expect(performance.now() - started).toBeLessThan(15_000);
    });
});

describe('workout diff on the command line', () => {
    let folder: string;

    async function run(argv: string[]) {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(argv, { out: text => out.push(text), err: text => err.push(text) });
        return { code, out: out.join('\n'), err: err.join('\n') };
    }

    const git = (...args: string[]) => execFileSync('git', ['-C', folder, '-c', 'user.name=Coach', '-c', 'user.email=coach@example.com', ...args], { stdio: 'pipe' });

    beforeAll(() => {
        folder = mkdtempSync(path.join(tmpdir(), 'workout-diff-'));
        cpSync(EXAMPLES, path.join(folder, 'plans'), { recursive: true });
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'Six-week plan');
        const planPath = path.join(folder, 'plans', PLAN_FILE);
        writeFileSync(planPath, editPlan(readFileSync(planPath, 'utf8')));
        const strengthA = path.join(folder, 'plans', 'runner-strength-a.workout');
        writeFileSync(strengthA, editStrengthA(readFileSync(strengthA, 'utf8')));
        git('commit', '-q', '-a', '-m', 'More strength, longer long run');
    });

    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('compares two commits of the example plan with --git', async () => {
        const file = path.join(folder, 'plans', PLAN_FILE);
        const result = await run(['diff', '--git', 'HEAD~1', file]);
        expect(result.err).toBe('');
        expect(result.code).toBe(0);
        expect(result.out).toContain(`HEAD~1:${file} → ${file}`);
        expect(result.out).toContain('Runner strength B moved from Thursday to Saturday');
        // The imports are read at HEAD~1 too: strength A's old version.
        expect(result.out).toContain('Squats: 2 × 15 rest 1min → 3 × 12 rest 1min');
        const same = await run(['diff', '--git', 'HEAD', file]);
        expect(same.out).toContain(NO_CHANGE);
    });

    it('compares two files, and prints JSON on request', async () => {
        const old = path.join(EXAMPLES, PLAN_FILE);
        const current = path.join(folder, 'plans', PLAN_FILE);
        const result = await run(['diff', old, current, '--format', 'json']);
        expect(result.code).toBe(0);
        const json = JSON.parse(result.out);
        expect(json.before).toBe(old);
        expect(json.plans[0].level).toEqual({ before: 'beginner', after: 'intermediate' });
        // Runs are timed at the level's paces: from beginner to intermediate every week runs faster.
        expect(json.plans[0].weeks.map((week: { week: number }) => week.week)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('explains what is wrong instead of failing', async () => {
        const outside = mkdtempSync(path.join(tmpdir(), 'workout-nogit-'));
        writeFileSync(path.join(outside, 'a.workout'), 'workout a < 10 squats >\n');
        const noRepo = await run(['diff', '--git', 'HEAD', path.join(outside, 'a.workout')]);
        rmSync(outside, { recursive: true, force: true });
        expect(noRepo.code).toBe(2);
        expect(noRepo.err).toContain('is not inside a git repository');
        const file = path.join(folder, 'plans', PLAN_FILE);
        const badRev = await run(['diff', '--git', 'no-such-branch', file]);
        expect(badRev.code).toBe(2);
        expect(badRev.err).toContain('git cannot find the revision "no-such-branch"');
        writeFileSync(path.join(folder, 'plans', 'new.workout'), 'workout fresh < 10 squats >\n');
        const untracked = await run(['diff', '--git', 'HEAD', path.join(folder, 'plans', 'new.workout')]);
        expect(untracked.code).toBe(2);
        expect(untracked.err).toContain('plans/new.workout does not exist in HEAD');
        const optionLike = await run(['diff', '--git=--output=x', file]);
        expect(optionLike.code).toBe(2);
        const missing = await run(['diff', path.join(folder, 'plans', 'gone.workout'), file]);
        expect(missing.code).toBe(2);
        expect(missing.err).toContain('gone.workout: no such file.');
        const oneFile = await run(['diff', file]);
        expect(oneFile.code).toBe(2);
        expect(oneFile.err).toContain('diff takes the old file and the new file');
        expect([noRepo, badRev, untracked, oneFile].map(r => r.err).join('\n')).not.toMatch(/\n\s+at /);
    });
});

describe('the diff of a runner\'s plan', () => {
    const TRACK = `workout intervals "Tuesday intervals" <
  warmup < 2km easy-run >
  6 x 800m interval-run @ 5k-pace rest 400m jog
  cooldown < 1km easy-run >
>
workout long "Long run" <
  16km easy-run @ easy
>
plan block <
  week 1 <
    tuesday: intervals
    sunday: long
  >
>
`;

    it('names the session that changed and the week\'s running in km, with its time', async () => {
        const before = await sessionOf({ 'block.workout': TRACK }, 'block.workout');
        const after = await sessionOf({ 'block.workout': TRACK.replace('6 x 800m', '8 x 800m').replace('16km', '18km') }, 'block.workout');
        const text = renderDiffText(diffSessions(before, after));
        expect(text).toContain('Interval Run: 6 × 800m @ 5K pace rest 400m jog → 8 × 800m @ 5K pace rest 400m jog');
        // 2 + 6 × (0.8 + 0.4) + 1 + 16 = 26.2 km; two more repeats and 2 km more: 30.6 km.
        expect(text).toMatch(/Week 1\n {4}Running: 26\.2 km → 30\.6 km \(\d+h \d+min → \d+h \d+min\)/);
    });
});
