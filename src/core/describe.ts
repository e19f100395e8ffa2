/**
 * The words every renderer uses for entries and blocks ("2 × 10 Step-ups, per side, @ 12 kg"),
 * so the preview, the HTML export and the Markdown say the same thing. Plain text: each
 * renderer escapes it for its own format.
 */
import { specOf } from './block-kinds.js';
import { formatDistance, formatSeconds } from './quantities.js';
import type { BlockModel, EntryModel, Load, MinMax, RestModel, Slot } from './session-model.js';

function span(range: MinMax, format: (value: number) => string = String): string {
    return range.min === range.max ? format(range.min) : `${format(range.min)}–${format(range.max)}`;
}

/** `3 × 10`, `3–4 × 8–12`, `5-5-5`, `5+`, `20/15 cal`, `1 mi`, `30–45s`, `max`. */
export function describeAmount(entry: EntryModel): string {
    const scheme = entry.repScheme && entry.repScheme.length > 0 ? entry.repScheme : undefined;
    const setCount = entry.setsMax !== undefined ? `${entry.sets}–${entry.setsMax}` : String(entry.sets);
    // A scheme names its sets itself: `5-5-5` is three sets.
    const sets = (entry.sets > 1 || entry.setsMax !== undefined) && !(scheme && scheme.length === entry.sets) ? `${setCount} × ` : '';
    const plus = entry.orMore ? '+' : '';
    const other = (format: (value: number) => string) => (entry.alternate !== undefined ? `/${format(entry.alternate)}` : '');
    if (entry.maxEffort) {
        return `${sets}max`;
    }
    if (scheme) {
        return sets + scheme.join('-') + plus;
    }
    if (entry.reps) {
        return sets + span(entry.reps) + other(String) + plus;
    }
    if (entry.seconds) {
        return sets + span(entry.seconds, formatSeconds) + other(formatSeconds);
    }
    if (entry.meters) {
        const unit = entry.distanceUnit;
        return sets + span(entry.meters, meters => formatDistance(meters, unit)) + other(meters => formatDistance(meters, unit));
    }
    if (entry.calories) {
        return `${sets}${span(entry.calories)}${other(String)} cal`;
    }
    return sets.trim();
}

const LOAD_UNIT_WORDS: Record<string, string> = { kg: 'kg', lb: 'lb', pood: 'pood', in: 'in', cm: 'cm', m: 'm', ft: 'ft', yd: 'yd', mi: 'mi', km: 'km' };

/** `95/65 lb`, `2 × 24 kg`, `24 kg each`, `60–70% 1RM`, `65% TM`, `RPE 8–9`, `RIR 2`, `bodyweight`, `24 in`. */
export function describeLoad(load: Load): string {
    const optional = load.optional ? ' (optional)' : '';
    const value = (load.max !== undefined ? `${load.value}–${load.max}` : String(load.value)) + (load.alternate !== undefined ? `/${load.alternate}` : '');
    switch (load.kind) {
        case 'bodyweight':
            return `bodyweight${optional}`;
        case 'rpe':
            return `RPE ${value}${optional}`;
        case 'rir':
            return `RIR ${value}${optional}`;
        case 'percent-1rm':
            return `${value}% 1RM${optional}`;
        case 'percent-tm':
            return `${value}% TM${optional}`;
        default: {
            const implementsCount = load.implements && load.implements > 1 ? `${load.implements} × ` : '';
            const each = load.each ? ' each' : '';
            return `${implementsCount}${value} ${LOAD_UNIT_WORDS[load.unit ?? ''] ?? load.unit ?? ''}${each}${optional}`;
        }
    }
}

const SIDE_WORDS = { both: '', each: 'per side', left: 'left side', right: 'right side', alternating: 'alternating sides' } as const;

export function describeSide(entry: EntryModel): string {
    return Object.hasOwn(SIDE_WORDS, entry.side) ? SIDE_WORDS[entry.side] : '';
}

/** `odd minutes`, `even minutes`, `minute 2`: when in an EMOM an item is done. */
export function describeSlot(slot: Slot | undefined): string {
    if (slot === undefined) {
        return '';
    }
    return typeof slot === 'number' ? `minute ${slot}` : `${slot} minutes`;
}

/** The details after the exercise's name: side, targets, tempo, clock and rest, in that order. */
export function describeDetails(entry: EntryModel): string[] {
    const details: string[] = [];
    if (entry.side !== 'both' && describeSide(entry)) {
        details.push(describeSide(entry));
    }
    const targets = entry.targets && entry.targets.length > 0 ? entry.targets : entry.load ? [entry.load] : [];
    if (targets.length > 0) {
        details.push(`@ ${targets.map(describeLoad).join(', ')}`);
    }
    if (entry.tempo) {
        details.push(`tempo ${entry.tempo}`);
    }
    if (entry.everySeconds) {
        details.push(`every ${formatSeconds(entry.everySeconds)}`);
    }
    if (entry.restSeconds) {
        details.push(`rest ${formatSeconds(entry.restSeconds)}`);
    } else if (entry.restAsNeeded) {
        details.push('rest as needed');
    }
    return details;
}

/** The whole line: `Odd minutes: 15 Kettlebell Swings @ 32 kg`, `3 × 10 Step-ups per side`. */
export function describeEntry(entry: EntryModel): string {
    const slot = entry.slot !== undefined ? `${capitalise(describeSlot(entry.slot))}: ` : '';
    return slot + [describeAmount(entry), entry.name, ...describeDetails(entry)].filter(Boolean).join(' ');
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a workout or block asks of the whole: its load and its note (`@ 20 lb · Wear the vest`). */
export function describeWhole(whole: { load?: Load; note?: string }): string {
    return [whole.load ? `@ ${describeLoad(whole.load)}` : '', whole.note ?? ''].filter(Boolean).join(' · ');
}

/** The block's heading, with its load (`For time @ 20 lb`) and when it is done in an EMOM. */
export function describeBlock(block: BlockModel): string {
    const slot = block.slot !== undefined ? `${capitalise(describeSlot(block.slot))}: ` : '';
    const load = block.load ? ` @ ${describeLoad(block.load)}` : '';
    return slot + specOf(block).heading(block) + load;
}

/** A rest line: `Rest 1min`, `Rest as needed`. */
export function describeRest(rest: RestModel): string {
    return rest.asNeeded ? 'Rest as needed' : `Rest ${formatSeconds(rest.seconds)}`;
}

/** What the block asks of the athlete, in one sentence, for blocks whose name is jargon. */
export function explainBlock(block: BlockModel): string | undefined {
    return specOf(block).explain?.(block);
}
