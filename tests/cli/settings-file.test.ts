/**
 * workout.json on the command line, as a CI job meets it: a team turns a check off or changes a
 * plan threshold once for the project, `workout check` follows it, and a broken file is one
 * clear line (file:line:col), never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratchFolder } from './run-cli.js';

/** A week with training on all seven days: `no-rest-day` (and only that: a hybrid's sessions are not counted). */
const BUSY = `plan busy "Every day" <
  focus hybrid
  week 1 <
    monday: 30min easy-run
    tuesday: 30min easy-run
    wednesday: 30min easy-run
    thursday: 30min easy-run
    friday: 30min easy-run
    saturday: 30min easy-run
    sunday: 60min long-run
  >
>
`;

/** Week 2 grows strength sets by 50 %: over the default 10 % limit, under 60 %. */
const GROWING = `workout s "Strength" <
  2 x 10 squats
  2 x 10 press-ups
>
plan grows "Grows" <
  week 1 <
    monday: 20min easy-run; s
    thursday: 20min easy-run; s
  >
  week 2 <
    monday: 20min easy-run; s
    thursday: 20min easy-run; s
    saturday: 20min easy-run; s
  >
>
`;

const codes = (out: string) => JSON.parse(out).diagnostics.map((d: { file: string; severity: string; code: string }) => `${path.basename(d.file)} ${d.severity} ${d.code}`);

describe('workout check and workout.json', () => {
    it('follows the project file: a check it turns off is not reported', async () => {
        const loud = scratchFolder({ 'plan.workout': BUSY });
        expect(codes((await cli('check', loud, '--format', 'json')).out)).toEqual(['plan.workout warning no-rest-day']);
        const quiet = scratchFolder({ 'plan.workout': BUSY, 'workout.json': '{ "checks": { "no-rest-day": "off" } }\n' });
        const run = await cli('check', quiet);
        expect(run.code).toBe(0);
        expect(run.out).toBe('');
        expect(run.err).toMatch(/1 file checked: 0 errors, 0 warnings/);
    });

    it('can make a warning an error, so CI fails on it', async () => {
        const dir = scratchFolder({ 'plan.workout': BUSY, 'workout.json': '{ "checks": { "no-rest-day": "error" } }' });
        const run = await cli('check', dir);
        expect(run.code).toBe(1);
        expect(run.out).toMatch(/plan\.workout:3:3 error .* \[no-rest-day\]$/);
    });

    it('uses the nearest workout.json above each file, up to the project folder', async () => {
        const dir = scratchFolder({
            'workout.json': '{ "checks": { "no-rest-day": "off" } }',
            'a/plan.workout': BUSY.replace('plan busy', 'plan a'),
            'b/plan.workout': BUSY.replace('plan busy', 'plan b'),
            // The nearest file applies alone: b's does not say no-rest-day, so it is reported there.
            'b/workout.json': '{ "checks": { "duplicate-day": "off" } }'
        });
        const run = await cli('check', dir, '--format', 'json');
        expect(JSON.parse(run.out).diagnostics.map((d: { file: string; code: string }) => `${path.relative(dir, d.file)} ${d.code}`))
            .toEqual([`${path.join('b', 'plan.workout')} no-rest-day`]);
    });

    it('looks up to the git work tree, and not above it', async () => {
        const outer = scratchFolder({ 'workout.json': '{ "checks": { "no-rest-day": "off" } }', 'repo/plans/deep/plan.workout': BUSY });
        const repo = path.join(outer, 'repo');
        const git = spawnSync('git', ['init', '-q', repo], { encoding: 'utf8' });
        expect(git.status, git.stderr).toBe(0);
        const file = path.join(repo, 'plans', 'deep', 'plan.workout');
        expect(codes((await cli('check', file, '--format', 'json')).out)).toEqual(['plan.workout warning no-rest-day']);
        // The work tree's own file is found from a file two folders down.
        writeFileSync(path.join(repo, 'workout.json'), '{ "checks": { "no-rest-day": "hint" } }');
        expect(codes((await cli('check', file, '--format', 'json')).out)).toEqual(['plan.workout hint no-rest-day']);
    });

    it('a value that makes no sense: a warning on its line and column, the rest of the file applies', async () => {
        const dir = scratchFolder({
            'plan.workout': BUSY,
            'workout.json': '{\n  "checks": {\n    "no-rest-day": "off",\n    "no-rest-days": "off"\n  },\n  "loadUnit": "stone"\n}\n'
        });
        const run = await cli('check', dir);
        expect(run.code).toBe(0);
        const lines = run.out.split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/workout\.json:4:5 warning `no-rest-days` is not a check: did you mean `no-rest-day`\? It is left out\. \[invalid-settings\]$/);
        expect(lines[1]).toMatch(/workout\.json:6:15 warning `loadUnit` is `"kg"` or `"lb"`\. It is left out\. \[invalid-settings\]$/);
    });

    it('a file that is not JSON: one error line, exit 1, and the checks run without it', async () => {
        const dir = scratchFolder({ 'plan.workout': BUSY, 'workout.json': '{\n  "checks": {\n    "no-rest-day": "off",\n  }\n}\n' });
        const run = await cli('check', dir);
        expect(run.code).toBe(1);
        const [settings, ...rest] = run.out.split('\n').sort((a, b) => Number(b.includes('workout.json')) - Number(a.includes('workout.json')));
        expect(settings).toMatch(/workout\.json:4:3 error workout\.json is not valid JSON: expected a name in double quotes \(a comma too many\?\), found `}`\. None of its settings apply until it is fixed\. \[invalid-settings\]$/);
        expect(rest).toEqual([expect.stringMatching(/plan\.workout:3:3 warning .*\[no-rest-day\]$/)]);
        expect(run.err).not.toMatch(/\n\s+at |TypeError|SyntaxError/);
        const json = JSON.parse((await cli('check', dir, '--format', 'json')).out);
        expect(json.diagnostics.find((d: { code: string }) => d.code === 'invalid-settings')).toMatchObject({ line: 4, column: 3, severity: 'error' });
        expect(json.summary).toMatchObject({ errors: 1, warnings: 1 });
    });

    it('a folder named workout.json, or an empty file, is no crash', async () => {
        const folderNamed = scratchFolder({ 'plan.workout': BUSY, 'workout.json/readme.txt': 'not settings' });
        expect(codes((await cli('check', folderNamed, '--format', 'json')).out)).toEqual(['plan.workout warning no-rest-day']);
        const empty = scratchFolder({ 'plan.workout': BUSY, 'workout.json': '' });
        const run = await cli('check', empty);
        expect(run.code).toBe(1);
        expect(run.out).toMatch(/workout\.json:1:1 error workout\.json is not valid JSON: expected a value .*found the end of the file/);
    });
});

describe('workout render and workout.json', () => {
    it('measures progression against the project\'s limit', async () => {
        const strict = scratchFolder({ 'plan.workout': GROWING });
        const before = JSON.parse((await cli('render', path.join(strict, 'plan.workout'), '--format', 'json')).out);
        expect(before.plans[0].weeks[1]).toMatchObject({ strengthSetsGrowthPercent: 50, breaksProgression: true });
        const relaxed = scratchFolder({ 'plan.workout': GROWING, 'workout.json': '{ "plan": { "progressionPercent": 60 } }' });
        const after = JSON.parse((await cli('render', path.join(relaxed, 'plan.workout'), '--format', 'json')).out);
        expect(after.plans[0].weeks[1]).toMatchObject({ strengthSetsGrowthPercent: 50, breaksProgression: false });
        expect(after.plans[0].progressionPercent).toBe(60);
    });

    it('says what is wrong with the file on stderr and renders all the same', async () => {
        const dir = scratchFolder({ 'plan.workout': GROWING, 'workout.json': '{ "plan": { "progressionPercent": "15%" } }' });
        const run = await cli('render', path.join(dir, 'plan.workout'), '--format', 'json');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.out).plans[0].progressionPercent).toBe(10);
        expect(run.err).toMatch(/workout\.json:1:35 warning `plan\.progressionPercent` is a number above 0 and at most 100/);
    });
});
