/**
 * FIT workout files: the workouts of fit-steps.ts as the bytes a Garmin watch or Garmin Connect
 * imports. Each file holds a `file_id` of type workout, one `workout` message and its
 * `workout_step` messages in order, a repeat step after the steps it repeats (it points back at
 * the first of them). Encoded with @markw65/fit-file-writer (MIT), which needs no Node built-in,
 * so the extension uses this file as the command line does. Garmin's own FIT SDK is never
 * bundled: its licence forbids passing it on (docs/fit.md).
 */
import { FitWriter } from '@markw65/fit-file-writer';
import { fitWorkouts, type ExerciseStep, type FitSport, type FitStep, type FitWorkout, type FitWorkoutOptions, type RepeatStep, type StepDuration, type StepTarget } from './fit-steps.js';
import type { SessionModel } from '../core/session-model.js';

export interface FitFile {
    /** The workout's name on the watch. */
    name: string;
    /** Kebab-case, ending in `.fit`, unique in the session: safe to write into any folder. */
    fileName: string;
    bytes: Uint8Array;
    /** Exercises without a Garmin exercise: the watch shows their names as written. */
    unmapped: string[];
    /** Targets the watch could follow that nothing gave a number for: those steps run open, the words in their notes. */
    unresolved: string[];
}

export interface FitFileOptions extends FitWorkoutOptions {
    /** When the files were made (`time_created`); now unless a test fixes it. */
    now?: Date;
}

/** One FIT workout file per workout of the session (fit-steps.ts says which and how they are named). */
export function renderSessionFit(session: SessionModel, options: FitFileOptions = {}): FitFile[] {
    const now = options.now ?? new Date();
    return fitWorkouts(session, options).map(workout => ({
        name: workout.name,
        fileName: workout.fileName,
        bytes: encodeFitWorkout(workout, now),
        unmapped: workout.unmapped,
        unresolved: workout.unresolved
    }));
}

/** A repeat step in the flat list: where its steps begin, and how often or how long they repeat. */
interface FlatRepeat {
    type: 'repeat';
    from: number;
    until: RepeatStep['until'];
}

/** Depth first: a repeat's steps, then the repeat itself pointing back at the first of them. */
function flatten(steps: readonly FitStep[], into: Array<ExerciseStep | FlatRepeat> = []): Array<ExerciseStep | FlatRepeat> {
    for (const step of steps) {
        if (step.type === 'step') {
            into.push(step);
        } else if (step.steps.length > 0) {
            const from = into.length;
            flatten(step.steps, into);
            into.push({ type: 'repeat', from, until: step.until });
        }
    }
    return into;
}

const SUB_SPORT = { training: 'strength_training', running: 'generic', cycling: 'generic' } as const satisfies Record<FitSport, string>;

/** FIT durations: reps as a count, times in milliseconds, distances in centimetres. */
function durationFields(duration: StepDuration) {
    switch (duration.kind) {
        case 'reps':
            return { duration_type: 'reps', duration_value: Math.round(duration.reps) } as const;
        case 'time':
            return { duration_type: 'time', duration_value: Math.round(duration.seconds * 1000) } as const;
        case 'distance':
            return { duration_type: 'distance', duration_value: Math.round(duration.meters * 100) } as const;
        default:
            return { duration_type: 'open' } as const;
    }
}

/** FIT's offsets for a custom heart rate and power: below them a value is a percentage (of max HR, of FTP). */
const BPM_OFFSET = 100;
const WATTS_OFFSET = 1000;

/**
 * FIT targets: `target_value` 0 says the custom low and high hold the band (speeds in mm/s,
 * heart rates in bpm + 100 or % of max, powers in watts + 1000 or % of FTP); a zone is
 * `target_value` alone. No target is `open`.
 */
function targetFields(target: StepTarget | undefined) {
    const custom = (low: number, high: number, offset = 0) => ({ target_value: 0, custom_target_value_low: Math.round(low) + offset, custom_target_value_high: Math.round(high) + offset });
    switch (target?.kind) {
        case 'speed':
            return { target_type: 'speed', ...custom(target.low * 1000, target.high * 1000) } as const;
        case 'heart-rate':
            return { target_type: 'heart_rate', ...custom(target.low, target.high, target.unit === 'bpm' ? BPM_OFFSET : 0) } as const;
        case 'hr-zone':
            return { target_type: 'heart_rate', target_value: target.zone } as const;
        case 'power':
            return { target_type: 'power', ...custom(target.low, target.high, target.unit === 'w' ? WATTS_OFFSET : 0) } as const;
        default:
            return { target_type: 'open' } as const;
    }
}

export function encodeFitWorkout(workout: FitWorkout, now: Date): Uint8Array {
    const steps = flatten(workout.steps);
    const writer = new FitWriter();
    writer.writeMessage('file_id', {
        type: 'workout',
        manufacturer: 'development',
        product: 0,
        serial_number: serialNumber(workout.name),
        time_created: writer.time(now)
    }, null, true);
    writer.writeMessage('workout', {
        wkt_name: fitString(workout.name),
        sport: workout.sport,
        sub_sport: SUB_SPORT[workout.sport],
        num_valid_steps: steps.length
    }, null, true);
    steps.forEach((step, index) => {
        if (step.type === 'repeat') {
            writer.writeMessage('workout_step', {
                message_index: { value: index },
                ...(step.until.kind === 'times'
                    ? { duration_type: 'repeat_until_steps_cmplt', duration_value: step.from, target_value: step.until.times }
                    : { duration_type: 'repeat_until_time', duration_value: step.from, target_value: Math.round(step.until.seconds * 1000) })
            });
            return;
        }
        const name = fitString(step.label ?? (step.exercise ? undefined : step.name));
        const notes = fitString(step.notes);
        writeNumberedStep(writer, {
            message_index: { value: index },
            ...(name ? { wkt_step_name: name } : {}),
            ...durationFields(step.duration),
            ...targetFields(step.target),
            intensity: step.intensity,
            ...(notes ? { notes } : {}),
            ...(step.exercise ? { exercise_category: step.exercise.category, exercise_name: step.exercise.name } : {}),
            ...(step.weight ? { exercise_weight: writerScaled(step.weight.kg, 100, 65534), weight_display_unit: step.weight.unit === 'lb' ? 'pound' : 'kilogram' } : {})
        });
    });
    const view = writer.finish();
    return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

/**
 * The writer's types want `exercise_category` as a key of the profile's enum; the catalog keeps
 * the profile's numbers, which the writer takes as they are (and the tests decode).
 */
function writeNumberedStep(writer: FitWriter, fields: Record<string, unknown>): void {
    (writer.writeMessage as (kind: 'workout_step', fields: Record<string, unknown>) => void).call(writer, 'workout_step', fields);
}

/**
 * A FIT string for the writer, which writes one byte per character: the text as UTF-8 bytes,
 * each as one character, and the closing NUL. Control and bidi characters go; at most 254
 * bytes (a FIT field holds 255), cut between characters. Undefined for nothing to write.
 */
export function fitString(text: string | undefined, maxBytes = 254): string | undefined {
    // eslint-disable-next-line no-control-regex
    const clean = (text ?? '').replace(/[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '').trim();
    if (clean === '') {
        return undefined;
    }
    const encoder = new TextEncoder();
    let bytes = encoder.encode(clean);
    if (bytes.length > maxBytes) {
        let end = maxBytes;
        while (end > 0 && (bytes[end] & 0xc0) === 0x80) {
            end--;
        }
        bytes = bytes.slice(0, end);
    }
    return String.fromCharCode(...bytes) + '\0';
}

/**
 * The writer multiplies a value by its field's scale and keeps the integer part: hand it the
 * value that lands on the rounded scaled number (12.3 kg → 1230, never 1229.9999).
 */
function writerScaled(value: number, scale: number, max: number): number {
    return (Math.min(max, Math.max(0, Math.round(value * scale))) + 0.5) / scale;
}

/** A stable, non-zero number per workout name, so two files of one export differ in their file_id. */
function serialNumber(name: string): number {
    let hash = 0x811c9dc5;
    for (const char of name) {
        hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
    }
    return hash || 1;
}
