/**
 * The session as Markdown, for a README, a pull request or a message to an athlete.
 */
import { formatSeconds } from '../core/quantities.js';
import type { BlockModel, ItemModel, PlanModel, SessionModel, WorkoutModel } from '../core/session-model.js';
import { formatRunDistance } from '../core/running.js';
import { describeBlock, describeEntry, describeRest, describeWhole, explainBlock } from '../core/describe.js';

/** User text goes into Markdown as text, not as markup. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]#|<>~&]/g, match => `\\${match}`).replace(/\r?\n/g, ' ');
}

function renderItems(items: ItemModel[], depth: number, lines: string[]): void {
    const indent = '  '.repeat(depth);
    for (const item of items) {
        if (item.type === 'entry') {
            const note = item.note ? ` — _${escapeMarkdown(item.note)}_` : '';
            lines.push(`${indent}- ${escapeMarkdown(describeEntry(item))}${note}`);
        } else if (item.type === 'rest') {
            lines.push(`${indent}- ${describeRest(item)}`);
        } else {
            lines.push(`${indent}- **${escapeMarkdown(describeBlock(item))}**`);
            renderItems(item.entries, depth + 1, lines);
        }
    }
}

function renderBlock(block: BlockModel, lines: string[]): void {
    lines.push(`## ${escapeMarkdown(describeBlock(block))} · ${formatSeconds(block.estimatedSeconds)}`, '');
    const explanation = explainBlock(block);
    if (explanation) {
        lines.push(explanation, '');
    }
    if (block.note) {
        lines.push(`_${escapeMarkdown(block.note)}_`, '');
    }
    renderItems(block.entries, 0, lines);
    lines.push('');
}

export function renderWorkoutMarkdown(workout: WorkoutModel): string {
    const lines = [`# ${escapeMarkdown(workout.name)}`, ''];
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
        muscles.forEach(([muscle, sets]) => lines.push(`| ${escapeMarkdown(muscle)} | ${sets} |`));
        lines.push('');
    }
    return lines.join('\n');
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A plan as one table row per week: what each day holds, then the week's strength volume. */
export function renderPlanMarkdown(plan: PlanModel): string {
    const lines = [`# ${escapeMarkdown(plan.name)}`, ''];
    lines.push(`**Level:** ${plan.level} · **Strength sessions a week:** ${plan.sessionsPerWeek.min}–${plan.sessionsPerWeek.max} · **Progression limit:** ${plan.progressionPercent}%`, '');
    lines.push(`| Week | ${WEEKDAYS.join(' | ')} | Strength |`, `| --- | ${WEEKDAYS.map(() => '---').join(' | ')} | --- |`);
    for (const week of plan.weeks) {
        const cells = WEEKDAYS.map((_, index) => {
            const day = week.days.find(d => d.dayOfWeek === index + 1);
            const items = day?.items.map(item => escapeMarkdown(item.entry ? describeEntry(item.entry) : item.name)) ?? [];
            return items.length ? items.join('<br>') : 'rest';
        });
        const flag = week.breaksProgression ? ' ⚠ grows too fast' : '';
        lines.push(`| ${week.week} | ${cells.join(' | ')} | ${week.strengthSessions} sessions, ${formatSeconds(week.strengthSeconds)}, ${week.strengthSets} sets${flag} |`);
    }
    lines.push('');
    return lines.join('\n');
}

export function renderSessionMarkdown(session: SessionModel): string {
    return [...session.plans.map(renderPlanMarkdown), ...session.workouts.map(renderWorkoutMarkdown)].join('\n---\n\n');
}
