/**
 * The settings of the workout tools, typed, with one reader: `workout.*` as an editor sends it
 * (any shape) becomes `WorkoutSettings`, and every value that makes no sense keeps its default.
 * The language server reads them through its settings service; the command line uses the
 * defaults.
 */
import { planThresholds, type PlanThresholds } from './plan-rules.js';

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

export function readSettings(raw: Partial<Record<typeof SETTING_SECTIONS[number], unknown>> = {}): WorkoutSettings {
    const checks: Record<string, SeveritySetting> = {};
    if (raw.checks && typeof raw.checks === 'object') {
        for (const [code, severity] of Object.entries(raw.checks)) {
            if ((SEVERITIES as readonly unknown[]).includes(severity)) {
                checks[code] = severity as SeveritySetting;
            }
        }
    }
    const plan = raw.plan && typeof raw.plan === 'object' ? raw.plan : {};
    const inlayHints = raw.inlayHints && typeof raw.inlayHints === 'object' ? (raw.inlayHints as { enabled?: unknown }).enabled : undefined;
    return {
        checks,
        plan: planThresholds(plan),
        inlayHints: inlayHints !== false,
        loadUnit: raw.loadUnit === 'lb' ? 'lb' : 'kg'
    };
}

export const DEFAULT_SETTINGS: WorkoutSettings = Object.freeze(readSettings());
