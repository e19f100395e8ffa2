/**
 * A session diff in a coach's words, for a pull request or the terminal: what moved, what was
 * added or swapped, and the weekly volume before → after. Plain text (no markup), so it reads
 * the same in a terminal and pasted into a review comment. Every line is one line: user text has
 * its line breaks folded and its control and bidi characters dropped (`plainText`), and every
 * number is made sane (src/render/sane-model.ts) before it is worded.
 */
import { formatSeconds } from '../core/quantities.js';
import type { BlockHeader, BlockChange, Change, EntryChange, PlanDiff, PlanItemChange, SessionDiff, WeekDiff, WeekTotals, WorkoutDiff } from '../core/diff.js';
import type { EntryModel, PlanItemModel } from '../core/session-model.js';
import { describeAmount, describeDetails, describeEntry as describeModelEntry } from '../core/describe.js';
import { formatRunDistance } from '../core/running.js';
import { plainText } from './escape.js';
import { headingOf, saneBlock, saneCount, saneEntry, sanePlanItem, saneText, saneWhole } from './sane-model.js';

export const NO_CHANGE = 'No change in the training: the two versions differ only in layout, comments or wording that means the same.';

function day(name: string): string {
    const text = saneText(name);
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeEntry(entry: EntryModel): string {
    return describeModelEntry(saneEntry(entry));
}

function arrow<T>(change: Change<T>, format: (value: T) => string = String): string {
    return `${format(change.before)} → ${format(change.after)}`;
}

/** Weekly and session times to the minute: seconds are noise in a summary. */
function time(seconds: number): string {
    const minutes = Math.round(saneCount(seconds) / 60);
    return minutes > 0 ? formatSeconds(minutes * 60) : '0min';
}

function sets(count: number): string {
    return `${Math.round(saneCount(count) * 10) / 10}`;
}

function percent(value: number): string {
    return `${saneCount(value)}%`;
}

/** `2 × 10 per side @ 12 kg rest 1min`: the prescription without the exercise's name. */
export function prescription(model: EntryModel): string {
    const entry = saneEntry(model);
    return [describeAmount(entry), ...describeDetails(entry)].filter(Boolean).join(' ') || 'as written';
}

function itemLabel(model: PlanItemModel): string {
    const item = sanePlanItem(model);
    return item.entry ? describeModelEntry(item.entry) : item.name;
}

function blockWords(header: BlockHeader): string {
    return headingOf(saneBlock({ ...header, entries: [], line: 0, estimatedSeconds: 0 }));
}

// ---- workouts ---------------------------------------------------------------------------------

function entryLine(change: EntryChange): string {
    switch (change.kind) {
        case 'changed': {
            const notes = change.before.note !== change.after.note
                ? ` (note: ${change.before.note ? `"${change.before.note}"` : 'none'} → ${change.after.note ? `"${change.after.note}"` : 'none'})`
                : '';
            const before = prescription(change.before);
            const after = prescription(change.after);
            return `${change.after.name}: ${before === after ? 'same prescription' : `${before} → ${after}`}${notes}`;
        }
        case 'swapped':
            return `Swapped in ${change.block}: ${describeEntry(change.before)} → ${describeEntry(change.after)}`;
        case 'added':
            return `Added to ${change.block}: ${describeEntry(change.entry)}`;
        case 'removed':
            return `Removed from ${change.block}: ${describeEntry(change.entry)}`;
        case 'moved': {
            const where = change.from === change.to ? `moved within ${change.to}` : `moved from ${change.from} to ${change.to}`;
            const before = prescription(change.before);
            const after = prescription(change.after);
            return `${change.after.name}: ${where}${before === after ? '' : `, ${before} → ${after}`}`;
        }
    }
}

function blockLine(change: BlockChange): string {
    switch (change.kind) {
        case 'added':
            return `New block ${change.block}: ${blockWords(change.after!)}`;
        case 'removed':
            return `Block removed: ${change.block} (${blockWords(change.before!)})`;
        case 'changed':
            return `${change.block}: ${blockWords(change.before!)} → ${blockWords(change.after!)}`;
    }
}

function musclesLine(diff: WorkoutDiff): string | undefined {
    const changes = Object.entries(diff.muscles).sort(([, a], [, b]) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
    return changes.length ? `Sets per muscle group: ${changes.map(([muscle, change]) => `${muscle} ${arrow(change, sets)}`).join(', ')}` : undefined;
}

function renderWorkout(diff: WorkoutDiff, indent: string, context = ''): string[] {
    const title = `${indent}Workout "${diff.name}" (${diff.id})${context}`;
    if (diff.change === 'added') {
        return [`${title}: new, ${time(diff.estimatedSeconds.after)}`];
    }
    if (diff.change === 'removed') {
        return [`${title}: removed (was ${time(diff.estimatedSeconds.before)})`];
    }
    const lines = [title];
    const bullet = (text: string) => lines.push(`${indent}  - ${text}`);
    if (diff.renamed) {
        bullet(`Renamed: ${arrow(diff.renamed)}`);
    }
    diff.blocks.forEach(change => bullet(blockLine(change)));
    diff.entries.forEach(change => bullet(entryLine(change)));
    const totals: string[] = [];
    if (time(diff.estimatedSeconds.before) !== time(diff.estimatedSeconds.after)) {
        totals.push(`Estimated time: ${arrow(diff.estimatedSeconds, time)}`);
    }
    const muscles = musclesLine(diff);
    if (muscles) {
        totals.push(muscles);
    }
    if (totals.length) {
        lines.push(`${indent}  ${totals.join(' · ')}`);
    }
    return lines;
}

// ---- plans ------------------------------------------------------------------------------------

function itemLine(change: PlanItemChange): string {
    switch (change.kind) {
        case 'moved': {
            const amount = change.before.entry && change.after.entry && prescription(change.before.entry) !== prescription(change.after.entry)
                ? `, ${prescription(change.before.entry)} → ${prescription(change.after.entry)}`
                : '';
            return `${itemLabel(change.before)} moved from ${day(change.from)} to ${day(change.to)}${amount}`;
        }
        case 'changed':
            return `${day(change.day)}: ${change.after.name} ${prescription(change.before.entry!)} → ${prescription(change.after.entry!)}`;
        case 'added':
            return `Added on ${day(change.day)}: ${itemLabel(change.item)}`;
        case 'removed':
            return `Removed from ${day(change.day)}: ${itemLabel(change.item)}`;
        case 'reordered':
            return `${day(change.day)}: now ${change.after.map(itemLabel).join(', then ')} (was ${change.before.map(itemLabel).join(', then ')})`;
    }
}

function totalsWords(totals: WeekTotals): string {
    const count = saneWhole(totals.strengthSessions);
    const sessions = `${count} strength session${count === 1 ? '' : 's'}`;
    const distance = totals.runMeters ? `${formatRunDistance(saneCount(totals.runMeters), saneText(totals.runUnit))}, ` : '';
    return `${sessions} (${time(totals.strengthSeconds)}, ${sets(totals.strengthSets)} sets) · running ${distance}${time(totals.runSeconds)}`;
}

function totalsChange(before: WeekTotals, after: WeekTotals): string | undefined {
    const parts: string[] = [];
    if (saneWhole(before.strengthSessions) !== saneWhole(after.strengthSessions)) {
        parts.push(`${saneWhole(before.strengthSessions)} → ${saneWhole(after.strengthSessions)} sessions`);
    }
    if (time(before.strengthSeconds) !== time(after.strengthSeconds)) {
        parts.push(`${time(before.strengthSeconds)} → ${time(after.strengthSeconds)}`);
    }
    if (sets(before.strengthSets) !== sets(after.strengthSets)) {
        parts.push(`${sets(before.strengthSets)} → ${sets(after.strengthSets)} sets`);
    }
    const strength = parts.length ? `Strength: ${parts.join(', ')}` : '';
    return [strength, runningChange(before, after)].filter(Boolean).join(' · ') || undefined;
}

/** `Running: 24.8 km → 28.4 km (2h 41min → 3h 7min)`: distance first, as runners count a week. */
function runningChange(before: WeekTotals, after: WeekTotals): string {
    const unit = saneText(after.runUnit ?? before.runUnit);
    const distance = (totals: WeekTotals) => formatRunDistance(saneCount(totals.runMeters ?? 0), unit);
    const timeChanged = time(before.runSeconds) !== time(after.runSeconds);
    const times = `${time(before.runSeconds)} → ${time(after.runSeconds)}`;
    if ((before.runMeters || after.runMeters) && distance(before) !== distance(after)) {
        return `Running: ${distance(before)} → ${distance(after)}${timeChanged ? ` (${times})` : ''}`;
    }
    return timeChanged ? `Running: ${times}` : '';
}

function weekTitle(week: WeekDiff): string {
    return `Week ${saneWhole(week.week)}${week.title ? ` "${week.title}"` : ''}`;
}

/** Sessions added to (or removed from) one day, on one line. */
function groupByDay(changes: PlanItemChange[]): PlanItemChange[][] {
    const groups: PlanItemChange[][] = [];
    for (const change of changes) {
        const last = groups[groups.length - 1];
        const sameGroup = last && (change.kind === 'added' || change.kind === 'removed') && last[0].kind === change.kind
            && 'day' in last[0] && 'day' in change && last[0].day === change.day;
        if (sameGroup) {
            last.push(change);
        } else {
            groups.push([change]);
        }
    }
    return groups;
}

function groupLine(group: PlanItemChange[]): string {
    const [first] = group;
    if (group.length === 1 || (first.kind !== 'added' && first.kind !== 'removed')) {
        return itemLine(first);
    }
    const labels = group.map(change => itemLabel((change as { item: PlanItemModel }).item)).join(', then ');
    return first.kind === 'added' ? `Added on ${day(first.day)}: ${labels}` : `Removed from ${day(first.day)}: ${labels}`;
}

function renderWeek(week: WeekDiff, progressionPercent: number, indent: string): string[] {
    if (week.change === 'added') {
        return [`${indent}${weekTitle(week)} added: ${totalsWords(week.after!)}`];
    }
    if (week.change === 'removed') {
        return [`${indent}${weekTitle(week)} removed (had ${totalsWords(week.before!)})`];
    }
    const lines = [`${indent}${weekTitle(week)}`];
    groupByDay(week.items).forEach(group => lines.push(`${indent}  - ${groupLine(group)}`));
    const totals = totalsChange(week.before!, week.after!);
    if (totals) {
        lines.push(`${indent}  ${totals}`);
    }
    const limit = `the ${percent(progressionPercent)} progression limit`;
    if (!week.before!.breaksProgression && week.after!.breaksProgression) {
        lines.push(`${indent}  Now grows strength volume faster than ${limit}.`);
    } else if (week.before!.breaksProgression && !week.after!.breaksProgression) {
        lines.push(`${indent}  No longer breaks ${limit}.`);
    }
    return lines;
}

function renderPlan(diff: PlanDiff): string[] {
    const title = `Plan "${diff.name}" (${diff.id})`;
    const weeks = diff.weeks.flatMap(week => renderWeek(week, diff.progressionLimitPercent, '  '));
    if (diff.change === 'added') {
        return [`${title}: new, ${diff.weeks.length} week${diff.weeks.length === 1 ? '' : 's'}`, ...weeks];
    }
    if (diff.change === 'removed') {
        return [`${title}: removed`];
    }
    const lines = [title];
    if (diff.renamed) {
        lines.push(`  Renamed: ${arrow(diff.renamed)}`);
    }
    if (diff.level) {
        lines.push(`  Level: ${arrow(diff.level)}`);
    }
    if (diff.progressionPercent) {
        lines.push(`  Progression limit: ${arrow(diff.progressionPercent, percent)}`);
    }
    lines.push(...weeks);
    diff.workouts.forEach(workout => lines.push(...renderWorkout(workout, '  ', ', used by this plan')));
    return lines;
}

export function renderDiffText(diff: SessionDiff): string {
    if (diff.workouts.length === 0 && diff.plans.length === 0) {
        return NO_CHANGE;
    }
    const sections = [
        ...diff.plans.map(renderPlan),
        ...diff.workouts.map(workout => renderWorkout(workout, ''))
    ];
    return sections.map(lines => lines.map(plainText).join('\n')).join('\n\n');
}
