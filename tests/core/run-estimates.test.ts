/**
 * The time a run session is estimated to take, for an athlete, against the time her coach works
 * out by hand from her paces: each step's distance at the pace a coach uses for it, timed steps
 * as written. The coach's paces for Jane (examples/athletes.workout: 5K in 22:30, threshold
 * 4:35/km) are the round numbers a coach would use, not the tools' own formulas: 5K pace 4:30/km,
 * easy 6:00/km, jog 6:30/km, walk 12:00/km, marathon pace 5:10/km. Every estimate of the examples'
 * runs must be within 10 % of that.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forAthlete } from '../../src/core/athlete.js';
import type { SessionModel, WorkoutModel } from '../../src/core/session-model.js';
import { checkFiles, compileDocument } from '../helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const FILES = ['athletes.workout', 'track-session.workout', 'ten-k-plan.workout', 'runner-strength-a.workout', 'runner-strength-b.workout'];

/** Minutes and seconds per km as a coach says them. */
const pace = (minutes: number, seconds = 0) => minutes * 60 + seconds;
const JANE = { fiveK: pace(4, 30), easy: pace(6), jog: pace(6, 30), walk: pace(12), marathon: pace(5, 10), threshold: pace(4, 35) };
/** Seconds to cover `meters` at `secondsPerKm`. */
const at = (meters: number, secondsPerKm: number) => meters / 1000 * secondsPerKm;
const minutes = (count: number) => count * 60;

/** Each example run and the time her coach gives it, worked out step by step. */
const BY_HAND: Record<string, number> = {
    // 15 min easy; 4 × (20 s strides + 60 s walk); 6 × 800 m at 5K pace with 6 × 400 m jog; 10 min easy.
    'track-800s': minutes(15) + 4 * (20 + 60) + 6 * at(800, JANE.fiveK) + 6 * at(400, JANE.jog) + minutes(10),
    // 15 min easy, 20 min at threshold, 10 min easy.
    'tempo-20': minutes(15 + 20 + 10),
    // 15 min easy; 8 × (60 s up + 90 s jog down); 10 min easy.
    hills: minutes(15) + 8 * (60 + 90) + minutes(10),
    // 10 km easy, then 2 km from marathon pace to threshold (their average).
    'progression-12': at(10_000, JANE.easy) + at(2000, (JANE.marathon + JANE.threshold) / 2),
    // Couch to 5K, week 1: 5 min brisk walk; 8 × (60 s jog + 90 s walk); 5 min walk.
    'couch-to-5k-w1d1': minutes(5) + 8 * (60 + 90) + minutes(5)
};

async function examplesForJane(): Promise<SessionModel[]> {
    const files = Object.fromEntries(FILES.map(name => [name, readFileSync(path.join(EXAMPLES, name), 'utf8')]));
    const documents = await checkFiles(files);
    const sessions = documents.map((document, index) => compileDocument(document.parseResult.value, FILES[index].replace(/\.workout$/, '')));
    const jane = sessions[0].athletes!.find(athlete => athlete.id === 'jane')!;
    return sessions.map(session => forAthlete(session, jane).session);
}

function workoutsOf(sessions: SessionModel[]): Map<string, WorkoutModel> {
    return new Map(sessions.flatMap(session => [...session.workouts, ...session.plans.flatMap(plan => plan.workouts)]).map(workout => [workout.id, workout]));
}

describe('run estimates for an athlete, against her coach\'s arithmetic', () => {
    it.each(Object.keys(BY_HAND))('%s is within 10 percent of the time worked out by hand from her paces', async id => {
        const workout = workoutsOf(await examplesForJane()).get(id);
        expect(workout, `${id} is an example workout`).toBeDefined();
        const byHand = BY_HAND[id];
        expect(Math.abs(workout!.estimatedSeconds - byHand) / byHand, `${id}: ${Math.round(workout!.estimatedSeconds)} s estimated, ${Math.round(byHand)} s by hand`).toBeLessThanOrEqual(0.10);
    });

    it('times the plan\'s long runs at her easy pace, within 10 percent', async () => {
        const sessions = await examplesForJane();
        const plan = sessions.flatMap(session => session.plans).find(candidate => candidate.id === 'ten-k')!;
        const longRuns = plan.weeks.flatMap(week => week.days.flatMap(day => day.items.filter(item => item.entry?.exercise === 'long-run')));
        expect(longRuns.length).toBeGreaterThan(0);
        for (const run of longRuns) {
            const byHand = at(run.entry!.meters!.min, JANE.easy);
            expect(Math.abs(run.estimatedSeconds - byHand) / byHand, `${run.entry!.meters!.min} m`).toBeLessThanOrEqual(0.10);
        }
    });
});
