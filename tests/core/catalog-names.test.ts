/**
 * Issue 12, the catalog part: every name coaches write for lifting, CrossFit, HYROX, rehab and
 * mobility reaches the movement they mean; no name reaches another movement silently; the
 * suggestions for an unknown name are the ones a coach means; the names the athlete reads are
 * clean; the paces give real programs real times. Reads only data/catalog.json (the dataset is
 * not in a user's clone or in CI).
 */
import { describe, expect, it } from 'vitest';
import { ALLOWED_PLAIN_NAMES, auditCatalog, displayName } from '../../scripts/build-catalog.mjs';
import { bundledCatalog, Catalog, displayNameFor, lookupKey, normaliseName, type CatalogEntry } from '../../src/core/catalog.js';
import { estimateEntrySeconds, SECONDS_PER_METER } from '../../src/core/estimate.js';
import { exerciseInfoFromCatalog } from '../../src/core/exercise.js';
import type { EntryModel } from '../../src/core/session-model.js';

const catalog = bundledCatalog();

interface Expected {
    /** The entry's id, when it matters which one. */
    id?: string;
    /** Equipment the entry must list ([] is bodyweight). */
    equipment?: string[];
    /** Equipment it must not list. */
    not?: string[];
    kind?: 'reps' | 'hold' | 'cardio';
    category?: string;
}

const BARBELL: Expected = { equipment: ['barbell'], not: ['kettlebell', 'dumbbell'] };
const KETTLEBELL: Expected = { equipment: ['kettlebell'] };
const BODYWEIGHT: Expected = { equipment: [] };

/** What coaches write, and the movement it must reach. */
const STAPLES: Record<string, Expected> = {
    // The silent wrong matches of the issue.
    'thrusters': { id: 'thrusters', ...BARBELL, kind: 'reps' },
    'thruster': { id: 'thrusters' },
    'kettlebell-thrusters': { id: 'kettlebell-thruster', ...KETTLEBELL },
    'kb-thrusters': { id: 'kettlebell-thruster' },
    'db-thrusters': { id: 'dumbbell-thrusters', equipment: ['dumbbell'] },
    'air-bike': { id: 'air-bike', kind: 'cardio', category: 'cardio', equipment: ['air bike'] },
    'assault-bike': { id: 'air-bike' },
    'echo-bike': { id: 'air-bike' },
    'bicycle-crunches': { id: 'bicycle-crunches', kind: 'reps', category: 'strength' },
    'iron-cross': { id: 'iron-cross-stretch', ...BODYWEIGHT, category: 'stretching' },
    'iron-crosses': { id: 'iron-cross-stretch' },
    'skipping': { id: 'skipping', ...BODYWEIGHT, not: ['jump rope'] },
    'jump-rope': { id: 'jump-rope', equipment: ['jump rope'] },
    'skipping-rope': { id: 'jump-rope' },
    'split-squats': { id: 'split-squats', category: 'strength', kind: 'reps' },
    'standing-calf-raises': { id: 'calf-raises', ...BODYWEIGHT },
    'chair-squats': { id: 'chair-squats', ...BODYWEIGHT },
    'straight-leg-raises': { id: 'straight-leg-raises', kind: 'reps' },
    // CrossFit and gymnastics.
    'double-unders': { id: 'double-unders', equipment: ['jump rope'], kind: 'reps' },
    'du': { id: 'double-unders' },
    'toes-to-bar': { id: 'toes-to-bar', equipment: ['pull-up bar'] },
    't2b': { id: 'toes-to-bar' },
    'ttb': { id: 'toes-to-bar' },
    'knees-to-elbows': { id: 'knees-to-elbows' },
    'k2e': { id: 'knees-to-elbows' },
    'c2b': { id: 'chest-to-bar-pull-ups' },
    'chest-to-bar-pull-ups': { id: 'chest-to-bar-pull-ups', equipment: ['pull-up bar'] },
    'muscle-ups': { id: 'muscle-ups', equipment: ['rings'] },
    'bar-muscle-ups': { id: 'bar-muscle-ups', equipment: ['pull-up bar'] },
    'handstand-push-ups': { id: 'handstand-push-ups', ...BODYWEIGHT },
    'hspu': { id: 'handstand-push-ups' },
    'pistol-squats': { id: 'pistol-squats', ...BODYWEIGHT },
    'ghd-sit-ups': { id: 'ghd-sit-ups', equipment: ['ghd'] },
    'ghd': { id: 'ghd-sit-ups' },
    'wall-balls': { id: 'wall-balls', equipment: ['medicine ball'] },
    'wb': { id: 'wall-balls' },
    'box-jumps': { id: 'box-jumps', equipment: ['box'] },
    'burpees': { id: 'burpees', ...BODYWEIGHT },
    'press-ups': { id: 'push-ups', ...BODYWEIGHT },
    'rowing': { id: 'rowing', kind: 'cardio', equipment: ['rower'] },
    'row': { id: 'rowing' },
    'incline-bench-press': { id: 'barbell-incline-bench-press-medium-grip', ...BARBELL },
    'rdl': { id: 'romanian-deadlift', ...BARBELL },
    // HYROX stations.
    'ski-erg': { id: 'ski-erg', kind: 'cardio', equipment: ['ski erg'] },
    'sled-push': { id: 'sled-push', kind: 'cardio', equipment: ['sled'] },
    'sled-pull': { id: 'sled-pull', kind: 'cardio', equipment: ['sled'] },
    'burpee-broad-jumps': { id: 'burpee-broad-jumps', ...BODYWEIGHT },
    'bbj': { id: 'burpee-broad-jumps' },
    'farmers-carry': { id: 'farmers-walk', kind: 'cardio' },
    'sandbag-lunges': { id: 'sandbag-lunges', equipment: ['sandbag'] },
    'sandbag-carry': { id: 'sandbag-carry', equipment: ['sandbag'], kind: 'cardio' },
    // Olympic lifting: the barbell lifts.
    'snatch': { id: 'snatch', ...BARBELL },
    'clean': { id: 'clean', ...BARBELL },
    'squat-clean': { id: 'clean' },
    'squat-snatch': { id: 'snatch' },
    'jerk': { id: 'split-jerk', ...BARBELL },
    'push-jerk': { id: 'push-jerk', ...BARBELL },
    'clean-and-jerk': { id: 'clean-and-jerk', ...BARBELL },
    'c&j': { id: 'clean-and-jerk' },
    'power-clean': { id: 'power-clean', ...BARBELL },
    'hang-clean': { id: 'hang-clean', ...BARBELL },
    'hang-power-clean': { id: 'hang-power-clean', ...BARBELL },
    'power-snatch': { id: 'power-snatch', ...BARBELL },
    'hang-snatch': { id: 'hang-snatch', ...BARBELL },
    'overhead-squat': { id: 'overhead-squat', ...BARBELL },
    'ohs': { id: 'overhead-squat' },
    'snatch-balance': { id: 'snatch-balance', ...BARBELL },
    'clean-pull': { id: 'clean-pull', ...BARBELL },
    'snatch-pull': { id: 'snatch-pull', ...BARBELL },
    // Kettlebells: named with the bell.
    'kettlebell-clean': { ...KETTLEBELL },
    'kettlebell-press': { id: 'kettlebell-press', ...KETTLEBELL },
    'kettlebell-front-squat': { ...KETTLEBELL },
    'kettlebell-swing': { id: 'kettlebell-swings', ...KETTLEBELL },
    'kb-swing': { id: 'kettlebell-swings' },
    'kettlebell-snatch': { ...KETTLEBELL },
    'kettlebell-windmill': { id: 'kettlebell-windmill', ...KETTLEBELL },
    'turkish-get-up': { ...KETTLEBELL },
    // Running drills.
    'a-skips': { id: 'a-skips', ...BODYWEIGHT },
    'b-skips': { id: 'b-skips', ...BODYWEIGHT },
    'high-knees': { id: 'high-knees', ...BODYWEIGHT },
    'butt-kicks': { id: 'butt-kicks', ...BODYWEIGHT },
    'strides': { id: 'strides', kind: 'cardio' },
    'carioca': { ...BODYWEIGHT },
    'bounding': { ...BODYWEIGHT },
    // Rehab.
    'heel-drops': { id: 'eccentric-heel-drops', ...BODYWEIGHT, kind: 'reps' },
    'isometric-calf-holds': { id: 'isometric-calf-raise-hold', kind: 'hold' },
    'copenhagen-plank': { id: 'copenhagen-plank', kind: 'hold' },
    'nordic-curls': { id: 'natural-glute-ham-raise', ...BODYWEIGHT },
    'terminal-knee-extensions': { id: 'terminal-knee-extensions', equipment: ['band'] },
    'tke': { id: 'terminal-knee-extensions' },
    'clamshells': { id: 'clamshells', ...BODYWEIGHT },
    'banded-clamshells': { id: 'banded-clamshells', equipment: ['band'] },
    'monster-walks': { equipment: ['band'] },
    'band-pull-aparts': { equipment: ['band'] },
    'spanish-squats': { id: 'spanish-squats', equipment: ['band'] },
    'tibialis-raises': { id: 'tibialis-raises', ...BODYWEIGHT },
    // Mobility and yoga.
    'cat-cow': { id: 'cat-cow', kind: 'reps', category: 'stretching' },
    "world's greatest stretch": { id: 'worlds-greatest-stretch', kind: 'reps' },
    'worlds-greatest-stretch': { id: 'worlds-greatest-stretch' },
    '90/90 hip switches': { id: '90-90-hip-switches' },
    'pigeon': { id: 'pigeon-stretch', kind: 'hold' },
    'downward-dog': { id: 'downward-dog', kind: 'hold' },
    "child's pose": { id: 'child-s-pose', kind: 'hold' },
    'cobra': { id: 'cobra', kind: 'hold' },
    'thread-the-needle': { id: 'thread-the-needle' },
    'couch-stretch': { id: 'couch-stretch', kind: 'hold' },
    'deep-squat-hold': { id: 'deep-squat-hold', kind: 'hold' },
    'hip-cars': { id: 'hip-cars' },
    'thoracic-rotations': { id: 'thoracic-rotations' },
    // Foam rolling, area by area.
    'foam-roll-quads': { id: 'quadriceps-smr', equipment: ['foam roller'], kind: 'hold' },
    'quad-foam-roll': { id: 'quadriceps-smr' },
    'foam-roll-calves': { id: 'calves-smr' },
    'foam-roll-hamstrings': { id: 'hamstring-smr' },
    'it-band-foam-roll': { id: 'iliotibial-tract-smr', equipment: ['foam roller'] },
    'foam-roll-glutes': { id: 'piriformis-smr' },
    'foam-roll-upper-back': { id: 'rhomboids-smr' },
    'foam-roll-lats': { id: 'latissimus-dorsi-smr' },
    'foam-roll-adductors': { id: 'adductor-smr' },
};

describe('the names coaches write', () => {
    it.each(Object.entries(STAPLES))('%s reaches the movement coaches mean', (name, expected) => {
        const entry = catalog.find(name);
        expect(entry, `${name} is unknown`).toBeDefined();
        if (expected.id) expect(entry!.id).toBe(expected.id);
        if (expected.kind) expect(entry!.kind).toBe(expected.kind);
        if (expected.category) expect(entry!.category).toBe(expected.category);
        if (expected.equipment?.length === 0) expect(entry!.equipment, `${name}: bodyweight`).toEqual([]);
        for (const item of expected.equipment ?? []) expect(entry!.equipment, `${name}: ${item}`).toContain(item);
        for (const item of expected.not ?? []) expect(entry!.equipment, `${name}: not ${item}`).not.toContain(item);
    });

    it('gives every new staple the facts an estimate and the volume need', () => {
        for (const name of Object.keys(STAPLES)) {
            const entry = catalog.find(name)!;
            expect(entry.primaryMuscles.length, name).toBeGreaterThan(0);
            expect(entry.secondsPerRep, name).toBeGreaterThan(0);
            expect(typeof entry.unilateral, name).toBe('boolean');
        }
    });

    it('spells out implement abbreviations, and nothing looser', () => {
        expect(catalog.find('db-lunges')?.id).toBe('dumbbell-lunges');
        expect(catalog.find('kb-goblet-squat')?.id).toBe('goblet-squat');
        expect(catalog.find('bb-back-squat')?.id).toBe('barbell-squat');
        // A near miss is unknown (with suggestions), never silently the nearest entry.
        expect(catalog.find('thruster-kb')).toBeUndefined();
        expect(catalog.find('external-rotation')).toBeUndefined();
        expect(catalog.find('butterfly')).toBeUndefined();
    });
});

describe('no name reaches another movement silently', () => {
    it('passes the build audit: no implement a name does not say, no plain name on a variant, no qualifier collision', () => {
        expect(auditCatalog(catalog.entries(), ALLOWED_PLAIN_NAMES)).toEqual([]);
    });

    /** Implement words in a name, and the catalog equipment each means. */
    const IMPLEMENTS: Record<string, string> = {
        kettlebell: 'kettlebell', kb: 'kettlebell', dumbbell: 'dumbbell', db: 'dumbbell', barbell: 'barbell',
        bb: 'barbell', cable: 'cable', sandbag: 'sandbag', sled: 'sled', banded: 'band', band: 'band'
    };

    it('every id, name and alias that says an implement reaches an entry done with it', () => {
        const wrong: string[] = [];
        for (const entry of catalog.entries()) {
            for (const label of [entry.id, entry.name, ...entry.aliases]) {
                const words = normaliseName(label).split('-');
                words.forEach((word, i) => {
                    const implement = IMPLEMENTS[word];
                    if (!implement || (implement === 'band' && words[i - 1] === 'it')) return;
                    const done = entry.equipment.includes(implement) || (implement === 'barbell' && entry.equipment.includes('ez bar'));
                    if (!done) wrong.push(`${label} → ${entry.id} (${entry.equipment.join(', ') || 'bodyweight'})`);
                });
            }
        }
        expect(wrong).toEqual([]);
    });

    it('the plural or singular of any name reaches the same entry as the name', () => {
        for (const entry of catalog.entries()) {
            for (const label of [entry.id, ...entry.aliases]) {
                const plural = /(ch|sh|x|ss)$/.test(label) ? `${label}es` : /s$/.test(label) ? label : `${label}s`;
                const found = catalog.find(plural);
                if (found) expect(found, `${plural} (from ${label})`).toBe(entry);
            }
        }
    });

    it('keeps the dataset names reachable where the display name was cleaned', () => {
        expect(catalog.find('Barbell Bench Press - Medium Grip')?.id).toBe('barbell-bench-press-medium-grip');
        expect(catalog.find('Iliotibial Tract-SMR')?.id).toBe('iliotibial-tract-smr');
        expect(catalog.find('Pushups')?.id).toBe('push-ups');
        expect(catalog.find('Kettlebell Thruster')?.id).toBe('kettlebell-thruster');
    });
});

describe('suggestions for an unknown name', () => {
    const entry = (id: string, name = id, aliases: string[] = []): CatalogEntry => ({
        id, name, aliases, primaryMuscles: ['chest'], secondaryMuscles: [], equipment: [],
        unilateral: false, kind: 'reps', secondsPerRep: 3, level: null, mechanic: null, category: 'strength'
    });

    it('offer the entry with the same words before letter-by-letter near misses (the catalog before issue 12)', () => {
        const before = new Catalog([
            entry('machine-bench-press'), entry('barbell-incline-bench-press-medium-grip', 'Barbell Incline Bench Press - Medium Grip'),
            entry('incline-bench-pull'), entry('rowing', 'Rowing', ['erg', 'row-erg']), entry('speed-skaters'), entry('ski-erg-intervals')
        ]);
        expect(before.suggest('incline-bench-press')[0]?.id).toBe('barbell-incline-bench-press-medium-grip');
        expect(before.suggest('ski-erg')[0]?.id).toBe('ski-erg-intervals');
        expect(before.suggest('ski-erg').map(found => found.id)).not.toContain('speed-skaters');
    });

    /** Unknown names, and the entry they must be offered first. */
    const FIRST_OFFERED: Record<string, string> = {
        // Word order and abbreviations do not matter.
        'erg-ski': 'ski-erg',
        'skierg-sprint': 'ski-erg',
        'bench-press-incline': 'barbell-incline-bench-press-medium-grip',
        'db-incline-bench': 'incline-dumbbell-press',
        'incline-dumbell-press': 'incline-dumbbell-press',
        'thruster-kb': 'kettlebell-thruster',
        // Two swapped letters are one typo.
        'plnak': 'plank',
        'lunegs': 'lunges',
        'wall-sti': 'wall-sit'
    };

    it.each(Object.entries(FIRST_OFFERED))('offer for %s first %s', (name, id) => {
        expect(catalog.suggest(name)[0]?.id).toBe(id);
    });

    it("put the coach's own exercises with the catalog's, and a catalog id they define only once, as theirs", () => {
        expect(catalog.suggestNames('wall-angles', ['wall-angels'])[0]).toBe('wall-angels');
        const offered = catalog.suggestNames('thrustrs', ['thrusters', '"sled drag"'], 5);
        expect(offered[0]).toBe('thrusters');
        expect(offered.filter(name => lookupKey(name) === lookupKey('thrusters'))).toHaveLength(1);
        // A name with spaces is offered as the coach wrote it, quotes and all, ready to replace.
        expect(catalog.suggestNames('sled-drags', ['"sled drag"'])[0]).toBe('"sled drag"');
        expect(catalog.suggestNames('burpess', [])[0]).toBe('burpees');
    });
});

describe('the names the athlete reads', () => {
    it('have no dataset qualifiers, no "-SMR", no capital after a hyphen in push-ups', () => {
        for (const entry of catalog.entries()) {
            expect(entry.name, entry.id).not.toMatch(/ - /);
            expect(entry.name, entry.id).not.toMatch(/SMR/);
            expect(entry.name, entry.id).not.toMatch(/-(Ups?|Downs?|Overs?|Unders?)\b/);
        }
        expect(catalog.find('bench-press')?.name).toBe('Barbell Bench Press');
        expect(catalog.find('it-band-foam-roll')?.name).toBe('IT Band Foam Roll');
        expect(catalog.find('push-ups')?.name).toBe('Push-ups');
    });

    it('are derived from the dataset names by the build script', () => {
        expect(displayName('Barbell Bench Press - Medium Grip')).toBe('Barbell Bench Press');
        expect(displayName('Squats - With Bands')).toBe('Banded Squats');
        expect(displayName('Triceps Pushdown - Rope Attachment')).toBe('Rope Triceps Pushdown');
        expect(displayName('Hang Clean - Below the Knees')).toBe('Hang Clean (below the knees)');
        expect(displayName('Calves-SMR')).toBe('Calves Foam Roll');
        expect(displayName('Handstand Push-Ups')).toBe('Handstand Push-ups');
    });

    /** What the coach wrote, and what the athlete reads. */
    const SHOWN: Record<string, string> = {
        'press-ups': 'Press-ups',
        'push-ups': 'Push-ups',
        'farmers-carry': 'Farmers Carry',
        'toes-to-bar': 'Toes-to-Bar',
        'thrusters': 'Thrusters',
        // Written with spaces (quoted): kept as written, with a capital.
        'farmers carry': 'Farmers carry',
        // Shorthand is for the coach: the athlete reads the full name.
        't2b': 'Toes-to-Bar',
        'kb-swings': 'Kettlebell Swings',
        'hspu': 'Handstand Push-ups',
        'c2b': 'Chest-to-Bar Pull-ups'
    };

    it.each(Object.entries(SHOWN))("show %s, the coach's word or the catalog's name, as %s", (written, shown) => {
        expect(displayNameFor(written, catalog.find(written)!)).toBe(shown);
    });
});

describe('paces', () => {
    const entryOf = (name: string, amount: Partial<EntryModel>): EntryModel => ({
        type: 'entry', exercise: name, name, known: true, sets: 1, side: 'both', line: 1, estimatedSeconds: 0, ...amount
    });
    const seconds = (name: string, amount: Partial<EntryModel>) => estimateEntrySeconds(entryOf(name, amount), exerciseInfoFromCatalog(catalog.find(name)!));
    const reps = (n: number) => ({ reps: { min: n, max: n } });
    const meters = (n: number) => ({ meters: { min: n, max: n } });

    it('let a Chelsea minute (5 pull-ups, 10 push-ups, 15 squats) leave time to rest', () => {
        const minute = seconds('pull-ups', reps(5)) + seconds('push-ups', reps(10)) + seconds('squats', reps(15));
        expect(minute).toBeLessThan(60);
        expect(minute).toBeGreaterThan(40);
    });

    it('cost bodyweight reps 1.5-2 s, burpees 3 s, heavy lifts 3-4 s', () => {
        expect(catalog.find('squats')?.secondsPerRep).toBe(1.5);
        for (const name of ['push-ups', 'sit-ups', 'pull-ups', 'double-unders', 'toes-to-bar']) {
            expect(catalog.find(name)?.secondsPerRep, name).toBeGreaterThanOrEqual(1.5);
            expect(catalog.find(name)?.secondsPerRep, name).toBeLessThanOrEqual(2);
        }
        expect(catalog.find('burpees')?.secondsPerRep).toBe(3);
        for (const name of ['back-squat', 'deadlift', 'bench-press', 'snatch', 'clean-and-jerk', 'thrusters']) {
            expect(catalog.find(name)?.secondsPerRep, name).toBeGreaterThanOrEqual(3);
            expect(catalog.find(name)?.secondsPerRep, name).toBeLessThanOrEqual(4);
        }
        // A foam-roll pass is slow.
        expect(catalog.find('foam-roll-quads')?.secondsPerRep).toBe(4);
    });

    /** Seconds per rep a counted move of each kind of exercise may take. */
    const RANGES: Array<{ what: string; test: (e: CatalogEntry) => boolean; min: number; max: number }> = [
        { what: 'holds', test: e => e.kind === 'hold' && !/foam roll|self-massage/i.test(e.name), min: 1, max: 1 },
        { what: 'foam rolling, per pass', test: e => /foam roll/i.test(e.name), min: 3, max: 5 },
        { what: 'cardio (a bare count on an erg is calories)', test: e => e.kind === 'cardio', min: 1, max: 3 },
        { what: 'plyometrics', test: e => e.kind === 'reps' && e.category === 'plyometrics', min: 1, max: 5 },
        { what: 'Olympic lifts', test: e => e.kind === 'reps' && e.category === 'olympic weightlifting' && !/jump/i.test(e.name), min: 3, max: 5 },
        { what: 'moving stretches and mobility drills', test: e => e.kind === 'reps' && e.category === 'stretching', min: 1, max: 10 },
        { what: 'strength moves', test: e => e.kind === 'reps' && ['strength', 'powerlifting', 'strongman'].includes(e.category) && !/get-up/i.test(e.name), min: 1, max: 6 },
        { what: 'Turkish get-ups (one rep is a whole get-up)', test: e => e.kind === 'reps' && /get-up/i.test(e.name), min: 10, max: 20 },
    ];

    it.each(RANGES)('keep $what between $min and $max s a rep', ({ test, min, max }) => {
        const entries = catalog.entries().filter(test);
        expect(entries.length).toBeGreaterThan(0);
        for (const entry of entries) {
            expect(entry.secondsPerRep, entry.id).toBeGreaterThanOrEqual(min);
            expect(entry.secondsPerRep, entry.id).toBeLessThanOrEqual(max);
        }
    });

    it('give distance work that is not a run its own pace, and runs the running pace', () => {
        expect(seconds('sled-push', meters(25))).toBeGreaterThanOrEqual(30);
        expect(seconds('sled-push', meters(25))).toBeLessThanOrEqual(60);
        expect(seconds('farmers-carry', meters(50))).toBeGreaterThanOrEqual(40);
        expect(seconds('sandbag-lunges', meters(100))).toBeGreaterThanOrEqual(180);
        expect(seconds('ski-erg', meters(1000))).toBeGreaterThanOrEqual(210);
        expect(seconds('ski-erg', meters(1000))).toBeLessThanOrEqual(300);
        expect(seconds('rowing', meters(500))).toBeGreaterThanOrEqual(100);
        expect(seconds('rowing', meters(500))).toBeLessThanOrEqual(150);
        expect(seconds('run', meters(1000))).toBeCloseTo(1000 * SECONDS_PER_METER);
        for (const entry of catalog.entries().filter(e => /\brun\b|jog/i.test(e.name) && e.kind === 'cardio' && !/sprint|stride|walk/i.test(e.id))) {
            expect(entry.secondsPerMeter, entry.id).toBeUndefined();
        }
    });
});
