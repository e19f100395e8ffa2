import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Every diagnostic the workout tools report, by stable code. The validator, the quick fixes,
 * the settings and the tests all refer to these names; docs/checks.md explains each one.
 */
export const IssueCodes = {
    SyntaxError: 'syntax-error',
    NestingTooDeep: 'nesting-too-deep',
    UnknownExercise: 'unknown-exercise',
    UnknownWorkout: 'unknown-workout',
    ImportNotFound: 'import-not-found',
    DuplicateDefinition: 'duplicate-definition',
    UnknownProperty: 'unknown-property',
    InvalidPropertyValue: 'invalid-property-value',
    AmountKind: 'amount-kind',
    RangeInverted: 'range-inverted',
    RangeUnitsDiffer: 'range-units-differ',
    CountNotPositive: 'count-not-positive',
    ImplausibleAmount: 'implausible-amount',
    AmountOutOfRange: 'amount-out-of-range',
    UnilateralNeedsSide: 'unilateral-needs-side',
    NeedsDuration: 'needs-duration',
    InvalidLoad: 'invalid-load',
    CapRequired: 'cap-required',
    CapExceeded: 'cap-exceeded',
    EmptyBlock: 'empty-block',
    DuplicateModifier: 'duplicate-modifier',
    AmountMissing: 'amount-missing',
    SchemeSetsDiffer: 'scheme-sets-differ',
    InvalidTempo: 'invalid-tempo',
    SlotOutsideEmom: 'slot-outside-emom',
    // runs and athletes
    UnknownPace: 'unknown-pace',
    InvalidRunTarget: 'invalid-run-target',
    TargetNotForExercise: 'target-not-for-exercise',
    InvalidRecovery: 'invalid-recovery',
    InvalidAthleteFact: 'invalid-athlete-fact',
    UnknownAthlete: 'unknown-athlete',
    TargetNeedsProfile: 'target-needs-profile',
    // plans
    StrengthSessionsPerWeek: 'strength-sessions-per-week',
    StrengthOnLongRunDay: 'strength-on-long-run-day',
    StrengthBeforeRun: 'strength-before-run',
    ProgressionTooSteep: 'progression-too-steep',
    NoRestDay: 'no-rest-day',
    DuplicateDay: 'duplicate-day',
    DuplicateWeek: 'duplicate-week',
    InvalidWeekRange: 'invalid-week-range',
    PlanTooLarge: 'plan-too-large',
    InvalidPlanOption: 'invalid-plan-option',
    RunVolumeTooSteep: 'run-volume-too-steep',
    LongRunTooLong: 'long-run-too-long',
    HardDaysBackToBack: 'hard-days-back-to-back',
    HeavyLegsBeforeKeyRun: 'heavy-legs-before-key-run',
    TooMuchHardRunning: 'too-much-hard-running',
    // the project's settings file, workout.json
    InvalidSettings: 'invalid-settings'
} as const;


/**
 * The code of any diagnostic of a workout document, read one way everywhere (settings, quick
 * fixes, the command line): a check's code is in `code`; Langium puts the code of its own lexer
 * and parser errors in `data`, and both read as `syntax-error` to a coach.
 */
export function codeOf(diagnostic: Pick<Diagnostic, 'code' | 'data'>): string {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : (diagnostic.data as { code?: unknown } | undefined)?.code;
    const text = typeof code === 'string' ? code : String(diagnostic.code ?? '');
    return text === 'lexing-error' || text === 'parsing-error' ? IssueCodes.SyntaxError : text;
}

/**
 * Errors that leave the text's structure whole, so a draft can still be drawn, printed or put in
 * a calendar with the problem marked: an unknown name (the model has it with `known: false`), an
 * amount or a load to fix. Syntax errors and anything not listed keep the preview on the last
 * good version and the command line from rendering.
 */
const DRAWABLE_ERRORS: ReadonlySet<string> = new Set<string>([
    IssueCodes.UnknownExercise, IssueCodes.UnknownWorkout, IssueCodes.DuplicateDefinition, IssueCodes.InvalidPropertyValue,
    IssueCodes.AmountKind, IssueCodes.AmountMissing, IssueCodes.RangeInverted, IssueCodes.RangeUnitsDiffer, IssueCodes.CountNotPositive,
    IssueCodes.NeedsDuration, IssueCodes.InvalidLoad, IssueCodes.InvalidTempo, IssueCodes.CapRequired, IssueCodes.CapExceeded,
    IssueCodes.InvalidPlanOption, IssueCodes.UnknownPace, IssueCodes.InvalidRunTarget, IssueCodes.InvalidRecovery, IssueCodes.InvalidAthleteFact,
    IssueCodes.UnknownAthlete
]);

/** Whether an error of this code still lets the session be drawn (see DRAWABLE_ERRORS). */
export function stillDrawable(code: string): boolean {
    return DRAWABLE_ERRORS.has(code);
}

/** The errors that keep a document from being drawn: errors whose code is not drawable. */
export function blockingErrors<D extends Pick<Diagnostic, 'code' | 'data' | 'severity'>>(diagnostics: readonly D[]): D[] {
    return diagnostics.filter(diagnostic => diagnostic.severity === 1 && !stillDrawable(codeOf(diagnostic)));
}
