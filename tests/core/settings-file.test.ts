/**
 * workout.json read without a host: its values and what is wrong with it, line and column
 * included; settings layered key by key; and the JSON schema the editor completes it with kept
 * in step with what the tools read.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonTree, jsonValue } from '../../src/core/json-tree.js';
import { DEFAULT_PLAN_THRESHOLDS, PLAN_LEVELS } from '../../src/core/plan-rules.js';
import { MAX_SETTINGS_FILE_BYTES, readSettingsFile } from '../../src/core/settings-file.js';
import { readSettings, SETTING_SECTIONS, SEVERITIES } from '../../src/core/settings.js';
import { IssueCodes } from '../../src/language/validation/issue-codes.js';

const CODES = Object.values(IssueCodes);
const read = (text: string) => readSettingsFile(text, CODES);
const where = (text: string) => read(text).problems.map(problem => `${problem.line}:${problem.column} ${problem.severity}`);

describe('JSON with positions', () => {
    it('reads what JSON.parse reads', () => {
        for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {"c": {}}}', ' 0 ', '"\\"\\\\/"']) {
            const parsed = parseJsonTree(text);
            expect('tree' in parsed && jsonValue(parsed.tree), text).toEqual(JSON.parse(text));
        }
    });

    it('stops at the first thing that is not JSON and says what was expected there', () => {
        const cases: Array<[string, number, RegExp]> = [
            ['{"a": 1,}', 8, /a name in double quotes \(a comma too many\?\), found `}`/],
            ['{"a" 1}', 5, /`:` after the name/],
            ['{"a": 1 "b": 2}', 8, /`,` or `}`/],
            ['// team rules\n{}', 0, /found a comment \(JSON has none\)/],
            ['{"a": tru}', 6, /a value/],
            ['{"a": "open\n}', 11, /closing `"`/],
            ['{"a": 1} x', 9, /the end of the file/],
            ['', 0, /a value.*found the end of the file/],
            ['[1, 2', 5, /`,` or `]`, found the end of the file/],
            [`${'['.repeat(100)}${']'.repeat(100)}`, 65, /at most 64 levels/]
        ];
        for (const [text, offset, message] of cases) {
            const parsed = parseJsonTree(text);
            expect('error' in parsed && parsed.error, text).toMatchObject({ offset, message: expect.stringMatching(message) });
        }
    });

    it('reads a long file in linear time', () => {
        const big = `{"checks": {${Array.from({ length: 20_000 }, (_, index) => `"code-${index}": "off"`).join(', ')}}}`;
        const started = performance.now();
        expect('tree' in parseJsonTree(big)).toBe(true);
        expect(performance.now() - started).toBeLessThan(1000);
    });
});

describe('reading workout.json', () => {
    it('takes the values that make sense, in the shape of the workout.* settings', () => {
        const file = read(JSON.stringify({
            $schema: './schemas/workout.schema.json',
            checks: { 'no-rest-day': 'off', 'implausible-amount': 'error' },
            plan: { progressionPercent: 15, sessionsPerWeek: { beginner: [1, 3] }, longRunMinutes: 90 },
            inlayHints: { enabled: false },
            loadUnit: 'lb'
        }, null, 2));
        expect(file.problems).toEqual([]);
        expect(readSettings(file.settings)).toEqual({
            checks: { 'no-rest-day': 'off', 'implausible-amount': 'error' },
            plan: { ...DEFAULT_PLAN_THRESHOLDS, progressionPercent: 15, longRunSeconds: 5400, sessionsPerWeek: { ...DEFAULT_PLAN_THRESHOLDS.sessionsPerWeek, beginner: [1, 3] } },
            inlayHints: false,
            loadUnit: 'lb'
        });
    });

    it('leaves out each value that makes no sense, with a warning on its line and column that says what to write', () => {
        const text = [
            '{',
            '  "checks": { "no-rest-days": "off", "no-rest-day": "of" },',
            '  "plan": { "progressionPercent": 0, "sessionsPerWeek": { "beginner": [3, 1], "expert": [1, 2] }, "longRun": 90 },',
            '  "inlayHints": true,',
            '  "loadUnit": "lbs",',
            '  "loadunit": "kg"',
            '}'
        ].join('\n');
        const file = read(text);
        expect(file.problems.map(problem => `${problem.line}:${problem.column} ${problem.severity} ${problem.message}`)).toEqual([
            '2:15 warning `no-rest-days` is not a check: did you mean `no-rest-day`? It is left out.',
            '2:53 warning `"of"` is not a severity for `no-rest-day`: write `error`, `warning`, `info`, `hint` or `off`. It is left out.',
            '3:35 warning `plan.progressionPercent` is a number above 0 and at most 100, e.g. `15`. It is left out.',
            '3:71 warning `plan.sessionsPerWeek.beginner` is `[min, max]`, whole numbers, the smaller first, e.g. `[1, 2]`. It is left out.',
            '3:79 warning `expert` is not a setting of `plan.sessionsPerWeek`: the settings are `beginner`, `intermediate` or `advanced`. It is left out.',
            '3:99 warning `longRun` is not a setting of `plan`: did you mean `longRunMinutes`? It is left out.',
            '4:17 warning `inlayHints` is `{ "enabled": true }` or `{ "enabled": false }`. It is left out.',
            '5:15 warning `loadUnit` is `"kg"` or `"lb"`. It is left out.',
            '6:3 warning `loadunit` is not a setting of workout.json: did you mean `loadUnit`? It is left out.'
        ]);
        expect(readSettings(file.settings)).toEqual(readSettings());
    });

    it('a text that is not JSON, or not an object, applies nothing: one error', () => {
        expect(where('{\n  "checks": {\n    "no-rest-day": "off",\n  }\n}\n')).toEqual(['4:3 error']);
        expect(read('{\n  "checks": {\n    "no-rest-day": "off",\n  }\n}\n').settings).toEqual({});
        expect(where('["no-rest-day"]')).toEqual(['1:1 error']);
        expect(read('["no-rest-day"]').problems[0].message).toMatch(/holds one object of settings/);
        expect(where('')).toEqual(['1:1 error']);
        expect(read('x'.repeat(MAX_SETTINGS_FILE_BYTES + 1)).problems[0].message).toMatch(/cannot be read \(larger than 256 KB\)/);
    });

    it('counts columns in a line after CRLF line ends as an editor does', () => {
        expect(where('{\r\n  "loadUnit": 3\r\n}')).toEqual(['2:15 warning']);
    });
});

describe('settings in layers', () => {
    it('the later layer wins key by key; a value that makes no sense keeps the layer below', () => {
        const editor = { checks: { 'no-rest-day': 'hint', 'duplicate-day': 'off' }, plan: { progressionPercent: 20, longRunMinutes: 80 }, loadUnit: 'lb', inlayHints: { enabled: false } };
        const project = { checks: { 'no-rest-day': 'off', 'duplicate-week': 'loud' }, plan: { progressionPercent: 15, longRunMinutes: -1 }, loadUnit: 'stone' };
        expect(readSettings(editor, project)).toEqual({
            checks: { 'no-rest-day': 'off', 'duplicate-day': 'off' },
            plan: { ...DEFAULT_PLAN_THRESHOLDS, progressionPercent: 15, longRunSeconds: 4800 },
            inlayHints: false,
            loadUnit: 'lb'
        });
    });
});

describe('the JSON schema of workout.json (schemas/workout.schema.json)', () => {
    const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/workout.schema.json'), 'utf8'));
    const packageJson = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

    it('names every check code, every severity, every section and every level the tools read', () => {
        expect(Object.keys(schema.properties.checks.properties).sort(), 'add the new check code to schemas/workout.schema.json').toEqual([...CODES].sort());
        expect(schema.definitions.severity.enum).toEqual([...SEVERITIES]);
        expect(Object.keys(schema.properties).filter(key => key !== '$schema').sort()).toEqual([...SETTING_SECTIONS].sort());
        expect(Object.keys(schema.properties.plan.properties.sessionsPerWeek.properties)).toEqual([...PLAN_LEVELS]);
    });

    it('is contributed to VS Code for workout.json, and shipped in the .vsix', () => {
        expect(packageJson.contributes.jsonValidation).toContainEqual({ fileMatch: 'workout.json', url: './schemas/workout.schema.json' });
        const shipped = readFileSync(path.resolve(__dirname, '../../.vscodeignore'), 'utf8').split('\n').map(line => line.trim());
        expect(shipped).toContain('!schemas/workout.schema.json');
    });

    it('describes the defaults the tools use', () => {
        expect(schema.properties.plan.properties.progressionPercent.default).toBe(DEFAULT_PLAN_THRESHOLDS.progressionPercent);
        expect(schema.properties.plan.properties.longRunMinutes.default).toBe(DEFAULT_PLAN_THRESHOLDS.longRunSeconds / 60);
        for (const level of PLAN_LEVELS) {
            expect(schema.properties.plan.properties.sessionsPerWeek.properties[level].default).toEqual(DEFAULT_PLAN_THRESHOLDS.sessionsPerWeek[level]);
        }
    });
});
