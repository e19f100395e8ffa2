/**
 * The model as the renderers may trust it. A session reaches a renderer from the compiler, from
 * the language server's notification, or from JSON saved by another version; whatever it holds,
 * every renderer first passes it through `saneSession` and then only draws plain data:
 *
 * - every number finite, not negative, at most `MAX_MODEL_NUMBER`, to three decimals (no
 *   `NaN`, `Infinity`, `-0` or `1e+300` can reach a reader);
 * - every text a string, every list an array, every field the words of src/core/describe.ts
 *   read (`rounds`, `sets`, a load's value and unit) present, so no `undefined` or `null` is
 *   printed either;
 * - blocks nested at most `MAX_DEPTH` deep: anything deeper is lifted into the block at that
 *   depth (an iterative walk, so even a model nested a million deep neither overflows the stack
 *   nor loses an entry).
 *
 * The renderers then bound what they draw for a number (timelines, tick boxes, charts) with the
 * limits below, so the size of a page follows the number of items in the model, never the
 * values in it. Pure functions of plain data, like the rest of src/render.
 */
import { knownKind } from '../core/block-kinds.js';
import { describeBlock } from '../core/describe.js';
import type {
    AthleteModel,
    BlockKind, BlockModel, EntryModel, ItemModel, Load, MinMax, PlanDayModel, PlanItemModel, PlanModel, PlanWeekModel,
    RestModel, SessionModel, Side, WorkoutModel
} from '../core/session-model.js';

/** Beyond 2^53 integers stop being exact; no count or time shown to a reader goes past it. */
export const MAX_MODEL_NUMBER = Number.MAX_SAFE_INTEGER;
/** Deepest nesting of blocks a page draws; the language itself rarely goes past three. */
export const MAX_DEPTH = 24;

/** What a picture draws at most, whatever the model's numbers and however many items it has. */
export const DRAW_LIMITS = {
    /** Work/rest pairs in an interval timeline; more are drawn as a summarised strip. */
    timelineIntervals: 40,
    /** Rows of a horizontal bar chart; the rest are summed into one "N more" row. */
    barRows: 16,
    /** Blocks in a workout's time strip; the rest share one last segment. */
    stripBlocks: 40,
    /** Weeks in the strength-minutes chart. */
    weekBars: 52,
    /** Weeks named in a "grows too fast in W3, W5…" note. */
    weeksNamed: 12,
    /** Athlete profiles drawn from one file; a roster longer than this says how many are left out. */
    athletes: 50,
    /**
     * Lines of a calendar event's description, and sessions named before and after it: every
     * event of a plan repeats its workout, so a workout of thousands of entries used daily made
     * a calendar of gigabytes.
     */
    eventLines: 80,
    eventNeighbours: 6
} as const;

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
    return typeof value === 'object' && value !== null;
}

/** A number a reader may see: finite, in [0, MAX_MODEL_NUMBER], three decimals at most. */
export function saneCount(value: unknown, fallback = 0): number {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(number)) {
        return fallback;
    }
    const clamped = Math.min(Math.max(number, 0), MAX_MODEL_NUMBER);
    const rounded = Number.isInteger(clamped) ? clamped : Math.round(clamped * 1000) / 1000;
    // `+ 0` turns -0 into 0: `String(-0)` is "0" but `(-0).toLocaleString()` is "-0".
    return rounded + 0;
}

function optionalCount(value: unknown): number | undefined {
    return value === undefined || value === null ? undefined : saneCount(value);
}

/** A whole number (sets, rounds, week numbers). */
export function saneWhole(value: unknown, fallback = 0): number {
    return Math.trunc(saneCount(value, fallback));
}

/** A count written for people: `10,000,000`. */
export function groupDigits(value: number): string {
    return saneCount(value).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/**
 * A block's heading with its long counts grouped ("10,000,000 × 20s on / 10s off"). A section's
 * heading is its title, the coach's own text, and stays as written.
 */
export function headingOf(block: BlockModel): string {
    const words = describeBlock(block);
    return knownKind(block) === 'section' ? words : words.replace(/\d{5,}/g, digits => groupDigits(Number(digits)));
}

export function saneText(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function optionalText(value: unknown): string | undefined {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

function listOf(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

function saneRange(value: unknown): MinMax | undefined {
    if (!isObject(value)) {
        return undefined;
    }
    const min = saneCount(value.min);
    const max = value.max === undefined || value.max === null ? min : saneCount(value.max);
    return { min, max };
}

const SIDES: readonly Side[] = ['both', 'each', 'left', 'right'];
/**
 * Fields this file does not check (the model grows: tempo, schemes, run targets…) are kept as
 * the compiler wrote them; the compiler bounds every number it writes (src/core/quantities.ts).
 */
function unchecked(value: Loose): Loose {
    return { ...value };
}

function saneLoad(value: unknown): Load | undefined {
    if (!isObject(value)) {
        return undefined;
    }
    const kind = (saneText(value.kind) || 'weight') as Load['kind'];
    const load: Load = kind === 'bodyweight'
        ? { ...unchecked(value), kind, value: null, unit: null }
        : {
            ...unchecked(value),
            kind,
            value: saneCount(value.value),
            unit: kind === 'weight' ? (value.unit === 'lb' ? 'lb' : 'kg') : (typeof value.unit === 'string' ? value.unit as Load['unit'] : null)
        };
    if (value.optional === true) {
        load.optional = true;
    }
    return load;
}

/** Any object as an entry (the model's own, or one read back from JSON). */
export function saneEntry(model: object): EntryModel {
    const value = model as Loose;
    const exercise = saneText(value.exercise);
    const entry: EntryModel = {
        ...unchecked(value),
        type: 'entry',
        exercise,
        name: saneText(value.name) || exercise,
        known: value.known !== false,
        sets: Math.max(1, saneWhole(value.sets, 1)),
        side: SIDES.includes(value.side as Side) ? value.side as Side : 'both',
        line: saneWhole(value.line),
        estimatedSeconds: saneCount(value.estimatedSeconds)
    };
    // The checked fields are dropped when they are not what they should be.
    delete entry.maxEffort;
    if (value.maxEffort === true) {
        entry.maxEffort = true;
    }
    for (const key of ['reps', 'seconds', 'meters'] as const) {
        delete entry[key];
        const range = saneRange(value[key]);
        if (range) {
            entry[key] = range;
        }
    }
    delete entry.load;
    const load = saneLoad(value.load);
    if (load) {
        entry.load = load;
    }
    delete entry.restSeconds;
    const rest = optionalCount(value.restSeconds);
    if (rest !== undefined) {
        entry.restSeconds = rest;
    }
    delete entry.note;
    const note = optionalText(value.note);
    if (note !== undefined) {
        entry.note = note;
    }
    return entry;
}

function saneRest(value: Loose): RestModel {
    const seconds = saneCount(value.seconds);
    return { ...unchecked(value), type: 'rest', seconds, line: saneWhole(value.line), estimatedSeconds: saneCount(value.estimatedSeconds, seconds) };
}

const BLOCK_NUMBERS = ['capSeconds', 'everySeconds', 'restSeconds', 'workSeconds', 'offSeconds'] as const;

/** The block's own fields, without its entries. */
function blockHead(value: Loose): BlockModel {
    const block: BlockModel = {
        ...unchecked(value),
        type: 'block',
        // An unknown kind stays as written: specOf draws it as a section (src/core/block-kinds.ts).
        kind: (saneText(value.kind) || 'section') as BlockKind,
        entries: [],
        line: saneWhole(value.line),
        estimatedSeconds: saneCount(value.estimatedSeconds)
    };
    for (const key of BLOCK_NUMBERS) {
        delete block[key];
        const number = optionalCount(value[key]);
        if (number !== undefined) {
            block[key] = number;
        }
    }
    delete block.rounds;
    delete block.title;
    // The headings print `rounds`: a circuit without it is done once, intervals without it not at all.
    if (value.rounds !== undefined && value.rounds !== null) {
        block.rounds = saneWhole(value.rounds);
    } else if (block.kind === 'rounds') {
        block.rounds = 1;
    } else if (block.kind === 'intervals') {
        block.rounds = 0;
    }
    const title = optionalText(value.title);
    if (title !== undefined) {
        block.title = title;
    }
    return block;
}

function itemKind(value: unknown): 'entry' | 'rest' | 'block' | undefined {
    if (!isObject(value)) {
        return undefined;
    }
    if (value.type === 'entry' || value.type === 'rest') {
        return value.type;
    }
    return value.type === 'block' || Array.isArray(value.entries) ? 'block' : undefined;
}

/** Entries and rests of everything below `value`, in order, without recursion (and cycle-safe). */
function flattened(value: Loose): ItemModel[] {
    const items: ItemModel[] = [];
    const seen = new Set<unknown>([value]);
    const stack: unknown[] = listOf(value.entries).slice().reverse();
    while (stack.length > 0) {
        const next = stack.pop();
        const kind = itemKind(next);
        if (kind === 'entry') {
            items.push(saneEntry(next as Loose));
        } else if (kind === 'rest') {
            items.push(saneRest(next as Loose));
        } else if (kind === 'block' && !seen.has(next)) {
            seen.add(next);
            const children = listOf((next as Loose).entries);
            for (let index = children.length - 1; index >= 0; index--) {
                stack.push(children[index]);
            }
        }
    }
    return items;
}

export function saneBlock(model: object, depth = 1): BlockModel {
    const value = model as Loose;
    const block = blockHead(value);
    if (depth >= MAX_DEPTH) {
        block.entries = flattened(value);
        return block;
    }
    for (const item of listOf(value.entries)) {
        const kind = itemKind(item);
        if (kind === 'entry') {
            block.entries.push(saneEntry(item as Loose));
        } else if (kind === 'rest') {
            block.entries.push(saneRest(item as Loose));
        } else if (kind === 'block') {
            block.entries.push(saneBlock(item as Loose, depth + 1));
        }
    }
    return block;
}

function saneMuscles(value: unknown): Record<string, number> {
    if (!isObject(value) || Array.isArray(value)) {
        return {};
    }
    // fromEntries defines own properties, so a muscle called `__proto__` stays a muscle.
    return Object.fromEntries(Object.entries(value).map(([muscle, sets]) => [muscle, saneCount(sets)]));
}

export function saneWorkout(model: object): WorkoutModel {
    const value = model as Loose;
    const id = saneText(value.id);
    return {
        ...unchecked(value),
        id,
        name: saneText(value.name) || id,
        line: saneWhole(value.line),
        estimatedSeconds: saneCount(value.estimatedSeconds),
        blocks: listOf(value.blocks).filter(block => itemKind(block) === 'block').map(block => saneBlock(block as Loose)),
        muscles: saneMuscles(value.muscles),
        equipment: listOf(value.equipment).map(saneText).filter(Boolean)
    };
}

const ITEM_TYPES: ReadonlyArray<PlanItemModel['type']> = ['run', 'workout', 'entry'];

export function sanePlanItem(model: object): PlanItemModel {
    const value = model as Loose;
    const ref = saneText(value.ref);
    const item: PlanItemModel = {
        ...unchecked(value),
        type: ITEM_TYPES.includes(value.type as PlanItemModel['type']) ? value.type as PlanItemModel['type'] : 'entry',
        ref,
        name: saneText(value.name) || ref,
        resolved: value.resolved !== false,
        strength: value.strength === true,
        cardio: value.cardio === true,
        longRun: value.longRun === true,
        estimatedSeconds: saneCount(value.estimatedSeconds),
        sets: saneCount(value.sets),
        line: saneWhole(value.line)
    };
    delete item.entry;
    delete item.muscles;
    delete item.file;
    if (isObject(value.entry)) {
        item.entry = saneEntry(value.entry);
    }
    if (isObject(value.muscles)) {
        item.muscles = saneMuscles(value.muscles);
    }
    const file = optionalText(value.file);
    if (file !== undefined) {
        item.file = file;
    }
    return item;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function saneDay(value: Loose): PlanDayModel {
    const named = WEEKDAYS.indexOf(saneText(value.day).toLowerCase());
    const written = saneWhole(value.dayOfWeek);
    const dayOfWeek = written >= 1 && written <= 7 ? written : named + 1;
    return {
        ...unchecked(value),
        day: named >= 0 ? WEEKDAYS[named] : WEEKDAYS[Math.max(dayOfWeek, 1) - 1],
        dayOfWeek: Math.max(dayOfWeek, 1),
        items: listOf(value.items).filter(isObject).map(sanePlanItem),
        line: saneWhole(value.line),
        rest: value.rest === true
    };
}

function saneWeek(value: Loose): PlanWeekModel {
    const week: PlanWeekModel = {
        ...unchecked(value),
        week: saneWhole(value.week),
        line: saneWhole(value.line),
        days: listOf(value.days).filter(isObject).map(saneDay),
        strengthSessions: saneWhole(value.strengthSessions),
        strengthSeconds: saneCount(value.strengthSeconds),
        strengthSets: saneCount(value.strengthSets),
        muscles: saneMuscles(value.muscles),
        runSeconds: saneCount(value.runSeconds),
        restDays: saneWhole(value.restDays),
        breaksProgression: value.breaksProgression === true
    };
    delete week.title;
    delete week.strengthSetsGrowthPercent;
    delete week.strengthSecondsGrowthPercent;
    const title = optionalText(value.title);
    if (title !== undefined) {
        week.title = title;
    }
    // Growth may be negative (a lighter week): finite, signed, bounded.
    for (const key of ['strengthSetsGrowthPercent', 'strengthSecondsGrowthPercent'] as const) {
        const growth = value[key];
        if (typeof growth === 'number' && Number.isFinite(growth)) {
            week[key] = Math.sign(growth) * saneCount(Math.abs(growth));
        }
    }
    return week;
}

const LEVELS: ReadonlyArray<PlanModel['level']> = ['beginner', 'intermediate', 'advanced'];

export function sanePlan(model: object): PlanModel {
    const value = model as Loose;
    const id = saneText(value.id);
    const perWeek = saneRange(value.sessionsPerWeek) ?? { min: 0, max: 0 };
    return {
        ...unchecked(value),
        id,
        name: saneText(value.name) || id,
        line: saneWhole(value.line),
        level: LEVELS.includes(value.level as PlanModel['level']) ? value.level as PlanModel['level'] : 'beginner',
        progressionPercent: saneCount(value.progressionPercent),
        sessionsPerWeek: { min: Math.trunc(perWeek.min), max: Math.trunc(perWeek.max) },
        weeks: listOf(value.weeks).filter(isObject).map(saneWeek),
        workouts: listOf(value.workouts).filter(isObject).map(saneWorkout)
    };
}

/** The session every renderer draws: see the top of this file. */
export function saneSession(value: unknown): SessionModel {
    const session = isObject(value) ? value : {};
    return {
        workouts: listOf(session.workouts).filter(isObject).map(saneWorkout),
        plans: listOf(session.plans).filter(isObject).map(sanePlan),
        // Profiles are read field by field where they are drawn (athlete-profile.ts).
        athletes: listOf(session.athletes).filter(isObject) as unknown as AthleteModel[],
        ...(isObject(session.athlete) ? { athlete: { id: saneText(session.athlete.id), name: saneText(session.athlete.name) } } : {})
    };
}
