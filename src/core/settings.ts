/**
 * The settings of the workout tools, typed, with one reader: `workout.*` as an editor sends it
 * and the project's `workout.json` (any shape) become `WorkoutSettings`, and every value that
 * makes no sense keeps what the layer below said, down to the default. The language server and
 * the command line read them through the settings service (src/language/workout-settings.ts).
 */
import { DEFAULT_PLAN_THRESHOLDS, planThresholds, type PlanThresholds } from './plan-rules.js';

export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type SeveritySetting = typeof SEVERITIES[number];

export interface WorkoutSettings {
    /** Severity per check code (`workout.checks`); a code not listed keeps its own severity. */
    checks: Readonly<Record<string, SeveritySetting>>;
    /** `workout.plan.*`. */
    plan: PlanThresholds;
    /** `workout.inlayHints.enabled`: each block's estimated time at the end of its line. */
    inlayHints: boolean;
    /** `workout.loadUnit`: the unit completion suggests loads in. */
    loadUnit: 'kg' | 'lb';
}

/** The sections of `workout.*`, as the editor's configuration names them. */
export const SETTING_SECTIONS = ['checks', 'plan', 'inlayHints', 'loadUnit'] as const;

/** Settings as written, any shape: the editor's `workout.*` sections, or a `workout.json`. */
export type RawSettings = Partial<Record<typeof SETTING_SECTIONS[number], unknown>>;

export function isSeverity(value: unknown): value is SeveritySetting {
    return (SEVERITIES as readonly unknown[]).includes(value);
}

export function isLoadUnit(value: unknown): value is WorkoutSettings['loadUnit'] {
    return value === 'kg' || value === 'lb';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The settings of one or more layers, the later winning key by key: a check's severity, each
 * plan threshold, the inlay hints, the load unit. A value that makes no sense is skipped, so the
 * layer below (at the bottom, the default) stays.
 */
export function readSettings(...layers: RawSettings[]): WorkoutSettings {
    const settings: WorkoutSettings = { checks: {}, plan: DEFAULT_PLAN_THRESHOLDS, inlayHints: true, loadUnit: 'kg' };
    const checks: Record<string, SeveritySetting> = {};
    for (const raw of layers) {
        for (const [code, severity] of Object.entries(isObject(raw.checks) ? raw.checks : {})) {
            if (isSeverity(severity)) {
                checks[code] = severity;
            }
        }
        settings.plan = planThresholds(isObject(raw.plan) ? raw.plan : {}, settings.plan);
        const enabled = isObject(raw.inlayHints) ? raw.inlayHints.enabled : undefined;
        settings.inlayHints = typeof enabled === 'boolean' ? enabled : settings.inlayHints;
        settings.loadUnit = isLoadUnit(raw.loadUnit) ? raw.loadUnit : settings.loadUnit;
    }
    return { ...settings, checks };
}

export const DEFAULT_SETTINGS: WorkoutSettings = Object.freeze(readSettings());
