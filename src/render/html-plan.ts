/**
 * A plan on the session page: a calendar (weeks × weekdays) of runs and workouts, a chart of
 * the strength minutes per week with the weeks that grow faster than the plan allows, and the
 * plan's sessions after it, so a printed plan is the whole programme.
 */
import type { PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel, WorkoutModel } from '../core/session-model.js';
import { describeAmount, describeDetails } from '../core/describe.js';
import { formatRunDistance } from '../core/running.js';
import { renderWeeklyRunChart, renderWeeklyStrengthChart, type RunWeekBar, type WeekBar } from './html-charts.js';
import { guidanceOf, SLOT_WORDS } from '../core/plan-rules.js';
import { escapeHtml, lineAttribute, safeNumber } from './escape.js';
import { DRAW_LIMITS, groupDigits } from './sane-model.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const LEVEL_LABELS: Record<string, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

function minutes(seconds: number): string {
    const total = Math.round(safeNumber(seconds) / 60);
    return total < 60 ? `${total} min` : `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')} min`;
}

function itemLabel(item: PlanItemModel): string {
    const name = item.name || item.ref;
    const amount = item.entry ? describeAmount(item.entry) : '';
    // A run shows its targets and recoveries: `6 × 800m Interval Run @ 5K pace rest 400m jog`.
    const details = item.entry?.run ? describeDetails(item.entry).join(' ') : '';
    return [amount, name, details].filter(Boolean).join(' ');
}

/** The unit the plan's running is shown in: the one its runs are written in most, else km. */
function planUnit(plan: PlanModel): string {
    const counts = new Map<string, number>();
    for (const week of plan.weeks) {
        if (week.run?.unit) {
            counts.set(week.run.unit, (counts.get(week.run.unit) ?? 0) + 1);
        }
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'km';
}

/** Per week, the running: distance in the plan's unit when it is measured by distance, else minutes. */
export function weeklyRunBars(plan: PlanModel): RunWeekBar[] {
    const unit = planUnit(plan);
    const byTime = plan.runVolumeBy === 'time';
    const limit = safeNumber(plan.runProgressionPercent) || 10;
    return plan.weeks.map(week => {
        const meters = safeNumber(week.run?.meters);
        const seconds = safeNumber(week.run?.seconds);
        const value = byTime ? seconds / 60 : unit === 'mi' ? meters / 1609.344 : meters / 1000;
        return {
            week: week.week,
            value,
            valueLabel: byTime ? `${Math.round(value)}` : `${Number(value.toFixed(value >= 100 ? 0 : 1))}`,
            hardShare: seconds > 0 ? safeNumber(week.run?.hardSeconds) / seconds : 0,
            growthPercent: week.runGrowthPercent,
            tooSteep: (week.runGrowthPercent ?? 0) > limit
        };
    });
}

function renderPlanItem(item: PlanItemModel): string {
    const classes = ['pill', item.type === 'workout' ? 'workout' : item.cardio || item.type === 'run' ? 'run' : 'entry'];
    if (item.strength) {
        classes.push('strength');
    }
    if (item.longRun) {
        classes.push('long-run');
    }
    if (item.hard) {
        classes.push('hard');
    }
    if (!item.resolved) {
        classes.push('unresolved');
    }
    const seconds = safeNumber(item.estimatedSeconds);
    const facts = [
        (item.type === 'workout' || !item.entry) && seconds > 0 ? `≈ ${minutes(seconds)}` : '',
        item.longRun ? 'long run' : '',
        item.run && item.run.meters > 0 ? `≈ ${formatRunDistance(item.run.meters, item.run.unit)}` : '',
        item.slot === 'am' || item.slot === 'pm' ? SLOT_WORDS[item.slot] : '',
        item.resolved ? '' : 'not found'
    ].filter(Boolean).join(' · ');
    return `<li class="${classes.join(' ')}" ${lineAttribute(item.line)}>${escapeHtml(itemLabel(item))}`
        + (facts ? `<small>${escapeHtml(facts)}</small>` : '') + '</li>';
}

function renderDay(day: PlanDayModel | undefined): string {
    if (!day || day.items.length === 0) {
        return `<td class="rest-day"${day ? ` ${lineAttribute(day.line)}` : ''}><span class="rest-label">rest</span></td>`;
    }
    return `<td class="${day.rest ? 'rest-day' : 'training-day'}" ${lineAttribute(day.line)}><ul class="day-items">${day.items.map(renderPlanItem).join('')}</ul></td>`;
}

function renderWeekRow(week: PlanWeekModel, unit: string): string {
    const byDay = new Map(week.days.map(day => [String(day.day).toLowerCase(), day]));
    const sessions = Math.trunc(safeNumber(week.strengthSessions));
    const strength = `${sessions} strength · ${minutes(week.strengthSeconds)}`;
    return `<tr class="${week.breaksProgression ? 'week steep' : 'week'}" ${lineAttribute(week.line)}><th scope="row">`
        + `<strong>Week ${Math.trunc(safeNumber(week.week))}</strong>`
        + (week.title ? `<em class="week-title">${escapeHtml(week.title)}</em>` : '')
        + `<span>${escapeHtml(strength)}</span>`
        + (safeNumber(week.runSeconds) > 0 ? `<span>${escapeHtml(`${minutes(week.runSeconds)} running`)}</span>` : '')
        + (week.run && safeNumber(week.run.meters) > 0 ? `<span>${escapeHtml(`≈ ${formatRunDistance(safeNumber(week.run.meters), unit)}`)}</span>` : '')
        + `</th>${WEEKDAYS.map(weekday => renderDay(byDay.get(weekday))).join('')}</tr>`;
}

/** The model's own verdict on growth (over the heaviest earlier week), drawn per week. */
export function weeklyStrengthBars(plan: PlanModel): WeekBar[] {
    return plan.weeks.map(week => ({
        week: week.week,
        minutes: safeNumber(week.strengthSeconds) / 60,
        growthPercent: week.strengthSecondsGrowthPercent,
        tooSteep: week.breaksProgression === true
    }));
}

/** The running per week beside the strength: distance (or minutes), the hard share at each bar's foot. */
function renderRunningFigure(plan: PlanModel): string {
    if (!plan.weeks.some(week => week.run)) {
        return '';
    }
    const bars = weeklyRunBars(plan);
    const unit = planUnit(plan);
    const byTime = plan.runVolumeBy === 'time';
    const limit = safeNumber(plan.runProgressionPercent) || 10;
    const steep = bars.filter(bar => bar.tooSteep).map(bar => `W${Math.trunc(safeNumber(bar.week))}`);
    const what = byTime ? 'Running minutes per week' : `Running per week (${unit === 'mi' ? 'miles' : 'km'})`;
    const note = steep.length > 0 ? `grows faster than ${limit}% in ${steep.join(', ')}` : `orange: time at threshold or faster`;
    return `<figure class="chart-box week-box run-box"><figcaption>${escapeHtml(what)} <small>${escapeHtml(note)}</small></figcaption>`
        + `${renderWeeklyRunChart(bars, byTime ? 'minutes' : unit === 'mi' ? 'miles' : 'km')}</figure>`;
}

/**
 * Renders the plan. `renderWorkout` draws the sessions it names that live in other files;
 * their source lines belong to those files, so they carry no `data-line` here.
 */
export function renderPlan(plan: PlanModel, renderWorkout: (workout: WorkoutModel) => string, shownWorkoutIds: ReadonlySet<string>): string {
    const level = Object.hasOwn(LEVEL_LABELS, plan.level) ? LEVEL_LABELS[plan.level] : 'Beginner';
    const limit = safeNumber(plan.progressionPercent) || 10;
    const bars = weeklyStrengthBars(plan);
    const steepWeeks = bars.filter(bar => bar.tooSteep).map(bar => `W${Math.trunc(safeNumber(bar.week))}`);
    const steep = steepWeeks.length <= DRAW_LIMITS.weeksNamed ? steepWeeks
        : [...steepWeeks.slice(0, DRAW_LIMITS.weeksNamed), `${groupDigits(steepWeeks.length - DRAW_LIMITS.weeksNamed)} more weeks`];
    const drawn = bars.length > DRAW_LIMITS.weekBars ? ` <small>${escapeHtml(`the first ${DRAW_LIMITS.weekBars} of ${groupDigits(bars.length)} weeks drawn`)}</small>` : '';
    // The runner's strength sessions a week are a target only where that check applies.
    const perWeek = plan.sessionsPerWeek && guidanceOf(plan.focus).strengthSessionsPerWeek
        ? `${safeNumber(plan.sessionsPerWeek.min)}–${safeNumber(plan.sessionsPerWeek.max)} strength`
        : '';
    const head = `<header class="page-head" ${lineAttribute(plan.line)}><p class="page-kicker">Training plan</p>`
        + `<h1 class="page-title">${escapeHtml(plan.name || plan.id)}</h1>`
        + `<dl class="facts"><div><dt>Level</dt><dd>${level}</dd></div>`
        + `<div><dt>Weeks</dt><dd>${plan.weeks.length}</dd></div>`
        + (perWeek ? `<div><dt>Sessions a week</dt><dd>${escapeHtml(perWeek)}</dd></div>` : '')
        + `<div><dt>Growth limit</dt><dd>${escapeHtml(`${limit}% a week`)}</dd></div></dl></header>`;
    const legend = '<p class="legend calendar-legend"><span><i class="run-key"></i>run</span>'
        + '<span><i class="strength-key"></i>strength session</span><span><i class="long-key"></i>long run</span>'
        + (plan.weeks.some(week => week.run) ? '<span><i class="int-interval"></i>hard run</span>' : '') + '</p>';
    const calendar = plan.weeks.length === 0
        ? '<p class="chart-empty">No weeks yet.</p>'
        : `${legend}<div class="calendar-wrap"><table class="calendar"><thead><tr><th scope="col">Week</th>`
            + WEEKDAY_LABELS.map(label => `<th scope="col">${label}</th>`).join('')
            + `</tr></thead><tbody>${plan.weeks.map(week => renderWeekRow(week, planUnit(plan))).join('')}</tbody></table></div>`;
    const note = steep.length > 0
        ? `<small>grows faster than ${escapeHtml(`${limit}%`)} in ${escapeHtml(steep.join(', '))}</small>`
        : `<small>${escapeHtml(`never more than ${limit}% over an earlier week`)}</small>`;
    const chart = plan.weeks.length === 0 ? '' : `<section class="summary"><div class="charts">`
        + `<figure class="chart-box week-box"><figcaption>Strength minutes per week ${note}${drawn}</figcaption>${renderWeeklyStrengthChart(bars)}</figure>`
        + renderRunningFigure(plan)
        + `</div></section>`;
    const sessions = (plan.workouts ?? [])
        .filter(workout => !shownWorkoutIds.has(workout.id))
        .map(workout => renderWorkout(workout).replace(/ data-line="\d+"/g, ''))
        .join('');
    return `<article class="plan">${head}${calendar}${chart}</article>${sessions}`;
}
