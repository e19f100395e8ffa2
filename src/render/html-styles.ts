/**
 * The look of the session page, inlined in both the exported file and the webview (there under
 * the page's nonce). Colours are custom properties with light defaults for paper; the webview
 * maps them to the editor theme in media/preview.css. No user text ever reaches this file.
 */
export const PAGE_CSS = String.raw`
:root {
  --wk-bg: #ffffff;
  --wk-fg: #1b1f27;
  --wk-muted: #5b6372;
  --wk-card: #ffffff;
  --wk-border: #d5d9e0;
  --wk-rule: #e8eaee;
  --wk-soft: #f1f3f6;
  --wk-calm: #f6f8f7;
  --wk-focus: #0b66d6;
  --wk-focus-bg: rgba(11, 102, 214, 0.09);
  --wk-warn: #b54708;
  --wk-warn-bg: #fff4e5;
  --wk-on-accent: #ffffff;
  --wk-work: #e8590c;
  --wk-off: #c7ced8;
  --wk-run: #1c7ed6;
  --wk-strength: #d9480f;
  --wk-amrap: #e8590c;
  --wk-emom: #7048e8;
  --wk-for-time: #e03131;
  --wk-rounds: #1971c2;
  --wk-superset: #0c8599;
  --wk-intervals: #f08c00;
  --wk-warmup: #2b8a3e;
  --wk-cooldown: #3b73b9;
  --wk-section: #495057;
  --wk-repeat: #1c7ed6;
  --wk-int-rest: #ced4da;
  --wk-int-easy: #74c0fc;
  --wk-int-moderate: #51cf66;
  --wk-int-threshold: #fcc419;
  --wk-int-interval: #ff922b;
  --wk-int-repetition: #e03131;
  --wk-int-other: #adb5bd;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--wk-bg);
  color: var(--wk-fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.session { max-width: 880px; margin: 0 auto; padding: 28px 22px 56px; }
.empty { color: var(--wk-muted); font-size: 1.05rem; margin-top: 3rem; text-align: center; }
.empty code { background: var(--wk-soft); padding: 1px 6px; border-radius: 4px; }

/* ---- problems banner ---- */
.banner {
  display: flex; align-items: center; gap: .6rem;
  margin: 0; padding: 8px 22px;
  background: var(--wk-warn-bg); color: var(--wk-warn);
  border-bottom: 1px solid var(--wk-warn);
  font-weight: 600;
}
.banner-icon { font-size: 1.1rem; }

/* ---- a workout ---- */
.workout, .plan { margin: 0 0 56px; }
.plan + .workout { break-before: page; }
.page-head { margin-bottom: 18px; }
.page-kicker {
  margin: 0 0 2px; color: var(--wk-muted);
  font-size: .78rem; font-weight: 700; letter-spacing: .12em; text-transform: uppercase;
}
.page-title {
  margin: 0 0 10px; font-size: 2.1rem; line-height: 1.15; font-weight: 800;
  letter-spacing: -0.015em; overflow-wrap: anywhere;
}
.facts { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 0 0 14px; }
.facts div { min-width: 0; }
.facts dt {
  color: var(--wk-muted); font-size: .72rem; font-weight: 700;
  letter-spacing: .1em; text-transform: uppercase;
}
.facts dd { margin: 0; font-size: 1.15rem; font-weight: 700; overflow-wrap: anywhere; }
.facts dd.none { color: var(--wk-muted); font-weight: 500; }
.strip { display: block; width: 100%; height: 12px; border-radius: 6px; overflow: hidden; }

/* ---- block cards ---- */
.blocks { display: flex; flex-direction: column; gap: 14px; }
.card {
  --kind: var(--wk-section);
  position: relative;
  background: var(--wk-card);
  border: 1px solid var(--wk-border);
  border-left: 7px solid var(--kind);
  border-radius: 10px;
  padding: 12px 18px 10px;
  break-inside: avoid;
}
.kind-amrap { --kind: var(--wk-amrap); }
.kind-emom { --kind: var(--wk-emom); }
.kind-for-time { --kind: var(--wk-for-time); }
.kind-rounds { --kind: var(--wk-rounds); }
.kind-superset { --kind: var(--wk-superset); }
.kind-intervals { --kind: var(--wk-intervals); }
.kind-warmup { --kind: var(--wk-warmup); }
.kind-cooldown { --kind: var(--wk-cooldown); }
.kind-section { --kind: var(--wk-section); }
.kind-repeat, .kind-repeat-until { --kind: var(--wk-repeat); }
.card.calm {
  background: var(--wk-calm);
  border-style: dashed; border-left-style: solid;
  padding-top: 8px; padding-bottom: 6px;
}
.card-head { display: flex; align-items: baseline; flex-wrap: wrap; gap: 2px 12px; }
.card-kicker {
  color: var(--kind); font-size: .72rem; font-weight: 800;
  letter-spacing: .12em; text-transform: uppercase;
}
.card-title { margin: 0; font-size: 1.3rem; font-weight: 800; line-height: 1.25; overflow-wrap: anywhere; }
.calm .card-title { font-size: 1.05rem; }
.card-time {
  margin-left: auto; color: var(--wk-muted); font-weight: 600;
  font-variant-numeric: tabular-nums; white-space: nowrap;
}
.explain { margin: 2px 0 4px; color: var(--wk-muted); font-size: .9rem; }
.write-in { margin: 6px 0 2px; color: var(--wk-muted); font-size: .85rem; display: flex; align-items: center; gap: 8px; }
.write-in .line { flex: 0 0 9rem; border-bottom: 1.5px solid var(--wk-border); height: 1.1em; }

/* tick boxes for the athlete: one per round or set */
.ticks { display: inline-flex; gap: 4px; align-items: center; }
.ticks i {
  display: inline-block; width: 13px; height: 13px;
  border: 1.5px solid var(--wk-muted); border-radius: 3px; opacity: .7;
}

/* ---- entries ---- */
.entries {
  list-style: none; margin: 4px 0 0; padding: 0;
  display: grid; grid-template-columns: max-content minmax(0, 1fr) auto; column-gap: 14px;
}
.entries > li { grid-column: 1 / -1; border-top: 1px solid var(--wk-rule); }
.entries > li:first-child { border-top: none; }
/* Each entry is a row of its list's grid, so amounts and names line up down a card. */
.entry { display: grid; grid-template-columns: subgrid; row-gap: 2px; align-items: baseline; padding: 7px 0; }
.amount { min-width: 3.2rem; }
.amount {
  font-size: 1.2rem; font-weight: 800; white-space: nowrap;
  font-variant-numeric: tabular-nums; color: var(--wk-fg);
}
.calm .amount, .calm .name { font-size: 1rem; }
.what { min-width: 0; }
.name { font-size: 1.08rem; font-weight: 650; overflow-wrap: anywhere; }
.name.unknown { text-decoration: underline dotted var(--wk-warn); }
.chips { display: inline; }
.chip {
  display: inline-block; margin: 0 0 0 6px; padding: 0 8px;
  border-radius: 6px; background: var(--wk-soft);
  font-size: .82rem; font-weight: 600; color: var(--wk-fg); white-space: nowrap;
}
.note {
  display: block; margin-top: 2px; color: var(--wk-muted); font-style: italic;
  font-size: .92rem; overflow-wrap: anywhere;
}
.note::before { content: "\201C"; }
.note::after { content: "\201D"; }
.rest-row {
  display: flex; align-items: center; gap: 10px; padding: 5px 0;
  color: var(--wk-muted); font-weight: 600; font-size: .92rem;
}
.rest-between {
  display: flex; align-items: center; gap: 10px; margin: -4px 0 -4px 18px;
  color: var(--wk-muted); font-weight: 600; font-size: .92rem;
}
.rest-row .pause, .rest-between .pause { display: inline-flex; gap: 3px; }
.rest-row .pause i, .rest-between .pause i { width: 4px; height: 12px; background: var(--wk-muted); border-radius: 1px; }
.nested { padding: 6px 0 8px; }
.nested > .card { padding: 8px 14px 6px; border-left-width: 5px; }
.nested .card-title { font-size: 1.05rem; }

/* ---- a run's profile, coloured by intensity ---- */
.run-profile { display: block; width: 100%; height: 48px; margin: 8px 0 2px; }
.int-rest { fill: var(--wk-int-rest); background: var(--wk-int-rest); }
.int-easy { fill: var(--wk-int-easy); background: var(--wk-int-easy); }
.int-moderate { fill: var(--wk-int-moderate); background: var(--wk-int-moderate); }
.int-threshold { fill: var(--wk-int-threshold); background: var(--wk-int-threshold); }
.int-interval { fill: var(--wk-int-interval); background: var(--wk-int-interval); }
.int-repetition { fill: var(--wk-int-repetition); background: var(--wk-int-repetition); }
.int-other { fill: var(--wk-int-other); background: var(--wk-int-other); }
.week-chart.run-chart .bar { fill: var(--wk-run); }
.week-chart.run-chart .bar.hard { fill: var(--wk-int-interval); }
.week-chart.run-chart .bar.over { fill: var(--wk-for-time); }
.pill.hard { box-shadow: inset 0 -2px 0 var(--wk-int-interval); }
.athlete-note { color: var(--wk-muted); font-size: .9rem; margin: 0 0 6px; }
.athlete-note ul { margin: 2px 0 8px; padding-left: 1.2rem; }
.athlete { margin: 0 0 56px; }
.athlete-tables { display: flex; flex-wrap: wrap; gap: 14px 28px; align-items: flex-start; }
.athlete-table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 14rem; }
.athlete-table caption { text-align: left; color: var(--wk-muted); font-size: .72rem; font-weight: 700; letter-spacing: .1em; text-transform: uppercase; padding-bottom: 4px; }
.athlete-table th { text-align: left; font-weight: 600; padding: 3px 16px 3px 0; overflow-wrap: anywhere; }
.athlete-table td { padding: 3px 0; white-space: nowrap; }
.athlete-table tr + tr th, .athlete-table tr + tr td { border-top: 1px solid var(--wk-border); }
.athlete-picker { display: flex; justify-content: flex-end; margin: 0 0 6px; font-size: .85rem; color: var(--wk-muted); }
.athlete-picker[hidden] { display: none; }
.athlete-picker select { margin-left: 6px; font: inherit; }

/* ---- interval timeline ---- */
.timeline { display: block; width: 100%; height: 22px; margin: 4px 0 8px; }
.timeline .work { fill: var(--wk-work); }
.timeline .off { fill: var(--wk-off); }
.timeline .elided { fill: var(--wk-muted); }
.legend { display: flex; gap: 14px; color: var(--wk-muted); font-size: .8rem; margin-bottom: 2px; }
.legend-total { margin-left: auto; font-weight: 600; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.legend .work-key { background: var(--wk-work); }
.legend .off-key { background: var(--wk-off); }
.legend .run-key { background: var(--wk-run); }
.legend .strength-key { background: var(--wk-strength); }
.legend .long-key { background: var(--wk-run); width: 16px; }
.calendar-legend { margin: 0 0 4px; }

/* ---- summary and charts ---- */
.summary { margin-top: 26px; break-inside: avoid; }
.summary-title { font-size: 1.05rem; margin: 0 0 8px; letter-spacing: .02em; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(330px, 100%), 1fr)); gap: 14px; align-items: start; }
.chart-box {
  margin: 0; padding: 12px 14px; border: 1px solid var(--wk-border);
  border-radius: 10px; background: var(--wk-card); break-inside: avoid;
}
.chart-box figcaption { font-weight: 700; margin-bottom: 6px; }
.chart-box figcaption small { color: var(--wk-muted); font-weight: 500; }
.chart { display: block; width: 100%; max-width: 480px; height: auto; }
.chart text { font-family: inherit; fill: var(--wk-fg); font-size: 12px; }
.chart .label { fill: var(--wk-fg); }
.chart .value { fill: var(--wk-muted); font-weight: 600; font-variant-numeric: tabular-nums; }
.chart .track { fill: var(--wk-soft); }
.chart .bar { fill: var(--wk-focus); }
.chart .bar.muscle, .week-chart .bar { fill: var(--wk-strength); }
.chart .bar.over { fill: var(--wk-warn); }
.week-chart .bar.over { fill: var(--wk-for-time); }
.chart .axis { stroke: var(--wk-border); stroke-width: 1; }
.kind-fill.kind-amrap { fill: var(--wk-amrap); }
.kind-fill.kind-emom { fill: var(--wk-emom); }
.kind-fill.kind-for-time { fill: var(--wk-for-time); }
.kind-fill.kind-rounds { fill: var(--wk-rounds); }
.kind-fill.kind-superset { fill: var(--wk-superset); }
.kind-fill.kind-intervals { fill: var(--wk-intervals); }
.kind-fill.kind-warmup { fill: var(--wk-warmup); }
.kind-fill.kind-cooldown { fill: var(--wk-cooldown); }
.kind-fill.kind-section { fill: var(--wk-section); }
.chart-empty { color: var(--wk-muted); font-size: .9rem; margin: 4px 0; }

/* ---- plans: calendar ---- */
.calendar-wrap { overflow-x: auto; margin: 4px 0 0; }
/* Wide enough for a session's name per day; a narrow panel scrolls the calendar, not the page. */
.calendar { border-collapse: separate; border-spacing: 4px; width: 100%; min-width: 860px; table-layout: fixed; }
.calendar th { font-size: .75rem; letter-spacing: .08em; text-transform: uppercase; color: var(--wk-muted); text-align: left; padding: 2px 4px; }
.calendar thead th:first-child { width: 84px; }
.calendar tbody th { vertical-align: top; padding: 8px 6px; background: var(--wk-soft); border-radius: 8px; }
.calendar tbody th strong { display: block; font-size: .95rem; color: var(--wk-fg); letter-spacing: 0; text-transform: none; }
.calendar tbody th span { display: block; font-weight: 500; letter-spacing: 0; text-transform: none; }
.calendar tbody th .week-title {
  display: block; margin: 1px 0 3px; color: var(--wk-fg); font-style: normal; font-weight: 500;
  font-size: .78rem; letter-spacing: 0; text-transform: none; overflow-wrap: anywhere;
}
.calendar tr.steep th { box-shadow: inset 4px 0 0 var(--wk-warn); }
.rest-label { color: var(--wk-muted); font-size: .75rem; font-style: italic; opacity: .8; }
.calendar td { vertical-align: top; border: 1px solid var(--wk-rule); border-radius: 8px; padding: 4px; height: 64px; }
.calendar td.rest-day { background: var(--wk-calm); }
.day-items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 3px; }
.pill {
  border-radius: 6px; padding: 3px 5px; font-size: .78rem; line-height: 1.25;
  background: var(--wk-soft); border-left: 4px solid var(--wk-section);
  overflow-wrap: break-word;
}
.pill small { display: block; color: var(--wk-muted); font-size: .72rem; }
.pill.run { border-left-color: var(--wk-run); }
.pill.long-run { border-left-width: 7px; font-weight: 650; }
.pill.strength { border-left-color: var(--wk-strength); font-weight: 600; }
.pill.unresolved { border-left-style: dotted; color: var(--wk-warn); }

/* ---- narrow: a preview beside the editor, a phone ---- */
@media (max-width: 520px) {
  .session { padding: 16px 12px 40px; }
  .page-title { font-size: 1.6rem; }
  .card { padding: 10px 12px 8px; }
  .entries { grid-template-columns: minmax(0, 1fr) auto; }
  .entry > .amount { grid-column: 1; grid-row: 1; font-size: 1.05rem; }
  .entry > .what { grid-column: 1 / -1; grid-row: 2; }
  .entry > :nth-child(3) { grid-column: 2; grid-row: 1; }
  .card-time { margin-left: 0; }
}

/* ---- the webview: click to reveal, highlight of the cursor's line ---- */
.mode-webview [data-line] { cursor: pointer; }
.mode-webview .entry:hover, .mode-webview .rest-row:hover, .mode-webview .pill:hover { background: var(--wk-focus-bg); }
.highlighted { outline: 2px solid var(--wk-focus); outline-offset: 1px; border-radius: 6px; background: var(--wk-focus-bg); }
.card.highlighted { outline-offset: 2px; border-radius: 10px; }

/* ---- paper: A4 or Letter, whichever the printer holds ---- */
@page { size: auto; margin: 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10.5pt; background: #ffffff; }
  .session { max-width: none; padding: 0; }
  .banner { display: none; }
  .workout + .workout, .workout + .plan, .plan + .plan, .plan + .workout { break-before: page; }
  .card, .entry, .chart-box, .calendar tr { break-inside: avoid; }
  .page-head { break-after: avoid; }
  .highlighted { outline: none; background: none; }
  .calendar { min-width: 0; border-spacing: 3px; }
  .pill { font-size: 7.5pt; padding: 2px 4px; }
  .pill small, .calendar tbody th span, .calendar tbody th .week-title { font-size: 6.5pt; }
  .calendar td { height: auto; }
}
`;
