/**
 * A workout as the follow-along timer plays it: an ordered list of steps, each work, rest or a
 * transition (get ready, switch sides), timed (it ends by itself) or open (reps: it ends when
 * the athlete taps "done"), with where it sits ("Round 2 of 3", "Minute 4 of 10").
 *
 * How each kind of block plays is the `play` field of its entry in block-kinds.ts; this file
 * turns that into steps. Plain data and pure functions: the page embeds the steps as JSON
 * (src/render/html-timer.ts) and the timer script plays them (src/webview/timer.ts). Any other
 * player of a workout (a watch file's step list, say) can start from the same steps.
 *
 * Labels are plain text in the coach's words (src/core/describe.ts); a renderer escapes them
 * for its format, and the timer only ever puts them in the page as text.
 */
import { specOf, type PlayStyle } from './block-kinds.js';
import { describeAmount, describeBlock, describeEntry, describeLoad, describeSide } from './describe.js';
import { formatSeconds } from './quantities.js';
import type { BlockModel, EntryModel, ItemModel, WorkoutModel } from './session-model.js';

export type StepKind = 'work' | 'rest' | 'transition';

/** Which side a step works: the first and second of a `per side` entry, or the one side written. */
export type StepSide = 'first' | 'second' | 'left' | 'right';

/**
 * What the timer adds to a step beyond its clock: count rounds on tap (AMRAP), race a cap and
 * tap when done (for time), call the interval (EMOM), an interval of work (intervals).
 */
export type StepPlay = 'amrap' | 'for-time' | 'emom' | 'interval';

export interface TimelineStep {
    kind: StepKind;
    /** What to do, in the coach's words: "Burpees", "Rest", "Switch sides", "AMRAP 20min". */
    label: string;
    /** One set's amount: "10", "8–10", "30s", "400m", "max". */
    amount?: string;
    /** Load and the like: "@ 12 kg". */
    details?: string[];
    note?: string;
    /** Seconds the step lasts: it ends by itself. Absent: open until the athlete taps "done". */
    durationSeconds?: number;
    /** What the big clock shows: the time left (`down`) or the time spent (`up`). */
    clock: 'down' | 'up';
    /** Where the step sits, outermost first: ["Hips", "Set 1 of 2"], ["EMOM 10min", "Minute 3 of 10"]. */
    context: string[];
    side?: StepSide;
    play?: StepPlay;
    /** The whole content, one line per move, for a step that plays a block at once (AMRAP, for time, EMOM). */
    moves?: string[];
    /** The source line, 1-based. */
    line: number;
}

export interface WorkoutTimeline {
    steps: TimelineStep[];
    /** The workout has more steps than a timer plays (MAX_STEPS): the rest is left out. */
    truncated?: boolean;
}

/** Enough for any real session (a 60-minute EMOM of four moves is 60 steps); a runaway file stops here. */
export const MAX_STEPS = 2000;
/** The pause before a clocked block (and the first step) starts on its own. */
export const GET_READY_SECONDS = 10;
/** The pause between the two sides of a `per side` entry. */
export const SWITCH_SECONDS = 5;

/**
 * The page's hooks between the renderer and the timer script: the class of the JSON data block
 * with a workout's steps and the attribute of its Play button. Both sides import them from here.
 */
export const TIMER_HOOKS = { data: 'workout-timeline', play: 'data-timer-play' } as const;

/** Blocks whose clock runs on its own once started: the athlete gets a moment to get ready. */
const CLOCKED: ReadonlySet<PlayStyle> = new Set(['as-many-rounds', 'every-interval', 'race-the-cap', 'timed-intervals']);

/** A count or a length from the model: a finite number from 0 up, else 0. */
function amountOf(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** A count of repetitions: a whole number from 0 up. */
function countOf(value: unknown): number {
    return Math.floor(amountOf(value));
}

const SIDE_LABELS: Record<StepSide, string> = { first: 'First side', second: 'Second side', left: 'Left side', right: 'Right side' };

/** "First side", "Left side": the words for a step's side. */
export function describeStepSide(side: StepSide): string {
    return SIDE_LABELS[side];
}

/** Collects steps up to MAX_STEPS; every loop stops as soon as it is full. */
class Steps {
    readonly list: TimelineStep[] = [];
    truncated = false;

    get full(): boolean {
        return this.truncated;
    }

    push(step: TimelineStep): void {
        if (this.list.length >= MAX_STEPS) {
            this.truncated = true;
            return;
        }
        this.list.push(step);
    }

    get last(): TimelineStep | undefined {
        return this.list[this.list.length - 1];
    }

    rest(seconds: number, context: string[], line: number, label = 'Rest'): void {
        if (seconds >= 1) {
            this.push({ kind: 'rest', label, durationSeconds: seconds, clock: 'down', context, line });
        }
    }

    /** A moment to get into position before a clock that runs on its own, unless one just passed. */
    getReady(context: string[], line: number): void {
        const last = this.last;
        if (!last || last.kind === 'work') {
            this.push({ kind: 'transition', label: 'Get ready', durationSeconds: GET_READY_SECONDS, clock: 'down', context, line });
        }
    }
}

/**
 * Where a block's steps sit: its heading, except for a section without a title and for rounds,
 * whose "Round 2 of 3" says it all.
 */
function headingContext(block: BlockModel, context: string[]): string[] {
    const play = specOf(block).play;
    const silent = (play === 'in-order' && block.kind === 'section' && !block.title) || (play === 'repeat-rounds' && countOf(block.rounds) > 1);
    return silent ? context : [...context, describeBlock(block)];
}

function entryName(entry: EntryModel): string {
    return entry.name || entry.exercise || 'Exercise';
}

/**
 * What one step of the entry shows: its name, one set's amount, its load and note; with
 * `sideWords`, "per side" too (where the step does not play the sides one by one).
 */
function entryFace(entry: EntryModel, sideWords = false): Pick<TimelineStep, 'label' | 'amount' | 'details' | 'note'> {
    const amount = describeAmount({ ...entry, sets: 1 });
    const details = [
        ...(sideWords && entry.side !== 'both' ? [describeSide(entry)] : []),
        ...(entry.load ? [`@ ${describeLoad(entry.load)}`] : [])
    ];
    return {
        label: entryName(entry),
        ...(amount ? { amount } : {}),
        ...(details.length > 0 ? { details } : {}),
        ...(entry.note ? { note: entry.note } : {})
    };
}

/** One set of an entry: both sides, with a switch between them, for `per side`. */
function entrySet(steps: Steps, entry: EntryModel, context: string[]): void {
    const seconds = entry.seconds ? amountOf(entry.seconds.min) : 0;
    const timing: Pick<TimelineStep, 'durationSeconds' | 'clock'> = seconds >= 1 ? { durationSeconds: seconds, clock: 'down' } : { clock: 'up' };
    const face = entryFace(entry);
    const sides: Array<StepSide | undefined> = entry.side === 'each' ? ['first', 'second']
        : entry.side === 'left' || entry.side === 'right' ? [entry.side] : [undefined];
    sides.forEach((side, index) => {
        if (index > 0) {
            steps.push({ kind: 'transition', label: 'Switch sides', durationSeconds: SWITCH_SECONDS, clock: 'down', context, side, line: entry.line });
        }
        steps.push({ kind: 'work', ...face, ...timing, context, ...(side ? { side } : {}), line: entry.line });
    });
}

function setContext(context: string[], set: number, sets: number): string[] {
    return sets > 1 ? [...context, `Set ${set} of ${sets}`] : context;
}

/** An entry's sets in order, each followed by its own rest. */
function entrySteps(steps: Steps, entry: EntryModel, context: string[]): void {
    const sets = Math.max(1, countOf(entry.sets));
    for (let set = 1; set <= sets && !steps.full; set++) {
        const here = setContext(context, set, sets);
        entrySet(steps, entry, here);
        steps.rest(amountOf(entry.restSeconds), here, entry.line);
    }
}

function itemSteps(steps: Steps, item: ItemModel, context: string[]): void {
    switch (item.type) {
        case 'entry':
            entrySteps(steps, item, context);
            break;
        case 'rest':
            steps.rest(amountOf(item.seconds), context, item.line);
            break;
        default:
            blockSteps(steps, item, context);
    }
}

/** The content as lines of text, nested blocks indented under their heading: an AMRAP's round. */
export function movesOf(items: readonly ItemModel[], indent = ''): string[] {
    return items.flatMap(item => {
        switch (item.type) {
            case 'entry':
                return [indent + describeEntry(item)];
            case 'rest':
                return [`${indent}Rest ${formatSeconds(amountOf(item.seconds))}`];
            default:
                return [indent + describeBlock(item), ...movesOf(item.entries, `${indent}  `)];
        }
    });
}

/** A block played as one step: an AMRAP (count rounds) or a for-time (race the cap). */
function wholeBlockStep(block: BlockModel, context: string[], play: 'amrap' | 'for-time'): TimelineStep {
    const cap = amountOf(block.capSeconds);
    return {
        kind: 'work',
        label: describeBlock(block),
        ...(cap >= 1 ? { durationSeconds: cap } : {}),
        clock: play === 'amrap' && cap >= 1 ? 'down' : 'up',
        context,
        play,
        moves: movesOf(block.entries),
        line: block.line
    };
}

/** One interval of an EMOM: the whole content, its moves listed; a single entry shows as itself. */
function emomSteps(steps: Steps, block: BlockModel, context: string[]): void {
    const every = amountOf(block.everySeconds) || 60;
    const cap = amountOf(block.capSeconds);
    const count = cap >= every ? Math.floor(cap / every) : 1;
    const only = block.entries.length === 1 && block.entries[0].type === 'entry' ? block.entries[0] : undefined;
    const face = only ? entryFace(only, true) : { label: 'Work' };
    const unit = every === 60 ? 'Minute' : 'Interval';
    for (let index = 1; index <= count && !steps.full; index++) {
        steps.push({
            kind: 'work', ...face, durationSeconds: every, clock: 'down',
            context: [...context, `${unit} ${index} of ${count}`], play: 'emom',
            moves: movesOf(block.entries), line: block.line
        });
    }
}

/** Work and off periods of fixed length, cycling through the block's items. */
function intervalSteps(steps: Steps, block: BlockModel, context: string[]): void {
    const count = countOf(block.rounds);
    const work = amountOf(block.workSeconds);
    const off = amountOf(block.offSeconds);
    const items = block.entries;
    for (let index = 0; index < count && !steps.full; index++) {
        const here = [...context, `Interval ${index + 1} of ${count}`];
        const item = items.length > 0 ? items[index % items.length] : undefined;
        if (item?.type === 'rest') {
            steps.rest(work, here, item.line);
        } else if (work >= 1) {
            const face = item?.type === 'entry' ? entryFace(item, true)
                : item ? { label: describeBlock(item), moves: movesOf(item.entries) } : { label: 'Work' };
            steps.push({ kind: 'work', ...face, durationSeconds: work, clock: 'down', context: here, play: 'interval', line: item?.line ?? block.line });
        }
        steps.rest(off, here, block.line);
    }
}

/** The content N times, the block's rest between rounds. */
function roundSteps(steps: Steps, block: BlockModel, context: string[]): void {
    const rounds = Math.max(1, countOf(block.rounds));
    for (let round = 1; round <= rounds && !steps.full; round++) {
        const here = rounds > 1 ? [...context, `Round ${round} of ${rounds}`] : context;
        block.entries.forEach(item => itemSteps(steps, item, here));
        if (round < rounds) {
            steps.rest(amountOf(block.restSeconds), here, block.line, 'Rest between rounds');
        }
    }
}

/** Set 1 of each entry, then set 2…; the block's rest after each pass. Nested blocks play once, in the first pass. */
function supersetSteps(steps: Steps, block: BlockModel, context: string[]): void {
    const passes = Math.max(1, ...block.entries.map(item => (item.type === 'entry' ? countOf(item.sets) : 1)));
    for (let pass = 1; pass <= passes && !steps.full; pass++) {
        for (const item of block.entries) {
            if (item.type === 'entry') {
                const sets = Math.max(1, countOf(item.sets));
                if (pass <= sets) {
                    const here = setContext(context, pass, sets);
                    entrySet(steps, item, here);
                    steps.rest(amountOf(item.restSeconds), here, item.line);
                }
            } else if (item.type === 'rest' || pass === 1) {
                itemSteps(steps, item, context);
            }
        }
        steps.rest(amountOf(block.restSeconds), setContext(context, pass, passes), block.line);
    }
}

function blockSteps(steps: Steps, block: BlockModel, outer: string[]): void {
    if (block.entries.length === 0 && specOf(block).play !== 'timed-intervals') {
        return;
    }
    const play = specOf(block).play;
    // A block played as one step has its heading for a label already.
    const context = play === 'as-many-rounds' || play === 'race-the-cap' ? outer : headingContext(block, outer);
    if (CLOCKED.has(play)) {
        steps.getReady(context, block.line);
    }
    switch (play) {
        case 'as-many-rounds':
            steps.push(wholeBlockStep(block, context, 'amrap'));
            break;
        case 'race-the-cap':
            steps.push(wholeBlockStep(block, context, 'for-time'));
            break;
        case 'every-interval':
            emomSteps(steps, block, context);
            break;
        case 'timed-intervals':
            intervalSteps(steps, block, context);
            break;
        case 'repeat-rounds':
            roundSteps(steps, block, context);
            break;
        case 'alternate-sets':
            supersetSteps(steps, block, context);
            break;
        case 'in-order':
            block.entries.forEach(item => itemSteps(steps, item, context));
            break;
    }
}

/**
 * The steps of a workout, in the order the athlete does them. It opens with "Get ready"; rest
 * and transitions left at the very end (nothing follows them) are dropped.
 */
export function workoutTimeline(workout: Pick<WorkoutModel, 'blocks' | 'line'>): WorkoutTimeline {
    const steps = new Steps();
    steps.getReady([], workout.line);
    for (const block of workout.blocks ?? []) {
        if (steps.full) {
            break;
        }
        blockSteps(steps, block, []);
    }
    const list = steps.list;
    while (list.length > 0 && list[list.length - 1].kind !== 'work') {
        list.pop();
    }
    return steps.truncated ? { steps: list, truncated: true } : { steps: list };
}

// ---- reading steps back ------------------------------------------------------------------------

/** Longer than any label or note a coach writes; a longer one is cut (the page shows it in full). */
const MAX_TEXT = 500;
const KINDS: ReadonlySet<string> = new Set(['work', 'rest', 'transition']);
const SIDES: ReadonlySet<string> = new Set(Object.keys(SIDE_LABELS));
const PLAYS: ReadonlySet<string> = new Set(['amrap', 'for-time', 'emom', 'interval']);

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
    return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
}

function textsOf(value: unknown): string[] | undefined {
    return Array.isArray(value) ? value.filter(item => typeof item === 'string').slice(0, MAX_STEPS).map(item => item.slice(0, MAX_TEXT)) : undefined;
}

function stepOf(value: unknown): TimelineStep | undefined {
    if (!isRecord(value) || typeof value.kind !== 'string' || !KINDS.has(value.kind)) {
        return undefined;
    }
    const label = textOf(value.label);
    if (label === undefined) {
        return undefined;
    }
    const duration = value.durationSeconds;
    const step: TimelineStep = {
        kind: value.kind as StepKind,
        label,
        clock: value.clock === 'up' ? 'up' : 'down',
        context: textsOf(value.context) ?? [],
        line: countOf(value.line)
    };
    if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 1) {
        step.durationSeconds = duration;
    } else {
        step.clock = 'up';
    }
    const amount = textOf(value.amount);
    const note = textOf(value.note);
    const details = textsOf(value.details);
    const moves = textsOf(value.moves);
    if (amount !== undefined) {
        step.amount = amount;
    }
    if (note !== undefined) {
        step.note = note;
    }
    if (details) {
        step.details = details;
    }
    if (moves) {
        step.moves = moves;
    }
    if (typeof value.side === 'string' && SIDES.has(value.side)) {
        step.side = value.side as StepSide;
    }
    if (typeof value.play === 'string' && PLAYS.has(value.play)) {
        step.play = value.play as StepPlay;
    }
    return step;
}

/**
 * The well-formed steps of a timeline read back from a page: a step that is not one is left
 * out, texts are cut to a sane length, and anything but known words and finite numbers is
 * dropped, so a page edited by hand cannot make the timer misbehave.
 */
export function timelineOf(value: unknown): WorkoutTimeline | undefined {
    if (!isRecord(value) || !Array.isArray(value.steps)) {
        return undefined;
    }
    const steps = value.steps.slice(0, MAX_STEPS).map(stepOf).filter((step): step is TimelineStep => step !== undefined);
    return value.truncated === true ? { steps, truncated: true } : { steps };
}
