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
    /**
     * Seconds one meter takes, for exercises written in distance that are not runs (sled push,
     * farmers walk, ski erg). Absent for runs: the estimate uses its running pace.
     */
    readonly secondsPerMeter?: number;
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
/** A word of the typed name that no word of a candidate matches costs more than a typo. */
const MISSING_WORD_SCORE = 2.5;
/** Each word a candidate has beyond the typed ones. A letter typo inside a word costs 1. */
const EXTRA_WORD_SCORE = 0.5;

/** Abbreviations coaches write for a word (`db-rdl`, `kb-swings`): the same word to the matcher. */
const WORD_SYNONYMS: Readonly<Record<string, string>> = {
    db: 'dumbbell', dbs: 'dumbbell', kb: 'kettlebell', kbs: 'kettlebell', bb: 'barbell', bw: 'bodyweight',
    sl: 'single-leg', sa: 'single-arm'
};
/** Words that do not tell movements apart. */
const FILLER_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'with', 'of', 'to', 'on', 'in', 'for']);

/** The words of a name as the matcher compares them: stemmed, abbreviations spelt out, no fillers. */
function wordsOf(name: string): string[] {
    const words: string[] = [];
    for (const word of normaliseName(name).split('-')) {
        for (const part of (WORD_SYNONYMS[word] ?? word).split('-')) {
            const stemmed = stem(part);
            if (stemmed !== '' && !FILLER_WORDS.has(stemmed)) words.push(stemmed);
        }
    }
    return words;
}

/** Letter typos a word of this length may carry and still be the same word. */
function typosAllowed(word: string): number {
    return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/** The edit distance, with two swapped neighbours (`deadlfit`, `angle`/`angel`) as one typo. */
function typoDistance(a: string, b: string): number {
    const edits = distance(a, b);
    if (edits !== 2 || a.length !== b.length) return edits;
    let first = 0;
    while (a[first] === b[first]) first++;
    return a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2) ? 1 : edits;
}

/** Letters a key may hold: a-z (0-25), the hyphen (26) and 0-9 (27-36). */
const LETTERS = 37;
/** The bit of a letter mask that stands for all digits. */
const DIGITS_BIT = 27;

function countLetters(key: string, counts: Uint8Array, offset: number): void {
    for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        const letter = code >= 97 ? code - 97 : code >= 48 && code <= 57 ? code - 48 + DIGITS_BIT : 26;
        counts[offset + letter] = Math.min(255, counts[offset + letter] + 1);
    }
}

/** The letters that occur in a text, one bit each; all digits share DIGITS_BIT. */
function letterMask(text: string): number {
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        mask |= 1 << (code >= 97 ? code - 97 : code >= 48 && code <= 57 ? DIGITS_BIT : 26);
    }
    return mask;
}

function bitCount(bits: number): number {
    let v = bits - ((bits >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface SearchForm<T> {
    readonly key: string;
    /** The key without hyphens, so `pushups` meets `push-ups`. */
    readonly joined: string;
    readonly words: readonly string[];
    readonly value: T;
}

/**
 * Ranks names against a misspelt or reworded one. Words first: a name that has every typed word,
 * in any order and with abbreviations spelt out (`bench-press-incline`, `db-incline-press`),
 * ranks above any letter-by-letter near miss; fewer extra words and fewer typos rank higher.
 * Then the letter edit distance between lookup keys, and names sharing only some of the words.
 */
class NameRanker<T> {
    private readonly forms: SearchForm<T>[] = [];
    /** Every distinct word of the forms, with the forms that have it. */
    private readonly byWord = new Map<string, number[]>();
    /** The distinct words by length, for typo matching, */
    private readonly wordsByLength: string[][] = [];
    /** and their letters (letterMask): a cheap bound before a word's typos are counted. */
    private readonly wordMasksByLength: number[][] = [];
    /** The forms by the length of their key. */
    private readonly byLength: number[][] = [];
    /** How often each letter occurs in each form's key, LETTERS numbers per form. */
    private letterCounts = new Uint8Array(0);
    /** Which letters occur in each form's key, one bit per letter (a-z and the hyphen). */
    private readonly letterMasks: number[] = [];
    /** The forms by their key without hyphens. */
    private readonly byJoined = new Map<string, number[]>();
    /** The forms in the order of their keys, for prefixes; sorted on first use. */
    private sorted: number[] = [];

    add(label: string, value: T): void {
        const words = wordsOf(label);
        const key = lookupKey(label);
        const index = this.forms.push({ key, joined: key.replace(/-/g, ''), words, value }) - 1;
        (this.byLength[key.length] ??= []).push(index);
        const joined = this.forms[index].joined;
        const sameLetters = this.byJoined.get(joined);
        if (sameLetters) sameLetters.push(index);
        else this.byJoined.set(joined, [index]);
        if (this.letterCounts.length < (index + 1) * LETTERS) {
            const grown = new Uint8Array(Math.max(64, (index + 1) * 2) * LETTERS);
            grown.set(this.letterCounts);
            this.letterCounts = grown;
        }
        countLetters(key, this.letterCounts, index * LETTERS);
        this.letterMasks.push(letterMask(key));
        for (const word of new Set(words)) {
            const list = this.byWord.get(word);
            if (list) {
                list.push(index);
            } else {
                this.byWord.set(word, [index]);
                (this.wordsByLength[word.length] ??= []).push(word);
                (this.wordMasksByLength[word.length] ??= []).push(letterMask(word));
            }
        }
    }

    /** The forms whose key starts with `key` and is longer (3 letters typed at least). */
    private startingWith(key: string): number[] {
        if (key.length < 3) return [];
        if (this.sorted.length !== this.forms.length) {
            this.sorted = this.forms.map((_, index) => index).sort((a, b) => (this.forms[a].key < this.forms[b].key ? -1 : 1));
        }
        let low = 0;
        let high = this.sorted.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (this.forms[this.sorted[middle]].key < key) low = middle + 1;
            else high = middle;
        }
        const found: number[] = [];
        for (let at = low; at < this.sorted.length && this.forms[this.sorted[at]].key.startsWith(key); at++) {
            if (this.forms[this.sorted[at]].key.length > key.length) found.push(this.sorted[at]);
        }
        return found;
    }

    /** How far the letter counts of a form are from the typed ones (stops counting past `enough`). */
    private lettersApart(index: number, typed: Uint8Array, letters: number, enough: number): number {
        const offset = index * LETTERS;
        let apart = 0;
        for (let bits = letters; bits !== 0 && apart <= enough; bits &= bits - 1) {
            const bit = 31 - Math.clz32(bits & -bits);
            if (bit !== DIGITS_BIT) {
                apart += Math.abs(this.letterCounts[offset + bit] - typed[bit]);
            } else {
                // That bit stands for every digit.
                for (let digit = DIGITS_BIT; digit < LETTERS; digit++) apart += Math.abs(this.letterCounts[offset + digit] - typed[digit]);
            }
        }
        return apart;
    }

    /** Up to `count` values, best first, each once; `keep` may refuse a value. */
    rank(name: string, count: number, keep?: (value: T) => boolean): T[] {
        return this.scored(name, count, keep).map(match => match.value);
    }

    scored(name: string, count: number, keep?: (value: T) => boolean): Array<Match<T>> {
        const key = lookupKey(name);
        if (key === '' || count <= 0) return [];
        const typed = wordsOf(name);
        const joined = key.replace(/-/g, '');
        const limit = Math.max(2, Math.ceil(key.length * 0.4));
        // Per form: how many typed words it has, and their typos.
        const wordsFound = new Uint8Array(this.forms.length);
        const typosFound = new Uint8Array(this.forms.length);
        // The forms that share a word with the typed name, have the same letters, or start with it.
        const candidates: number[] = [];
        for (const word of typed) {
            const allowed = typosAllowed(word);
            const seen = new Map<number, number>();
            const letters = letterMask(word);
            const exact = this.byWord.get(word);
            if (exact) for (const index of exact) seen.set(index, 0);
            for (let length = word.length - allowed; allowed > 0 && length <= word.length + allowed; length++) {
                const candidates = this.wordsByLength[length] ?? [];
                const masks = this.wordMasksByLength[length] ?? [];
                for (let at = 0; at < candidates.length; at++) {
                    if (bitCount(masks[at] ^ letters) > 2 * allowed || candidates[at] === word) continue;
                    const typos = typoDistance(candidates[at], word);
                    if (typos > allowed) continue;
                    for (const index of this.byWord.get(candidates[at])!) seen.set(index, Math.min(seen.get(index) ?? Infinity, typos));
                }
            }
            for (const [index, typos] of seen) {
                if (wordsFound[index]++ === 0) candidates.push(index);
                typosFound[index] += typos;
            }
        }
        candidates.push(...(this.byJoined.get(joined) ?? []), ...this.startingWith(key));
        const best = new Map<T, { whole: boolean; score: number }>();
        const offer = (index: number, whole: boolean, score: number): void => {
            const value = this.forms[index].value;
            const previous = best.get(value);
            if (previous && (previous.whole > whole || (previous.whole === whole && previous.score <= score))) return;
            if (keep && !keep(value)) return;
            best.set(value, { whole, score });
        };
        // Words and prefixes first: they need no edit distance.
        for (const index of candidates) {
            const form = this.forms[index];
            const words = wordsFound[index];
            const wordScore = Math.max(0, form.words.length - words) * EXTRA_WORD_SCORE + typosFound[index];
            if (form.joined === joined || (typed.length > 0 && words === typed.length && typosFound[index] === 0)) {
                offer(index, true, form.joined === joined ? 0 : wordScore);
                continue;
            }
            // Every word, but some with a typo: ranked with the letter typos.
            let score = words === typed.length && typed.length > 0 ? wordScore : Infinity;
            if (key.length >= 3 && form.key.length > key.length && form.key.startsWith(key)) {
                // Among prefix matches, the shorter completion first.
                score = Math.min(score, PREFIX_SCORE + (form.key.length - key.length) / 1000);
            }
            if (words > 0 && words * 2 >= typed.length) {
                score = Math.min(score, (typed.length - words) * MISSING_WORD_SCORE + wordScore);
            }
            if (score <= limit) offer(index, false, score);
        }
        const typedCounts = new Uint8Array(LETTERS);
        countLetters(key, typedCounts, 0);
        const typedMask = letterMask(key);
        // Letter typos: the edit distance is at least the difference in length, so forms are
        // taken nearest length first, until `count` entries are better than any form left.
        for (let gap = 0; gap <= limit; gap++) {
            let decided = 0;
            for (const { whole, score } of best.values()) if (whole || score <= gap) decided++;
            if (decided >= count) break;
            for (const length of gap === 0 ? [key.length] : [key.length - gap, key.length + gap]) {
                for (const index of this.byLength[length] ?? []) {
                    // One edit changes the letter counts by at most 2: cheap bounds first.
                    if (bitCount(this.letterMasks[index] ^ typedMask) > 2 * limit) continue;
                    if (this.lettersApart(index, typedCounts, this.letterMasks[index] | typedMask, 2 * limit) > 2 * limit) continue;
                    const score = typoDistance(key, this.forms[index].key);
                    if (score <= limit) offer(index, false, score);
                }
            }
        }
        return [...best.entries()]
            .map(([value, { whole, score }]) => ({ value, whole, score }))
            .sort(byMatch)
            .slice(0, count);
    }
}

interface Match<T> {
    readonly value: T;
    /** Every typed word was found. */
    readonly whole: boolean;
    readonly score: number;
}

const byMatch = <T>(a: Match<T>, b: Match<T>): number => Number(b.whole) - Number(a.whole) || a.score - b.score;

/**
 * What the athlete reads for a name the coach wrote: the coach's own word when they wrote an
 * alias (`press-ups` reads "Press-ups", `farmers-carry` "Farmers Carry"), else the catalog's
 * name. A shorthand (`t2b`, `kb-swings`, `hspu`) reads as the catalog's name: the athlete may not
 * know it. docs/catalog.md, "Display names".
 */
export function displayNameFor(written: string, entry: CatalogEntry): string {
    const key = lookupKey(written);
    if (key === '' || key === lookupKey(entry.id) || key === lookupKey(entry.name)) return entry.name;
    const words = normaliseName(written).split('-');
    const shorthand = words.some(word => word in WORD_SYNONYMS || (/[0-9]/.test(word) && /[a-z]/.test(word)));
    if (shorthand || (words.length === 1 && words[0].length <= 4)) return entry.name;
    const typed = written.trim();
    if (/[ A-Z']/.test(typed)) {
        // Written with spaces or capitals (a quoted name): kept as written.
        return typed.charAt(0).toUpperCase() + typed.slice(1);
    }
    return words
        .map((word, i) => (i > 0 && FILLER_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
        .join(' ')
        .replace(/ (Ups?|Downs?|Overs?|Unders?)\b/g, (_, particle: string) => `-${particle.toLowerCase()}`);
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
    private readonly ranker = new NameRanker<CatalogEntry>();

    /** Builds a catalog over any entries (tests pass their own). Throws if two entries share a key. */
    constructor(entries: readonly CatalogEntry[]) {
        this.list = entries;
        for (const entry of entries) {
            for (const label of [entry.id, entry.name, ...entry.aliases]) {
                const key = lookupKey(label);
                const owner = this.byKey.get(key);
                if (owner === undefined) {
                    this.byKey.set(key, entry);
                    this.ranker.add(label, entry);
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

    /**
     * The entry a name refers to, by id, display name or alias, ignoring case, spacing and plurals.
     * An abbreviation of an implement is the implement (`db-lunges` is `dumbbell-lunges`); nothing
     * looser is accepted: a near miss is an unknown name, with suggestions.
     */
    find(name: string): CatalogEntry | undefined {
        const found = this.byKey.get(lookupKey(name));
        if (found !== undefined) return found;
        const words = normaliseName(name).split('-');
        if (!words.some(word => word in WORD_SYNONYMS)) return undefined;
        return this.byKey.get(lookupKey(words.map(word => WORD_SYNONYMS[word] ?? word).join('-')));
    }

    /**
     * Up to `count` entries whose names are closest to an unknown one, best first (NameRanker):
     * names with every typed word first, then letter typos and partial word matches. Names
     * further than about 40% of the typed length are left out, so nonsense gets no suggestion.
     * `exclude` leaves entries out, such as those the coach's own definitions shadow.
     */
    suggest(name: string, count = 3, exclude?: (entry: CatalogEntry) => boolean): CatalogEntry[] {
        return this.ranker.rank(name, count, exclude ? entry => !exclude(entry) : undefined);
    }

    /**
     * Names to offer for an unknown one: the coach's own exercise names (`defined`) and catalog
     * ids, ranked together, the coach's first on a tie. A catalog id the coach has defined is
     * theirs, so it is offered once, as theirs.
     */
    suggestNames(name: string, defined: readonly string[], count = 3): string[] {
        const own = new Map(defined.map(label => [lookupKey(label), label]));
        const ranker = new NameRanker<string>();
        for (const label of own.values()) ranker.add(label, label);
        const theirs = ranker.scored(name, count);
        const ours = this.ranker.scored(name, count, entry => !own.has(lookupKey(entry.id)))
            .map(match => ({ ...match, value: match.value.id }));
        // A stable sort: on a tie the coach's name, listed first, stays first.
        return [...theirs, ...ours].sort(byMatch).slice(0, count).map(match => match.value);
    }
}
