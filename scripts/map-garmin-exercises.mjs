// Gives catalog exercises their Garmin exercise: the `exercise_category` and `exercise_name`
// numbers a FIT workout step carries, so a Garmin watch shows the exercise by its own name and
// counts its reps (docs/fit.md). Writes `garmin: { category, name }` into data/catalog.json.
//
//   npm run catalog:garmin                          # updates data/catalog.json, prints the coverage
//   node scripts/map-garmin-exercises.mjs --report  # also lists every mapping and every ambiguity
//
// scripts/build-catalog.mjs runs the same mapping as its last step, so rebuilding the catalog
// keeps it.
//
// The Garmin names come from the FIT profile's tables as @markw65/fit-file-writer ships them
// (its fit-tables.d.ts): the `exercise_category` enum and one `<category>_exercise_name` enum per
// category. Those numbers are part of Garmin's published FIT protocol profile.
//
// How an entry is matched: its id, its name and then its aliases are turned into words
// (lowercase, plurals made singular, `pushups` → push up, `press-ups` → push up, `db` → dumbbell)
// and compared with every Garmin name turned into words the same way: first word for word, then
// as the same words in any order, then without filler words (bodyweight, freehand, biceps), then
// with the entry's equipment in front as Garmin names it (`hammer curls` with a dumbbell →
// `dumbbell_hammer_curl`). The first of those rounds that finds anything decides. Garmin's banded variants
// are used only for exercises done with a band, its `weighted_…` variants only when the label
// says weighted, its wheelchair variants never. An entry that matches two different Garmin
// exercises is ambiguous and left unmapped, unless OVERRIDES below decides it. OVERRIDES also
// maps the moves the words cannot find (the seed exercises of examples/ among them) and can
// refuse a match the words got wrong (`null`).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalogFile, writeCatalogFile } from './catalog-file.mjs';

/**
 * Reviewed decisions, by catalog id: `'category/exercise_name'` (the FIT profile's enum keys),
 * or `null` for "no Garmin exercise" where the words would match the wrong one.
 */
export const OVERRIDES = {
    // Seed exercises of examples/ the words miss or get wrong. Reviewed and left without one, as
    // the profile has nothing close: long-jumps, single-leg-balance(-reach), tandem-stance,
    // short-foot, and the mixes dynamic-stretching, static-stretching and foam-rolling.
    'squats': 'squat/air_squat',                              // bodyweight squat; `squat/squat` is the loaded lift
    'reverse-lunges': 'lunge/lunge',                          // the profile's reverse lunges all add a load or a reach
    'glute-bridges': 'hip_raise/hip_raise',                   // Garmin's name for the glute bridge
    'single-leg-glute-bridge': 'hip_raise/single_leg_hip_raise',
    'leg-raises': 'leg_raise/lying_straight_leg_raise',
    'speed-skaters': 'plyo/lateral_leap_and_hop',             // side-to-side bounds from one leg to the other
    'superman': 'hyperextension/superman_from_floor',
    'single-leg-deadlift': 'deadlift/single_leg_romanian_deadlift_with_dumbbell', // nearest: done bodyweight first, then with a dumbbell
    'fire-hydrants': 'hip_stability/fire_hydrant_kicks',
    'bird-dog': 'warm_up/opposite_arm_and_leg_balance',       // on hands and knees, opposite arm and leg
    'calf-raises': 'calf_raise/standing_calf_raise',
    'squat-to-kettlebell-press': 'squat/thrusters',           // a squat into an overhead press: a thruster
    // Runs: Garmin's run category.
    'easy-run': 'run/run',                                    // the alias `jog` would pick run/jog; an easy run is a run
    'long-run': 'run/run',
    'tempo-run': 'run/run',
    'interval-run': 'run/run',
    'sprints': 'run/sprint',
    // Words that name two different things, or two Garmin exercises.
    'swimming': null,                                         // core/swimming is a Pilates move, not a swim
    'leg-extensions': null,                                   // the machine quad move; crunch/leg_extensions is an abs move
    'air-bike': 'indoor_bike/air_bike',                       // the fan bike (docs/catalog.md, "Plain names")
    'bicycle-crunches': 'crunch/bicycle_crunch',              // what the dataset called "Air Bike"
    'rowing': 'indoor_row/rowing_machine',                    // the erg: `row`, `indoor-row` also name row/row, row/indoor_row
    'toe-touchers': null,                                     // a crunch; move/toe_touch is a standing forward bend
    'arm-circles': 'warm_up/arm_circles',
    'barbell-squat': 'squat/barbell_back_squat',
    'bear-crawl': 'plank/bear_crawl',
    'bicycling-stationary': 'indoor_bike/stationary_bike',
    'cat-stretch': 'warm_up/cat_camel',
    'cycling': 'bike/bike',
    'elliptical-trainer': 'elliptical/elliptical',
    'knee-hip-raise-on-parallel-bars': 'leg_raise/hanging_knee_raise',
    'standing-hip-circles': 'hip_stability/hip_circles',
    'standing-military-press': 'shoulder_press/military_press',
};

// ---- the FIT profile's exercise tables ---------------------------------------------------------

/** The fit-tables.d.ts of the installed @markw65/fit-file-writer. */
function profilePath() {
    const require = createRequire(import.meta.url);
    return resolve(dirname(require.resolve('@markw65/fit-file-writer')), '../ts/src/fit-tables.d.ts');
}

/**
 * `{ categories: { squat: 28, … }, names: { squat: { air_squat: 97, … }, … } }` from the
 * declaration of `fit_types` (each enum lists camelCase and snake_case keys; the snake_case
 * ones are the profile's own).
 */
export function readFitProfile(text = readFileSync(profilePath(), 'utf8')) {
    const start = text.indexOf('export declare const fit_types');
    const end = text.indexOf('export declare const', start + 1);
    if (start < 0 || end < 0) throw new Error('map-garmin-exercises: no fit_types in the writer\'s fit-tables.d.ts');
    const enums = {};
    for (const [, name, body] of text.slice(start, end).matchAll(/^ {4}readonly (\w+): \{\n([\s\S]*?)^ {4}\};/gm)) {
        const values = {};
        for (const [, key, value] of body.matchAll(/readonly "?(\w+)"?: (\d+);/g)) {
            if (/^[a-z0-9]+(_[a-z0-9]+)*$/.test(key) && !/^\d+$/.test(key)) values[key] = Number(value);
        }
        enums[name] = values;
    }
    const categories = enums.exercise_category;
    if (!categories?.squat) throw new Error('map-garmin-exercises: no exercise_category enum in the writer\'s fit-tables.d.ts');
    const names = {};
    for (const category of Object.keys(categories)) {
        if (enums[`${category}_exercise_name`]) names[category] = enums[`${category}_exercise_name`];
    }
    return { categories, names };
}

// ---- words ---------------------------------------------------------------------------------------

/** Words written as one that Garmin writes as two (and the reverse for `press up`). */
const SPLIT_WORDS = {
    pushup: ['push', 'up'], pullup: ['pull', 'up'], chinup: ['chin', 'up'], situp: ['sit', 'up'],
    stepup: ['step', 'up'], bodyweight: ['body', 'weight'], deadbug: ['dead', 'bug'], birddog: ['bird', 'dog'],
};
const SAME_WORDS = { db: 'dumbbell', dumbell: 'dumbbell', kb: 'kettlebell', flye: 'fly', flie: 'fly', bw: 'body weight' };
/** Words that add nothing to tell moves apart (no equipment; a curl is a biceps curl): dropped in the later rounds. */
const FILLER = /\b(body weight|freehand)\b|\bbiceps?(?= curl\b)/g;

function singular(word) {
    if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
    if (word.length >= 3 && word.endsWith('s') && !/(ss|us)$/.test(word)) return word.slice(0, -1);
    return word;
}

/** A label as plain words: `Press-Ups` → `push up`, `DB rows` → `dumbbell row`. */
export function wordsOf(label) {
    const words = label.toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean)
        .map(singular)
        .flatMap((word) => SPLIT_WORDS[word] ?? [SAME_WORDS[word] ?? word]);
    return words.join(' ').replace(/\bpress up\b/g, 'push up');
}

const sorted = (words) => words.split(' ').sort().join(' ');
const withoutFiller = (words) => words.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();

/**
 * The rounds of matching, strictest first: each turns words into the key compared. In the last,
 * a catalog label is read with the entry's one piece of equipment in front, as Garmin names
 * moves (`hammer curls` with a dumbbell → `dumbbell hammer curl`).
 */
const ROUNDS = [
    { how: 'words', key: (words) => words },
    { how: 'words in any order', key: sorted },
    { how: 'words without filler', key: (words) => sorted(withoutFiller(words)) },
    { how: 'words and its equipment', key: (words) => sorted(withoutFiller(words)), withEquipment: true },
];

/** A catalog label's words for a round: '' when the round does not apply to the entry. */
function labelKey(round, label, entry) {
    const words = wordsOf(label);
    if (!round.withEquipment) return round.key(words);
    if (entry.equipment.length !== 1) return '';
    const equipment = wordsOf(entry.equipment[0]);
    return words.split(' ').includes(equipment) ? '' : round.key(`${equipment} ${words}`);
}

// ---- matching ------------------------------------------------------------------------------------

/** Every Garmin exercise with its words, indexed by each round's key. */
function indexProfile(profile) {
    const garmin = [];
    for (const [category, names] of Object.entries(profile.names)) {
        for (const [name, value] of Object.entries(names)) {
            if (name.endsWith('_wheelchair')) continue;
            garmin.push({ category, name, ids: { category: profile.categories[category], name: value }, words: wordsOf(name) });
        }
    }
    return ROUNDS.map((round) => {
        const byKey = new Map();
        for (const exercise of garmin) {
            const key = round.key(exercise.words);
            if (key === '') continue;
            byKey.set(key, [...(byKey.get(key) ?? []), exercise]);
        }
        return byKey;
    });
}

/**
 * Categories for one kind of equipment: used only for an exercise done with it (`null`: the
 * catalog has no such equipment). Their names repeat the plain moves (`suspension/lunge`,
 * `battle_rope/jumping_jacks`).
 */
const EQUIPMENT_CATEGORIES = {
    banded_exercises: 'band', sled: 'sled', suspension: null, sandbag: null, battle_rope: null, ladder: null, tire: null, sledge_hammer: null,
};
/** Yoga poses and Pilates moves: used only when no other category has the words in any round. */
const LAST_RESORT_CATEGORIES = new Set(['pose', 'move']);

/** Which of the Garmin exercises a label matched fit the entry: its equipment, weighted or not. */
function fitting(entry, labelWords, candidates, lastResort) {
    const weighted = /\bweighted\b/.test(labelWords);
    const usable = candidates
        .filter((c) => weighted || !c.name.startsWith('weighted_'))
        .filter((c) => LAST_RESORT_CATEGORIES.has(c.category) === lastResort)
        .filter((c) => !Object.hasOwn(EQUIPMENT_CATEGORIES, c.category) || entry.equipment.includes(EQUIPMENT_CATEGORIES[c.category]));
    const forEquipment = usable.filter((c) => Object.hasOwn(EQUIPMENT_CATEGORIES, c.category));
    return forEquipment.length > 0 ? forEquipment : usable;
}

/** The match for one entry: `{ exercise, how }`, `{ ambiguous: [...] }` or undefined. */
function matchEntry(entry, index) {
    const labelGroups = [[entry.id, entry.name], entry.aliases];
    for (const lastResort of [false, true]) {
        for (const [round, byKey] of index.entries()) {
            for (const labels of labelGroups) {
                const found = new Map();
                for (const label of labels) {
                    const key = labelKey(ROUNDS[round], label, entry);
                    for (const c of fitting(entry, wordsOf(label), byKey.get(key) ?? [], lastResort)) found.set(`${c.category}/${c.name}`, c);
                }
                if (found.size === 1) return { exercise: [...found.values()][0], how: ROUNDS[round].how };
                if (found.size > 1) return { ambiguous: [...found.keys()] };
            }
        }
    }
    return undefined;
}

function overrideOf(id, profile) {
    const value = OVERRIDES[id];
    if (value === null) return null;
    const [category, name] = value.split('/');
    const number = profile.names[category]?.[name];
    if (number === undefined) throw new Error(`map-garmin-exercises: the override for "${id}" names "${value}", which the FIT profile does not have`);
    return { category, name, ids: { category: profile.categories[category], name: number } };
}

/**
 * The entries with `garmin: { category, name }` (FIT profile numbers) where one is found, and a
 * report: what each entry maps to and how, the ambiguous ones, the counts.
 */
export function mapGarminExercises(entries, profile = readFitProfile()) {
    const index = indexProfile(profile);
    const ids = new Set(entries.map((e) => e.id));
    const unknown = Object.keys(OVERRIDES).filter((id) => !ids.has(id));
    if (unknown.length > 0) throw new Error(`map-garmin-exercises: OVERRIDES names exercises the catalog does not have: ${unknown.join(', ')}`);

    const report = { mapped: [], ambiguous: [], byWords: 0, byOverride: 0, refused: 0 };
    const mapped = entries.map((entry) => {
        const { garmin: _old, ...plain } = entry;
        let found;
        if (Object.hasOwn(OVERRIDES, entry.id)) {
            found = overrideOf(entry.id, profile);
            if (found === null) {
                report.refused++;
                return plain;
            }
            report.byOverride++;
            report.mapped.push({ id: entry.id, garmin: `${found.category}/${found.name}`, how: 'override' });
        } else {
            const match = matchEntry(entry, index);
            if (match?.ambiguous) report.ambiguous.push({ id: entry.id, candidates: match.ambiguous });
            if (!match?.exercise) return plain;
            found = match.exercise;
            report.byWords++;
            report.mapped.push({ id: entry.id, garmin: `${found.category}/${found.name}`, how: match.how });
        }
        return { ...plain, garmin: found.ids };
    });
    return { entries: mapped, report: { ...report, total: entries.length, count: report.mapped.length } };
}

/** One line for the terminal and the catalog file's header. */
export function coverageLine(report) {
    return `${report.count} of ${report.total} entries have a Garmin exercise (${report.byWords} by their words, `
        + `${report.byOverride} by the override table); ${report.ambiguous.length} ambiguous and ${report.refused} refused are left unmapped`;
}

function main() {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const catalogPath = resolve(root, 'data/catalog.json');
    const { header, entries } = readCatalogFile(catalogPath);
    const { entries: mapped, report } = mapGarminExercises(entries);
    writeCatalogFile(catalogPath, { ...header, garmin: GARMIN_HEADER }, mapped);
    if (process.argv.includes('--report')) {
        for (const { id, garmin, how } of report.mapped) console.log(`${id} → ${garmin} (${how})`);
        for (const { id, candidates } of report.ambiguous) console.log(`${id}: ambiguous, left unmapped: ${candidates.join(', ')}`);
    }
    console.log(`map-garmin-exercises: ${coverageLine(report)}; wrote ${catalogPath}`);
}

/** What the `garmin` field of an entry is, for the catalog file's header. */
export const GARMIN_HEADER = 'exercise_category and exercise_name numbers of the FIT profile, matched by scripts/map-garmin-exercises.mjs (docs/fit.md)';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
