/**
 * The words every renderer uses for entries and blocks ("2 × 10 Step-ups, per side, @ 12 kg"),
 * so the preview, the HTML export and the Markdown say the same thing. Plain text: each
 * renderer escapes it for its own format.
 */
import { formatMeters, formatSeconds } from '../language/quantities.js';
import type { BlockModel, EntryModel, Load, MinMax } from '../model/session-model.js';

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
    const cap = block.capSeconds ? ` ${formatSeconds(block.capSeconds)}` : '';
    switch (block.kind) {
        case 'amrap':
            return `AMRAP${cap}`;
        case 'emom':
            return block.everySeconds && block.everySeconds !== 60
                ? `Every ${formatSeconds(block.everySeconds)} for${cap}`
                : `EMOM${cap}`;
        case 'for-time':
            return block.capSeconds ? `For time (cap${cap})` : 'For time';
        case 'rounds':
            return `${block.rounds} round${block.rounds === 1 ? '' : 's'}${block.restSeconds ? `, rest ${formatSeconds(block.restSeconds)} between` : ''}`;
        case 'superset':
            return `Superset${block.restSeconds ? `, rest ${formatSeconds(block.restSeconds)}` : ''}`;
        case 'intervals':
            return `${block.rounds} × ${formatSeconds(block.workSeconds ?? 0)} on / ${formatSeconds(block.offSeconds ?? 0)} off`;
        case 'warmup':
            return 'Warm-up';
        case 'cooldown':
            return 'Cool-down';
        case 'section':
            return block.title || 'Exercises';
    }
}

/** What the block asks of the athlete, in one sentence, for blocks whose name is jargon. */
export function explainBlock(block: BlockModel): string | undefined {
    switch (block.kind) {
        case 'amrap':
            return `As many rounds as possible in ${formatSeconds(block.capSeconds ?? 0)}.`;
        case 'emom':
            return `Start the work at the top of every ${formatSeconds(block.everySeconds ?? 60)}; rest for what is left of it.`;
        case 'for-time':
            return 'Finish the work as fast as you can.';
        case 'superset':
            return 'Alternate the exercises set by set.';
        default:
            return undefined;
    }
}
