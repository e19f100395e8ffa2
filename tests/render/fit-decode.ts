/**
 * FIT workout files read back by two decoders that share no code with our writer: Garmin's FIT
 * SDK (a devDependency used only here: its licence forbids shipping it, docs/fit.md) and
 * fit-file-parser (MIT). Each gives the file's workout and its steps as the tree fit-steps.ts
 * builds, so a test compares what was meant with what a watch will read.
 */
import { Decoder, Profile, Stream } from '@garmin/fitsdk';
import FitParser from 'fit-file-parser';
import type { ExerciseStep, FitStep, RepeatStep, StepDuration, StepTarget } from '../../src/render/fit-steps.js';

export interface DecodedWorkout {
    fileType: string;
    name: string;
    sport: string;
    subSport?: string;
    stepCount: number;
    steps: FitStep[];
}

/** A step as written, before the repeats are nested: a repeat points back at its first step. */
type FlatStep = ExerciseStep | { type: 'repeat'; from: number; until: RepeatStep['until'] };

/** The flat list as a tree: each repeat takes the steps from the one it points at. */
export function treeOf(flat: readonly FlatStep[]): FitStep[] {
    const built: Array<{ start: number; step: FitStep }> = [];
    flat.forEach((step, index) => {
        if (step.type === 'repeat') {
            const steps: FitStep[] = [];
            while (built.length > 0 && built[built.length - 1].start >= step.from) {
                steps.unshift(built.pop()!.step);
            }
            built.push({ start: step.from, step: { type: 'repeat', until: step.until, steps } });
        } else {
            built.push({ start: index, step });
        }
    });
    return built.map(({ step }) => step);
}

/** The profile's number of an exercise category, whichever way a decoder spells its name. */
function categoryNumber(name: string | number | undefined): number | undefined {
    if (name === undefined || typeof name === 'number') {
        return name;
    }
    const plain = (text: string) => text.replace(/_/g, '').toLowerCase();
    const found = Object.entries(Profile.types.exerciseCategory as Record<string, string>).find(([, key]) => plain(key) === plain(name));
    return found ? Number(found[0]) : undefined;
}

/** `squat/airSquat`: an exercise in the words of the SDK's own profile. */
export function sdkExerciseName(exercise: { category: number; name: number }): string {
    const types = Profile.types as Record<string, Record<number, string>>;
    const category = types.exerciseCategory[exercise.category];
    return `${category}/${types[`${category}ExerciseName`]?.[exercise.name]}`;
}

function leaf(fields: { name?: string; notes?: string; intensity: string; duration: StepDuration; target?: StepTarget; category?: number; exerciseName?: number; weightKg?: number; weightUnit?: string }): ExerciseStep {
    return {
        type: 'step',
        duration: fields.duration,
        intensity: fields.intensity as ExerciseStep['intensity'],
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.target ? { target: fields.target } : {}),
        ...(fields.category !== undefined && fields.exerciseName !== undefined ? { exercise: { category: fields.category, name: fields.exerciseName } } : {}),
        ...(fields.weightKg !== undefined ? { weight: { kg: fields.weightKg, unit: fields.weightUnit === 'pound' ? 'lb' : 'kg' } } : {}),
        ...(fields.notes !== undefined ? { notes: fields.notes } : {})
    };
}

/** A step's duration from its type and the amounts a decoder gave; any other type is a failure. */
function leafDuration(type: string, amount: { reps: number; seconds: number; meters: number }): StepDuration {
    switch (type) {
        case 'reps':
            return { kind: 'reps', reps: amount.reps };
        case 'time':
            return { kind: 'time', seconds: amount.seconds };
        case 'distance':
            return { kind: 'distance', meters: amount.meters };
        case 'open':
            return { kind: 'open' };
        default:
            throw new Error(`unexpected duration type ${type}`);
    }
}

/** The raw target fields of a step, as both decoders give them (the SDK in camelCase, the parser in snake_case). */
export interface RawTarget {
    type: string;
    value?: number;
    low?: number;
    high?: number;
}

/**
 * A step's target from the numbers in the file, by the profile's rules: a custom speed in mm/s;
 * a heart rate over 100 is bpm + 100, else % of the maximum; a power over 1000 is watts + 1000,
 * else % of the FTP; a heart-rate `target_value` without custom values is a zone.
 */
export function targetOf(raw: RawTarget): StepTarget | undefined {
    const type = raw.type.replace(/_/g, '').toLowerCase();
    const low = Number(raw.low);
    const high = Number(raw.high);
    switch (type) {
        case 'open':
            return undefined;
        case 'speed':
            return { kind: 'speed', low: low / 1000, high: high / 1000 };
        case 'heartrate':
            if (raw.value) {
                return { kind: 'hr-zone', zone: raw.value };
            }
            return low > 100 ? { kind: 'heart-rate', unit: 'bpm', low: low - 100, high: high - 100 } : { kind: 'heart-rate', unit: '% max', low, high };
        case 'power':
            return low > 1000 ? { kind: 'power', unit: 'w', low: low - 1000, high: high - 1000 } : { kind: 'power', unit: '% ftp', low, high };
        default:
            throw new Error(`unexpected target type ${raw.type}`);
    }
}

/** Garmin's SDK: the integrity check, then every message; throws on any decoding error. */
export function decodeWithSdk(bytes: Uint8Array): DecodedWorkout {
    if (!Decoder.isFIT(Stream.fromByteArray(bytes)) || !new Decoder(Stream.fromByteArray(bytes)).checkIntegrity()) {
        throw new Error('the FIT SDK finds the file broken (header or CRC)');
    }
    const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read();
    if (errors.length > 0) {
        throw new Error(`the FIT SDK could not read the file: ${errors.map(error => error.message).join('; ')}`);
    }
    const [fileId] = messages.fileIdMesgs ?? [];
    const [workout] = messages.workoutMesgs ?? [];
    const flat = (messages.workoutStepMesgs ?? []).map((step): FlatStep => {
        switch (step.durationType) {
            case 'repeatUntilStepsCmplt':
                return { type: 'repeat', from: Number(step.durationStep), until: { kind: 'times', times: Number(step.repeatSteps) } };
            case 'repeatUntilTime':
                return { type: 'repeat', from: Number(step.durationStep), until: { kind: 'time', seconds: Number(step.repeatTime) } };
        }
        const duration = leafDuration(String(step.durationType), { reps: Number(step.durationReps), seconds: Number(step.durationTime), meters: Number(step.durationDistance) });
        return leaf({
            name: step.wktStepName as string | undefined,
            notes: step.notes as string | undefined,
            intensity: String(step.intensity),
            duration,
            target: targetOf({ type: String(step.targetType), value: step.targetValue as number | undefined, low: step.customTargetValueLow as number | undefined, high: step.customTargetValueHigh as number | undefined }),
            category: categoryNumber(step.exerciseCategory as string | undefined),
            exerciseName: step.exerciseName as number | undefined,
            weightKg: step.exerciseWeight as number | undefined,
            weightUnit: step.weightDisplayUnit as string | undefined
        });
    });
    return {
        fileType: String(fileId?.type),
        name: String(workout?.wktName),
        sport: String(workout?.sport),
        subSport: workout?.subSport === undefined ? undefined : String(workout.subSport),
        stepCount: Number(workout?.numValidSteps),
        steps: treeOf(flat)
    };
}

interface ParsedStep {
    wkt_step_name?: string;
    notes?: string;
    duration_type: string;
    duration_value?: number;
    target_type?: string;
    target_value?: number;
    custom_target_value_low?: number;
    custom_target_value_high?: number;
    intensity?: string;
    exercise_category?: string | number;
    exercise_name?: number;
    exercise_weight?: number;
}

/**
 * fit-file-parser, with its CRC checks on (`force: false`). It reads durations and targets as
 * the raw numbers (milliseconds, centimetres) and knows no `weight_display_unit`: the weight it
 * gives is in kilograms, with the unit taken as kg.
 */
export async function decodeWithParser(bytes: Uint8Array): Promise<DecodedWorkout> {
    const parsed = await new FitParser({ force: false, mode: 'list' }).parseAsync(Buffer.from(bytes)) as unknown as {
        messages: { file_id: Array<{ type: string }>; workout: Array<{ wkt_name: string; sport: string; sub_sport?: string; num_valid_steps: number }>; workout_step?: ParsedStep[] };
    };
    const [fileId] = parsed.messages.file_id;
    const [workout] = parsed.messages.workout;
    const flat = (parsed.messages.workout_step ?? []).map((step): FlatStep => {
        const value = Number(step.duration_value);
        switch (step.duration_type) {
            case 'repeat_until_steps_cmplt':
                return { type: 'repeat', from: value, until: { kind: 'times', times: Number(step.target_value) } };
            case 'repeat_until_time':
                return { type: 'repeat', from: value, until: { kind: 'time', seconds: Number(step.target_value) / 1000 } };
        }
        const duration = leafDuration(step.duration_type, { reps: value, seconds: value / 1000, meters: value / 100 });
        return leaf({
            name: step.wkt_step_name,
            notes: step.notes,
            intensity: String(step.intensity),
            duration,
            target: targetOf({ type: String(step.target_type), value: step.target_value, low: step.custom_target_value_low, high: step.custom_target_value_high }),
            category: categoryNumber(step.exercise_category),
            exerciseName: step.exercise_name,
            weightKg: step.exercise_weight
        });
    });
    return {
        fileType: fileId.type,
        name: workout.wkt_name,
        sport: workout.sport,
        subSport: workout.sub_sport,
        stepCount: workout.num_valid_steps,
        steps: treeOf(flat)
    };
}

/**
 * The steps as a decoder should read them back: the label as the step's name, no step name where
 * a Garmin exercise names the step, weights to the 10 g the file keeps, and no weight unit for
 * fit-file-parser. (Names and notes of plain text come back as they are; fit.test.ts checks the
 * ones FIT strings change. Targets are already kept to the file's units by fit-targets.ts.)
 */
export function asWritten(steps: readonly FitStep[], options: { weightUnit: boolean } = { weightUnit: true }): FitStep[] {
    return steps.flatMap((step): FitStep[] => {
        if (step.type === 'repeat') {
            const inner = asWritten(step.steps, options);
            return inner.length > 0 ? [{ ...step, steps: inner }] : [];
        }
        const { name, label, exercise, weight, notes, ...rest } = step;
        const shown = label ?? (exercise ? undefined : name);
        return [{
            ...rest,
            ...(shown ? { name: shown } : {}),
            ...(exercise ? { exercise } : {}),
            ...(weight ? { weight: { kg: Math.round(weight.kg * 100) / 100, unit: options.weightUnit ? weight.unit : 'kg' } } : {}),
            ...(notes ? { notes } : {})
        }];
    });
}

/** Every step of a tree, repeats left out, in order. */
export function leavesOf(steps: readonly FitStep[]): ExerciseStep[] {
    return steps.flatMap(step => (step.type === 'repeat' ? leavesOf(step.steps) : [step]));
}

/** How many messages a workout's steps take: one per step and one per repeat. */
export function messageCount(steps: readonly FitStep[]): number {
    return steps.reduce((count, step) => count + (step.type === 'repeat' ? 1 + messageCount(step.steps) : 1), 0);
}

