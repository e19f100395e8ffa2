/**
 * What each kind of block is, in one table: the words a coach writes for it, what it is called
 * on paper, how long it takes, how often its content is done, whether its work counts toward
 * volume, how the page shows it and what a watch runs for it. Every layer reads block kinds
 * from here; the type checker makes the table name every kind of the session model, so a new
 * kind cannot be half-added.
 *
 * To add a block kind: its name in `BlockKind` (session-model.ts), its entry here, its header
 * in the grammar (src/language/workout.langium), and, only if its header carries new numbers,
 * the compiler (src/language/compiler/compile-workout.ts). docs/architecture.md walks through it.
 */
import { formatSeconds } from './quantities.js';
import type { BlockKind, BlockModel } from './session-model.js';

/**
 * How the follow-along timer plays a kind of block (core/timeline.ts builds the steps):
 * - `as-many-rounds`: one countdown of the cap with the round's moves listed; the athlete taps
 *   to count each round done (AMRAP).
 * - `every-interval`: the whole content at the top of every interval, one step per interval
 *   (EMOM, `every 2min for 10min`); what is left of an interval is rest.
 * - `race-the-cap`: the content listed, a clock counting up to the cap; the athlete taps when
 *   done (for time).
 * - `repeat-rounds`: the content N times, with the block's rest between rounds.
 * - `alternate-sets`: set 1 of each entry, then set 2…, with the block's rest after each pass.
 * - `timed-intervals`: work and off periods of fixed length, cycling through the entries.
 * - `in-order`: each entry's sets in order, with its own rest after each set.
 */
export type PlayStyle = 'as-many-rounds' | 'every-interval' | 'race-the-cap' | 'repeat-rounds' | 'alternate-sets' | 'timed-intervals' | 'in-order';

/** Header values a keyword implies on its own (`emom` is every 60 s, `tabata` is 8 × 20 s / 10 s). */
export type BlockPreset = Partial<Pick<BlockModel, 'everySeconds' | 'rounds' | 'workSeconds' | 'offSeconds'>>;

/**
 * What a watch runs for a block, in a FIT workout (src/render/fit-steps.ts; the table is in
 * docs/fit.md). A watch knows steps that end after reps, a time, a distance or the lap key, and
 * repeats of steps (N times, or until a time is up): each kind says how its content becomes those.
 */
export interface WatchSpec {
    /**
     * `in-order`: its content once, step after step. `rounds`: its content repeated `rounds`
     * times, with the rest between rounds as a rest step. `superset`: its entries one set each in
     * turn, repeated for the sets, then the rest. `until-cap`: its content repeated until the cap
     * is up. `every-interval`: one timed step per interval, naming the work to start it with.
     * `on-off`: a timed work step and a timed rest step per interval, cycling through the entries.
     */
    readonly shape: 'in-order' | 'rounds' | 'superset' | 'until-cap' | 'every-interval' | 'on-off';
    /** The intensity the watch gives its steps, when they are not plain work. */
    readonly intensity?: 'warmup' | 'cooldown';
    /** Its heading goes in the notes of its first step, where the steps alone cannot say it ("For time (cap 15min)"). */
    readonly headingInNotes?: boolean;
}

export interface BlockKindSpec {
    /** The header words that open this kind of block, each with the values it implies. */
    readonly keywords: Readonly<Record<string, BlockPreset>>;
    /** Its short name, for diffs and lists: "AMRAP", "Warm-up". */
    readonly word: string;
    /** The card's title, from the block's header: "AMRAP 20min", "3 rounds, rest 1min between". */
    heading(block: BlockModel): string;
    /** What it asks of the athlete, in one sentence, when the name is jargon. */
    explain?(block: BlockModel): string;
    /** A shorter title for charts, when the heading is long ("3 rounds" for "3 rounds, rest 1min between"). */
    chartLabel?(block: BlockModel): string;
    /** A word above the card's title, when the title does not already say what the block is. */
    readonly kicker?: string;
    /** Estimated time of the block, given the estimated work of one pass through its content. */
    estimateSeconds(block: BlockModel, workSeconds: number): number;
    /** How many times one pass of the content is done (rounds, minutes of an EMOM…), for volume. */
    passes(block: BlockModel, workSeconds: number): number;
    /** Whether its work counts toward the sets per muscle group (warm-up and cool-down do not). */
    readonly countsVolume: boolean;
    /** Its entries are done back to back as one set (a barbell complex): one set per pass for volume. */
    readonly oneSet?: boolean;
    /** Drawn set apart and quieter: preparation and recovery rather than training. */
    readonly calm: boolean;
    /** What the athlete fills in on paper. */
    readonly writeIn?: 'rounds-done' | 'time' | 'round-ticks';
    /** The time the timed work must fit in: the whole cap, or each interval. */
    readonly window?: 'cap' | 'every';
    /** A cap the header must give, with an example header to suggest. */
    readonly capRequired?: string;
    /** A cap written as a bare number counts minutes (`AMRAP 20`, `EMOM 10`), as the field writes it. */
    readonly bareCapIsMinutes?: boolean;
    /** Draws the work/rest timeline of its intervals. */
    readonly timeline?: boolean;
    /** How the follow-along timer plays it (see PlayStyle). */
    readonly play: PlayStyle;
    /** What a watch runs for it. */
    readonly watch: WatchSpec;
}

const cap = (block: BlockModel): string => (block.capSeconds ? ` ${formatSeconds(block.capSeconds)}` : '');
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const restBetween = (block: BlockModel): string => (block.restSeconds ? `, rest ${formatSeconds(block.restSeconds)} between` : '');
/** A count of rounds (or sets) done with rest between them. */
const repeated = (block: BlockModel, work: number): number => {
    const rounds = block.rounds ?? 1;
    return rounds * work + Math.max(0, rounds - 1) * (block.restSeconds ?? 0);
};
/** `for-time 21-15-9`: the rounds are the scheme's steps. */
const forTimeHeading = (block: BlockModel): string => {
    const what = block.repScheme?.length ? `For time: ${block.repScheme.join('-')}`
        : block.rounds && block.rounds > 1 ? `${plural(block.rounds, 'round')} for time` : 'For time';
    return block.capSeconds ? `${what} (cap${cap(block)})` : what;
};
const once = (): number => 1;
const theWork = (_block: BlockModel, work: number): number => work;
const capOrWork = (block: BlockModel, work: number): number => block.capSeconds ?? work;

export const BLOCK_KINDS: { readonly [Kind in BlockKind]: BlockKindSpec } = {
    amrap: {
        keywords: { amrap: {} },
        word: 'AMRAP',
        heading: block => `AMRAP${cap(block)}`,
        explain: block => `As many rounds as possible in ${formatSeconds(block.capSeconds ?? 0)}.`,
        estimateSeconds: capOrWork,
        passes: (block, work) => (block.capSeconds && work > 0 ? Math.max(1, Math.floor(block.capSeconds / work)) : 1),
        countsVolume: true,
        calm: false,
        writeIn: 'rounds-done',
        window: 'cap',
        capRequired: 'amrap 20min',
        bareCapIsMinutes: true,
        play: 'as-many-rounds',
        watch: { shape: 'until-cap' }
    },
    emom: {
        keywords: { emom: { everySeconds: 60 }, every: {} },
        word: 'EMOM',
        heading: block => (block.everySeconds && block.everySeconds !== 60 ? `Every ${formatSeconds(block.everySeconds)} for${cap(block)}` : `EMOM${cap(block)}`),
        explain: block => `Start the work at the top of every ${formatSeconds(block.everySeconds ?? 60)}; rest for what is left of it.`,
        estimateSeconds: capOrWork,
        passes: block => (block.capSeconds && block.everySeconds ? Math.max(1, Math.floor(block.capSeconds / block.everySeconds)) : 1),
        countsVolume: true,
        calm: false,
        window: 'every',
        capRequired: 'emom 10min',
        bareCapIsMinutes: true,
        play: 'every-interval',
        watch: { shape: 'every-interval' }
    },
    'for-time': {
        keywords: { 'for-time': {} },
        word: 'For time',
        heading: forTimeHeading,
        explain: block => (block.repScheme?.length
            ? `Finish the work as fast as you can: ${block.repScheme.join(', then ')} reps of each exercise written without an amount.`
            : 'Finish the work as fast as you can.'),
        chartLabel: () => 'For time',
        estimateSeconds: (block, work) => block.capSeconds ?? repeated(block, work),
        passes: block => block.rounds ?? 1,
        countsVolume: true,
        calm: false,
        writeIn: 'time',
        window: 'cap',
        play: 'race-the-cap',
        // `3 rounds for-time` and `for-time 21-15-9` repeat their content; a plain for-time runs it once.
        watch: { shape: 'rounds', headingInNotes: true }
    },
    rounds: {
        keywords: { rounds: {}, round: {}, sets: {}, set: {} },
        word: 'Rounds',
        heading: block => `${plural(block.rounds ?? 1, 'round')}${restBetween(block)}`,
        chartLabel: block => `${block.rounds ?? 0} rounds`,
        kicker: 'Circuit',
        estimateSeconds: repeated,
        passes: block => block.rounds ?? 1,
        countsVolume: true,
        calm: false,
        writeIn: 'round-ticks',
        play: 'repeat-rounds',
        watch: { shape: 'rounds' }
    },
    superset: {
        keywords: { superset: {} },
        word: 'Superset',
        heading: block => `Superset${block.restSeconds ? `, rest ${formatSeconds(block.restSeconds)}` : ''}`,
        explain: () => 'Alternate the exercises set by set.',
        chartLabel: () => 'Superset',
        estimateSeconds: (block, work) => work + (block.restSeconds ?? 0),
        passes: once,
        countsVolume: true,
        calm: false,
        play: 'alternate-sets',
        watch: { shape: 'superset' }
    },
    complex: {
        keywords: { complex: {} },
        word: 'Complex',
        heading: block => (block.rounds && block.rounds > 1 ? `Complex, ${plural(block.rounds, 'set')}${restBetween(block)}` : `Complex${restBetween(block)}`),
        explain: () => 'Do the moves back to back without putting the weight down: together they are one set.',
        chartLabel: () => 'Complex',
        estimateSeconds: repeated,
        passes: block => block.rounds ?? 1,
        countsVolume: true,
        oneSet: true,
        calm: false,
        writeIn: 'round-ticks',
        play: 'repeat-rounds',
        watch: { shape: 'rounds', headingInNotes: true }
    },
    intervals: {
        keywords: { intervals: {}, tabata: { rounds: 8, workSeconds: 20, offSeconds: 10 } },
        word: 'Intervals',
        heading: block => `${block.rounds} × ${formatSeconds(block.workSeconds ?? 0)} on / ${formatSeconds(block.offSeconds ?? 0)} off`,
        kicker: 'Intervals',
        estimateSeconds: block => (block.rounds ?? 0) * ((block.workSeconds ?? 0) + (block.offSeconds ?? 0)),
        // Intervals cycle through their entries: 8 intervals of 2 exercises are 4 sets each.
        passes: block => Math.max(1, (block.rounds ?? 0) / Math.max(1, block.entries.length)),
        countsVolume: true,
        calm: false,
        timeline: true,
        play: 'timed-intervals',
        watch: { shape: 'on-off' }
    },
    warmup: {
        keywords: { warmup: {}, 'warm-up': {} },
        word: 'Warm-up',
        heading: () => 'Warm-up',
        estimateSeconds: theWork,
        passes: once,
        countsVolume: false,
        calm: true,
        play: 'in-order',
        watch: { shape: 'in-order', intensity: 'warmup' }
    },
    cooldown: {
        keywords: { cooldown: {}, 'cool-down': {} },
        word: 'Cool-down',
        heading: () => 'Cool-down',
        estimateSeconds: theWork,
        passes: once,
        countsVolume: false,
        calm: true,
        play: 'in-order',
        watch: { shape: 'in-order', intensity: 'cooldown' }
    },
    repeat: {
        keywords: { repeat: {} },
        word: 'Repeat',
        heading: block => `Repeat ${plural(block.rounds ?? 1, 'time')}${restBetween(block)}`,
        chartLabel: block => `Repeat ${block.rounds ?? 1}×`,
        kicker: 'Repeats',
        estimateSeconds: repeated,
        passes: block => block.rounds ?? 1,
        countsVolume: true,
        calm: false,
        writeIn: 'round-ticks',
        play: 'repeat-rounds',
        watch: { shape: 'rounds' }
    },
    'repeat-until': {
        // `repeat until 20min`: the compiler gives this kind to `repeat` with `until`.
        keywords: {},
        word: 'Repeat until',
        heading: block => `Repeat until${cap(block)}`,
        explain: block => `Repeat the steps in order until ${formatSeconds(block.capSeconds ?? 0)} are up.`,
        chartLabel: () => 'Repeat until',
        kicker: 'Repeats',
        estimateSeconds: capOrWork,
        passes: (block, work) => (block.capSeconds && work > 0 ? Math.max(1, block.capSeconds / work) : 1),
        countsVolume: true,
        calm: false,
        window: 'cap',
        play: 'as-many-rounds',
        watch: { shape: 'until-cap' }
    },
    section: {
        keywords: { section: {} },
        word: 'Exercises',
        heading: block => block.title || 'Exercises',
        kicker: 'Section',
        estimateSeconds: theWork,
        passes: once,
        countsVolume: true,
        calm: false,
        play: 'in-order',
        watch: { shape: 'in-order' }
    }
};

const KIND_OF_KEYWORD: ReadonlyMap<string, BlockKind> = new Map(
    (Object.entries(BLOCK_KINDS) as Array<[BlockKind, BlockKindSpec]>)
        .flatMap(([kind, spec]) => Object.keys(spec.keywords).map(keyword => [keyword, kind] as const))
);

/** The kind a header keyword opens (`every` → `emom`, `tabata` → `intervals`); undefined for other words. */
export function blockKindOf(keyword: string): BlockKind | undefined {
    return KIND_OF_KEYWORD.get(keyword.toLowerCase());
}

/** The values a header keyword implies on its own. */
export function presetOf(keyword: string): BlockPreset {
    const kind = blockKindOf(keyword);
    return kind ? BLOCK_KINDS[kind].keywords[keyword.toLowerCase()] : {};
}

/**
 * The spec of a block's kind. A model read back from JSON (saved by another version) may name a
 * kind this version does not know: it is drawn and counted as a plain section.
 */
export function specOf(block: Pick<BlockModel, 'kind'>): BlockKindSpec {
    return Object.hasOwn(BLOCK_KINDS, block.kind) ? BLOCK_KINDS[block.kind] : BLOCK_KINDS.section;
}

/** The block's kind if this version knows it, else `section` (see specOf). */
export function knownKind(block: Pick<BlockModel, 'kind'>): BlockKind {
    return Object.hasOwn(BLOCK_KINDS, block.kind) ? block.kind : 'section';
}
