/**
 * The catalog's Garmin exercises (`garmin: { category, name }`, docs/fit.md): derived by
 * scripts/map-garmin-exercises.mjs, never edited by hand, naming real entries of the FIT profile,
 * and mapping the exercises of examples/ as docs/fit.md says.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledCatalog, type CatalogEntry } from '../../src/core/catalog.js';

interface FitProfile {
    categories: Record<string, number>;
    names: Record<string, Record<string, number>>;
}
interface MappingScript {
    readFitProfile(): FitProfile;
    mapGarminExercises(entries: CatalogEntry[], profile: FitProfile): { entries: CatalogEntry[]; report: { count: number; ambiguous: unknown[] } };
}

const catalog = bundledCatalog();

/** What each exercise of examples/ maps to, as docs/fit.md lists it (`null`: no Garmin exercise). */
const EXAMPLE_EXERCISES: Record<string, string | null> = {
    'squats': 'squat/air_squat',
    'push-ups': 'push_up/push_up',
    'step-ups': 'squat/step_up',
    'dumbbell-rows': 'row/dumbbell_row',
    'burpees': 'total_body/burpee',
    'lunges': 'lunge/lunge',
    'reverse-lunges': 'lunge/lunge',
    'side-lunges': 'lunge/side_lunge',
    'walking-lunges': 'lunge/walking_lunge',
    'jump-squats': 'plyo/jump_squat',
    'glute-bridges': 'hip_raise/hip_raise',
    'single-leg-glute-bridge': 'hip_raise/single_leg_hip_raise',
    'box-jumps': 'plyo/box_jump',
    'leg-raises': 'leg_raise/lying_straight_leg_raise',
    'speed-skaters': 'plyo/lateral_leap_and_hop',
    'superman': 'hyperextension/superman_from_floor',
    'plank': 'plank/plank',
    'side-plank': 'plank/side_plank',
    'single-leg-deadlift': 'deadlift/single_leg_romanian_deadlift_with_dumbbell',
    'mountain-climbers': 'plank/mountain_climber',
    'squat-to-kettlebell-press': 'squat/thrusters',
    'russian-twists': 'core/russian_twist',
    'calf-raises': 'calf_raise/standing_calf_raise',
    'dead-bug': 'hip_stability/dead_bug',
    'bird-dog': 'warm_up/opposite_arm_and_leg_balance',
    'clamshells': 'hip_raise/clams',
    'fire-hydrants': 'hip_stability/fire_hydrant_kicks',
    'lateral-band-walks': 'banded_exercises/lateral_band_walks',
    'easy-run': 'run/run',
    'interval-run': 'run/run',
    'long-run': 'run/run',
    'long-jumps': null,
    'single-leg-balance': null,
    'single-leg-balance-reach': null,
    'tandem-stance': null,
    'short-foot': null,
    'dynamic-stretching': null,
    'static-stretching': null,
    'foam-rolling': null,
};

let script: MappingScript;
let profile: FitProfile;

beforeAll(async () => {
    // Imported by URL: the script is plain JavaScript, run by `npm run catalog:garmin`.
    script = await import(pathToFileURL(path.resolve(__dirname, '../../scripts/map-garmin-exercises.mjs')).href) as MappingScript;
    profile = script.readFitProfile();
});

/** `category/name` in the profile's words for a pair of numbers. */
function keysOf(garmin: { category: number; name: number }): string | undefined {
    const category = Object.entries(profile.categories).find(([, value]) => value === garmin.category)?.[0];
    const name = category && Object.entries(profile.names[category] ?? {}).find(([, value]) => value === garmin.name)?.[0];
    return category && name ? `${category}/${name}` : undefined;
}

describe('the catalog\'s Garmin exercises', () => {
    it('are what the mapping script derives (nobody edited them by hand)', () => {
        const plain = catalog.entries().map(({ garmin: _garmin, ...entry }) => entry);
        const { entries, report } = script.mapGarminExercises(plain, profile);
        expect(entries.map(entry => [entry.id, entry.garmin])).toEqual(catalog.entries().map(entry => [entry.id, entry.garmin]));
        expect(report.ambiguous).toEqual([]);
        expect(report.count).toBeGreaterThanOrEqual(190);
    });

    it('name an exercise the FIT profile has', () => {
        for (const entry of catalog.entries().filter(entry => entry.garmin)) {
            expect(keysOf(entry.garmin!), entry.id).toBeDefined();
        }
    });

    it.each(Object.entries(EXAMPLE_EXERCISES))('map %s of examples/ to %s', (id, expected) => {
        const entry = catalog.find(id);
        expect(entry?.id).toBe(id);
        expect(entry?.garmin ? keysOf(entry.garmin) : null).toBe(expected);
    });
});
