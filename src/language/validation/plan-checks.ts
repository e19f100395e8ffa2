/**
 * Checks on plans: the coaching guidance for runners who strength train, made executable, where
 * it fits the athlete (the plan's focus: core/plan-rules.ts, GUIDANCE_BY_FOCUS).
 * Each check reads the compiled plan (src/language/compiler/compile-plan.ts), so the numbers a warning
 * quotes are the numbers the preview draws. Thresholds and their defaults: docs/plans.md.
 */
import { AstUtils, GrammarUtils, type Properties, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { guidanceOf, MAX_WEEKS_IN_RANGE, type PlanThresholds } from '../../core/plan-rules.js';
import { AMOUNT_LIMITS, formatSeconds } from '../../core/quantities.js';
import type { PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel } from '../../core/session-model.js';
import { isPlanFocus, isPlanLevel, isPlanProgression, isWeek, type Day, type Plan, type PlanFocus, type PlanLevel, type PlanProgression, type Week } from '../generated/ast.js';
import { unquote } from '../exercise-resolver.js';
import { lineOf } from '../compiler/compile-workout.js';
import { focusOf, levelOf, progressionPercentOf, weekNumbersOf, type PlanSources } from '../compiler/compile-plan.js';
import type { WorkoutServices } from '../workout-services.js';
import { IssueCodes } from './issue-codes.js';
import { valueMustBeInRange } from './amount-limits.js';

/** `week 3 "Deload"`, `weeks 2-12`: where a diagnostic about a whole week goes, so it does not span the block. */
function weekHeader(week: Week): Range | undefined {
    const cst = week.$cstNode;
    const start = cst ? GrammarUtils.findNodeForKeyword(cst, 'week') ?? GrammarUtils.findNodeForKeyword(cst, 'weeks') : undefined;
    const end = cst ? GrammarUtils.findNodeForProperty(cst, week.title ? 'title' : week.last !== undefined ? 'last' : 'number') : undefined;
    return start && end ? { start: start.range.start, end: end.range.end } : undefined;
}

/**
 * Where the plan checks put their warnings: on the syntax behind a week, a day or an item. The
 * weeks of a `weeks 2-12` range and the days of a `daily:` line share their syntax: a check
 * says a thing once on it, not once per week or day.
 */
class PlanAcceptor {
    private readonly said = new Set<string>();
    private readonly nodeIds = new Map<object, number>();

    constructor(readonly accept: ValidationAcceptor, readonly sources: PlanSources) {}

    /** True the first time a code is put on a node. */
    private firstTime(node: object, code: string): boolean {
        let id = this.nodeIds.get(node);
        if (id === undefined) {
            id = this.nodeIds.size;
            this.nodeIds.set(node, id);
        }
        const key = `${id} ${code}`;
        const first = !this.said.has(key);
        this.said.add(key);
        return first;
    }

    onWeek(week: PlanWeekModel, message: string, code: string): void {
        const node = this.sources.weekNodeOf(week);
        if (node && this.firstTime(node, code)) {
            const range = weekHeader(node);
            this.accept('warning', message, range ? { node, range, code } : { node, code });
        }
    }

    onItem(item: PlanItemModel, message: string, code: string): void {
        const node = this.sources.itemNodeOf(item);
        if (node && this.firstTime(node, code)) {
            this.accept('warning', message, { node, code });
        }
    }
}

/** `Week 3 has` or, for a range, `Weeks 2–12 each have`. */
function weekHas(week: PlanWeekModel): string {
    return week.range ? `Weeks ${week.range.first}–${week.range.last} each have` : `Week ${week.week} has`;
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

/**
 * One kind of plan option (`level`, `progression`, `focus`): each value must be one the tools
 * read, and the option is given once (the first valid one applies).
 */
function optionMustBeValidOnce<T extends PlanLevel | PlanProgression | PlanFocus>(
    keyword: string, options: T[], property: Properties<T>, valid: (option: T) => boolean, invalid: (option: T) => string, accept: ValidationAcceptor
): void {
    let seen = false;
    // An option without its value is already a syntax error.
    for (const option of options.filter(candidate => candidate[property as keyof T] !== undefined)) {
        if (!valid(option)) {
            accept('error', invalid(option), { node: option, property, code: IssueCodes.InvalidPlanOption });
        } else if (seen) {
            accept('warning', `The plan already has a \`${keyword}\`: keep one, the first one applies.`, { node: option, code: IssueCodes.InvalidPlanOption });
        }
        seen ||= valid(option);
    }
}

export function planOptionsMustBeValid(plan: Plan, accept: ValidationAcceptor): void {
    optionMustBeValidOnce('level', plan.items.filter(isPlanLevel), 'level', option => levelOf(option.level) !== undefined,
        option => `\`${unquote(option.level)}\` is not a level: write \`level beginner\`, \`level intermediate\` or \`level advanced\`.`, accept);
    optionMustBeValidOnce('progression', plan.items.filter(isPlanProgression), 'limit', option => progressionPercentOf(option.limit) !== undefined,
        option => `\`progression ${option.limit}\` is not a share of the week before: write a percentage from 1% to 100%, e.g. \`progression 10%\`.`, accept);
    optionMustBeValidOnce('focus', plan.items.filter(isPlanFocus), 'focus', option => focusOf(option.focus) !== undefined,
        option => `\`${unquote(option.focus)}\` is not a focus: write \`focus runner\`, \`focus strength\`, \`focus rehab\` or \`focus hybrid\`.`, accept);
}

export function weekRangesMustBeValid(plan: Plan, accept: ValidationAcceptor): void {
    for (const week of plan.items.filter(isWeek)) {
        const { problem } = weekNumbersOf(week);
        const keyword = week.$cstNode && GrammarUtils.findNodeForKeyword(week.$cstNode, 'weeks') ? 'weeks' : 'week';
        const written = `${keyword} ${week.number}-${week.last}`;
        const message = problem === 'backwards' ? `\`${written}\` counts backwards: write the first week first, \`${keyword} ${week.last}-${week.number}\`.`
            : problem === 'too-long' ? `\`${written}\` is longer than ${MAX_WEEKS_IN_RANGE} weeks: split the plan, or check the numbers.`
            : problem === 'not-whole' ? `\`${written}\`: weeks are whole numbers, e.g. \`weeks 2-12\`.`
            : undefined;
        if (message) {
            accept('error', `${message} Only week ${week.number} is planned.`, { node: week, property: 'last', code: IssueCodes.InvalidWeekRange });
        }
    }
}

export function weekNumberMustBeInRange(week: Week, accept: ValidationAcceptor): void {
    if (week.number !== undefined) {
        valueMustBeInRange(Number(week.number), AMOUNT_LIMITS.week, `week ${AMOUNT_LIMITS.week}`, { node: week, property: 'number' }, accept);
    }
    if (week.last !== undefined) {
        valueMustBeInRange(Number(week.last), AMOUNT_LIMITS.week, `week ${AMOUNT_LIMITS.week}`, { node: week, property: 'last' }, accept);
    }
}

/** Two lines for one week, or ranges that overlap: one warning on the later line, naming the weeks. */
export function weekNumbersMustBeUnique(plan: PlanModel, accept: PlanAcceptor): void {
    const seen = new Map<number, PlanWeekModel>();
    const again = new Map<Week, { weeks: number[]; first: PlanWeekModel }>();
    for (const week of plan.weeks) {
        const first = seen.get(week.week);
        const node = accept.sources.weekNodeOf(week);
        if (first && node) {
            const entry = again.get(node) ?? { weeks: [], first };
            entry.weeks.push(week.week);
            again.set(node, entry);
        } else if (!first) {
            seen.set(week.week, week);
        }
    }
    for (const [node, { weeks, first }] of again) {
        const week = plan.weeks.find(candidate => accept.sources.weekNodeOf(candidate) === node)!;
        const which = weeks.length === 1 ? `Week ${weeks[0]} is` : `Weeks ${weeks[0]}–${weeks[weeks.length - 1]} are`;
        accept.onWeek(week, `${which} already planned on line ${first.line}: number the weeks in order or merge the two.`, IssueCodes.DuplicateWeek);
    }
}

/** The same weekday at the same time of day twice in a week (`monday:` is the morning, as `monday am:`). */
export function daysMustBeListedOnce(week: Week, accept: ValidationAcceptor): void {
    const seen = new Map<string, Day>();
    for (const day of week.days.filter(candidate => candidate.day !== undefined)) {
        const key = `${day.day} ${day.slot ?? 'am'}`;
        const first = seen.get(key);
        if (first) {
            const label = `${day.day === 'daily' ? '`daily`' : capitalised(day.day)}${day.slot ? ` ${day.slot}` : ''}`;
            const morning = first.slot !== day.slot ? ' (a day without `am` or `pm` is the morning)' : '';
            accept('warning', `${label} is already listed on line ${lineOf(first)}${morning}: put everything of that ${day.slot ? 'session' : 'day'} on one line, in the order it is done.`, {
                node: day, property: 'day', code: IssueCodes.DuplicateDay
            });
        } else {
            seen.set(key, day);
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
        accept.onWeek(week, `${weekHas(week)} ${sessions} strength sessions; ${range} a week of 20–30 minutes suit ${who}. More leaves too little recovery for the runs: drop one or merge two.`, IssueCodes.StrengthSessionsPerWeek);
    } else if (sessions < min) {
        const count = sessions === 0 ? 'no strength session' : `${sessions} strength session${sessions === 1 ? '' : 's'}`;
        accept.onWeek(week, `${weekHas(week)} ${count}; ${range} a week suit ${who}, and gains fade without regular work. Add a short session after an easy run.`, IssueCodes.StrengthSessionsPerWeek);
    }
}

export function strengthMustNotShareTheLongRunDay(day: PlanDayModel, accept: PlanAcceptor): void {
    const longRun = day.items.find(item => item.longRun);
    if (!longRun) {
        return;
    }
    for (const item of day.items.filter(candidate => candidate.strength)) {
        accept.onItem(item, `\`${item.ref}\` is on the long-run day (${describeRun(longRun)}). Strength plus a long run on one day overloads the legs: move it to an easy-run day.`, IssueCodes.StrengthOnLongRunDay);
    }
}

export function strengthMustFollowTheRun(day: PlanDayModel, accept: PlanAcceptor): void {
    day.items.forEach((item, index) => {
        const laterRun = item.strength ? day.items.slice(index + 1).find(candidate => candidate.cardio) : undefined;
        if (laterRun) {
            accept.onItem(item, `\`${item.ref}\` comes before ${describeRun(laterRun)} on ${capitalised(day.day)}. Legs tired from strength work run worse and less safely: run first, then do the strength work.`, IssueCodes.StrengthBeforeRun);
        }
    });
}

export function weekMustHaveARestDay(week: PlanWeekModel, accept: PlanAcceptor): void {
    if (week.restDays === 0) {
        accept.onWeek(week, `${weekHas(week)} training on all seven days. The body adapts while it rests: leave at least one day free, or with only walking or stretching.`, IssueCodes.NoRestDay);
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
        accept.onWeek(week, `Week ${week.week} grows strength ${grew.join(' and ')}, over the ${plan.progressionPercent}% limit. Tendons adapt more slowly than muscles: build up in smaller steps.`, IssueCodes.ProgressionTooSteep);
    });
}

/**
 * All plan checks. Thresholds come from the settings (`workout.plan.*`, or the defaults outside
 * an editor); the plan's own `level` and `progression` lines win over them.
 */
export const planChecks = (services: WorkoutServices) => async (plan: Plan, accept: ValidationAcceptor): Promise<void> => {
    const thresholds = (await services.settings.Settings.get(AstUtils.getDocument(plan).uri)).plan;
    checkPlan(plan, accept, services, thresholds);
};

export function checkPlan(plan: Plan, accept: ValidationAcceptor, services: WorkoutServices, thresholds: PlanThresholds): void {
    planOptionsMustBeValid(plan, accept);
    weekRangesMustBeValid(plan, accept);
    plan.items.filter(isWeek).forEach(week => daysMustBeListedOnce(week, accept));
    const { model, sources } = services.compiler.Compiler.compilePlan(plan, thresholds);
    const guidance = guidanceOf(model.focus);
    const onPlan = new PlanAcceptor(accept, sources);
    weekNumbersMustBeUnique(model, onPlan);
    for (const week of model.weeks) {
        if (guidance.strengthSessionsPerWeek) {
            strengthSessionsMustFitTheLevel(model, week, onPlan);
        }
        if (guidance.restDay) {
            weekMustHaveARestDay(week, onPlan);
        }
        for (const day of week.days.filter(() => guidance.runsFirst)) {
            strengthMustNotShareTheLongRunDay(day, onPlan);
            strengthMustFollowTheRun(day, onPlan);
        }
    }
    progressionMustBeGradual(model, onPlan);
}
