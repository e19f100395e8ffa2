/**
 * An athlete's profile as a coach checks it: the facts she wrote, and the numbers the tools
 * derive from them (named paces from race times by Riegel's formula, heart-rate zones from the
 * threshold or maximum heart rate, training maxes). The HTML page and the Markdown export both
 * draw this, so a file of athletes reads as something, not as an empty page.
 *
 * The model may come from JSON of another version: every field is read defensively and every
 * number passes `safeNumber`, so no `NaN` or `undefined` reaches a reader.
 */
import type { AthleteModel, WeightFact } from '../core/session-model.js';
import { describeNamedPace, formatClock, formatPaceBand, formatRunDistance, paceOf, zoneBpm, type PaceSource } from '../core/running.js';
import { bundledCatalog } from '../core/catalog.js';
import { TRAINING_MAX_SHARE, roundToPlates } from '../core/athlete.js';
import { safeNumber } from './escape.js';
import { DRAW_LIMITS } from './sane-model.js';

/** The named paces a profile shows, easiest first, as the coach writes them after `@`. */
const SHOWN_PACES = ['recovery', 'easy', 'marathon', 'half-marathon', 'threshold', '10k', '5k', 'interval', 'repetition'];

export type Row = readonly [label: string, value: string];

export interface ProfileTable {
    caption: string;
    /** At most `DRAW_LIMITS.barRows` rows; `more` says how many were left out. */
    rows: readonly Row[];
    more: number;
    kind: 'races' | 'paces' | 'zones' | 'maxes';
}

export interface AthleteProfile {
    id: string;
    name: string;
    line: number;
    facts: readonly Row[];
    tables: readonly ProfileTable[];
}

function record(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

function positive(value: unknown): number | undefined {
    const number = safeNumber(value);
    return number > 0 ? number : undefined;
}

function weightOf(value: unknown): WeightFact | undefined {
    const fact = record(value);
    const amount = positive(fact.value);
    return amount !== undefined ? { value: amount, unit: fact.unit === 'lb' ? 'lb' : 'kg' } : undefined;
}

function describeWeight(weight: WeightFact): string {
    return `${Number(weight.value.toFixed(1))} ${weight.unit}`;
}

function exerciseName(id: string): string {
    return bundledCatalog().find(id)?.name ?? id.replace(/-/g, ' ');
}

/** The athlete's facts as the model keeps them, every number checked. */
function factsOf(athlete: AthleteModel): { races: Array<{ meters: number; seconds: number }>; paces: Record<string, number>; maxHr?: number; lthr?: number } {
    const races = (Array.isArray(athlete.races) ? athlete.races : [])
        .map(race => ({ meters: positive(record(race).meters), seconds: positive(record(race).seconds) }))
        .filter((race): race is { meters: number; seconds: number } => race.meters !== undefined && race.seconds !== undefined);
    const paces = Object.fromEntries(Object.entries(record(athlete.paces))
        .map(([name, seconds]) => [name, positive(seconds)] as const)
        .filter((pair): pair is readonly [string, number] => pair[1] !== undefined));
    return { races, paces, maxHr: positive(athlete.maxHr), lthr: positive(athlete.lthr) };
}

function table(kind: ProfileTable['kind'], caption: string, rows: readonly Row[]): ProfileTable[] {
    return rows.length === 0 ? [] : [{ kind, caption, rows: rows.slice(0, DRAW_LIMITS.barRows), more: Math.max(0, rows.length - DRAW_LIMITS.barRows) }];
}

function paceRows(source: PaceSource, unit: 'km' | 'mi'): Row[] {
    if (source.races.length === 0 && Object.keys(source.paces ?? {}).length === 0) {
        return [];
    }
    return SHOWN_PACES.flatMap(pace => {
        const band = paceOf(pace, source);
        return band && Number.isFinite(band.min) && Number.isFinite(band.max) ? [[describeNamedPace(pace), formatPaceBand(band, unit)] as const] : [];
    });
}

function zoneRows(heart: { maxHr?: number; lthr?: number }): Row[] {
    return [1, 2, 3, 4, 5].flatMap(zone => {
        const band = zoneBpm(zone, zone, heart);
        return band ? [[`Zone ${zone}`, `${band.min}–${band.max} bpm`] as const] : [];
    });
}

function maxRows(athlete: AthleteModel): Row[] {
    const oneRepMax = record(athlete.oneRepMax);
    const trainingMax = record(athlete.trainingMax);
    const ids = [...new Set([...Object.keys(oneRepMax), ...Object.keys(trainingMax)])];
    return ids.flatMap(id => {
        const max = weightOf(oneRepMax[id]);
        const written = weightOf(trainingMax[id]);
        const training = written ?? (max ? { value: roundToPlates(max.value * TRAINING_MAX_SHARE, max.unit), unit: max.unit } : undefined);
        const parts = [max ? `1RM ${describeWeight(max)}` : '', training ? `TM ${describeWeight(training)}${written ? '' : ' (90% of 1RM)'}` : ''].filter(Boolean);
        return parts.length > 0 ? [[exerciseName(id), parts.join(' · ')] as const] : [];
    });
}

/** What a profile shows: the facts as written, then races, derived paces, zones and maxes. */
export function profileOf(athlete: AthleteModel): AthleteProfile {
    const unit = athlete.units === 'mi' ? 'mi' : 'km';
    const facts = factsOf(athlete);
    const id = typeof athlete.id === 'string' ? athlete.id : '';
    const name = typeof athlete.name === 'string' && athlete.name ? athlete.name : id;
    const bodyweight = weightOf(athlete.bodyweight);
    const headline: Row[] = [
        ['Writes as', id ? `athlete ${id}` : ''],
        ['Level', typeof athlete.level === 'string' ? athlete.level : ''],
        ['Units', unit === 'mi' ? 'miles' : 'kilometres'],
        ['Max HR', facts.maxHr ? `${Math.round(facts.maxHr)} bpm` : ''],
        ['Threshold HR', facts.lthr ? `${Math.round(facts.lthr)} bpm` : ''],
        ['Resting HR', positive(athlete.restingHr) ? `${Math.round(safeNumber(athlete.restingHr))} bpm` : ''],
        ['FTP', positive(athlete.ftpWatts) ? `${Math.round(safeNumber(athlete.ftpWatts))} W` : ''],
        ['Bodyweight', bodyweight ? describeWeight(bodyweight) : '']
    ];
    const races: Row[] = facts.races.map(race => [formatRunDistance(race.meters, race.meters % 1000 === 0 || unit === 'km' ? 'km' : unit), formatClock(race.seconds)]);
    return {
        id,
        name,
        line: Math.max(0, Math.floor(safeNumber(athlete.line))),
        facts: headline.filter(([, value]) => value),
        tables: [
            ...table('races', 'Races', races),
            ...table('paces', 'Paces (what @ 5k-pace, @ threshold… become)', paceRows(facts, unit)),
            ...table('zones', facts.lthr ? 'Heart-rate zones (from threshold HR)' : 'Heart-rate zones (from max HR)', zoneRows(facts)),
            ...table('maxes', 'Maxes (what @ 75%, @ 65% tm become)', maxRows(athlete))
        ]
    };
}

/** The athletes of a model that can be drawn, up to `DRAW_LIMITS.athletes`, and how many more there are. */
export function athleteProfiles(athletes: unknown): { profiles: AthleteProfile[]; more: number } {
    const list = (Array.isArray(athletes) ? athletes : []).filter(athlete => athlete !== null && typeof athlete === 'object') as AthleteModel[];
    return { profiles: list.slice(0, DRAW_LIMITS.athletes).map(profileOf), more: Math.max(0, list.length - DRAW_LIMITS.athletes) };
}
