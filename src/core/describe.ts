/**
 * The words every renderer uses for entries and blocks ("2 × 10 Step-ups, per side, @ 12 kg"),
 * so the preview, the HTML export and the Markdown say the same thing. Plain text: each
 * renderer escapes it for its own format.
 */
import { specOf } from './block-kinds.js';
import { formatMeters, formatSeconds } from './quantities.js';
import type { BlockModel, EntryModel, Load, MinMax } from './session-model.js';

function span(range: MinMax, format: (value: number) => string = String): string {
    return range.min === range.max ? format(range.min) : `${format(range.min)}–${format(range.max)}`;
}

export function describeAmount(entry: EntryModel): string {
    const sets = entry.sets > 1 ? `${entry.sets} × ` : '';
    if (entry.maxEffort) {
        return `${sets}max`;
    }
    if (entry.reps) {
        return sets + span(entry.reps);
    }
    if (entry.seconds) {
        return sets + span(entry.seconds, formatSeconds);
    }
    if (entry.meters) {
        return sets + span(entry.meters, formatMeters);
    }
    return sets.trim();
}

export function describeLoad(load: Load): string {
    const optional = load.optional ? ' (optional)' : '';
    switch (load.kind) {
        case 'bodyweight':
            return `bodyweight${optional}`;
        case 'rpe':
            return `RPE ${load.value}${optional}`;
        case 'percent-1rm':
            return `${load.value}% 1RM${optional}`;
        default:
            return `${load.value} ${load.unit}${optional}`;
    }
}

const SIDE_WORDS = { both: '', each: 'per side', left: 'left side', right: 'right side' } as const;

export function describeSide(entry: EntryModel): string {
    return SIDE_WORDS[entry.side];
}

/** The details after the exercise's name: side, load and rest, in that order. */
export function describeDetails(entry: EntryModel): string[] {
    const details: string[] = [];
    if (entry.side !== 'both') {
        details.push(describeSide(entry));
    }
    if (entry.load) {
        details.push(`@ ${describeLoad(entry.load)}`);
    }
    if (entry.restSeconds) {
        details.push(`rest ${formatSeconds(entry.restSeconds)}`);
    }
    return details;
}

export function describeEntry(entry: EntryModel): string {
    return [describeAmount(entry), entry.name, ...describeDetails(entry)].filter(Boolean).join(' ');
}

export function describeBlock(block: BlockModel): string {
    return specOf(block).heading(block);
}

/** What the block asks of the athlete, in one sentence, for blocks whose name is jargon. */
export function explainBlock(block: BlockModel): string | undefined {
    return specOf(block).explain?.(block);
}
