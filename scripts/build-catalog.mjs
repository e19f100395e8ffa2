// Builds data/catalog.json, the exercise catalog the language checks names against.
//
//   npm run catalog                      # reads ../shared/data/free-exercise-db.json
//   npm run catalog -- path/to/db.json   # or another copy of the Free Exercise DB
//
// Sources: the public-domain Free Exercise DB (facts only: name, level, mechanic, category,
// equipment, muscles; never its instructions or images) plus scripts/catalog-additions.json,
// our own entries and aliases in the words coaches write. docs/catalog.md explains the rules;
// keep the tables below and that document in step.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCatalogFile } from './catalog-file.mjs';
import { coverageLine, GARMIN_HEADER, mapGarminExercises } from './map-garmin-exercises.mjs';

// ---- defaults (mirrored in docs/catalog.md) -----------------------------------------------------

/**
 * Seconds one repetition takes, used for duration estimates when an entry gives reps.
 * The first rule that applies wins; an addition may set `secondsPerRep` explicitly.
 */
export const SECONDS_PER_REP = {
    hold: 1,         // holds are written in time (`30-45s plank`), the per-rep value is unused
    cardio: 1,       // cardio is written in time or distance (`30min easy-run`, `400m run`)
    fast: 1,         // quick bodyweight moves counted per limb: mountain climbers, jumping jacks
    explosive: 2,    // plyometrics and jumps, hops, bounds, skaters
    mobility: 2,     // moving stretches counted in reps (arm circles, leg swings)
    compound: 4,     // multi-joint strength moves (squat, deadlift, row, press)
    isolation: 3,    // single-joint strength moves (curl, calf raise, leg raise)
    other: 3,        // strength moves the dataset gives no mechanic for
};

const FAST_MOVES = /mountain climber|jumping jack|high knee|butt kick|plank jack|skipping|flutter kick|scissor kick|pogo/i;
const EXPLOSIVE_MOVES = /\bjump|\bhops?\b|\bbound|skater|\bskips?\b|\bleap/i;

/** Names that mark an exercise worked one side at a time (coaches write `per side`, `left`...). */
const UNILATERAL_PATTERNS = [
    /single[- ](leg|arm)/i,
    /\bone[- ]/i,                      // one-arm, one leg, one-legged, one knee, one handed
    /\balternat(e|ing)\b/i,            // alternating sides, prescribed per side
    /lunge/i,
    /step[- ]?ups?\b/i,
    /side[- ](plank|bridge|bend|leg raise|jackknife|lying leg)/i,
    /split squat/i,
    /pistol/i,
    /bulgarian/i,
    /windmill/i,
    /turkish get[- ]up/i,
    /concentration curl/i,
];

/** Static positions held for time. Stretching is mostly holds, but moving drills are reps. */
const HOLD_NAMES = /plank|wall sit|hollow (body )?hold|\bhold\b|-smr\b|foam roll/i;
const MOVING_STRETCHES = /circle|raise|swing|inchworm|groiner|lunge|hop|squat|kick|toucher|windmill|rotation|dynamic|claw|cross|superman/i;
/** Moved over a distance or for time rather than counted: carries, drags, sled pushes. */
const CARRIES = /\b(walk|carry|drag|sled push)\b/i;

/** Dataset equipment words → the catalog's (singular, as a coach says them). "body only" → []. */
const EQUIPMENT_NAMES = {
    'body only': null,
    barbell: 'barbell',
    dumbbell: 'dumbbell',
    kettlebells: 'kettlebell',
    cable: 'cable',
    machine: 'machine',
    bands: 'band',
    'medicine ball': 'medicine ball',
    'exercise ball': 'exercise ball',
    'foam roll': 'foam roller',
    'e-z curl bar': 'ez bar',
    other: 'other',
};
/** Extra equipment words the additions may use. */
const EXTRA_EQUIPMENT = ['box', 'bench', 'pull-up bar', 'jump rope', 'bike', 'rower', 'sled', 'mat'];

/** The dataset's muscle vocabulary; additions must use it too. */
const MUSCLES = [
    'abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes',
    'hamstrings', 'lats', 'lower back', 'middle back', 'neck', 'quadriceps', 'shoulders', 'traps',
    'triceps',
];
const LEVELS = ['beginner', 'intermediate', 'expert'];
const KINDS = ['reps', 'hold', 'cardio'];
const CATEGORIES = ['strength', 'stretching', 'plyometrics', 'strongman', 'powerlifting', 'cardio', 'olympic weightlifting'];

// ---- names ------------------------------------------------------------------------------------

/** Lowercase; every run of characters other than a-z/0-9 becomes one hyphen; trim hyphens. */
export function normalise(name) {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * normalise() plus a light plural stem on the last hyphen-word (same rule as
 * src/language/catalog.ts lookupKey): "es" goes after ch/sh/x/ss (crunches → crunch),
 * else one trailing "s" goes when the word has at least 3 letters and does not end in "ss"
 * (squats → squat, burpees → burpee, pull-ups → pull-up).
 */
export function lookupKey(name) {
    const norm = normalise(name);
    const cut = norm.lastIndexOf('-');
    const head = norm.slice(0, cut + 1);
    const word = norm.slice(cut + 1);
    return head + stem(word);
}

function stem(word) {
    if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
    if (word.length >= 3 && word.endsWith('s') && !word.endsWith('ss') && /[a-z]/.test(word)) return word.slice(0, -1);
    return word;
}

// ---- derivation -------------------------------------------------------------------------------

function fail(message) {
    console.error(`build-catalog: ${message}`);
    process.exit(1);
}

function deriveKind(entry, names) {
    if (entry.category === 'cardio') return 'cardio';
    if (names.some((n) => CARRIES.test(n)) && entry.category === 'strongman') return 'cardio';
    if (names.some((n) => HOLD_NAMES.test(n))) return 'hold';
    if (entry.force === 'static' && !names.some((n) => MOVING_STRETCHES.test(n))) return 'hold';
    if (entry.category === 'stretching') return names.some((n) => MOVING_STRETCHES.test(n)) ? 'reps' : 'hold';
    return 'reps';
}

function deriveSecondsPerRep(entry, names) {
    if (entry.kind === 'hold') return SECONDS_PER_REP.hold;
    if (entry.kind === 'cardio') return SECONDS_PER_REP.cardio;
    if (names.some((n) => FAST_MOVES.test(n))) return SECONDS_PER_REP.fast;
    if (entry.category === 'plyometrics' || names.some((n) => EXPLOSIVE_MOVES.test(n))) return SECONDS_PER_REP.explosive;
    if (entry.category === 'stretching') return SECONDS_PER_REP.mobility;
    if (entry.mechanic === 'compound') return SECONDS_PER_REP.compound;
    if (entry.mechanic === 'isolation') return SECONDS_PER_REP.isolation;
    return SECONDS_PER_REP.other;
}

function deriveUnilateral(names) {
    return names.some((n) => UNILATERAL_PATTERNS.some((p) => p.test(n)));
}

function mapEquipment(value, where) {
    if (value === null || value === undefined) return [];
    if (!(value in EQUIPMENT_NAMES)) fail(`${where}: unknown dataset equipment "${value}"`);
    const mapped = EQUIPMENT_NAMES[value];
    return mapped ? [mapped] : [];
}

/** The facts we keep from one dataset record (nothing else is read from it). */
function fromDataset(record) {
    const primary = [...record.primaryMuscles];
    return {
        id: normalise(record.name),
        name: record.name.trim(),
        aliases: [],
        primaryMuscles: primary,
        secondaryMuscles: record.secondaryMuscles.filter((m) => !primary.includes(m)),
        equipment: mapEquipment(record.equipment, record.name),
        level: record.level ?? null,
        mechanic: record.mechanic ?? null,
        category: record.category,
        // kept only while building, to derive kind; not written out
        force: record.force ?? null,
        sourceNames: [record.name],
    };
}

const OVERRIDABLE = ['name', 'primaryMuscles', 'secondaryMuscles', 'equipment', 'unilateral', 'kind', 'secondsPerRep', 'level', 'mechanic', 'category'];
const ADDITION_KEYS = new Set([...OVERRIDABLE, 'id', 'from', 'aliases', 'comment']);

function applyAddition(base, addition) {
    const entry = { ...base, aliases: [...base.aliases] };
    for (const key of OVERRIDABLE) {
        if (addition[key] !== undefined) entry[key] = addition[key];
    }
    entry.aliases.push(...(addition.aliases ?? []));
    return entry;
}

function newEntry(addition, where) {
    for (const key of ['name', 'primaryMuscles', 'category']) {
        if (addition[key] === undefined) fail(`${where}: a new entry needs "${key}"`);
    }
    return applyAddition({
        id: addition.id,
        name: addition.name,
        aliases: [],
        primaryMuscles: [],
        secondaryMuscles: [],
        equipment: [],
        level: null,
        mechanic: null,
        category: addition.category,
        force: null,
        sourceNames: [],
    }, addition);
}

function validate(entry) {
    const where = `entry "${entry.id}"`;
    if (entry.id !== normalise(entry.id) || entry.id === '') fail(`${where}: id must be normalised (lowercase words joined by hyphens)`);
    if (typeof entry.name !== 'string' || entry.name.trim() === '') fail(`${where}: missing name`);
    if (entry.primaryMuscles.length === 0) fail(`${where}: no primary muscle`);
    for (const m of [...entry.primaryMuscles, ...entry.secondaryMuscles]) {
        if (!MUSCLES.includes(m)) fail(`${where}: unknown muscle "${m}" (use: ${MUSCLES.join(', ')})`);
    }
    const equipmentWords = [...Object.values(EQUIPMENT_NAMES).filter(Boolean), ...EXTRA_EQUIPMENT];
    for (const e of entry.equipment) {
        if (!equipmentWords.includes(e)) fail(`${where}: unknown equipment "${e}" (use: ${equipmentWords.join(', ')})`);
    }
    if (!KINDS.includes(entry.kind)) fail(`${where}: kind must be one of ${KINDS.join(', ')}`);
    if (!(entry.secondsPerRep > 0)) fail(`${where}: secondsPerRep must be > 0`);
    if (entry.level !== null && !LEVELS.includes(entry.level)) fail(`${where}: unknown level "${entry.level}"`);
    if (!CATEGORIES.includes(entry.category)) fail(`${where}: unknown category "${entry.category}"`);
    if (typeof entry.unilateral !== 'boolean') fail(`${where}: unilateral must be a boolean`);
}

/** The order fields are written in, and the only fields written. */
function finish(entry) {
    const names = [entry.name, ...entry.sourceNames];
    const kind = entry.kind ?? deriveKind(entry, names);
    const withKind = { ...entry, kind };
    const secondsPerRep = entry.secondsPerRep ?? deriveSecondsPerRep(withKind, names);
    const unilateral = entry.unilateral ?? deriveUnilateral(names);

    // Aliases: normalised, no duplicates, none that the id or name already reach by key.
    const ownKeys = new Set([lookupKey(entry.id), lookupKey(entry.name)]);
    const aliases = [];
    const candidates = [...entry.aliases];
    // Names with apostrophes ("Farmer's Walk") also answer to the form without them.
    for (const n of [entry.name, ...entry.sourceNames]) {
        if (/['’]/.test(n)) candidates.push(n.replace(/['’]/g, ''));
    }
    for (const alias of candidates) {
        const norm = normalise(alias);
        const key = lookupKey(norm);
        if (norm === '' || ownKeys.has(key)) continue;
        ownKeys.add(key);
        aliases.push(norm);
    }

    const out = {
        id: entry.id,
        name: entry.name,
        aliases,
        primaryMuscles: entry.primaryMuscles,
        secondaryMuscles: entry.secondaryMuscles.filter((m) => !entry.primaryMuscles.includes(m)),
        equipment: entry.equipment,
        unilateral,
        kind,
        secondsPerRep,
        level: entry.level,
        mechanic: entry.mechanic,
        category: entry.category,
    };
    validate(out);
    return out;
}

export function buildCatalog(dataset, additions) {
    if (!Array.isArray(dataset)) fail('the dataset must be a JSON array of exercises');
    const byId = new Map();
    for (const record of dataset) {
        const entry = fromDataset(record);
        if (byId.has(entry.id)) fail(`two dataset exercises normalise to "${entry.id}"`);
        byId.set(entry.id, entry);
    }
    const byDatasetName = new Map([...byId.values()].map((e) => [e.sourceNames[0], e.id]));

    for (const [index, addition] of (additions.exercises ?? []).entries()) {
        const where = `catalog-additions.json exercises[${index}] (${addition.id ?? addition.from})`;
        for (const key of Object.keys(addition)) {
            if (!ADDITION_KEYS.has(key)) fail(`${where}: unknown field "${key}"`);
        }
        if (addition.id !== undefined && addition.id !== normalise(addition.id)) fail(`${where}: id "${addition.id}" is not normalised`);
        if (addition.from !== undefined) {
            // Merge into (or rename) a dataset entry; its old id and name stay reachable as aliases.
            const oldId = byDatasetName.get(addition.from) ?? (byId.has(normalise(addition.from)) ? normalise(addition.from) : undefined);
            if (oldId === undefined || !byId.has(oldId)) fail(`${where}: no dataset exercise named "${addition.from}"`);
            const base = byId.get(oldId);
            const newId = addition.id ?? oldId;
            if (newId !== oldId && byId.has(newId)) fail(`${where}: id "${newId}" is already taken`);
            const merged = applyAddition(base, addition);
            merged.id = newId;
            if (newId !== oldId) merged.aliases.push(oldId, base.name);
            byId.delete(oldId);
            byId.set(newId, merged);
        } else if (addition.id === undefined) {
            fail(`${where}: needs "id" (a new entry) or "from" (a dataset exercise to extend)`);
        } else if (byId.has(addition.id)) {
            byId.set(addition.id, applyAddition(byId.get(addition.id), addition));
        } else {
            byId.set(addition.id, newEntry(addition, where));
        }
    }

    const entries = [...byId.values()].map(finish).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    // Every id, name and alias must lead to exactly one entry.
    const owner = new Map();
    const clashes = [];
    for (const entry of entries) {
        for (const label of [entry.id, entry.name, ...entry.aliases]) {
            const key = lookupKey(label);
            const seen = owner.get(key);
            if (seen !== undefined && seen !== entry.id) clashes.push(`"${label}" (key "${key}") names both "${seen}" and "${entry.id}"`);
            owner.set(key, entry.id);
        }
    }
    if (clashes.length > 0) fail(`lookup keys collide:\n  ${clashes.join('\n  ')}`);
    return entries;
}

function main() {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const datasetPath = resolve(process.argv[2] ?? resolve(root, '../shared/data/free-exercise-db.json'));
    const additionsPath = resolve(root, 'scripts/catalog-additions.json');
    const outPath = resolve(root, 'data/catalog.json');

    let dataset, additions;
    try {
        dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
    } catch (error) {
        fail(`cannot read the dataset at ${datasetPath}: ${error.message}`);
    }
    try {
        additions = JSON.parse(readFileSync(additionsPath, 'utf8'));
    } catch (error) {
        fail(`cannot read ${additionsPath}: ${error.message}`);
    }

    const entries = buildCatalog(dataset, additions);
    // Last step: each entry's Garmin exercise for FIT workouts (docs/fit.md).
    const { entries: withGarmin, report } = mapGarminExercises(entries);
    const header = {
        source: 'Free Exercise DB (github.com/yuhonas/free-exercise-db, dist/exercises.json, Unlicense): facts only; plus scripts/catalog-additions.json',
        generatedBy: 'npm run catalog (scripts/build-catalog.mjs); do not edit by hand',
        garmin: GARMIN_HEADER,
    };
    writeCatalogFile(outPath, header, withGarmin);
    console.log(`build-catalog: ${coverageLine(report)}`);
    const added = entries.length - dataset.length;
    console.log(`build-catalog: wrote ${entries.length} entries (${dataset.length} from the dataset, ${added >= 0 ? '+' : ''}${added} added) to ${outPath}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
