// The exercise catalog: every name a coach may write without defining it first.
// The data is data/catalog.json, built by scripts/build-catalog.mjs (see docs/catalog.md);
// this module only looks names up in it. No Langium and no VS Code here: the language, the
// renderers and the command line all share it.

import { distance } from 'fastest-levenshtein';
import catalogData from '../../data/catalog.json' with { type: 'json' };

/** How an exercise's amount is written: counted reps, a static hold in time, or time/distance. */
export type ExerciseKind = 'reps' | 'hold' | 'cardio';
export type ExerciseLevel = 'beginner' | 'intermediate' | 'expert';

/** The muscle vocabulary of the catalog (that of the Free Exercise DB). */
export const MUSCLES = [
    'abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes',
    'hamstrings', 'lats', 'lower back', 'middle back', 'neck', 'quadriceps', 'shoulders', 'traps',
    'triceps',
] as const;
export type Muscle = (typeof MUSCLES)[number];

/**
 * Words coaches use for muscles (in `exercise` definitions: `muscles: quads, glutes, core`)
 * mapped to the catalog vocabulary, so a definition's muscles add up with the catalog's.
 * The vocabulary has no hip flexors: they count as quadriceps (the rectus femoris is both).
 */
const MUSCLE_WORDS: Record<string, Muscle> = {
    abs: 'abdominals', ab: 'abdominals', core: 'abdominals', obliques: 'abdominals', stomach: 'abdominals',
    'hip-abductors': 'abductors', 'glute-med': 'abductors', 'glute-medius': 'abductors', 'outer-thighs': 'abductors',
    'hip-adductors': 'adductors', groin: 'adductors', 'inner-thighs': 'adductors',
    bicep: 'biceps', bis: 'biceps',
    calf: 'calves', soleus: 'calves', gastrocnemius: 'calves', shins: 'calves', feet: 'calves', foot: 'calves',
    pecs: 'chest', pectorals: 'chest', 'pectoral-muscles': 'chest',
    forearm: 'forearms', grip: 'forearms',
    glute: 'glutes', 'gluteus-maximus': 'glutes', bum: 'glutes',
    hams: 'hamstrings', hamstring: 'hamstrings', hammies: 'hamstrings',
    lat: 'lats', 'latissimus-dorsi': 'lats',
    'lower-back': 'lower back', 'erector-spinae': 'lower back', erectors: 'lower back', 'low-back': 'lower back',
    'middle-back': 'middle back', 'mid-back': 'middle back', 'upper-back': 'middle back', rhomboids: 'middle back',
    quads: 'quadriceps', quad: 'quadriceps', quadricep: 'quadriceps', thighs: 'quadriceps', 'hip-flexors': 'quadriceps', 'hip-flexor': 'quadriceps',
    shoulder: 'shoulders', delts: 'shoulders', deltoids: 'shoulders', deltoid: 'shoulders',
    trap: 'traps', trapezius: 'traps',
    tricep: 'triceps', tris: 'triceps',
};

/** The catalog muscle a coach's word means (`quads` → `quadriceps`, `core` → `abdominals`), if any. */
export function muscleName(word: string): Muscle | undefined {
    const norm = normaliseName(word);
    const exact = MUSCLES.find((m) => normaliseName(m) === norm);
    return exact ?? MUSCLE_WORDS[norm];
}

export interface CatalogEntry {
    /** Normalised name, unique: what the session model reports as `exercise`. */
    readonly id: string;
    /** Display name. */
    readonly name: string;
    /** Other names coaches write (normalised); plural/singular forms need no alias. */
    readonly aliases: readonly string[];
    readonly primaryMuscles: readonly string[];
    readonly secondaryMuscles: readonly string[];
    /** What the movement needs; empty means bodyweight. */
    readonly equipment: readonly string[];
    /** Worked one side at a time: a prescription should say `per side`, `left` or `right`. */
    readonly unilateral: boolean;
    readonly kind: ExerciseKind;
    /** Seconds one repetition takes, for duration estimates (1 for holds and cardio). */
    readonly secondsPerRep: number;
    readonly level: ExerciseLevel | null;
    readonly mechanic: string | null;
    readonly category: string;
    /** The FIT profile's `exercise_category` and `exercise_name` numbers, for Garmin watches (docs/fit.md). */
    readonly garmin?: { readonly category: number; readonly name: number };
}

/** Lowercase; every run of characters other than a-z/0-9 becomes one hyphen; no outer hyphens. */
export function normaliseName(name: string): string {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Keys of recently looked-up names. Every entry of a file looks its name up several times (the
 * scope, the checks, the model) and a program repeats a few hundred names, so this saves the
 * three regular expressions per lookup (docs/benchmarks.md). Bounded: cleared when full.
 */
const lookupKeys = new Map<string, string>();
const LOOKUP_KEY_CACHE_SIZE = 20_000;

/**
 * The key names are matched by: normaliseName() plus a light plural stem on the last
 * hyphen-word, so `squat`, `squats`, `Squats` and `"squats"` meet. "es" is dropped after
 * ch/sh/x/ss (crunches → crunch, presses → press); otherwise one trailing "s" is dropped from a
 * word of three letters or more that does not end in "ss" (burpees → burpee, pull-ups → pull-up).
 * scripts/build-catalog.mjs applies the same rule when it checks keys for collisions.
 */
export function lookupKey(name: string): string {
    let key = lookupKeys.get(name);
    if (key === undefined) {
        const norm = normaliseName(name);
        const cut = norm.lastIndexOf('-');
        key = norm.slice(0, cut + 1) + stem(norm.slice(cut + 1));
        if (lookupKeys.size >= LOOKUP_KEY_CACHE_SIZE) {
            lookupKeys.clear();
        }
        lookupKeys.set(name, key);
    }
    return key;
}

function stem(word: string): string {
    if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
    if (word.length >= 3 && word.endsWith('s') && !word.endsWith('ss') && /[a-z]/.test(word)) return word.slice(0, -1);
    return word;
}

/** A prefix match ranks like a one-letter typo, so `mountain` still offers `mountain-climbers`. */
const PREFIX_SCORE = 1;

interface SearchForm {
    readonly key: string;
    readonly entry: CatalogEntry;
}

let bundled: Catalog | undefined;

/**
 * The catalog shipped with the language (data/catalog.json), read on first use and shared: it
 * never changes. The language services receive it as their `catalog` service; tests may build
 * a catalog of their own.
 */
export function bundledCatalog(): Catalog {
    bundled ??= new Catalog(catalogData.entries as readonly CatalogEntry[]);
    return bundled;
}

export class Catalog {
    private readonly list: readonly CatalogEntry[];
    private readonly byKey = new Map<string, CatalogEntry>();
    private readonly forms: SearchForm[] = [];

    /** Builds a catalog over any entries (tests pass their own). Throws if two entries share a key. */
    constructor(entries: readonly CatalogEntry[]) {
        this.list = entries;
        for (const entry of entries) {
            for (const label of [entry.id, entry.name, ...entry.aliases]) {
                const key = lookupKey(label);
                const owner = this.byKey.get(key);
                if (owner === undefined) {
                    this.byKey.set(key, entry);
                    this.forms.push({ key, entry });
                } else if (owner !== entry) {
                    throw new Error(`Catalog: "${label}" (key "${key}") names both "${owner.id}" and "${entry.id}"`);
                }
            }
        }
    }

    get size(): number {
        return this.list.length;
    }

    entries(): readonly CatalogEntry[] {
        return this.list;
    }

    /** The entry a name refers to, by id, display name or alias, ignoring case, spacing and plurals. */
    find(name: string): CatalogEntry | undefined {
        return this.byKey.get(lookupKey(name));
    }

    /**
     * Up to `count` entries whose names are closest to a misspelt one, best first: edit distance
     * between lookup keys, with names that start with what was typed ranked as one edit. Names
     * further than about 40% of the typed length are left out, so nonsense gets no suggestion.
     */
    suggest(name: string, count = 3): CatalogEntry[] {
        const key = lookupKey(name);
        if (key === '' || count <= 0) return [];
        const limit = Math.max(2, Math.ceil(key.length * 0.4));
        const best = new Map<CatalogEntry, number>();
        for (const form of this.forms) {
            let score = Math.abs(form.key.length - key.length) <= limit ? distance(key, form.key) : Infinity;
            if (key.length >= 3 && form.key.length > key.length && form.key.startsWith(key)) {
                // Among prefix matches, the shorter completion first.
                score = Math.min(score, PREFIX_SCORE + (form.key.length - key.length) / 1000);
            }
            if (score > limit) continue;
            const previous = best.get(form.entry);
            if (previous === undefined || score < previous) best.set(form.entry, score);
        }
        return [...best.entries()]
            .sort(([a, scoreA], [b, scoreB]) => scoreA - scoreB || a.id.length - b.id.length || (a.id < b.id ? -1 : 1))
            .slice(0, count)
            .map(([entry]) => entry);
    }
}
