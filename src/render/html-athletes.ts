/**
 * The athletes of a file on the page (src/render/athlete-profile.ts says what a profile holds).
 */
import { athleteProfiles, type AthleteProfile, type ProfileTable } from './athlete-profile.js';
import { escapeHtml, lineAttribute } from './escape.js';

function drawTable(table: ProfileTable): string {
    const more = table.more > 0 ? `<tr><td colspan="2" class="more">${table.more} more</td></tr>` : '';
    return `<table class="athlete-table ${table.kind}"><caption>${escapeHtml(table.caption)}</caption><tbody>`
        + table.rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')
        + more + '</tbody></table>';
}

function drawAthlete(profile: AthleteProfile): string {
    return `<article class="athlete" ${lineAttribute(profile.line)}><header class="page-head"><p class="page-kicker">Athlete</p>`
        + `<h1 class="page-title">${escapeHtml(profile.name)}</h1>`
        + `<dl class="facts">${profile.facts.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl></header>`
        + `<div class="athlete-tables">${profile.tables.map(drawTable).join('')}</div></article>`;
}

/** Every athlete of the file, after its workouts and plans; a long roster says how many are left out. */
export function renderAthletes(athletes: unknown): string {
    const { profiles, more } = athleteProfiles(athletes);
    return profiles.map(drawAthlete).join('') + (more > 0 ? `<p class="athlete-note">${more} more athletes in this file are not drawn.</p>` : '');
}
