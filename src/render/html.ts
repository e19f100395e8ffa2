/**
 * The session as a page a coach would print and pin on the gym wall: per workout a header,
 * one card per block, a summary with time per block and sets per muscle group; plans as a
 * calendar. `renderSessionBody` is the content of `<main>`, shared by the exported page (one
 * self-contained file, built here) and the VS Code preview, whose page, policy and script
 * belong to the extension (src/extension/preview-html.ts). With the timer, each workout gets a
 * Play button and its steps as JSON (html-timer.ts); the exported page then inlines the timer
 * script it is given under a nonce drawn for that page.
 *
 * Pure functions of the model. User text goes through `escapeHtml` only; attributes are built
 * from numbers and constant class names. The exported functions draw `saneSession`'s copy of
 * the model (src/render/sane-model.ts), so the page stays small and free of NaN and Infinity
 * whatever numbers the model holds.
 */
import { formatSeconds } from '../core/quantities.js';
import { knownKind, specOf } from '../core/block-kinds.js';
import type { BlockModel, EntryModel, ItemModel, RestModel, RunSummary, SessionModel, WorkoutModel } from '../core/session-model.js';
import { describeAmount, describeDetails, describeRest, describeSlot, describeWhole, explainBlock } from '../core/describe.js';
import { runProfile } from '../core/run-profile.js';
import { formatRunDistance } from '../core/running.js';
import { escapeHtml, lineAttribute, safeNumber } from './escape.js';
import { boundedRows, renderBarChart, renderBlockStrip, renderIntervalTimeline, renderRunProfile, type BarRow } from './html-charts.js';
import { renderPlan } from './html-plan.js';
import { renderAthletes } from './html-athletes.js';
import { PAGE_CSS as LAYOUT_CSS } from './html-styles.js';
import { checkedNonce, inlineScript, newPageNonce, renderTimerParts, TIMER_CSS } from './html-timer.js';
import { headingOf, saneBlock, saneCount, saneSession, saneText, saneWorkout } from './sane-model.js';

export interface ExportHtmlOptions {
    mode: 'export';
    /** The page title; defaults to the first workout's or plan's name. */
    title?: string;
    /**
     * The follow-along timer's script (the bundle dist/webview/timer.js, read by the caller).
     * With it the page has a Play button per workout and runs this one script; without it the
     * page runs nothing.
     */
    timerScript?: string;
    /** The script's nonce; a new random one per render when not given. */
    nonce?: string;
}

/** What the body holds besides the session: the timer's Play buttons and steps. */
export interface BodyOptions {
    timer?: boolean;
}

/** The options of the one page this module builds: the self-contained export. */
export type HtmlOptions = ExportHtmlOptions;

/** The page's layout and light paper colours: inlined in the export, and in the preview's page. */
export const PAGE_CSS = LAYOUT_CSS + TIMER_CSS;

/** Tick boxes stop being useful beyond this many (a 40-round EMOM gets a write-in line instead). */
const MAX_TICKS = 12;

/** The card's colour class, from the table's kinds only: safe in an attribute. */
function kindClass(block: BlockModel): string {
    return `kind-${knownKind(block)}`;
}

function ticks(count: number): string {
    const n = Math.trunc(safeNumber(count));
    return n > 1 && n <= MAX_TICKS ? `<span class="ticks" aria-hidden="true">${'<i></i>'.repeat(n)}</span>` : '';
}

/** Block times to the nearest 5 s: estimates, not stopwatch readings. */
function roughSeconds(seconds: number): string {
    return formatSeconds(Math.round(safeNumber(seconds) / 5) * 5);
}

function about(seconds: number): string {
    return `≈ ${roughSeconds(seconds)}`;
}

/** "≈ 39 min" for a whole workout: coaches plan in minutes. */
export function roughMinutes(seconds: number): string {
    const minutes = Math.round(safeNumber(seconds) / 60);
    if (minutes < 1) {
        return '< 1 min';
    }
    return minutes < 60 ? `≈ ${minutes} min` : `≈ ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- entries and blocks -----------------------------------------------------------------------

function renderEntry(entry: EntryModel): string {
    const amount = describeAmount(entry) || '—';
    const slot = entry.slot !== undefined ? [describeSlot(entry.slot)] : [];
    const chips = [...slot, ...describeDetails(entry)].map(detail => `<span class="chip">${escapeHtml(detail)}</span>`).join('');
    const nameClass = entry.known === false ? 'name unknown' : 'name';
    const note = entry.note ? `<span class="note">${escapeHtml(entry.note)}</span>` : '';
    return `<li class="entry" ${lineAttribute(entry.line)}>`
        + `<span class="amount">${escapeHtml(amount)}</span>`
        + `<span class="what"><span class="${nameClass}">${escapeHtml(entry.name || entry.exercise)}</span>`
        + (chips ? `<span class="chips">${chips}</span>` : '') + note + '</span>'
        + (ticks(entry.sets) || '<span></span>') + '</li>';
}

function renderRest(rest: RestModel): string {
    return `<li class="rest-row" ${lineAttribute(rest.line)}><span class="pause" aria-hidden="true"><i></i><i></i></span>`
        + `${escapeHtml(describeRest(rest))}</li>`;
}

function renderItem(item: ItemModel): string {
    switch (item.type) {
        case 'entry':
            return renderEntry(item);
        case 'rest':
            return renderRest(item);
        default:
            return `<li class="nested">${drawBlock(item)}</li>`;
    }
}

/** What the athlete fills in on paper: rounds done in an AMRAP, the time of a for-time. */
function writeIn(block: BlockModel): string {
    switch (specOf(block).writeIn) {
        case 'rounds-done':
            return '<p class="write-in">Rounds done <span class="line"></span></p>';
        case 'time':
            return '<p class="write-in">Time <span class="line"></span></p>';
        case 'round-ticks':
            return (block.rounds ?? 0) > 1 && (block.rounds ?? 0) <= MAX_TICKS
                ? `<p class="write-in">Rounds ${ticks(block.rounds ?? 0)}</p>`
                : '';
        default:
            return '';
    }
}

/**
 * `rest 60s` written between two blocks: the compiler wraps it in an untitled section, but a
 * coach reads it as a pause between cards, not as a card of its own.
 */
export function isRestBetweenBlocks(block: BlockModel): boolean {
    return block.kind === 'section' && !block.title && block.entries.length > 0 && block.entries.every(item => item.type === 'rest');
}

function renderRestBetween(block: BlockModel): string {
    return block.entries.map(item => `<div class="rest-between" ${lineAttribute(item.line)}><span class="pause" aria-hidden="true"><i></i><i></i></span>`
        + `${escapeHtml(describeRest(item as RestModel))}</div>`).join('');
}

/** One block's card, for a block from anywhere (it is made sane first). */
export function renderBlock(block: BlockModel): string {
    return drawBlock(saneBlock(block));
}

function drawBlock(block: BlockModel): string {
    if (isRestBetweenBlocks(block)) {
        return renderRestBetween(block);
    }
    const classes = ['card', kindClass(block)];
    const spec = specOf(block);
    if (spec.calm) {
        classes.push('calm');
    }
    const kicker = spec.kicker;
    const explanation = explainBlock(block);
    const timeline = spec.timeline ? renderIntervalTimeline(block) : '';
    return `<section class="${classes.join(' ')}" ${lineAttribute(block.line)}>`
        + '<header class="card-head">'
        + (kicker ? `<span class="card-kicker">${kicker}</span>` : '')
        + `<h2 class="card-title">${escapeHtml(headingOf(block))}</h2>`
        + `<span class="card-time">${escapeHtml(about(block.estimatedSeconds))}</span></header>`
        + (explanation ? `<p class="explain">${escapeHtml(explanation)}</p>` : '')
        + (block.note ? `<p class="explain block-note">${escapeHtml(block.note)}</p>` : '')
        + timeline
        + `<ol class="entries">${block.entries.map(renderItem).join('')}</ol>`
        + writeIn(block)
        + '</section>';
}

// ---- workouts ---------------------------------------------------------------------------------

/** A short label for the time chart: the section's title, else the block's own words. */
function chartLabel(block: BlockModel): string {
    if (isRestBetweenBlocks(block)) {
        return 'Rest';
    }
    return specOf(block).chartLabel?.(block) ?? headingOf(block);
}

function renderSummary(workout: WorkoutModel): string {
    const timeRows = boundedRows(workout.blocks.map(block => ({
        label: chartLabel(block),
        value: safeNumber(block.estimatedSeconds),
        valueLabel: roughSeconds(block.estimatedSeconds),
        barClass: `kind-fill ${kindClass(block)}`
    })), roughSeconds, 'kind-fill kind-section');
    const muscleRows: BarRow[] = Object.entries(workout.muscles ?? {})
        .map(([muscle, sets]) => ({ muscle, sets: safeNumber(sets) }))
        .filter(({ sets }) => sets > 0)
        // Plain code-point order: localeCompare builds a collator per call, far too slow here.
        .sort((a, b) => b.sets - a.sets || (a.muscle < b.muscle ? -1 : a.muscle > b.muscle ? 1 : 0))
        .map(({ muscle, sets }) => ({ label: capitalise(muscle), value: sets, valueLabel: String(sets), barClass: 'muscle' }));
    const totalSets = saneCount(muscleRows.reduce((sum, row) => sum + row.value, 0));
    const timeChart = timeRows.length > 0
        ? renderBarChart(timeRows, 'Time per block')
        : '<p class="chart-empty">No blocks yet.</p>';
    const muscleChart = muscleRows.length > 0
        ? renderBarChart(boundedRows(muscleRows, sets => String(Math.round(sets * 10) / 10), 'muscle'), 'Sets per muscle group')
        : '<p class="chart-empty">No strength work counted (warm-up, cool-down and cardio are left out).</p>';
    return '<section class="summary"><h2 class="summary-title">Summary</h2><div class="charts">'
        + `<figure class="chart-box time-chart"><figcaption>Time per block <small>${escapeHtml(roughMinutes(workout.estimatedSeconds))} in all</small></figcaption>${timeChart}</figure>`
        + `<figure class="chart-box muscle-chart"><figcaption>Sets per muscle group <small>${escapeHtml(String(Math.round(totalSets * 10) / 10))} in all; helping muscles count half</small></figcaption>${muscleChart}</figure>`
        + '</div></section>';
}

/** One workout's page, for a workout from anywhere (it is made sane first). */
export function renderWorkout(workout: WorkoutModel, options: BodyOptions = {}): string {
    return drawWorkout(saneWorkout(workout), options);
}

function drawWorkout(workout: WorkoutModel, options: BodyOptions = {}): string {
    const equipment = (workout.equipment ?? []).filter(Boolean);
    const bring = equipment.length > 0
        ? `<dd>${escapeHtml(equipment.map(capitalise).join(', '))}</dd>`
        : '<dd class="none">No equipment</dd>';
    const strip = renderBlockStrip(workout.blocks.map(block => ({
        kindClass: kindClass(block),
        seconds: block.estimatedSeconds,
        label: `${chartLabel(block)}: ${formatSeconds(safeNumber(block.estimatedSeconds))}`
    })));
    const timer = options.timer ? renderTimerParts(workout) : { button: '', data: '' };
    const head = `<header class="page-head" ${lineAttribute(workout.line)}><p class="page-kicker">Workout</p>`
        + `<h1 class="page-title">${escapeHtml(workout.name || workout.id)}</h1>`
        + (describeWhole(workout) ? `<p class="explain page-note">${escapeHtml(describeWhole(workout))}</p>` : '')
        + `<dl class="facts"><div><dt>Time</dt><dd>${escapeHtml(roughMinutes(workout.estimatedSeconds))}</dd></div>`
        + (workout.run ? `<div><dt>Running</dt><dd>${escapeHtml(describeRunning(workout.run))}</dd></div>` : '')
        + `<div><dt>Bring</dt>${bring}</div>`
        + `<div><dt>Blocks</dt><dd>${workout.blocks.filter(block => !isRestBetweenBlocks(block)).length}</dd></div></dl>`
        + (workout.run ? renderRunProfile(runProfile(workout.blocks)) : strip) + timer.button + '</header>';
    return `<article class="workout">${head}${timer.data}<div class="blocks">${workout.blocks.map(drawBlock).join('')}</div>${renderSummary(workout)}</article>`;
}

// ---- the page ---------------------------------------------------------------------------------

/** The content of `<main>`: what the webview script swaps in on every update. */
export function renderSessionBody(model: SessionModel, options: BodyOptions = {}): string {
    const { workouts, plans, athletes: profiles, athlete: renderedFor } = saneSession(model);
    const athletes = renderAthletes(profiles);
    if (workouts.length === 0 && plans.length === 0 && athletes === '') {
        return '<p class="empty">Nothing to show yet. Write a workout, for example <code>workout legs &lt; 3 x 10 squats &gt;</code>.</p>';
    }
    // A plan's sessions follow its calendar, each once, unless the file shows them already.
    const shown = new Set(workouts.map(workout => workout.id));
    const workoutPage = (workout: WorkoutModel) => drawWorkout(workout, options);
    const planPages = plans.map(plan => {
        const page = renderPlan(plan, workoutPage, shown);
        plan.workouts.forEach(workout => shown.add(workout.id));
        return page;
    });
    const athlete = renderedFor ? renderedFor.name || renderedFor.id : undefined;
    const forAthlete = athlete
        ? `<p class="athlete-note">For ${escapeHtml(athlete)}: paces, heart rates, powers and loads in the athlete's own numbers.</p>`
        : '';
    return forAthlete + workouts.map(workoutPage).join('') + planPages.join('') + athletes;
}

/** `≈ 8.4 km · 48 min, 16 min hard`: a workout's running. */
export function describeRunning(run: RunSummary, unit?: string): string {
    const hard = safeNumber(run.hardSeconds) >= 60 ? `, ${Math.round(safeNumber(run.hardSeconds) / 60)} min hard` : '';
    return `≈ ${formatRunDistance(safeNumber(run.meters), unit ?? run.unit)} · ${roughMinutes(run.seconds).replace(/^≈ /, '')}${hard}`;
}

/** What an athlete's profile cannot resolve (`target-needs-profile`), above the session drawn for her. */
export function renderTargetProblems(problems: ReadonlyArray<{ line: number; file?: string; message: string }>): string {
    if (problems.length === 0) {
        return '';
    }
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `<li>… and ${problems.length - shown.length} more</li>` : '';
    return `<div class="athlete-note" role="status"><p>${problems.length} target${problems.length === 1 ? '' : 's'} need${problems.length === 1 ? 's' : ''} more of the profile:</p><ul>`
        + shown.map(problem => `<li${problem.file ? '' : ` ${lineAttribute(problem.line)}`}>${escapeHtml(problem.message)}</li>`).join('') + more + '</ul></div>';
}

/** "3 problems — showing the last good version" above the page while the text has errors. */
export function renderProblemsBanner(problems: number, hasLastGood = true): string {
    const count = Math.max(0, Math.trunc(safeNumber(problems)));
    if (count === 0) {
        return '';
    }
    const what = `${count} problem${count === 1 ? '' : 's'}`;
    const tail = hasLastGood ? 'showing the last good version' : 'the preview appears once the file has no errors';
    return `<p class="banner" role="status"><span class="banner-icon" aria-hidden="true">⚠</span>${what} — ${tail}</p>`;
}

/** The page's title: the given one, else the first workout's or plan's name. */
export function sessionTitle(model: SessionModel, title?: string): string {
    const session = saneSession({ workouts: model?.workouts?.slice?.(0, 1), plans: model?.plans?.slice?.(0, 1) });
    return saneText(title) || session.workouts[0]?.name || session.plans[0]?.name || 'Workout';
}

/**
 * The exported page: self-contained, and under a policy that lets it load nothing and run
 * nothing but the timer script it carries, when it is given one.
 */
export function renderSessionHtml(session: SessionModel, options: HtmlOptions): string {
    const title = escapeHtml(sessionTitle(session, options.title));
    const timer = typeof options.timerScript === 'string' && options.timerScript.length > 0;
    const nonce = timer ? checkedNonce(options.nonce ?? newPageNonce()) : '';
    const body = renderSessionBody(session, { timer });
    // Defence in depth: even a file opened from disk may not load anything, nor run anything
    // but its own timer.
    const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:" + (timer ? `; script-src 'nonce-${nonce}'` : '');
    const script = timer ? `<script nonce="${nonce}">${inlineScript(options.timerScript!)}</script>` : '';
    return '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        + `<meta http-equiv="Content-Security-Policy" content="${csp}">`
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + `<meta name="generator" content="workout render">`
        + `<title>${title}</title><style>${PAGE_CSS}</style></head>`
        + `<body class="workout-page mode-export"><main id="session" class="session">${body}</main>${script}</body></html>`;
}
