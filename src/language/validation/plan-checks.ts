/**
 * Checks on plans: the coaching guidance for runners who strength train, made executable.
 * Each check reads the compiled plan (src/language/compiler/compile-plan.ts), so the numbers a warning
 * quotes are the numbers the preview draws. Thresholds and their defaults: docs/plans.md.
 */
import { GrammarUtils, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { PlanThresholds } from '../../core/plan-rules.js';
import { AMOUNT_LIMITS, formatSeconds } from '../../core/quantities.js';
import type { PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel } from '../../core/session-model.js';
import { isPlanLevel, isPlanProgression, type Plan, type Week } from '../generated/ast.js';
import { unquote } from '../exercise-resolver.js';
import { levelOf, progressionPercentOf, type PlanSources } from '../compiler/compile-plan.js';
import type { WorkoutServices } from '../workout-services.js';
import { IssueCodes } from './issue-codes.js';
import { valueMustBeInRange } from './amount-limits.js';

/** `week 3 "Deload"`: where a diagnostic about a whole week goes, so it does not span the block. */
function weekHeader(week: Week): Range | undefined {
    const cst = week.$cstNode;
    const start = cst ? GrammarUtils.findNodeForKeyword(cst, 'week') : undefined;
    const end = cst ? GrammarUtils.findNodeForProperty(cst, week.title ? 'title' : 'number') : undefined;
    return start && end ? { start: start.range.start, end: end.range.end } : undefined;
}

/** Where the plan checks put their warnings: on the syntax behind a week, a day or an item. */
interface PlanAcceptor {
    accept: ValidationAcceptor;
    sources: PlanSources;
}

function acceptOnWeek({ accept, sources }: PlanAcceptor, week: PlanWeekModel, message: string, code: string): void {
    const node = sources.weekNodeOf(week);
    if (node) {
        const range = weekHeader(node);
        accept('warning', message, range ? { node, range, code } : { node, code });
    }
}

function acceptOnItem({ accept, sources }: PlanAcceptor, item: PlanItemModel, message: string, code: string): void {
    const node = sources.itemNodeOf(item);
    if (node) {
        accept('warning', message, { node, code });
    }
}

function capitalised(day: string): string {
    return day.charAt(0).toUpperCase() + day.slice(1);
}

/** To the minute: a week's volume in seconds reads as false precision. */
function minutes(seconds: number): string {
    return formatSeconds(Math.max(60, Math.round(seconds / 60) * 60));
}

function describeRun(item: PlanItemModel): string {
    return item.type === 'workout' ? `\`${item.ref}\`` : `the ${minutes(item.estimatedSeconds)} ${item.name.toLowerCase()}`;
}

// ---- options and structure --------------------------------------------------------------------

export function planOptionsMustBeValid(plan: Plan, accept: ValidationAcceptor): void {
    let levelSeen = false;
    // An option without its value is already a syntax error.
    for (const option of plan.items.filter(isPlanLevel).filter(item => item.level !== undefined)) {
        if (!levelOf(option.level)) {
            accept('error', `\`${unquote(option.level)}\` is not a level: write \`level beginner\`, \`level intermediate\` or \`level advanced\`.`, {
                node: option, property: 'level', code: IssueCodes.InvalidPlanOption
            });
        } else if (levelSeen) {
            accept('warning', 'The plan already has a `level`: keep one, the first one applies.', {
                node: option, code: IssueCodes.InvalidPlanOption
            });
        }
        levelSeen ||= levelOf(option.level) !== undefined;
    }
    let progressionSeen = false;
    for (const option of plan.items.filter(isPlanProgression).filter(item => item.limit !== undefined)) {
        if (progressionPercentOf(option.limit) === undefined) {
            accept('error', `\`progression ${option.limit}\` is not a share of the week before: write a percentage from 1% to 100%, e.g. \`progression 10%\`.`, {
                node: option, property: 'limit', code: IssueCodes.InvalidPlanOption
            });
        } else if (progressionSeen) {
            accept('warning', 'The plan already has a `progression`: keep one, the first one applies.', {
                node: option, code: IssueCodes.InvalidPlanOption
            });
        }
        progressionSeen ||= progressionPercentOf(option.limit) !== undefined;
    }
}

export function weekNumberMustBeInRange(week: Week, accept: ValidationAcceptor): void {
    if (week.number !== undefined) {
        valueMustBeInRange(Number(week.number), AMOUNT_LIMITS.week, `week ${AMOUNT_LIMITS.week}`, { node: week, property: 'number' }, accept);
    }
}

export function weekNumbersMustBeUnique(plan: PlanModel, accept: PlanAcceptor): void {
    const seen = new Map<number, PlanWeekModel>();
    for (const week of plan.weeks) {
        const first = seen.get(week.week);
        if (first) {
            acceptOnWeek(accept, week, `Week ${week.week} is already planned on line ${first.line}: number the weeks in order or merge the two.`, IssueCodes.DuplicateWeek);
        } else {
            seen.set(week.week, week);
        }
    }
}

export function daysMustBeListedOnce(week: PlanWeekModel, { accept, sources }: PlanAcceptor): void {
    for (const day of week.days) {
        const [, ...again] = sources.dayNodesOf(day);
        for (const node of again) {
            accept('warning', `${capitalised(day.day)} is already listed on line ${day.line}: put everything of that day on one line, in the order it is done.`, {
                node, property: 'day', code: IssueCodes.DuplicateDay
            });
        }
    }
}

// ---- the guidance -----------------------------------------------------------------------------

export function strengthSessionsMustFitTheLevel(plan: PlanModel, week: PlanWeekModel, accept: PlanAcceptor): void {
    const { min, max } = plan.sessionsPerWeek;
    const range = min === max ? `${min}` : `${min}–${max}`;
    const who = plan.level === 'beginner' ? 'a beginner' : `an ${plan.level} athlete`;
    const sessions = week.strengthSessions;
    if (sessions > max) {
        acceptOnWeek(accept, week, `Week ${week.week} has ${sessions} strength sessions; ${range} a week of 20–30 minutes suit ${who}. More leaves too little recovery for the runs: drop one or merge two.`, IssueCodes.StrengthSessionsPerWeek);
    } else if (sessions < min) {
        const count = sessions === 0 ? 'no strength session' : `${sessions} strength session${sessions === 1 ? '' : 's'}`;
        acceptOnWeek(accept, week, `Week ${week.week} has ${count}; ${range} a week suit ${who}, and gains fade without regular work. Add a short session after an easy run.`, IssueCodes.StrengthSessionsPerWeek);
    }
}

export function strengthMustNotShareTheLongRunDay(day: PlanDayModel, accept: PlanAcceptor): void {
    const longRun = day.items.find(item => item.longRun);
    if (!longRun) {
        return;
    }
    for (const item of day.items.filter(candidate => candidate.strength)) {
        acceptOnItem(accept, item, `\`${item.ref}\` is on the long-run day (${describeRun(longRun)}). Strength plus a long run on one day overloads the legs: move it to an easy-run day.`, IssueCodes.StrengthOnLongRunDay);
    }
}

export function strengthMustFollowTheRun(day: PlanDayModel, accept: PlanAcceptor): void {
    day.items.forEach((item, index) => {
        const laterRun = item.strength ? day.items.slice(index + 1).find(candidate => candidate.cardio) : undefined;
        if (laterRun) {
            acceptOnItem(accept, item, `\`${item.ref}\` comes before ${describeRun(laterRun)} on ${capitalised(day.day)}. Legs tired from strength work run worse and less safely: run first, then do the strength work.`, IssueCodes.StrengthBeforeRun);
        }
    });
}

export function weekMustHaveARestDay(week: PlanWeekModel, accept: PlanAcceptor): void {
    if (week.restDays === 0) {
        acceptOnWeek(accept, week, `Week ${week.week} has training on all seven days. The body adapts while it rests: leave at least one day free, or with only walking or stretching.`, IssueCodes.NoRestDay);
    }
}

export function progressionMustBeGradual(plan: PlanModel, accept: PlanAcceptor): void {
    plan.weeks.forEach((week, index) => {
        if (!week.breaksProgression) {
            return;
        }
        const earlier = plan.weeks.slice(0, index);
        const heaviest = (pick: (w: PlanWeekModel) => number) => earlier.reduce((best, w) => pick(w) > pick(best) ? w : best, earlier[0]);
        const grew: string[] = [];
        if ((week.strengthSetsGrowthPercent ?? 0) > plan.progressionPercent) {
            const base = heaviest(w => w.strengthSets);
            grew.push(`sets by ${week.strengthSetsGrowthPercent}% (${base.strengthSets} in week ${base.week} → ${week.strengthSets})`);
        }
        if ((week.strengthSecondsGrowthPercent ?? 0) > plan.progressionPercent) {
            const base = heaviest(w => w.strengthSeconds);
            grew.push(`minutes by ${week.strengthSecondsGrowthPercent}% (${minutes(base.strengthSeconds)} in week ${base.week} → ${minutes(week.strengthSeconds)})`);
        }
        acceptOnWeek(accept, week, `Week ${week.week} grows strength ${grew.join(' and ')}, over the ${plan.progressionPercent}% limit. Tendons adapt more slowly than muscles: build up in smaller steps.`, IssueCodes.ProgressionTooSteep);
    });
}

/**
 * All plan checks. Thresholds come from the settings (`workout.plan.*`, or the defaults outside
 * an editor); the plan's own `level` and `progression` lines win over them.
 */
export const planChecks = (services: WorkoutServices) => async (plan: Plan, accept: ValidationAcceptor): Promise<void> => {
    const thresholds = (await services.settings.Settings.get()).plan;
    checkPlan(plan, accept, services, thresholds);
};

export function checkPlan(plan: Plan, accept: ValidationAcceptor, services: WorkoutServices, thresholds: PlanThresholds): void {
    planOptionsMustBeValid(plan, accept);
    const { model, sources } = services.compiler.Compiler.compilePlan(plan, thresholds);
    const onPlan: PlanAcceptor = { accept, sources };
    weekNumbersMustBeUnique(model, onPlan);
    for (const week of model.weeks) {
        daysMustBeListedOnce(week, onPlan);
        strengthSessionsMustFitTheLevel(model, week, onPlan);
        weekMustHaveARestDay(week, onPlan);
        for (const day of week.days) {
            strengthMustNotShareTheLongRunDay(day, onPlan);
            strengthMustFollowTheRun(day, onPlan);
        }
    }
    progressionMustBeGradual(model, onPlan);
}
