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
import { levelOf, progressionPercentOf, type CompiledPlan, type PlanSources } from '../compiler/compile-plan.js';
import { planRunsByDistance, targetNeeds } from '../../core/athlete.js';
import { formatRunDistance } from '../../core/running.js';
import type { AthleteModel, ItemModel, EntryModel, WorkoutModel } from '../../core/session-model.js';
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

// ---- running (docs/plans.md, "Running") ----------------------------------------------------------

/** The unit a plan's totals are shown in: the athlete's, else the one its runs are written in. */
function planUnit(plan: PlanModel, athlete?: AthleteModel): string {
    return athlete?.units ?? plan.weeks.map(week => week.run?.unit).find(Boolean) ?? 'km';
}

function runVolume(week: PlanWeekModel, byDistance: boolean, unit: string): string {
    return byDistance ? formatRunDistance(week.run?.meters ?? 0, unit) : minutes(week.run?.seconds ?? 0);
}

/** The 10 % rule: weekly running grows gradually over the heaviest earlier week. */
export function runVolumeMustGrowGradually(plan: PlanModel, accept: PlanAcceptor, thresholds: PlanThresholds, athlete?: AthleteModel): void {
    const byDistance = planRunsByDistance(plan);
    const unit = planUnit(plan, athlete);
    const limit = thresholds.runProgressionPercent;
    plan.weeks.forEach((week, index) => {
        if ((week.runGrowthPercent ?? 0) <= limit) {
            return;
        }
        const earlier = plan.weeks.slice(0, index);
        const volume = (w: PlanWeekModel) => (byDistance ? w.run?.meters ?? 0 : w.run?.seconds ?? 0);
        const base = earlier.reduce((best, w) => (volume(w) > volume(best) ? w : best), earlier[0]);
        acceptOnWeek(accept, week, `Week ${week.week} runs ${runVolume(week, byDistance, unit)}, ${week.runGrowthPercent}% more than week ${base.week} (${runVolume(base, byDistance, unit)}), over the ${limit}% a week runners build by. Bones and tendons adapt more slowly than the heart and lungs: add less, or hold the volume for a week.`, IssueCodes.RunVolumeTooSteep);
    });
}

/** The runs of a week: items with running in them. */
function runItems(week: PlanWeekModel): PlanItemModel[] {
    return week.days.flatMap(day => day.items.filter(item => item.run));
}

/** The long run stays about a third of the week at most, once the week has a few runs. */
export function longRunMustNotDominate(plan: PlanModel, week: PlanWeekModel, accept: PlanAcceptor, thresholds: PlanThresholds, athlete?: AthleteModel): void {
    const runs = runItems(week);
    if (runs.length < thresholds.longRunShareMinRuns || !week.run || week.run.seconds < thresholds.longRunShareMinSeconds) {
        return;
    }
    const byDistance = planRunsByDistance(plan);
    const unit = planUnit(plan, athlete);
    const size = (item: PlanItemModel) => (byDistance ? item.run?.meters ?? 0 : item.run?.seconds ?? 0);
    const total = byDistance ? week.run.meters : week.run.seconds;
    const longest = runs.reduce((best, item) => (size(item) > size(best) ? item : best), runs[0]);
    const share = total > 0 ? Math.round(size(longest) / total * 100) : 0;
    const limit = thresholds.longRunSharePercent[plan.level] ?? 30;
    if (share > limit) {
        const amount = (value: number) => (byDistance ? formatRunDistance(value, unit) : minutes(value));
        acceptOnItem(accept, longest, `This run is ${share}% of week ${week.week}'s running (${amount(size(longest))} of ${amount(total)}); a long run of more than about ${limit}% of the week (for ${plan.level === 'beginner' ? 'a beginner' : `an ${plan.level} runner`}) loads the legs more than the week prepares them for. Shorten it, or add easy running on other days.`, IssueCodes.LongRunTooLong);
    }
}

/** Hard sessions (threshold or faster, and the long run) with an easy day or a rest day between them. */
export function hardDaysMustNotFollowEachOther(plan: PlanModel, accept: PlanAcceptor): void {
    let previous: { index: number; day: PlanDayModel; item: PlanItemModel; week: number } | undefined;
    for (const week of plan.weeks) {
        for (const day of week.days) {
            const hard = day.items.find(item => item.hard);
            const index = (week.week - 1) * 7 + day.dayOfWeek;
            if (!hard) {
                continue;
            }
            if (previous && index - previous.index === 1) {
                const when = previous.week === week.week ? capitalised(previous.day.day) : `${capitalised(previous.day.day)} of week ${previous.week}`;
                acceptOnItem(accept, hard, `${capitalisedFirst(describeHard(hard))} on ${capitalised(day.day)} follows ${describeHard(previous.item)} on ${when}: two hard days in a row leave no time to absorb the first. Put an easy run or a rest day between them.`, IssueCodes.HardDaysBackToBack);
            }
            previous = { index, day, item: hard, week: week.week };
        }
    }
}

function capitalisedFirst(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeHard(item: PlanItemModel): string {
    const what = item.type === 'workout' ? `\`${item.ref}\`` : `the ${item.name.toLowerCase()}`;
    return item.longRun ? `${what} (the long run)` : what;
}

/** About 80 % of the running time easy: no more than the hard share at threshold or faster. */
export function hardRunningMustStayAMinority(week: PlanWeekModel, accept: PlanAcceptor, thresholds: PlanThresholds): void {
    const run = week.run;
    if (!run || run.seconds <= 0 || runItems(week).length < thresholds.longRunShareMinRuns) {
        return;
    }
    const share = Math.round(run.hardSeconds / run.seconds * 100);
    if (share > thresholds.hardRunSharePercent) {
        acceptOnWeek(accept, week, `Week ${week.week} runs ${share}% of its time at threshold pace or faster (${minutes(run.hardSeconds)} of ${minutes(run.seconds)}). Runners improve most with about ${100 - thresholds.hardRunSharePercent}% of their running easy: make a session easier or add easy running.`, IssueCodes.TooMuchHardRunning);
    }
}

/** With `athlete jane`, every target of the plan is one her profile can turn into a number. */
export function targetsMustFitTheProfile(plan: PlanModel, athlete: AthleteModel, accept: PlanAcceptor): void {
    const workouts = new Map(plan.workouts.map(workout => [workout.id, workout]));
    const reported = new Set<string>();
    for (const week of plan.weeks) {
        for (const day of week.days) {
            for (const item of day.items) {
                const entries = item.entry ? [item.entry] : item.type === 'workout' && !reported.has(item.ref) ? entriesOf(workouts.get(item.ref)) : [];
                if (item.type === 'workout') {
                    reported.add(item.ref);
                }
                const needs = [...new Set(entries.flatMap(entry => targetNeeds(entry, athlete)))];
                if (needs.length > 0) {
                    const where = item.type === 'workout' ? `\`${item.ref}\`: ` : '';
                    acceptOnItem(accept, item, where + needs.join(' '), IssueCodes.TargetNeedsProfile);
                }
            }
        }
    }
}

function entriesOf(workout: WorkoutModel | undefined): EntryModel[] {
    const entries: EntryModel[] = [];
    const visit = (items: readonly ItemModel[]) => items.forEach(item => (item.type === 'entry' ? entries.push(item) : item.type === 'block' && visit(item.entries)));
    visit(workout?.blocks ?? []);
    return entries;
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
    const compiled: CompiledPlan = services.compiler.Compiler.compilePlan(plan, thresholds);
    const { model, sources, athlete } = compiled;
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
        longRunMustNotDominate(model, week, onPlan, thresholds, athlete);
        hardRunningMustStayAMinority(week, onPlan, thresholds);
    }
    progressionMustBeGradual(model, onPlan);
    runVolumeMustGrowGradually(model, onPlan, thresholds, athlete);
    hardDaysMustNotFollowEachOther(model, onPlan);
    if (athlete) {
        targetsMustFitTheProfile(model, athlete, onPlan);
    }
}
