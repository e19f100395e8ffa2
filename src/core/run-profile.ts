/**
 * A session as a runner sees it on a watch or in a training log: the steps in order, each with
 * its time and how hard it is, repeats written out. The preview draws it as a profile coloured by
 * intensity (src/render/html-charts.ts). Pure; bounded in size whatever the file says.
 */
import { specOf } from './block-kinds.js';
import { formatSeconds } from './quantities.js';
import { AS_NEEDED_REST_SECONDS, DEFAULT_RUNNER, setsOf, setWorkSeconds } from './estimate.js';
import { recoverySecondsPerMeter } from './running.js';
import type { BlockModel, EntryModel, ItemModel } from './session-model.js';
import { describeEntry, describeRest } from './describe.js';

/** `other` is work that is not running (strength, drills); `rest` is standing, walking or a jog recovery. */
export type ProfileIntensity = 'rest' | 'easy' | 'moderate' | 'threshold' | 'interval' | 'repetition' | 'other';

export interface ProfileStep {
    seconds: number;
    intensity: ProfileIntensity;
    /** What the step is, for a tooltip: `800m Interval Run @ 5K pace`, `Rest 400m jog`. */
    label: string;
}

/** More steps than this are merged with their neighbours of the same intensity, then cut. */
export const MAX_PROFILE_STEPS = 400;

function entrySteps(entry: EntryModel, steps: ProfileStep[]): void {
    // Work and recovery at the default paces, scaled to the entry's own estimate (an athlete's paces).
    const defaultWork = setWorkSeconds(entry, undefined) * (entry.side === 'each' ? 2 : 1);
    const defaultRest = entry.restSeconds ?? (entry.restMeters !== undefined ? entry.restMeters * recoverySecondsPerMeter(entry.restActivity, DEFAULT_RUNNER)
        : entry.restAsNeeded ? AS_NEEDED_REST_SECONDS : 0);
    const sets = Math.max(1, Math.round(setsOf(entry)));
    const scale = defaultWork + defaultRest > 0 ? entry.estimatedSeconds / (setsOf(entry) * (defaultWork + defaultRest)) : 1;
    const work = defaultWork * scale;
    const rest = defaultRest * scale;
    const label = describeEntry(entry);
    const intensity: ProfileIntensity = entry.run ? entry.intensity ?? 'easy' : entry.intensity === 'rest' ? 'rest' : 'other';
    for (let set = 0; set < sets && steps.length < MAX_PROFILE_STEPS * 4; set++) {
        steps.push({ seconds: work || entry.estimatedSeconds / sets, intensity, label });
        if (rest > 0 && set < sets - 1) {
            steps.push({ seconds: rest, intensity: 'rest', label: entry.restMeters !== undefined ? `Rest ${entry.restActivity ?? ''}`.trim() : `Rest ${formatSeconds(rest)}` });
        }
    }
}

function itemSteps(item: ItemModel, steps: ProfileStep[]): void {
    if (item.type === 'entry') {
        entrySteps(item, steps);
    } else if (item.type === 'rest') {
        steps.push({ seconds: item.estimatedSeconds, intensity: 'rest', label: describeRest(item) });
    } else {
        blockSteps(item, steps);
    }
}

function blockSteps(block: BlockModel, steps: ProfileStep[]): void {
    const shape = specOf(block).watch.shape;
    if (shape === 'in-order' || shape === 'rounds') {
        const rounds = shape === 'rounds' ? Math.max(1, block.rounds ?? 1) : 1;
        for (let round = 0; round < rounds && steps.length < MAX_PROFILE_STEPS * 4; round++) {
            block.entries.forEach(item => itemSteps(item, steps));
            if (round < rounds - 1 && block.restSeconds) {
                steps.push({ seconds: block.restSeconds, intensity: 'rest', label: `Rest ${formatSeconds(block.restSeconds)}` });
            }
        }
        return;
    }
    if (shape === 'until-cap' && block.entries.some(item => item.type !== 'entry' || item.run)) {
        // `repeat until 20min`: the content again and again until the cap is up. Only steps that
        // take time: one of none (an entry without an amount, a range written backwards) used to
        // end each pass before anything was drawn, and the loop never ended.
        const pass: ProfileStep[] = [];
        block.entries.forEach(item => itemSteps(item, pass));
        const timed = pass.filter(step => step.seconds > 0);
        let left = block.capSeconds ?? timed.reduce((sum, step) => sum + step.seconds, 0);
        while (left > 0 && timed.length > 0 && steps.length < MAX_PROFILE_STEPS * 4) {
            for (const step of timed) {
                const seconds = Math.min(step.seconds, left);
                if (seconds <= 0) {
                    break;
                }
                steps.push({ ...step, seconds });
                left -= seconds;
            }
        }
        return;
    }
    // AMRAPs, EMOMs, intervals and supersets of other work: one step of their time.
    const runs = block.entries.filter((item): item is EntryModel => item.type === 'entry' && Boolean(item.run));
    steps.push({
        seconds: block.estimatedSeconds,
        intensity: runs.length > 0 && runs.length === block.entries.length ? runs[0].intensity ?? 'easy' : 'other',
        label: specOf(block).heading(block)
    });
}

/** The session's steps in order; neighbours of the same intensity and label merged; at most MAX_PROFILE_STEPS. */
export function runProfile(blocks: readonly BlockModel[]): ProfileStep[] {
    const raw: ProfileStep[] = [];
    blocks.forEach(block => blockSteps(block, raw));
    const merged: ProfileStep[] = [];
    for (const step of raw.filter(candidate => candidate.seconds > 0 && Number.isFinite(candidate.seconds))) {
        const last = merged[merged.length - 1];
        const sameKind = last && last.intensity === step.intensity && (last.label === step.label || merged.length >= MAX_PROFILE_STEPS - 1);
        if (sameKind) {
            last.seconds += step.seconds;
        } else {
            merged.push({ ...step });
        }
    }
    return merged.slice(0, MAX_PROFILE_STEPS);
}
