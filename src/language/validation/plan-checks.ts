/**
 * Checks on plans: the coaching guidance for runners who strength train, made executable, where
 * it fits the athlete (the plan's focus: core/plan-rules.ts, GUIDANCE_BY_FOCUS).
 * Each check reads the compiled plan (src/language/compiler/compile-plan.ts), so the numbers a warning
 * quotes are the numbers the preview draws. Thresholds and their defaults: docs/plans.md.
 */
import { AstUtils, GrammarUtils, type Properties, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { guidanceOf, MAX_PLAN_SESSIONS, MAX_WEEKS_IN_RANGE, type PlanThresholds } from '../../core/plan-rules.js';
import { AMOUNT_LIMITS, formatSeconds } from '../../core/quantities.js';
import type { PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel } from '../../core/session-model.js';
import { isPlanFocus, isPlanLevel, isPlanProgression, isWeek, type Day, type Plan, type PlanFocus, type PlanLevel, type PlanProgression, type Week } from '../generated/ast.js';
import { unquote } from '../exercise-resolver.js';
import { lineOf } from '../compiler/compile-workout.js';
import { focusOf, levelOf, plannedWeeks, progressionPercentOf, weekNumbersOf, type CompiledPlan, type PlanSources } from '../compiler/compile-plan.js';
import { planRunsByDistance, targetNeeds } from '../../core/athlete.js';
import { formatRunDistance } from '../../core/running.js';
import type { AthleteModel, ItemModel, EntryModel, WorkoutModel } from '../../core/session-model.js';
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

/** The week whose sessions take the plan past MAX_PLAN_SESSIONS, which the model leaves out with the weeks after it. */
export function planMustNotBeTooLarge(plan: Plan, accept: ValidationAcceptor): void {
    const { cut } = plannedWeeks(plan);
    if (cut) {
        const range = weekHeader(cut);
        const message = `With this week the plan stands for more than ${MAX_PLAN_SESSIONS.toLocaleString('en-US')} sessions once its ranges and \`daily:\` lines are written out: this week and the ones after it are left out. Split the plan into files, one per block.`;
        accept('error', message, range ? { node: cut, range, code: IssueCodes.PlanTooLarge } : { node: cut, code: IssueCodes.PlanTooLarge });
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
        const keys = (day.twice ? ['am', 'pm'] : [day.slot ?? 'am']).map(slot => `${day.day} ${slot}`);
        const first = keys.map(key => seen.get(key)).find(line => line !== undefined);
        if (first) {
            const label = `${day.day === 'daily' ? '`daily`' : capitalised(day.day)}${day.slot ? ` ${day.slot}` : ''}`;
            const morning = first.slot !== day.slot ? ' (a day without `am` or `pm` is the morning)' : '';
            accept('warning', `${label} is already listed on line ${lineOf(first)}${morning}: put everything of that ${day.slot ? 'session' : 'day'} on one line, in the order it is done.`, {
                node: day, property: 'day', code: IssueCodes.DuplicateDay
            });
        } else {
            keys.forEach(key => seen.set(key, day));
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
        accept.onWeek(week, `Week ${week.week} runs ${runVolume(week, byDistance, unit)}, ${week.runGrowthPercent}% more than week ${base.week} (${runVolume(base, byDistance, unit)}), over the ${limit}% a week runners build by. Bones and tendons adapt more slowly than the heart and lungs: add less, or hold the volume for a week.`, IssueCodes.RunVolumeTooSteep);
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
        accept.onItem(longest, `This run is ${share}% of week ${week.week}'s running (${amount(size(longest))} of ${amount(total)}); a long run of more than about ${limit}% of the week (for ${plan.level === 'beginner' ? 'a beginner' : `an ${plan.level} runner`}) loads the legs more than the week prepares them for. Shorten it, or add easy running on other days.`, IssueCodes.LongRunTooLong);
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
                accept.onItem(hard, `${capitalisedFirst(describeHard(hard))} on ${capitalised(day.day)} follows ${describeHard(previous.item)} on ${when}: two hard days in a row leave no time to absorb the first. Put an easy run or a rest day between them.`, IssueCodes.HardDaysBackToBack);
            }
            previous = { index, day, item: hard, week: week.week };
        }
    }
}

/**
 * Heavy leg work the day before a quality session or the long run: the legs are still tired when
 * the run that matters most needs them fresh. Across weeks too (Sunday, then Monday of the next).
 */
export function heavyLegsMustNotPrecedeKeyRuns(plan: PlanModel, accept: PlanAcceptor, thresholds: PlanThresholds): void {
    let heavy: { index: number; day: PlanDayModel; item: PlanItemModel; sets: number } | undefined;
    for (const week of plan.weeks) {
        for (const day of week.days) {
            const index = (week.week - 1) * 7 + day.dayOfWeek;
            const key = day.items.find(item => item.hard);
            if (heavy && key && index - heavy.index === 1) {
                const sets = Math.round(heavy.sets);
                accept.onItem(heavy.item, `\`${heavy.item.ref}\` loads the legs (${sets} loaded lower-body sets) the day before ${describeHard(key)} on ${capitalised(day.day)}: the legs are still tired when the run that matters most needs them fresh. Put the strength work on the same day as the hard run (after it), or after an easy day.`, IssueCodes.HeavyLegsBeforeKeyRun);
            }
            const strongest = day.items.map(item => ({ item, sets: item.heavyLegSets ?? 0 })).reduce((best, next) => (next.sets > best.sets ? next : best), { item: day.items[0], sets: 0 });
            heavy = strongest.sets >= thresholds.heavyLegSets ? { index, day, ...strongest } : undefined;
        }
    }
}

function capitalisedFirst(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeHard(item: PlanItemModel): string {
    const what = item.type === 'workout' ? `\`${item.ref}\`` : `the ${item.name.toLowerCase()}`;
    return item.longRun && !/long run/i.test(what) ? `${what} (the long run)` : what;
}

/** About 80 % of the running time easy: no more than the hard share at threshold or faster. */
export function hardRunningMustStayAMinority(week: PlanWeekModel, accept: PlanAcceptor, thresholds: PlanThresholds): void {
    const run = week.run;
    if (!run || run.seconds <= 0 || runItems(week).length < thresholds.longRunShareMinRuns) {
        return;
    }
    const share = Math.round(run.hardSeconds / run.seconds * 100);
    if (share > thresholds.hardRunSharePercent) {
        accept.onWeek(week, `Week ${week.week} runs ${share}% of its time at threshold pace or faster (${minutes(run.hardSeconds)} of ${minutes(run.seconds)}). Runners improve most with about ${100 - thresholds.hardRunSharePercent}% of their running easy: make a session easier or add easy running.`, IssueCodes.TooMuchHardRunning);
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
                    accept.onItem(item, where + needs.join(' '), IssueCodes.TargetNeedsProfile);
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
    const thresholds = (await services.settings.Settings.get(AstUtils.getDocument(plan).uri)).plan;
    checkPlan(plan, accept, services, thresholds);
};

export function checkPlan(plan: Plan, accept: ValidationAcceptor, services: WorkoutServices, thresholds: PlanThresholds): void {
    planOptionsMustBeValid(plan, accept);
    weekRangesMustBeValid(plan, accept);
    planMustNotBeTooLarge(plan, accept);
    plan.items.filter(isWeek).forEach(week => daysMustBeListedOnce(week, accept));
    const compiled: CompiledPlan = services.compiler.Compiler.compilePlan(plan, thresholds);
    const { model, sources, athlete } = compiled;
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
        longRunMustNotDominate(model, week, onPlan, thresholds, athlete);
        hardRunningMustStayAMinority(week, onPlan, thresholds);
    }
    progressionMustBeGradual(model, onPlan);
    runVolumeMustGrowGradually(model, onPlan, thresholds, athlete);
    hardDaysMustNotFollowEachOther(model, onPlan);
    if (guidance.runsFirst) {
        heavyLegsMustNotPrecedeKeyRuns(model, onPlan, thresholds);
    }
    if (athlete) {
        targetsMustFitTheProfile(model, athlete, onPlan);
    }
}
