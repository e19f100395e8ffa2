/**
 * Checks on runs and athletes: run targets after `@` (`@ 5k-pace`, `@ zone 2`, `@ 4:30/km`),
 * recoveries (`rest 400m jog`), and athlete profiles (`athlete jane < 5k: 22:30 >`), each as the
 * sentence a coach would say. docs/checks.md lists the codes.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import { distance } from 'fastest-levenshtein';
import { isRunTargetProblem, readRunTarget, runTargetMessage } from '../../core/run-targets.js';
import { NAMED_PACE_EXAMPLES, perKm, RECOVERY_ACTIVITIES, recoveryActivityOf } from '../../core/running.js';
import {
    isBlock, isEntry, isWorkout, type Athlete, type Block, type Entry, type Item, type LoadModifier, type PlanAthlete, type Range, type RestItem,
    type RestModifier, type Workout
} from '../generated/ast.js';
import { compileAthlete } from '../compiler/compile-athlete.js';
import { isDistance, runTargetText } from '../compiler/compile-workout.js';
import { entryName, unquote } from '../exercise-resolver.js';
import type { WorkoutServices } from '../workout-services.js';
import { checkRange } from './entry-checks.js';
import { IssueCodes } from './issue-codes.js';

/** Above or below these a run target is more likely a typo than a plan. */
export const PLAUSIBLE_RUN = {
    /** Faster than 2:00/km is faster than any world record. */
    fastestSecondsPerKm: 120,
    /** Slower than 15:00/km is a walk. */
    slowestSecondsPerKm: 900,
    minBpm: 40,
    maxBpm: 230,
    maxWatts: 1000,
    maxKph: 30,
    maxPercentHr: 110,
    maxPercentFtp: 200
} as const;

/** The closest named paces to a word that names none, for the message. */
function suggestPaces(word: string): string[] {
    return NAMED_PACE_EXAMPLES
        .map(name => ({ name, score: Math.min(distance(word.toLowerCase(), name), distance(word.toLowerCase(), name.replace(/-pace$/, ''))) }))
        .filter(({ score }) => score <= Math.max(2, Math.ceil(word.length * 0.4)))
        .sort((a, b) => a.score - b.score)
        .slice(0, 3)
        .map(({ name }) => name);
}

/** Every run target after `@`: readable, and in the range of what a runner can do. */
export function runTargetsMustBeReadable(load: LoadModifier, accept: ValidationAcceptor): void {
    for (const target of load.runTargets) {
        const read = readRunTarget(runTargetText(target));
        if (isRunTargetProblem(read)) {
            if (read.problem === 'unknown-pace') {
                const suggestions = suggestPaces(read.word);
                const offer = suggestions.length > 0 ? ` Did you mean ${suggestions.map(name => `\`${name}\``).join(', ')}?` : '';
                accept('error', `\`${read.word}\` is not a pace the tools know.${offer} Write a pace like \`4:30/km\` or a named pace: ${NAMED_PACE_EXAMPLES.map(name => `\`${name}\``).join(', ')}.`, {
                    node: target, code: IssueCodes.UnknownPace, data: { word: read.word, suggestions }
                });
            } else {
                const code = read.problem === 'range-inverted' ? IssueCodes.RangeInverted : read.problem === 'out-of-range' ? IssueCodes.AmountOutOfRange : IssueCodes.InvalidRunTarget;
                accept('error', runTargetMessage(read), { node: target, code });
            }
            continue;
        }
        const warn = (message: string) => accept('warning', message, { node: target, code: IssueCodes.ImplausibleAmount });
        const top = Math.max(read.value ?? 0, read.max ?? 0);
        const low = Math.min(read.value ?? 0, read.max ?? read.value ?? 0);
        switch (read.kind) {
            case 'pace':
                if (perKm(low, read.unit) < PLAUSIBLE_RUN.fastestSecondsPerKm) {
                    warn('This pace is faster than any world record (under 2:00/km): check the minutes and the unit.');
                } else if (perKm(top, read.unit) > PLAUSIBLE_RUN.slowestSecondsPerKm) {
                    warn('This pace is slower than a walk (over 15:00/km): check the minutes and the unit.');
                }
                break;
            case 'heart-rate':
                if (low < PLAUSIBLE_RUN.minBpm || top > PLAUSIBLE_RUN.maxBpm) {
                    warn(`A heart rate of ${top > PLAUSIBLE_RUN.maxBpm ? top : low} bpm is outside what a heart beats (${PLAUSIBLE_RUN.minBpm}–${PLAUSIBLE_RUN.maxBpm}): check the number.`);
                }
                break;
            case 'power':
                if (top > PLAUSIBLE_RUN.maxWatts) {
                    warn(`${top} W is more than a runner holds (over ${PLAUSIBLE_RUN.maxWatts} W): check the number.`);
                }
                break;
            case 'speed':
                if (top > (read.unit === 'mph' ? PLAUSIBLE_RUN.maxKph / 1.609344 : PLAUSIBLE_RUN.maxKph)) {
                    warn('This speed is more than a treadmill runs (over 30 km/h): check the number and the unit.');
                }
                break;
            case 'percent-hrmax':
            case 'percent-lthr':
                if (top > PLAUSIBLE_RUN.maxPercentHr) {
                    warn(`${top}% of a heart rate is more than it goes: check the number.`);
                }
                break;
            case 'percent-ftp':
                if (top > PLAUSIBLE_RUN.maxPercentFtp) {
                    warn(`${top}% of FTP is a sprint no step holds: check the number.`);
                }
                break;
        }
    }
}

/** A pace, a heart rate or a power is a target for a run (or a ride): not for squats. */
export const runTargetsBelongToCardio = (services: WorkoutServices) => (entry: Entry, accept: ValidationAcceptor): void => {
    const loads = entry.modifiers.filter((modifier): modifier is LoadModifier => modifier.$type === 'LoadModifier');
    const runTargets = loads.flatMap(load => load.runTargets);
    if (runTargets.length === 0) {
        return;
    }
    const info = services.exercises.Resolver.resolve(entry);
    if (!info || info.kind === 'cardio') {
        return; // an unknown name is reported once, as unknown-exercise
    }
    accept('warning', `${info.name} is not a run: a pace, a heart rate or a power is a target for runs and other cardio. Give ${info.name} a load (\`@ 20kg\`, \`@ 70%\`, \`@ rpe 7\`), or name a run (\`800m run @ 5k-pace\`).`, {
        node: runTargets[0], code: IssueCodes.TargetNotForExercise
    });
};

/** The workout or block a rest belongs to has runs (or other cardio) in it. */
function amongCardio(node: RestItem, services: WorkoutServices): boolean {
    const container: Block | Workout | undefined = AstUtils.getContainerOfType(node.$container, isBlock) ?? AstUtils.getContainerOfType(node.$container, isWorkout);
    const items: Item[] = container ? container.items : [];
    const cardio = (item: Item): boolean => (isEntry(item) ? services.exercises.Resolver.resolve(item)?.kind === 'cardio' : isBlock(item) ? item.items.some(cardio) : false);
    // Loose items of a file: any cardio entry of the file's top level.
    if (!container) {
        const root = AstUtils.findRootNode(node) as { elements?: unknown[] };
        return (root.elements ?? []).some(element => isEntry(element) ? cardio(element) : isBlock(element) && cardio(element));
    }
    return items.some(cardio);
}

function recoveryMustBeKnown(activity: string | undefined, node: RestModifier | RestItem, accept: ValidationAcceptor): void {
    if (activity !== undefined && !recoveryActivityOf(activity)) {
        accept('error', `\`${activity}\` is not a way to recover: after the rest write ${RECOVERY_ACTIVITIES.map(word => `\`${word}\``).join(', ')}, e.g. \`rest 400m jog\` or \`rest 90s walk\`.`, {
            node, property: 'activity', code: IssueCodes.InvalidRecovery
        });
    }
}

function distanceRecovery(range: Range, activity: string | undefined, runs: boolean, what: string, node: RestModifier | RestItem, accept: ValidationAcceptor): void {
    if (!runs) {
        accept('error', `A rest ${what} is a time, like \`60s\` or \`2min\`: a recovery over a distance (\`rest 400m jog\`) belongs to runs.`, {
            node: range, code: IssueCodes.NeedsDuration
        });
        return;
    }
    checkRange(range, accept);
    if (recoveryActivityOf(activity) === 'standing') {
        accept('error', 'Standing covers no distance: write a time (`rest 90s standing`) or jog or walk the distance (`rest 400m jog`).', {
            node, property: 'activity', code: IssueCodes.InvalidRecovery
        });
    }
}

/** `6 x 800m interval-run rest 400m jog`: a distance recovery on a run, done as a known activity. */
export const recoveryMustSuitTheEntry = (services: WorkoutServices) => (entry: Entry, accept: ValidationAcceptor): void => {
    for (const modifier of entry.modifiers) {
        if (modifier.$type !== 'RestModifier') {
            continue;
        }
        recoveryMustBeKnown(modifier.activity, modifier, accept);
        if (isDistance(modifier.duration)) {
            const info = services.exercises.Resolver.resolve(entry);
            distanceRecovery(modifier.duration!, modifier.activity, !info || info.kind === 'cardio', `after ${info?.name ?? unquote(entryName(entry))}`, modifier, accept);
        }
    }
};

/** `rest 400m jog` on a line of its own, between run steps. */
export const recoveryLineMustSuit = (services: WorkoutServices) => (rest: RestItem, accept: ValidationAcceptor): void => {
    recoveryMustBeKnown(rest.activity, rest, accept);
    if (isDistance(rest.duration)) {
        distanceRecovery(rest.duration!, rest.activity, amongCardio(rest, services), 'between strength exercises', rest, accept);
    }
};

// ---- athletes ---------------------------------------------------------------------------------

/** Every fact of a profile is one the tools read, with a value of the right kind. */
export const athleteFactsMustBeReadable = (services: WorkoutServices) => (athlete: Athlete, accept: ValidationAcceptor): void => {
    const { problems } = compileAthlete(athlete, services.exercises.Resolver.catalog);
    for (const [fact, problem] of problems) {
        accept(problem.severity, problem.message, { node: fact, code: IssueCodes.InvalidAthleteFact });
    }
};

/** `athlete jane` in a plan names an athlete defined in the workspace. */
export function planAthleteMustExist(node: PlanAthlete, accept: ValidationAcceptor): void {
    if (node.athlete && !node.athlete.ref && node.athlete.$refText) {
        const name = unquote(node.athlete.$refText);
        accept('error', `No athlete \`${name}\` is defined: add \`athlete ${name} "Full name" < 5k: 22:30; max-hr: 188 >\` to a .workout file of the project (and \`import\` it for the command line).`, {
            node, property: 'athlete', code: IssueCodes.UnknownAthlete
        });
    }
}
