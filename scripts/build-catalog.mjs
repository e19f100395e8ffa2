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

/** Hand-written entries and aliases, merged in this order (docs/catalog.md). */
const ADDITION_FILES = ['catalog-additions.json', 'catalog-additions-gym.json', 'catalog-additions-recovery.json'];

// ---- defaults (mirrored in docs/catalog.md) -----------------------------------------------------

/**
 * Seconds one repetition takes, used for duration estimates when an entry gives reps.
 * The first rule that applies wins (deriveSecondsPerRep); an addition may set `secondsPerRep`.
 * Measured against real sessions: Chelsea (EMOM: 5 pull-ups, 10 push-ups, 15 air squats) fits
 * its minute, Fran's 21 thrusters take about a minute.
 */
export const SECONDS_PER_REP = {
    hold: 1,         // holds are written in time (`30-45s plank`), the per-rep value is unused
    cardio: 1,       // cardio is written in time or distance (`30min easy-run`, `400m run`)
    selfMassage: 4,  // foam rolling counted in passes: one slow pass up and down
    fast: 1,         // quick moves counted per limb or touch: mountain climbers, jumping jacks
    explosive: 2,    // plyometrics and jumps, hops, bounds, skaters
    mobility: 2,     // moving stretches counted in reps (arm circles, leg swings)
    bodyweight: 2,   // bodyweight strength reps: air squats, push-ups, sit-ups, pull-ups, dips
    olympic: 4,      // the Olympic lifts and their pulls: every rep is set up again
    heavy: 4,        // barbell and strongman compound lifts: squat, deadlift, bench press
    loaded: 3,       // other loaded moves: dumbbell, kettlebell, cable, machine, isolation lifts
};

/**
 * Seconds per meter for exercises written in distance that are not runs. Runs have none: the
 * estimate uses its running pace (SECONDS_PER_METER in src/core/estimate.ts). The first rule that
 * applies wins (deriveSecondsPerMeter); an addition may set `secondsPerMeter`.
 */
export const SECONDS_PER_METER = {
    sled: 1.6,       // a loaded sled push or drag: 25 m in about 40 s
    lunge: 2,        // walking lunges: one step of about 0.8 m in 1.5-2 s
    crawl: 2,        // bear crawls, crab walks
    carry: 1,        // farmers and other loaded carries, at a loaded walking pace
    drill: 0.5,      // running drills done over 20-30 m: skips, high knees, carioca
    walk: 0.72,      // walking, 5 km/h
};

const FAST_MOVES = /mountain climber|jumping jack|high knee|butt kick|plank jack|flutter kick|scissor kick|pogo|shoulder tap|single[- ]under/i;
const EXPLOSIVE_MOVES = /\bjump|\bhops?\b|\bbound|skater|\bskip|\bleap/i;
const SELF_MASSAGE = /-smr\b|foam roll|self-massage/i;
const SLEDS = /sled (push|pull|drag)|sled drags|prowler|\bdrag\b|backward walk/i;
const CRAWLS = /\bcrawl|crab walk/i;
const DRILLS = /\bskips?\b|skipping|high knee|butt kick|carioca|\bbound/i;
/** Equipment a bodyweight move may still use: it adds no load. */
const BODYWEIGHT_GEAR = ['pull-up bar', 'box', 'bench', 'mat', 'rings', 'exercise ball', 'ghd', 'rope'];

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
const HOLD_NAMES = /plank|wall sit|hollow (body )?hold|\bhold\b|-smr\b|foam roll|self-massage/i;
const MOVING_STRETCHES = /circle|raise|swing|inchworm|groiner|lunge|hop|squat|kick|toucher|windmill|rotation|dynamic|claw|cross|superman/i;
/** Moved over a distance or for time rather than counted: carries, drags, sled pushes. */
const CARRIES = /\b(walk|carry|drag|sled push|sled pull)\b/i;

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
const EXTRA_EQUIPMENT = ['box', 'bench', 'pull-up bar', 'jump rope', 'bike', 'air bike', 'rower', 'ski erg', 'sled', 'mat', 'rings', 'sandbag', 'ghd', 'rope'];

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

/**
 * The name the athlete reads, from a dataset name: no " - Medium Grip" style qualifiers, foam
 * rolling said as coaches say it, and "-ups" not capitalised. The dataset's own name stays an
 * alias, so it is still found. An addition's `name` wins over this.
 */
export function displayName(datasetName) {
    let name = datasetName.trim();
    const smr = /^(.+)-SMR$/.exec(name);
    if (smr) name = `${smr[1]} Foam Roll`;
    const qualified = /^(.+?) - (.+)$/.exec(name);
    if (qualified) {
        const [, head, tail] = qualified;
        if (/^medium grip$/i.test(tail)) name = head;
        else if (/^with bands$/i.test(tail)) name = `Banded ${head}`;
        else if (/ attachment$/i.test(tail)) name = `${tail.replace(/ attachment$/i, '')} ${head}`;
        else name = `${head} (${tail.toLowerCase()})`;
    }
    return tidyCase(name);
}

/** "Push-Ups" → "Push-ups", "Get-Up" → "Get-up": the particle of a hyphenated word is not a word of its own. */
export function tidyCase(name) {
    return name.replace(/-(Ups?|Downs?|Overs?|Unders?|Outs?|Ins?)\b/g, (_, particle) => `-${particle.toLowerCase()}`);
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
    if (names.some((n) => SELF_MASSAGE.test(n))) return SECONDS_PER_REP.selfMassage;
    if (entry.kind === 'hold') return SECONDS_PER_REP.hold;
    if (entry.kind === 'cardio') return SECONDS_PER_REP.cardio;
    if (names.some((n) => FAST_MOVES.test(n))) return SECONDS_PER_REP.fast;
    if (entry.category === 'plyometrics' || names.some((n) => EXPLOSIVE_MOVES.test(n))) return SECONDS_PER_REP.explosive;
    if (entry.category === 'stretching') return SECONDS_PER_REP.mobility;
    if (entry.category === 'olympic weightlifting') return SECONDS_PER_REP.olympic;
    if (entry.equipment.every((e) => BODYWEIGHT_GEAR.includes(e))) return SECONDS_PER_REP.bodyweight;
    const heavy = entry.equipment.includes('barbell') || entry.category === 'strongman' || entry.category === 'powerlifting';
    if (heavy && entry.mechanic !== 'isolation') return SECONDS_PER_REP.heavy;
    return SECONDS_PER_REP.loaded;
}

/** Only for what is moved over a distance and is not a run; runs use the estimate's running pace. */
function deriveSecondsPerMeter(entry, names) {
    if (names.some((n) => SLEDS.test(n))) return SECONDS_PER_METER.sled;
    if (names.some((n) => CRAWLS.test(n))) return SECONDS_PER_METER.crawl;
    if (names.some((n) => /lunge/i.test(n))) return SECONDS_PER_METER.lunge;
    if (entry.category === 'strongman' && names.some((n) => CARRIES.test(n))) return SECONDS_PER_METER.carry;
    if (names.some((n) => DRILLS.test(n))) return SECONDS_PER_METER.drill;
    if (entry.category === 'cardio' && names.some((n) => /\bwalk(ing)?\b/i.test(n))) return SECONDS_PER_METER.walk;
    return undefined;
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

/**
 * A dataset name that says its implement is done with it: "Sled Push" needs a sled (the dataset
 * says "other"), "Squat with Bands" a barbell and a band, "Smith Incline Shoulder Raise" a
 * machine. Keeps the equipment and the name's words in agreement (auditCatalog).
 */
function equipmentFromName(name, equipment) {
    let out = [...equipment];
    for (const implement of implementsNamed(name).named) {
        if (implement === 'machine' && out.includes('barbell')) out = out.filter((e) => e !== 'barbell');
        if (implement === 'ez bar' && out.includes('barbell')) out = out.map((e) => (e === 'barbell' ? 'ez bar' : e));
        if (implement === 'barbell' && out.includes('ez bar')) continue;
        if (!out.includes(implement)) out.push(implement);
    }
    return out.length > 1 ? out.filter((e) => e !== 'other') : out;
}

/** The facts we keep from one dataset record (nothing else is read from it). */
function fromDataset(record) {
    const primary = [...record.primaryMuscles];
    return {
        id: normalise(record.name),
        name: displayName(record.name),
        aliases: [],
        primaryMuscles: primary,
        secondaryMuscles: record.secondaryMuscles.filter((m) => !primary.includes(m)),
        equipment: equipmentFromName(record.name, mapEquipment(record.equipment, record.name)),
        level: record.level ?? null,
        mechanic: record.mechanic ?? null,
        category: record.category,
        // kept only while building, to derive kind; not written out
        force: record.force ?? null,
        sourceNames: [record.name],
    };
}

const OVERRIDABLE = ['name', 'primaryMuscles', 'secondaryMuscles', 'equipment', 'unilateral', 'kind', 'secondsPerRep', 'secondsPerMeter', 'level', 'mechanic', 'category'];
const ADDITION_KEYS = new Set([...OVERRIDABLE, 'id', 'from', 'aliases', 'dropOldNames', 'comment', 'file']);

function applyAddition(base, addition) {
    const entry = { ...base, aliases: [...base.aliases] };
    for (const key of OVERRIDABLE) {
        if (addition[key] !== undefined) entry[key] = addition[key];
    }
    entry.aliases.push(...(addition.aliases ?? []));
    if (addition.dropOldNames) entry.dropOldNames = true;
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
    if (entry.secondsPerMeter !== undefined && !(entry.secondsPerMeter > 0)) fail(`${where}: secondsPerMeter must be > 0`);
    if (entry.level !== null && !LEVELS.includes(entry.level)) fail(`${where}: unknown level "${entry.level}"`);
    if (!CATEGORIES.includes(entry.category)) fail(`${where}: unknown category "${entry.category}"`);
    if (typeof entry.unilateral !== 'boolean') fail(`${where}: unilateral must be a boolean`);
}

/** The order fields are written in, and the only fields written. */
function finish(entry) {
    const name = tidyCase(entry.name);
    const names = [name, ...entry.sourceNames];
    const kind = entry.kind ?? deriveKind(entry, names);
    const withKind = { ...entry, kind };
    const secondsPerRep = entry.secondsPerRep ?? deriveSecondsPerRep(withKind, names);
    const secondsPerMeter = entry.secondsPerMeter === undefined ? deriveSecondsPerMeter(withKind, names) : entry.secondsPerMeter ?? undefined;
    const unilateral = entry.unilateral ?? deriveUnilateral(names);

    // Aliases: normalised, no duplicates, none that the id or name already reach by key.
    const ownKeys = new Set([lookupKey(entry.id), lookupKey(name)]);
    const aliases = [];
    const candidates = [...entry.aliases];
    // The dataset's own name stays reachable when the display name differs ("Barbell Bench Press -
    // Medium Grip"), unless the addition says the old name means another movement to coaches.
    const keptNames = entry.dropOldNames ? [name] : [name, ...entry.sourceNames];
    if (!entry.dropOldNames) candidates.push(...entry.sourceNames);
    // Names with apostrophes ("Farmer's Walk") also answer to the form without them.
    for (const n of keptNames) {
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
        name,
        aliases,
        primaryMuscles: entry.primaryMuscles,
        secondaryMuscles: entry.secondaryMuscles.filter((m) => !entry.primaryMuscles.includes(m)),
        equipment: entry.equipment,
        unilateral,
        kind,
        secondsPerRep,
        ...(secondsPerMeter === undefined ? {} : { secondsPerMeter }),
        level: entry.level,
        mechanic: entry.mechanic,
        category: entry.category,
    };
    validate(out);
    return out;
}

// ---- audit: names that would change the movement silently ------------------------------------

/** Words in a name that say which implement it is done with, and the catalog's word for it. */
const IMPLEMENT_WORDS = {
    kettlebell: 'kettlebell', kettlebells: 'kettlebell', kb: 'kettlebell', kbs: 'kettlebell',
    dumbbell: 'dumbbell', dumbbells: 'dumbbell', db: 'dumbbell', dbs: 'dumbbell',
    barbell: 'barbell', bb: 'barbell',
    cable: 'cable', cables: 'cable', pulley: 'cable',
    band: 'band', bands: 'band', banded: 'band',
    machine: 'machine', smith: 'machine', leverage: 'machine',
    sandbag: 'sandbag',
    sled: 'sled', prowler: 'sled',
    ez: 'ez bar',
};
/** Equipment a named implement may also be written as: an EZ bar is a barbell, a rower is a machine. */
const SAME_IMPLEMENT = { barbell: ['ez bar'], machine: ['rower', 'bike', 'air bike', 'ski erg'] };
/** Words that tell a variant of a movement without naming another one: "Iron Crosses (stretch)". */
const QUALIFIER_WORDS = ['stretch', 'stretches', 'hold', 'holds', 'pose', 'drill', 'drills', 'exercise', 'movement', 'version', 'style', 'position'];
/** Words that say "no implement". */
const BODYWEIGHT_WORDS = ['bodyweight', 'bw', 'air', 'freehand'];
/** Implements that make a variant: a name that does not say them means another movement. */
const VARIANT_IMPLEMENTS = ['kettlebell', 'dumbbell', 'cable', 'band', 'machine', 'ez bar', 'sandbag'];
/**
 * Words of movements done with one implement only, so their plain name may stand for it
 * (a goblet squat is held like a goblet, a pushdown needs a cable). Reviewed by hand.
 */
const IMPLIED_BY_MOVEMENT = /goblet|swing|get-up|tgu|turkish|windmill|halo|pulldown|pull-down|pushdown|pressdown|skull|crusher|leg-press|leg-extension|leg-curl|hamstring-curl|fly|flye|crossover|cross-over|lateral|side-raise|front-raise|rear-delt|face-pull|pallof|pec-deck|hack-squat|calf-press|monster|pull-apart|tke|terminal-knee|wall-ball|slam|suitcase|farmer|renegade|arnold|cuban|tate|scaption|spell-caster|kickback|concentration|zottman|preacher|curl|pull-through|rope|bear-hug/;

/**
 * Plain names reviewed as meaning the implement their entry uses: no barbell or bodyweight
 * movement goes by them. Every other plain name on an implement's variant fails the build.
 */
export const ALLOWED_PLAIN_NAMES = [
    // dataset names of kettlebell and dumbbell moves that exist only with that implement
    'alternating-floor-press', 'alternating-hang-clean', 'bent-press', 'bottoms-up-clean-from-the-hang-position',
    'leg-over-floor-press', 'lunge-pass-through', 'around-the-worlds', 'power-partials', 'middle-back-shrug',
    'seated-triceps-press', 'see-saw-press-alternating-side-press', 'See-Saw Press (Alternating Side Press)',
    'alternating-deltoid-raise', 'lying-triceps-press', 'one-arm-rows',
    // abbreviations that say the implement, and moves done only with it
    'akbs', 'spanish-squats',
    // machines named by what they do
    'lying-t-bar-row', 'reverse-hyperextension', 'seated-calf-raise', 'thigh-abductor', 'thigh-adductor',
];

function labelsOf(entry) {
    return [entry.id, entry.name, ...entry.aliases];
}

function implementsNamed(label) {
    const words = normalise(label).split('-');
    const named = new Set();
    words.forEach((word, i) => {
        // the IT band is anatomy, not an implement
        if (IMPLEMENT_WORDS[word] && !(word.startsWith('band') && ['it', 'iliotibial'].includes(words[i - 1]))) named.add(IMPLEMENT_WORDS[word]);
    });
    return { named, bodyweight: words.some((w) => BODYWEIGHT_WORDS.includes(w)) };
}

/**
 * Every label (id, name, alias) whose words contradict its entry: it names an implement the
 * entry is not done with, says bodyweight for a loaded entry, or is a plain name (no implement)
 * on an entry that is an implement's variant. Returns one line per problem; [] when clean.
 * `allowPlain` lists labels reviewed as the plain name of that variant (docs/catalog.md).
 */
export function auditCatalog(entries, allowPlain = []) {
    const problems = [];
    const allowed = new Set(allowPlain.map(lookupKey));
    const owner = new Map();
    for (const entry of entries) for (const label of labelsOf(entry)) owner.set(lookupKey(label), entry);
    for (const entry of entries) {
        const equipment = new Set(entry.equipment);
        // A cardio machine is the activity itself (treadmill, elliptical), not a variant of it.
        const variant = entry.category === 'cardio' ? [] : entry.equipment.filter((e) => VARIANT_IMPLEMENTS.includes(e));
        for (const label of labelsOf(entry)) {
            const { named, bodyweight } = implementsNamed(label);
            for (const implement of named) {
                if (!equipment.has(implement) && !SAME_IMPLEMENT[implement]?.some((e) => equipment.has(e))) {
                    problems.push(`"${label}" names ${implement}, but ${entry.id} is done with ${entry.equipment.join(', ') || 'bodyweight'}`);
                }
            }
            if (bodyweight && entry.equipment.some((e) => ['barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'sandbag', 'sled'].includes(e))) {
                problems.push(`"${label}" says bodyweight, but ${entry.id} is done with ${entry.equipment.join(', ')}`);
            }
            if (named.size === 0 && variant.length > 0 && !allowed.has(lookupKey(label)) && !IMPLIED_BY_MOVEMENT.test(normalise(label))) {
                problems.push(`"${label}" is a plain name, but ${entry.id} is the ${variant.join(', ')} variant`);
            }
            // "Iron Crosses (stretch)" is written `iron-crosses`: that must not reach a loaded "Iron Cross".
            const words = normalise(label).split('-');
            const plain = words.filter((w) => !QUALIFIER_WORDS.includes(w));
            const other = plain.length > 0 && plain.length < words.length ? owner.get(lookupKey(plain.join('-'))) : undefined;
            if (other && other !== entry && other.equipment.join() !== entry.equipment.join()) {
                problems.push(`"${label}" without "${words.filter((w) => QUALIFIER_WORDS.includes(w)).join(' ')}" names ${other.id}, done with ${other.equipment.join(', ') || 'bodyweight'}, not ${entry.equipment.join(', ') || 'bodyweight'}`);
            }
        }
    }
    return problems;
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
        const where = `${addition.file ?? 'additions'} (${addition.id ?? addition.from}, item ${index})`;
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
            if (addition.dropOldNames && newId === oldId) fail(`${where}: "dropOldNames" needs a new "id"`);
            const merged = applyAddition(base, addition);
            merged.id = newId;
            if (newId !== oldId && !merged.dropOldNames) merged.aliases.push(oldId, base.name);
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
    const outPath = resolve(root, 'data/catalog.json');

    let dataset;
    try {
        dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
    } catch (error) {
        fail(`cannot read the dataset at ${datasetPath}: ${error.message}`);
    }
    const additions = { exercises: [] };
    for (const file of ADDITION_FILES) {
        const path = resolve(root, 'scripts', file);
        try {
            additions.exercises.push(...JSON.parse(readFileSync(path, 'utf8')).exercises.map((e) => ({ ...e, file })));
        } catch (error) {
            fail(`cannot read ${path}: ${error.message}`);
        }
    }

    const entries = buildCatalog(dataset, additions);
    const problems = auditCatalog(entries, ALLOWED_PLAIN_NAMES);
    if (problems.length > 0) fail(`names that would change the movement silently (docs/catalog.md, "Plain names"):\n  ${problems.join('\n  ')}`);
    // Last step: each entry's Garmin exercise for FIT workouts (docs/fit.md).
    const { entries: withGarmin, report } = mapGarminExercises(entries);
    const header = {
        source: `Free Exercise DB (github.com/yuhonas/free-exercise-db, dist/exercises.json, Unlicense): facts only; plus scripts/${ADDITION_FILES.join(', scripts/')}`,
        generatedBy: 'npm run catalog (scripts/build-catalog.mjs); do not edit by hand',
        garmin: GARMIN_HEADER,
    };
    writeCatalogFile(outPath, header, withGarmin);
    console.log(`build-catalog: ${coverageLine(report)}`);
    const added = entries.length - dataset.length;
    console.log(`build-catalog: wrote ${entries.length} entries (${dataset.length} from the dataset, ${added >= 0 ? '+' : ''}${added} added) to ${outPath}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
