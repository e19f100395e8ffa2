import { describe, it, expect } from 'vitest';
import { bundledCatalog, Catalog, MUSCLES, lookupKey, muscleName, normaliseName, type CatalogEntry } from '../../src/core/catalog.js';

const catalog = bundledCatalog();

/** Every exercise the seed articles name, written as a coach would write it, and the entry it must reach. */
const SEED_NAMES: Record<string, string> = {
    // The 19 exercises of the strength list for runners (seed 001), in article order.
    'squats': 'squats',
    'press-ups': 'push-ups',
    'step-ups': 'step-ups',
    'dumbbell-row': 'dumbbell-rows',
    'burpees': 'burpees',
    'front-lunges': 'lunges',
    'reverse-lunges': 'reverse-lunges',
    'side-lunges': 'side-lunges',
    'walking-lunges': 'walking-lunges',
    'jump-squats': 'jump-squats',
    'glute-bridge': 'glute-bridges',
    'box-jumps': 'box-jumps',
    'leg-raises': 'leg-raises',
    'speed-skaters': 'speed-skaters',
    'superman': 'superman',
    'back-extension': 'hyperextensions-back-extensions',
    'plank': 'plank',
    'side-plank': 'side-plank',
    'long-jumps': 'long-jumps',
    'single-leg-deadlift': 'single-leg-deadlift',
    // Other spellings of the same moves.
    'push-ups': 'push-ups',
    'pushups': 'push-ups',
    'push-up': 'push-ups',
    'press-up': 'push-ups',
    'squat': 'squats',
    'planks': 'plank',
    'lunges': 'lunges',
    'glute-bridges': 'glute-bridges',
    'dumbbell-rows': 'dumbbell-rows',
    'side-planks': 'side-plank',
    // The bodyweight and equipment lists of seed 001.
    'jumping-jacks': 'jumping-jacks',
    'mountain-climbers': 'mountain-climbers',
    'jump-rope': 'jump-rope',
    'rowing': 'rowing',
    'treadmill': 'running-treadmill',
    'pilates': 'pilates',
    'yoga': 'yoga',
    'stretching': 'static-stretching',
    // The cross-training AMRAP (seed 000) and its runs.
    'squat-to-kettlebell-press': 'squat-to-kettlebell-press',
    'Squat to kettlebell press': 'squat-to-kettlebell-press',
    'russian-twists': 'russian-twists',
    'run': 'run',
    'sprints': 'sprints',
    // Balance, calves, feet, core, glutes for new runners (seed 002).
    'calf-raises': 'calf-raises',
    'single-leg-balance': 'single-leg-balance',
    'short-foot': 'short-foot',
    'towel-scrunches': 'towel-scrunches',
    'dead-bug': 'dead-bug',
    'bird-dog': 'bird-dog',
    'single-leg-glute-bridge': 'single-leg-glute-bridge',
    // Lifts and runs of seed 003.
    'deadlift': 'barbell-deadlift',
    'dead-lift': 'barbell-deadlift',
    'clean-and-jerk': 'clean-and-jerk',
    'long-run': 'long-run',
    'easy-run': 'easy-run',
    // The six routines of seed 004.
    'dynamic-stretching': 'dynamic-stretching',
    'static-stretching': 'static-stretching',
    'pull-ups': 'pull-ups',
    'foam-rolling': 'foam-rolling',
    'clamshells': 'clamshells',
    'fire-hydrants': 'fire-hydrants',
    'lateral-band-walks': 'lateral-band-walks',
    'hollow-hold': 'hollow-hold',
    'wall-sit': 'wall-sit',
    // Runs and cardio the plan syntax uses.
    'tempo-run': 'tempo-run',
    'interval-run': 'interval-run',
    'intervals-run': 'interval-run',
    'cycling': 'cycling',
    'swimming': 'swimming',
};

/** Names a coach would write for popular dataset exercises. */
const COACH_ALIASES: Record<string, string> = {
    'bench-press': 'barbell-bench-press-medium-grip',
    'back-squat': 'barbell-squat',
    'rdl': 'romanian-deadlift',
    'romanian-deadlift': 'romanian-deadlift',
    'kb-swing': 'kettlebell-swings',
    'kettlebell-swings': 'kettlebell-swings',
    'sit-ups': 'sit-up',
    'crunches': 'crunches',
    'crunch': 'crunches',
    'chin-ups': 'chin-up',
    'dips': 'dips-triceps-version',
    'farmers-walk': 'farmers-walk',
    "farmer's walk": 'farmers-walk',
    'childs-pose': 'child-s-pose',
    'jog': 'easy-run',
};

const ENTRY_FIELDS = [
    'aliases', 'category', 'equipment', 'id', 'kind', 'level', 'mechanic', 'name', 'primaryMuscles',
    'secondaryMuscles', 'secondsPerRep', 'unilateral',
].sort();

describe('lookupKey', () => {
    it('ignores case, spacing, quotes and a plural on the last word', () => {
        expect(lookupKey('squat')).toBe('squat');
        expect(lookupKey('squats')).toBe('squat');
        expect(lookupKey('Squats')).toBe('squat');
        expect(lookupKey('"Squat to kettlebell press"')).toBe(lookupKey('squat-to-kettlebell-press'));
        expect(lookupKey('  Single Leg  Deadlift ')).toBe('single-leg-deadlift');
    });

    it('stems only the last hyphen-word, lightly', () => {
        expect(lookupKey('crunches')).toBe('crunch');
        expect(lookupKey('bench-presses')).toBe('bench-press');
        expect(lookupKey('lunges')).toBe('lunge');
        expect(lookupKey('burpees')).toBe('burpee');
        expect(lookupKey('pull-ups')).toBe('pull-up');
        expect(lookupKey('press')).toBe('press');
        expect(lookupKey('jumps-squats')).toBe('jumps-squat');
    });

    it('normalises every run of other characters to one hyphen', () => {
        expect(normaliseName("Farmer's Walk")).toBe('farmer-s-walk');
        expect(normaliseName('3/4 Sit-Up')).toBe('3-4-sit-up');
        expect(normaliseName('--Box Jump (Multiple Response)--')).toBe('box-jump-multiple-response');
    });
});

describe('muscleName', () => {
    it('maps coach words to the catalog vocabulary', () => {
        expect(muscleName('quads')).toBe('quadriceps');
        expect(muscleName('Core')).toBe('abdominals');
        expect(muscleName('hip flexors')).toBe('quadriceps');
        expect(muscleName('lower back')).toBe('lower back');
        expect(muscleName('lower-back')).toBe('lower back');
        expect(muscleName('glutes')).toBe('glutes');
        expect(muscleName('elbows')).toBeUndefined();
    });
});

describe('the bundled catalog', () => {
    it('has at least 900 entries with unique ids, sorted', () => {
        expect(catalog.size).toBeGreaterThanOrEqual(900);
        const ids = catalog.entries().map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(ids);
    });

    it('gives every id, name and alias a key no other entry claims', () => {
        const owner = new Map<string, string>();
        for (const entry of catalog.entries()) {
            for (const label of [entry.id, entry.name, ...entry.aliases]) {
                const key = lookupKey(label);
                expect(owner.get(key) ?? entry.id, `${label} → ${key}`).toBe(entry.id);
                owner.set(key, entry.id);
            }
        }
    });

    it('has well-formed entries: normalised id, kind, per-rep time, known muscles', () => {
        for (const entry of catalog.entries()) {
            expect(entry.id, entry.id).toBe(normaliseName(entry.id));
            expect(['reps', 'hold', 'cardio'], entry.id).toContain(entry.kind);
            expect(entry.secondsPerRep, entry.id).toBeGreaterThan(0);
            expect(entry.primaryMuscles.length, entry.id).toBeGreaterThan(0);
            for (const muscle of [...entry.primaryMuscles, ...entry.secondaryMuscles]) {
                expect(MUSCLES, `${entry.id}: ${muscle}`).toContain(muscle);
            }
            expect(typeof entry.unilateral, entry.id).toBe('boolean');
            expect([null, 'beginner', 'intermediate', 'expert'], entry.id).toContain(entry.level);
            for (const alias of entry.aliases) expect(alias, entry.id).toBe(normaliseName(alias));
        }
    });

    it('carries facts only: no instructions, images or prose', () => {
        for (const entry of catalog.entries()) {
            // Optional: `secondsPerMeter` (distance work that is not a run) and `garmin` (the FIT
            // exercise of entries that have one, catalog-garmin.test.ts).
            expect(Object.keys(entry).filter(key => key !== 'secondsPerMeter' && key !== 'garmin').sort(), entry.id).toEqual(ENTRY_FIELDS);
            for (const value of Object.values(entry).flat()) {
                if (typeof value === 'string') expect(value.length, `${entry.id}: ${value}`).toBeLessThan(80);
            }
        }
    });

    it.each(Object.entries(SEED_NAMES))('resolves the seed name %s to %s', (name, id) => {
        expect(catalog.find(name)?.id).toBe(id);
    });

    it.each(Object.entries(COACH_ALIASES))('resolves the coach alias %s to %s', (name, id) => {
        expect(catalog.find(name)?.id).toBe(id);
    });

    it('resolves an entry by its id, display name and every alias to the same entry', () => {
        for (const entry of catalog.entries()) {
            expect(catalog.find(entry.id)).toBe(entry);
            expect(catalog.find(entry.name)).toBe(entry);
            for (const alias of entry.aliases) expect(catalog.find(alias), alias).toBe(entry);
        }
    });

    it('knows which moves are one-sided', () => {
        expect(catalog.find('single-leg-deadlift')?.unilateral).toBe(true);
        expect(catalog.find('step-ups')?.unilateral).toBe(true);
        expect(catalog.find('side-plank')?.unilateral).toBe(true);
        expect(catalog.find('walking-lunges')?.unilateral).toBe(true);
        expect(catalog.find('squats')?.unilateral).toBe(false);
        expect(catalog.find('burpees')?.unilateral).toBe(false);
        expect(catalog.find('plank')?.unilateral).toBe(false);
    });

    it('knows holds and cardio from counted moves', () => {
        expect(catalog.find('plank')?.kind).toBe('hold');
        expect(catalog.find('side-plank')?.kind).toBe('hold');
        expect(catalog.find('wall-sit')?.kind).toBe('hold');
        expect(catalog.find('foam-rolling')?.kind).toBe('hold');
        expect(catalog.find('easy-run')?.kind).toBe('cardio');
        expect(catalog.find('jump-rope')?.kind).toBe('cardio');
        expect(catalog.find('dynamic-stretching')?.kind).toBe('cardio');
        expect(catalog.find('superman')?.kind).toBe('reps');
        expect(catalog.find('mountain-climbers')?.secondsPerRep).toBe(1);
    });

    it('finds nothing for names it does not know', () => {
        expect(catalog.find('')).toBeUndefined();
        expect(catalog.find('underwater-basket-weaving')).toBeUndefined();
    });
});

describe('suggest', () => {
    it('offers the intended exercise first for common misspellings', () => {
        expect(catalog.suggest('burpess')[0]?.id).toBe('burpees');
        expect(catalog.suggest('moutain-climbers')[0]?.id).toBe('mountain-climbers');
        expect(catalog.suggest('single-leg-deadlfit')[0]?.id).toBe('single-leg-deadlift');
        expect(catalog.suggest('russian-twits')[0]?.id).toBe('russian-twists');
        expect(catalog.suggest('jumping-jakcs')[0]?.id).toBe('jumping-jacks');
        expect(catalog.suggest('pushpus')[0]?.id).toBe('push-ups');
    });

    it('offers completions of a prefix', () => {
        expect(catalog.suggest('mountain').map((e) => e.id)).toContain('mountain-climbers');
    });

    it('returns at most count distinct entries, and nothing for nonsense', () => {
        const three = catalog.suggest('squatz');
        expect(three.length).toBeLessThanOrEqual(3);
        expect(new Set(three.map((e) => e.id)).size).toBe(three.length);
        expect(catalog.suggest('squatz', 5).length).toBeLessThanOrEqual(5);
        expect(catalog.suggest('qqqqqqqqqqqqqq')).toEqual([]);
        expect(catalog.suggest('')).toEqual([]);
    });
});

describe('a custom catalog', () => {
    const entry = (id: string, aliases: string[] = []): CatalogEntry => ({
        id, name: id, aliases, primaryMuscles: ['quadriceps'], secondaryMuscles: [], equipment: [],
        unilateral: false, kind: 'reps', secondsPerRep: 3, level: null, mechanic: null, category: 'strength',
    });

    it('looks up its own entries', () => {
        const small = new Catalog([entry('goblet-squats', ['cup-squats']), entry('step-ups')]);
        expect(small.size).toBe(2);
        expect(small.find('Cup Squat')?.id).toBe('goblet-squats');
        expect(small.suggest('step-upz')[0]?.id).toBe('step-ups');
        expect(small.find('burpees')).toBeUndefined();
    });

    it('ranks names with every typed word, in any order and with db/kb/bb spelt out, above letter typos', () => {
        const small = new Catalog([
            entry('machine-bench-press'), entry('incline-dumbbell-press'), entry('barbell-incline-bench-press'), entry('kettlebell-swings')
        ]);
        expect(small.suggest('incline-bench-press')[0]?.id).toBe('barbell-incline-bench-press');
        expect(small.suggest('press-incline-db')[0]?.id).toBe('incline-dumbbell-press');
        expect(small.suggest('swings-kb')[0]?.id).toBe('kettlebell-swings');
        expect(small.suggest('incline-bench-press', 3, found => found.id.startsWith('barbell')).map(found => found.id)).not.toContain('barbell-incline-bench-press');
    });

    it('finds a name written with an implement abbreviation, and only then', () => {
        const small = new Catalog([entry('dumbbell-lunges'), entry('kettlebell-swings')]);
        expect(small.find('db-lunges')?.id).toBe('dumbbell-lunges');
        expect(small.find('KB swings')?.id).toBe('kettlebell-swings');
        expect(small.find('db-swings')).toBeUndefined();
    });

    it('refuses two entries with the same lookup key', () => {
        expect(() => new Catalog([entry('squats'), entry('squat')])).toThrow(/squat/);
    });
});
