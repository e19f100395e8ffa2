/**
 * The project's settings file, `workout.json`: the same shape as the editor's `workout.*`
 * settings (`{ "checks": { "no-rest-day": "off" }, "plan": { "progressionPercent": 15 },
 * "loadUnit": "lb" }`), read by the command line and the editor alike. Reading it never fails:
 * what cannot be used is a problem with its line and column, in words, and is left out.
 *
 * Which file applies to which document, and how it layers over the editor's settings, is the
 * settings service's business (src/language/workout-settings.ts); this file only reads text.
 */
import { distance } from 'fastest-levenshtein';
import { jsonValue, parseJsonTree, type JsonNode } from './json-tree.js';
import { isLongRunMinutes, isProgressionPercent, isSessionsRange, PLAN_LEVELS } from './plan-rules.js';
import { isLoadUnit, isSeverity, SETTING_SECTIONS, SEVERITIES, type RawSettings } from './settings.js';

export const SETTINGS_FILE_NAME = 'workout.json';

/** A file larger than this is not a settings file (it is not read). */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

export interface SettingsProblem {
    /** 1-based, as editors and `file:line:col` show them. */
    line: number;
    column: number;
    /** `error`: nothing of the file applies; `warning`: this value is left out, the rest applies. */
    severity: 'error' | 'warning';
    message: string;
}

export interface SettingsFile {
    /** What applies: only the values that make sense. */
    settings: RawSettings;
    problems: SettingsProblem[];
}

const PLAN_KEYS = ['progressionPercent', 'sessionsPerWeek', 'longRunMinutes'] as const;

/** The known name closest to a misspelled one, if it is close enough to be what was meant. */
function closest(name: string, known: readonly string[]): string | undefined {
    const started = known.find(candidate => name.length >= 4 && candidate.toLowerCase().startsWith(name.toLowerCase()));
    if (started) {
        return started;
    }
    const ranked = known.map(candidate => ({ candidate, cost: distance(name.toLowerCase(), candidate.toLowerCase()) }))
        .sort((a, b) => a.cost - b.cost);
    return ranked[0] && ranked[0].cost <= Math.max(2, Math.floor(name.length / 3)) ? ranked[0].candidate : undefined;
}

const orList = (words: readonly string[]) => `${words.slice(0, -1).map(word => `\`${word}\``).join(', ')} or \`${words[words.length - 1]}\``;

class Reader {
    readonly problems: SettingsProblem[] = [];
    private readonly lineStarts: number[] = [0];

    constructor(text: string) {
        for (let index = 0; index < text.length; index++) {
            if (text[index] === '\n') {
                this.lineStarts.push(index + 1);
            }
        }
    }

    problem(offset: number, severity: SettingsProblem['severity'], message: string): void {
        // The last line that starts at or before the offset.
        let line = 0;
        for (let step = 1 << 20; step > 0; step >>= 1) {
            if (line + step < this.lineStarts.length && this.lineStarts[line + step] <= offset) {
                line += step;
            }
        }
        this.problems.push({ line: line + 1, column: offset - this.lineStarts[line] + 1, severity, message });
    }

    /** The properties of an object node, or a problem when the node is not an object. */
    properties(node: JsonNode, name: string, example: string): Array<{ key: string; keyOffset: number; value: JsonNode }> {
        if (node.type !== 'object') {
            this.problem(node.offset, 'warning', `\`${name}\` is an object, e.g. ${example}; this one is left out.`);
            return [];
        }
        return node.properties;
    }

    unknownKey(key: string, keyOffset: number, where: string, known: readonly string[]): void {
        const guess = closest(key, known);
        this.problem(keyOffset, 'warning', `\`${key}\` is not a setting${where}${guess ? `: did you mean \`${guess}\`?` : `: the settings are ${orList(known)}.`} It is left out.`);
    }
}

function readChecks(node: JsonNode, reader: Reader, knownChecks: readonly string[]): Record<string, string> {
    const checks: Record<string, string> = {};
    for (const { key, keyOffset, value } of reader.properties(node, 'checks', '`{ "no-rest-day": "off" }`')) {
        if (!knownChecks.includes(key)) {
            const guess = closest(key, knownChecks);
            reader.problem(keyOffset, 'warning', `\`${key}\` is not a check${guess ? `: did you mean \`${guess}\`?` : '; the codes are listed in docs/checks.md.'} It is left out.`);
        } else if (!isSeverity(jsonValue(value))) {
            reader.problem(value.offset, 'warning', `\`${JSON.stringify(jsonValue(value))}\` is not a severity for \`${key}\`: write ${orList(SEVERITIES)}. It is left out.`);
        } else {
            checks[key] = jsonValue(value) as string;
        }
    }
    return checks;
}

function readPlan(node: JsonNode, reader: Reader): Record<string, unknown> {
    const plan: Record<string, unknown> = {};
    for (const { key, keyOffset, value } of reader.properties(node, 'plan', '`{ "progressionPercent": 15 }`')) {
        if (key === 'progressionPercent') {
            if (isProgressionPercent(jsonValue(value))) {
                plan[key] = jsonValue(value);
            } else {
                reader.problem(value.offset, 'warning', '`plan.progressionPercent` is a number above 0 and at most 100, e.g. `15`. It is left out.');
            }
        } else if (key === 'longRunMinutes') {
            if (isLongRunMinutes(jsonValue(value))) {
                plan[key] = jsonValue(value);
            } else {
                reader.problem(value.offset, 'warning', '`plan.longRunMinutes` is a number of minutes above 0, e.g. `90`. It is left out.');
            }
        } else if (key === 'sessionsPerWeek') {
            const sessions: Record<string, unknown> = {};
            for (const level of reader.properties(value, 'plan.sessionsPerWeek', '`{ "beginner": [1, 2] }`')) {
                const range = jsonValue(level.value);
                if (!(PLAN_LEVELS as readonly string[]).includes(level.key)) {
                    reader.unknownKey(level.key, level.keyOffset, ' of `plan.sessionsPerWeek`', PLAN_LEVELS);
                } else if (!isSessionsRange(range)) {
                    reader.problem(level.value.offset, 'warning', `\`plan.sessionsPerWeek.${level.key}\` is \`[min, max]\`, whole numbers, the smaller first, e.g. \`[1, 2]\`. It is left out.`);
                } else {
                    sessions[level.key] = range;
                }
            }
            plan[key] = sessions;
        } else {
            reader.unknownKey(key, keyOffset, ' of `plan`', PLAN_KEYS);
        }
    }
    return plan;
}

/** A settings file that could not be read at all: nothing of it applies. */
export function unreadable(why: string): SettingsFile {
    return { settings: {}, problems: [{ line: 1, column: 1, severity: 'error', message: `${SETTINGS_FILE_NAME} cannot be read (${why}); none of its settings apply.` }] };
}

/**
 * The settings a `workout.json` text holds, and what is wrong with it. A text that is not JSON,
 * or not an object, applies nothing: one error says where it went wrong.
 */
export function readSettingsFile(text: string, knownChecks: readonly string[]): SettingsFile {
    if (text.length > MAX_SETTINGS_FILE_BYTES) {
        return unreadable(`larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB`);
    }
    const reader = new Reader(text);
    const parsed = parseJsonTree(text);
    if ('error' in parsed) {
        reader.problem(parsed.error.offset, 'error', `${SETTINGS_FILE_NAME} is not valid JSON: ${parsed.error.message}. None of its settings apply until it is fixed.`);
        return { settings: {}, problems: reader.problems };
    }
    const root = parsed.tree;
    if (root.type !== 'object') {
        reader.problem(root.offset, 'error', `${SETTINGS_FILE_NAME} holds one object of settings, e.g. \`{ "checks": { "no-rest-day": "off" } }\`; none of its settings apply.`);
        return { settings: {}, problems: reader.problems };
    }
    const settings: RawSettings = {};
    for (const { key, keyOffset, value } of reader.properties(root, SETTINGS_FILE_NAME, '')) {
        if (key === '$schema') {
            continue;
        }
        if (key === 'checks') {
            settings.checks = readChecks(value, reader, knownChecks);
        } else if (key === 'plan') {
            settings.plan = readPlan(value, reader);
        } else if (key === 'inlayHints') {
            const enabled = value.type === 'object' ? value.properties.find(property => property.key === 'enabled')?.value : undefined;
            if (enabled?.type === 'boolean') {
                settings.inlayHints = { enabled: enabled.value };
            } else {
                reader.problem((enabled ?? value).offset, 'warning', '`inlayHints` is `{ "enabled": true }` or `{ "enabled": false }`. It is left out.');
            }
        } else if (key === 'loadUnit') {
            if (isLoadUnit(jsonValue(value))) {
                settings.loadUnit = jsonValue(value) as 'kg' | 'lb';
            } else {
                reader.problem(value.offset, 'warning', '`loadUnit` is `"kg"` or `"lb"`. It is left out.');
            }
        } else {
            reader.unknownKey(key, keyOffset, ` of ${SETTINGS_FILE_NAME}`, SETTING_SECTIONS);
        }
    }
    return { settings, problems: reader.problems };
}
