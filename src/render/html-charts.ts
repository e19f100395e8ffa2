/**
 * The pictures of the session page as inline SVG: horizontal bar charts (time per block, sets
 * per muscle group), the work/rest timeline of an interval block, the strip of a workout's
 * blocks, and the weekly strength minutes of a plan. Geometry lives in SVG attributes, not in
 * `style`, so the webview's Content-Security-Policy needs no inline styles; labels are escaped.
 */
import { formatSeconds } from '../core/quantities.js';
import { INTENSITIES } from '../core/running.js';
import type { ProfileStep } from '../core/run-profile.js';
import type { BlockModel } from '../core/session-model.js';
import { escapeHtml, safeNumber } from './escape.js';
import { DRAW_LIMITS, groupDigits, saneCount, saneWhole } from './sane-model.js';

export interface BarRow {
    label: string;
    value: number;
    /** What is printed after the bar, e.g. `4min 30s` or `9`. */
    valueLabel: string;
    /** Extra class names for the bar, from the renderer's own constants. */
    barClass: string;
}

/** Keeps a label inside its column; the full text stays available as the row's tooltip. */
export function truncate(text: string, maxChars: number): string {
    const chars = Array.from(text);
    return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

const BAR_CHART = { width: 380, labelWidth: 118, valueWidth: 74, rowHeight: 24, barHeight: 14 };

/**
 * At most `DRAW_LIMITS.barRows` rows: the first ones as given, the rest summed into one last
 * row ("12 more"), so a workout of a thousand blocks still has a chart of a few rows.
 */
export function boundedRows(rows: BarRow[], valueLabel: (value: number) => string, barClass: string): BarRow[] {
    if (rows.length <= DRAW_LIMITS.barRows) {
        return rows;
    }
    const shown = rows.slice(0, DRAW_LIMITS.barRows - 1);
    const rest = rows.slice(DRAW_LIMITS.barRows - 1);
    const value = saneCount(rest.reduce((sum, row) => sum + saneCount(row.value), 0));
    return [...shown, { label: `${groupDigits(rest.length)} more`, value, valueLabel: valueLabel(value), barClass }];
}

/** A horizontal bar chart, one row per item, largest first as given (at most `DRAW_LIMITS.barRows`). */
export function renderBarChart(allRows: BarRow[], caption: string): string {
    const { width, labelWidth, valueWidth, rowHeight, barHeight } = BAR_CHART;
    const rows = allRows.slice(0, DRAW_LIMITS.barRows);
    const barSpace = width - labelWidth - valueWidth;
    const max = rows.reduce((largest, row) => Math.max(largest, saneCount(row.value)), 0);
    const height = rows.length * rowHeight + 4;
    const body = rows.map((row, index) => {
        const y = index * rowHeight + 2;
        const barWidth = max > 0 ? round((saneCount(row.value) / max) * barSpace) : 0;
        const textY = y + barHeight / 2 + 4.5;
        return `<g class="row"><title>${escapeHtml(row.label)}: ${escapeHtml(row.valueLabel)}</title>`
            + `<text class="label" x="${labelWidth - 8}" y="${textY}" text-anchor="end">${escapeHtml(truncate(row.label, 15))}</text>`
            + `<rect class="track" x="${labelWidth}" y="${y}" width="${barSpace}" height="${barHeight}" rx="3"/>`
            + `<rect class="bar ${row.barClass}" x="${labelWidth}" y="${y}" width="${Math.max(barWidth, 2)}" height="${barHeight}" rx="3"/>`
            + `<text class="value" x="${labelWidth + Math.max(barWidth, 2) + 6}" y="${textY}">${escapeHtml(row.valueLabel)}</text></g>`;
    });
    return `<svg class="chart bar-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(caption)}">${body.join('')}</svg>`;
}

/**
 * The work/rest rhythm of `intervals` and `tabata`: one orange bar per work interval. Up to
 * `DRAW_LIMITS.timelineIntervals` intervals are drawn one by one; a longer block is summarised
 * as its first and last intervals around a break mark, so 10,000,000 intervals draw as few
 * rectangles as 40 do, and the legend says how many there are.
 */
export function renderIntervalTimeline(block: BlockModel): string {
    const rounds = saneWhole(block.rounds);
    const work = saneCount(block.workSeconds);
    const off = saneCount(block.offSeconds);
    const cycle = work + off;
    if (rounds === 0 || cycle === 0) {
        return '';
    }
    const total = saneCount(rounds * cycle);
    const width = 360;
    const barHeight = 20;
    const compressed = rounds > DRAW_LIMITS.timelineIntervals;
    // Compressed: half the drawn intervals at each end, the width of two between them for the break.
    const half = Math.floor((DRAW_LIMITS.timelineIntervals - 2) / 2);
    const slots = compressed ? 2 * half + 2 : rounds;
    const scale = width / (slots * cycle);
    const gap = slots <= 40 ? 0.6 : 0;
    const parts: string[] = [];
    const drawCycle = (slot: number): void => {
        const start = slot * cycle * scale;
        if (work > 0) {
            parts.push(`<rect class="work" x="${round(start)}" y="0" width="${round(Math.max(work * scale - gap, 0.5))}" height="${barHeight}" rx="1.5"/>`);
        }
        if (off > 0) {
            parts.push(`<rect class="off" x="${round(start + work * scale)}" y="0" width="${round(Math.max(off * scale - gap, 0.5))}" height="${barHeight}" rx="1.5"/>`);
        }
    };
    if (compressed) {
        for (let slot = 0; slot < half; slot++) {
            drawCycle(slot);
        }
        const breakX = round(half * cycle * scale + 2);
        const breakWidth = round(Math.max(2 * cycle * scale - 4, 1));
        parts.push(`<rect class="elided" x="${breakX}" y="${barHeight / 2 - 1}" width="${breakWidth}" height="2"/>`);
        for (let slot = half + 2; slot < slots; slot++) {
            drawCycle(slot);
        }
    } else {
        for (let slot = 0; slot < rounds; slot++) {
            drawCycle(slot);
        }
    }
    const count = groupDigits(rounds);
    // Stretched to the card's width; the labels are HTML so they keep their size.
    const legend = `<div class="legend"><span><i class="work-key"></i>work ${escapeHtml(formatSeconds(work))}</span>`
        + (off > 0 ? `<span><i class="off-key"></i>rest ${escapeHtml(formatSeconds(off))}</span>` : '')
        + `<span>× ${escapeHtml(count)}</span>`
        + (compressed ? `<span class="legend-drawn">${escapeHtml(`first and last ${half} drawn`)}</span>` : '')
        + `<span class="legend-total">${escapeHtml(formatSeconds(total))} in all</span></div>`;
    const label = `${count} intervals of ${formatSeconds(work)} work and ${formatSeconds(off)} rest`
        + (compressed ? `, the first and last ${half} drawn` : '');
    return `${legend}<svg class="timeline${compressed ? ' compressed' : ''}" viewBox="0 0 ${width} ${barHeight}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}

/**
 * The workout at a glance: its blocks side by side, as wide as their share of the time. At most
 * `DRAW_LIMITS.stripBlocks` segments: the blocks past the last one share it.
 */
export function renderBlockStrip(allBlocks: Array<{ kindClass: string; seconds: number; label: string }>): string {
    const limit = DRAW_LIMITS.stripBlocks;
    const blocks = allBlocks.length <= limit ? allBlocks : [
        ...allBlocks.slice(0, limit - 1),
        (() => {
            const rest = allBlocks.slice(limit - 1);
            const seconds = saneCount(rest.reduce((sum, block) => sum + saneCount(block.seconds), 0));
            return { kindClass: 'kind-section', seconds, label: `${groupDigits(rest.length)} more blocks: ${formatSeconds(seconds)}` };
        })()
    ];
    const total = blocks.reduce((sum, block) => sum + saneCount(block.seconds), 0);
    if (total <= 0) {
        return '';
    }
    let x = 0;
    const rects = blocks.map(block => {
        const width = (saneCount(block.seconds) / total) * 1000;
        const rect = `<rect class="kind-fill ${block.kindClass}" x="${round(x)}" y="0" width="${round(Math.max(width - 3, 0))}" height="12"><title>${escapeHtml(block.label)}</title></rect>`;
        x += width;
        return rect;
    });
    return `<svg class="strip" viewBox="0 0 1000 12" preserveAspectRatio="none" role="img" aria-label="Blocks by share of the time">${rects.join('')}</svg>`;
}

export interface WeekBar {
    week: number;
    minutes: number;
    /** Growth over the week before in percent, when there is one to compare with. */
    growthPercent?: number;
    tooSteep: boolean;
}

/** The frame of a chart with one column per week: its size, the axis, and where each column's bar goes. */
function weekColumns(count: number) {
    const width = Math.max(360, count * 46 + 40);
    const top = 20;
    const plotHeight = 110;
    const left = 20;
    const step = (width - left) / Math.max(count, 1);
    const barWidth = Math.min(30, step * 0.6);
    const column = (index: number) => {
        const x = round(left + index * step + (step - barWidth) / 2);
        return { x, centre: round(x + barWidth / 2), barWidth };
    };
    const parts = [`<line class="axis" x1="${left - 6}" y1="${top + plotHeight}" x2="${width}" y2="${top + plotHeight}"/>`];
    return { width, height: top + plotHeight + 22, top, plotHeight, parts, column };
}

/**
 * Vertical bars of strength minutes per week; a week that grows too fast is drawn in warning
 * colour. At most `DRAW_LIMITS.weekBars` weeks (the first ones): the caption says when more.
 */
export function renderWeeklyStrengthChart(allWeeks: WeekBar[]): string {
    const weeks = allWeeks.slice(0, DRAW_LIMITS.weekBars);
    const { width, height, top, plotHeight, parts, column } = weekColumns(weeks.length);
    const max = weeks.reduce((largest, week) => Math.max(largest, saneCount(week.minutes)), 0);
    weeks.forEach((week, index) => {
        const minutes = Math.max(0, safeNumber(week.minutes));
        const barHeight = max > 0 ? round((minutes / max) * plotHeight) : 0;
        const { x, centre, barWidth } = column(index);
        const growth = week.growthPercent === undefined ? '' : ` (${week.growthPercent >= 0 ? '+' : ''}${Math.round(safeNumber(week.growthPercent))}%)`;
        parts.push(`<g class="week"><title>Week ${Math.trunc(safeNumber(week.week))}: ${Math.round(minutes)} min of strength${growth}</title>`
            + `<rect class="bar${week.tooSteep ? ' over' : ''}" x="${x}" y="${round(top + plotHeight - barHeight)}" width="${round(barWidth)}" height="${Math.max(barHeight, 1)}" rx="3"/>`
            + `<text class="value" x="${centre}" y="${round(top + plotHeight - barHeight - 5)}" text-anchor="middle">${Math.round(minutes)}</text>`
            + `<text class="label" x="${centre}" y="${top + plotHeight + 16}" text-anchor="middle">W${Math.trunc(safeNumber(week.week))}</text></g>`);
    });
    return `<svg class="chart week-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Strength minutes per week">${parts.join('')}</svg>`;
}

/** Bar heights of the run profile, easiest lowest (out of 48). */
const PROFILE_HEIGHT: Readonly<Record<string, number>> = { rest: 8, other: 14, easy: 18, moderate: 26, threshold: 34, interval: 41, repetition: 48 };
const INTENSITY_WORDS: Readonly<Record<string, string>> = {
    rest: 'rest or walk', easy: 'easy', moderate: 'moderate', threshold: 'threshold', interval: 'interval', repetition: 'repetition', other: 'other work'
};

/** The class of an intensity, from a fixed list only: safe in an attribute. */
function intensityClass(intensity: string): string {
    return Object.hasOwn(PROFILE_HEIGHT, intensity) ? `int-${intensity}` : 'int-other';
}

/**
 * A run session at a glance: its steps side by side, as wide as their time and as tall and warm
 * as they are hard (a watch's or a training log's workout profile). At most a few hundred bars.
 */
export function renderRunProfile(steps: readonly ProfileStep[]): string {
    const total = steps.reduce((sum, step) => sum + Math.max(0, safeNumber(step.seconds)), 0);
    if (total <= 0) {
        return '';
    }
    const height = 48;
    let x = 0;
    const rects = steps.map(step => {
        const width = (Math.max(0, safeNumber(step.seconds)) / total) * 1000;
        const barHeight = PROFILE_HEIGHT[step.intensity] ?? PROFILE_HEIGHT.other;
        const rect = `<rect class="${intensityClass(step.intensity)}" x="${round(x)}" y="${height - barHeight}" width="${round(Math.max(width - 0.8, 0.4))}" height="${barHeight}">`
            + `<title>${escapeHtml(step.label)}: ${escapeHtml(formatSeconds(safeNumber(step.seconds)))}</title></rect>`;
        x += width;
        return rect;
    });
    const used = new Set(steps.map(step => (Object.hasOwn(PROFILE_HEIGHT, step.intensity) ? step.intensity : 'other')));
    const legend = '<div class="legend profile-legend">'
        + [...INTENSITIES, 'other' as const].filter(intensity => used.has(intensity))
            .map(intensity => `<span><i class="${intensityClass(intensity)}"></i>${INTENSITY_WORDS[intensity]}</span>`).join('')
        + '</div>';
    return `<svg class="run-profile" viewBox="0 0 1000 ${height}" preserveAspectRatio="none" role="img" aria-label="The session's steps by time, coloured by intensity">${rects.join('')}</svg>${legend}`;
}

export interface RunWeekBar {
    week: number;
    /** What the bar measures: kilometers, miles or minutes. */
    value: number;
    valueLabel: string;
    /** Time at threshold or faster, as a share of the week's running (0–1). */
    hardShare: number;
    growthPercent?: number;
    tooSteep: boolean;
}

/** Vertical bars of the running per week, the hard share drawn at the foot of each bar; a week that grows too fast in warning colour. */
export function renderWeeklyRunChart(allWeeks: RunWeekBar[], unitWord: string): string {
    const weeks = allWeeks.slice(0, DRAW_LIMITS.weekBars);
    const { width, height, top, plotHeight, parts, column } = weekColumns(weeks.length);
    const max = weeks.reduce((largest, week) => Math.max(largest, saneCount(week.value)), 0);
    weeks.forEach((week, index) => {
        const value = Math.max(0, saneCount(week.value));
        const barHeight = max > 0 ? round((value / max) * plotHeight) : 0;
        const hardHeight = round(barHeight * Math.min(1, Math.max(0, safeNumber(week.hardShare))));
        const { x, centre, barWidth } = column(index);
        const growth = week.growthPercent === undefined ? '' : ` (${week.growthPercent >= 0 ? '+' : ''}${Math.round(safeNumber(week.growthPercent))}%)`;
        parts.push(`<g class="week"><title>Week ${Math.trunc(safeNumber(week.week))}: ${escapeHtml(week.valueLabel)} of running${growth}, ${Math.round(safeNumber(week.hardShare) * 100)}% at threshold or faster</title>`
            + `<rect class="bar${week.tooSteep ? ' over' : ''}" x="${x}" y="${round(top + plotHeight - barHeight)}" width="${round(barWidth)}" height="${Math.max(barHeight, 1)}" rx="3"/>`
            + (hardHeight > 0 ? `<rect class="bar hard" x="${x}" y="${round(top + plotHeight - hardHeight)}" width="${round(barWidth)}" height="${hardHeight}"/>` : '')
            + `<text class="value" x="${centre}" y="${round(top + plotHeight - barHeight - 5)}" text-anchor="middle">${escapeHtml(truncate(week.valueLabel, 7))}</text>`
            + `<text class="label" x="${centre}" y="${top + plotHeight + 16}" text-anchor="middle">W${Math.trunc(safeNumber(week.week))}</text></g>`);
    });
    return `<svg class="chart week-chart run-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(`Running per week, in ${unitWord}`)}">${parts.join('')}</svg>`;
}
