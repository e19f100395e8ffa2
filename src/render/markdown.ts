/**
 * The session as Markdown, for a README, a pull request or a message to an athlete.
 *
 * User text (names, notes, titles, muscles, equipment) goes in through `escapeMarkdown` only, so
 * it stays text inside the element the sheet puts it in: it can never end its line and start a
 * list item, rule, heading or table row, never become a link (GitHub's autolinks included), and
 * never carry controls that hide or reorder what a reader sees. The model is made sane first
 * (src/render/sane-model.ts): no NaN, Infinity, undefined or null reaches the sheet.
 */
import { guidanceOf, SLOT_WORDS } from '../core/plan-rules.js';
import { formatSeconds } from '../core/quantities.js';
import type { BlockModel, ItemModel, PlanModel, SessionModel, WorkoutModel } from '../core/session-model.js';
import { formatRunDistance } from '../core/running.js';
import { describeEntry, describeRest, describeWhole, explainBlock } from '../core/describe.js';
import { plainText } from './escape.js';
import { athleteProfiles, type AthleteProfile } from './athlete-profile.js';
import { headingOf, saneCount, sanePlan, saneSession, saneWorkout } from './sane-model.js';

/** Characters that open markup anywhere in a line (CommonMark and GitHub's extensions). */
const INLINE_MARKUP = /[\\`*_[\]#|<>~&]/g;

/**
 * User text as Markdown text. Besides the markup characters, two more things are escaped:
 * - a `:` before anything but a space (as `\:`, which ends `http://` and `mailto:`) and a `.`
 *   before a letter or digit (as `\.`), so no URL, `www.` address, bare domain or e-mail address
 *   is turned into a link by an autolinker (GitHub's, or markdown-it's `linkify`): each sees the
 *   escaped character as a separate piece of text;
 * - what would start a block at the beginning of a list item or a cell (`-`, `+`, `=`, `1.`,
 *   `1)`), and leading spaces (an indented code block).
 * Line breaks are folded into spaces and controls and bidi characters dropped (`plainText`).
 * The escapes are invisible once rendered: the reader sees the text as it was typed.
 */
export function escapeMarkdown(text: string): string {
    return plainText(text)
        .replace(INLINE_MARKUP, match => `\\${match}`)
        .replace(/:(?=\S)/g, '\\:')
        .replace(/\.(?=[\p{L}\p{N}])/gu, '\\.')
        .trim()
        .replace(/^[-+=]/, match => `\\${match}`)
        .replace(/^(\d+)([.)])/, '$1\\$2');
}

function renderItems(items: ItemModel[], depth: number, lines: string[]): void {
    const indent = '  '.repeat(depth);
    for (const item of items) {
        if (item.type === 'entry') {
            const note = item.note ? escapeMarkdown(item.note) : '';
            lines.push(`${indent}- ${escapeMarkdown(describeEntry(item)) || '—'}${note ? ` — _${note}_` : ''}`);
        } else if (item.type === 'rest') {
            lines.push(`${indent}- ${describeRest(item)}`);
        } else {
            lines.push(`${indent}- **${escapeMarkdown(headingOf(item)) || 'Exercises'}**`);
            renderItems(item.entries, depth + 1, lines);
        }
    }
}

function renderBlock(block: BlockModel, lines: string[]): void {
    lines.push(`## ${escapeMarkdown(headingOf(block))} · ${formatSeconds(block.estimatedSeconds)}`, '');
    const explanation = explainBlock(block);
    if (explanation) {
        lines.push(escapeMarkdown(explanation), '');
    }
    if (block.note) {
        lines.push(`_${escapeMarkdown(block.note)}_`, '');
    }
    renderItems(block.entries, 0, lines);
    lines.push('');
}

function sets(count: number): string {
    return String(Math.round(saneCount(count) * 10) / 10);
}

function drawWorkout(workout: WorkoutModel): string {
    const lines = [`# ${escapeMarkdown(workout.name) || 'Workout'}`, ''];
    const equipment = workout.equipment.length ? workout.equipment.map(escapeMarkdown).join(', ') : 'none';
    const running = workout.run ? ` · **Running:** ≈ ${formatRunDistance(workout.run.meters, workout.run.unit)}, ${formatSeconds(workout.run.hardSeconds)} at threshold or faster` : '';
    lines.push(`**Estimated time:** ${formatSeconds(workout.estimatedSeconds)}${running} · **Equipment:** ${equipment}`, '');
    if (describeWhole(workout)) {
        lines.push(`_${escapeMarkdown(describeWhole(workout))}_`, '');
    }
    workout.blocks.forEach(block => renderBlock(block, lines));
    const muscles = Object.entries(workout.muscles).sort(([, a], [, b]) => b - a);
    if (muscles.length > 0) {
        lines.push('## Sets per muscle group', '', '| Muscle | Sets |', '| --- | ---: |');
        muscles.forEach(([muscle, count]) => lines.push(`| ${escapeMarkdown(muscle) || '—'} | ${sets(count)} |`));
        lines.push('');
    }
    return lines.join('\n');
}

export function renderWorkoutMarkdown(workout: WorkoutModel): string {
    return drawWorkout(saneWorkout(workout));
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A plan as one table row per week: what each day holds, then the week's strength volume. */
function drawPlan(plan: PlanModel): string {
    const lines = [`# ${escapeMarkdown(plan.name) || 'Plan'}`, ''];
    // The runner's strength sessions a week are a target only where that check applies.
    const sessions = guidanceOf(plan.focus).strengthSessionsPerWeek ? ` · **Strength sessions a week:** ${plan.sessionsPerWeek.min}–${plan.sessionsPerWeek.max}` : '';
    lines.push(`**Level:** ${escapeMarkdown(plan.level)}${sessions} · **Progression limit:** ${plan.progressionPercent}%`, '');
    lines.push(`| Week | ${WEEKDAYS.join(' | ')} | Strength |`, `| --- | ${WEEKDAYS.map(() => '---').join(' | ')} | --- |`);
    for (const week of plan.weeks) {
        const cells = WEEKDAYS.map((_, index) => {
            const day = week.days.find(d => d.dayOfWeek === index + 1);
            const items = day?.items.map(item => `${escapeMarkdown(item.entry ? describeEntry(item.entry) : item.name) || '—'}${item.slot === 'am' || item.slot === 'pm' ? ` (${SLOT_WORDS[item.slot]})` : ''}`) ?? [];
            return items.length ? items.join('<br>') : 'rest';
        });
        const flag = week.breaksProgression ? ' ⚠ grows too fast' : '';
        lines.push(`| ${week.week} | ${cells.join(' | ')} | ${week.strengthSessions} sessions, ${formatSeconds(week.strengthSeconds)}, ${sets(week.strengthSets)} sets${flag} |`);
    }
    lines.push('');
    return lines.join('\n');
}

export function renderPlanMarkdown(plan: PlanModel): string {
    return drawPlan(sanePlan(plan));
}

function drawAthlete(profile: AthleteProfile): string {
    const lines = [`# Athlete: ${escapeMarkdown(profile.name)}`, ''];
    lines.push(...profile.facts.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`), '');
    for (const table of profile.tables) {
        lines.push(`**${escapeMarkdown(table.caption)}**`, '', '| | |', '|---|---|');
        lines.push(...table.rows.map(([label, value]) => `| ${escapeMarkdown(label)} | ${escapeMarkdown(value)} |`));
        if (table.more > 0) {
            lines.push(`| ${table.more} more | |`);
        }
        lines.push('');
    }
    return lines.join('\n');
}

export function renderSessionMarkdown(model: SessionModel): string {
    const session = saneSession(model);
    const { profiles, more } = athleteProfiles(session.athletes);
    const athletes = profiles.map(drawAthlete).concat(more > 0 ? [`_${more} more athletes in this file are not shown._\n`] : []);
    return [...session.plans.map(drawPlan), ...session.workouts.map(drawWorkout), ...athletes].join('\n---\n\n');
}
