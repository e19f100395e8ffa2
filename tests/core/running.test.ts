/**
 * The running rules of core/running.ts and core/athlete.ts without a parser: Riegel's formula,
 * threshold pace, default paces by level, heart-rate zones, intensities, loads rounded to plates,
 * and a session rendered for an athlete with what her profile cannot resolve.
 */
import { describe, expect, it } from 'vitest';
import { applyFact, emptyAthlete, forAthlete, resolveTarget, roundToPlates, typicalAthlete } from '../../src/core/athlete.js';
import {
    defaultPaceSource, formatPace, formatPaceBand, kilometresPerHour, metersPerSecond, namedPaceOf, paceIntensity, paceOf, riegelSeconds,
    targetIntensity, targetNumbers, zoneBpm
} from '../../src/core/running.js';
import type { AthleteModel, EntryModel, SessionModel } from '../../src/core/session-model.js';

const jane = (): AthleteModel => {
    const athlete = emptyAthlete('jane', 'Jane', 1);
    for (const [key, value] of [['5k', '22:30'], ['max-hr', '188'], ['lthr', '172'], ['1rm back-squat', '100kg'], ['units', 'km']]) {
        expect(applyFact(athlete, key, value, name => name)).toBeUndefined();
    }
    return athlete;
};

describe('paces from race times', () => {
    it('predicts one race from another by Riegel (t2 = t1 · (d2/d1)^1.06)', () => {
        expect(riegelSeconds({ meters: 5000, seconds: 1200 }, 10000)).toBeCloseTo(1200 * Math.pow(2, 1.06));
    });

    it('names race paces and training paces', () => {
        expect(['5k-pace', '10k-pace', 'half-marathon-pace', 'marathon-pace', 'threshold', 'tempo', 'easy', 'mile-pace', '1500m-pace'].map(namedPaceOf))
            .toEqual(['5k', '10k', 'half-marathon', 'marathon', 'threshold', 'threshold', 'easy', 'mile', '1500m']);
        expect(namedPaceOf('fast')).toBeUndefined();
    });

    it('derives every named pace from one result: threshold is the pace of a one-hour race, easy 25–40 % slower than 5K pace', () => {
        const source = { races: [{ meters: 5000, seconds: 20 * 60 }] };
        expect(paceOf('5k', source)).toEqual({ min: 240, max: 240 });
        expect(paceOf('easy', source)).toEqual({ min: 300, max: 336 });
        const threshold = paceOf('threshold', source)!.min;
        const hourMeters = 5000 * Math.pow(3600 / 1200, 1 / 1.06);
        expect(threshold).toBeCloseTo(3600 / (hourMeters / 1000));
        expect(threshold).toBeGreaterThan(paceOf('10k', source)!.min);
        expect(threshold).toBeLessThan(paceOf('half-marathon', source)!.min);
    });

    it('a pace written outright wins over the prediction', () => {
        expect(paceOf('threshold', { races: [{ meters: 5000, seconds: 1200 }], paces: { threshold: 275 } })).toEqual({ min: 275, max: 275 });
    });

    it('defaults by level: beginners run slower than advanced runners', () => {
        expect(paceOf('easy', defaultPaceSource('beginner'))!.min).toBeGreaterThan(paceOf('easy', defaultPaceSource('advanced'))!.min);
    });

    it('words paces per km and per mile', () => {
        expect(formatPace(270)).toBe('4:30/km');
        expect(formatPace(270, 'mi')).toBe('7:15/mi');
        expect(formatPaceBand({ min: 260, max: 270 })).toBe('4:20–4:30/km');
    });
});

describe('intensity', () => {
    const runner = defaultPaceSource('intermediate');

    it('places a pace between the runner\'s own paces', () => {
        expect(paceIntensity(paceOf('easy', runner)!.max, runner)).toBe('easy');
        expect(paceIntensity(paceOf('threshold', runner)!.min, runner)).toBe('threshold');
        expect(paceIntensity(paceOf('5k', runner)!.min, runner)).toBe('interval');
        expect(paceIntensity(paceOf('mile', runner)!.min * 0.95, runner)).toBe('repetition');
    });

    it('reads zones, shares of heart rate and of FTP, and RPE', () => {
        expect(targetIntensity({ kind: 'hr-zone', value: 2, unit: 'zone' }, runner)).toBe('easy');
        expect(targetIntensity({ kind: 'hr-zone', value: 4, unit: 'zone' }, runner)).toBe('threshold');
        expect(targetIntensity({ kind: 'percent-ftp', value: 110, unit: '%' }, runner)).toBe('interval');
        expect(targetIntensity({ kind: 'rpe', value: 3, unit: 'rpe' }, runner)).toBe('easy');
        expect(targetIntensity({ kind: 'named-pace', value: null, unit: null, pace: 'easy', progression: true, toPace: 'threshold' }, runner)).toBe('moderate');
    });

    it('turns zones into heart rates from LTHR (Friel) or else max HR', () => {
        expect(zoneBpm(2, 2, { lthr: 170 })).toEqual({ min: Math.round(0.85 * 170), max: Math.round(0.89 * 170) });
        expect(zoneBpm(2, 2, { maxHr: 190 })).toEqual({ min: 114, max: 133 });
        expect(zoneBpm(2, 2, {})).toBeUndefined();
    });
});

describe('an athlete\'s numbers', () => {
    it('rounds loads to plates: 2.5 kg, 5 lb', () => {
        expect(roundToPlates(76.3, 'kg')).toBe(77.5);
        expect(roundToPlates(183, 'lb')).toBe(185);
    });

    it('resolves what the profile gives and says what it lacks', () => {
        const athlete = jane();
        expect(resolveTarget({ kind: 'percent-1rm', value: 72, unit: '%' }, 'back-squat', 'Back Squat', athlete)).toEqual({ resolved: { value: 72.5, unit: 'kg' } });
        expect(resolveTarget({ kind: 'percent-tm', value: 70, unit: '%' }, 'back-squat', 'Back Squat', athlete)).toEqual({ resolved: { value: 62.5, unit: 'kg' } });
        expect(resolveTarget({ kind: 'percent-ftp', value: 90, unit: '%' }, 'run', 'Run', athlete)).toEqual({ needs: '`ftp: …w`' });
        expect(resolveTarget({ kind: 'percent-1rm', value: 70, unit: '%' }, 'deadlift', 'Deadlift', athlete)).toMatchObject({ needs: expect.stringContaining('1rm deadlift') });
    });

    it('reads facts in any order and refuses nonsense with a message', () => {
        const athlete = emptyAthlete('sam', 'Sam', 1);
        expect(applyFact(athlete, 'recent-race', '10k 47:10', name => name)).toBeUndefined();
        expect(applyFact(athlete, 'half-marathon', '1:45:00', name => name)).toBeUndefined();
        expect(athlete.races).toEqual([{ meters: 10000, seconds: 2830 }, { meters: 21097.5, seconds: 6300 }]);
        expect(applyFact(athlete, 'max-hr', '300', name => name)).toMatchObject({ severity: 'error' });
        expect(applyFact(athlete, 'shoe-size', '38', name => name)).toMatchObject({ severity: 'warning' });
    });

    it('renders a session for her: a copy with her numbers and runs at her pace, and the targets she lacks facts for', () => {
        const run = (load: EntryModel['load'], line: number): EntryModel => ({
            type: 'entry', exercise: 'interval-run', name: 'Interval Run', known: true, sets: 1, side: 'both', run: true, line,
            meters: { min: 1000, max: 1000 }, distanceUnit: 'm', load, estimatedSeconds: 360
        });
        const session: SessionModel = {
            workouts: [{
                id: 'w', name: 'W', line: 1, estimatedSeconds: 720, muscles: {}, equipment: [],
                blocks: [{ type: 'block', kind: 'section', line: 1, estimatedSeconds: 720, entries: [
                    run({ kind: 'named-pace', value: null, unit: null, pace: '5k' }, 2),
                    run({ kind: 'percent-ftp', value: 90, unit: '%' }, 3)
                ] }]
            }],
            plans: []
        };
        const { session: hers, problems } = forAthlete(session, jane());
        const [fiveK, ftp] = hers.workouts[0].blocks[0].entries as EntryModel[];
        expect(fiveK.load!.resolved).toEqual({ value: 270, unit: 's/km' });
        expect(fiveK.estimatedSeconds).toBeCloseTo(270);
        expect(ftp.load!.resolved).toBeUndefined();
        expect(problems).toEqual([{ line: 3, message: expect.stringContaining('`ftp: …w`') }]);
        expect(hers.athlete).toEqual({ id: 'jane', name: 'Jane' });
        // The session it was given is not changed.
        expect((session.workouts[0].blocks[0].entries[0] as EntryModel).load!.resolved).toBeUndefined();
    });
});

describe('a target\'s numbers', () => {
    it('a pace, a band, a pace per mile and a treadmill speed are paces per km, the faster first', () => {
        expect(targetNumbers({ kind: 'pace', value: 270, unit: 'min/km' })).toEqual({ unit: 's/km', min: 270, max: 270 });
        expect(targetNumbers({ kind: 'pace', value: 260, max: 270, unit: 'min/km' })).toEqual({ unit: 's/km', min: 260, max: 270 });
        expect(targetNumbers({ kind: 'pace', value: 420, unit: 'min/mi' })!.min).toBeCloseTo(420 / 1.609344);
        // A progression from 5:30/km to 4:40/km moves through the band between them.
        expect(targetNumbers({ kind: 'pace', value: 330, max: 280, unit: 'min/km', progression: true })).toEqual({ unit: 's/km', min: 280, max: 330 });
        expect(targetNumbers({ kind: 'speed', value: 12, unit: 'kph' })).toEqual({ unit: 's/km', min: 300, max: 300 });
        expect(kilometresPerHour(10, 'mph')).toBeCloseTo(16.09344);
        expect(metersPerSecond(270)).toBeCloseTo(3.7037, 4);
    });

    it('heart rates and powers as written; named paces, zones and shares only once resolved', () => {
        expect(targetNumbers({ kind: 'heart-rate', value: 140, max: 150, unit: 'bpm' })).toEqual({ unit: 'bpm', min: 140, max: 150 });
        expect(targetNumbers({ kind: 'power', value: 250, unit: 'w' })).toEqual({ unit: 'w', min: 250, max: 250 });
        expect(targetNumbers({ kind: 'hr-zone', value: 2, unit: 'zone' })).toBeUndefined();
        expect(targetNumbers({ kind: 'hr-zone', value: 2, unit: 'zone', resolved: { value: 146, max: 153, unit: 'bpm' } })).toEqual({ unit: 'bpm', min: 146, max: 153 });
        expect(targetNumbers({ kind: 'named-pace', value: null, unit: null, pace: '5k', resolved: { value: 434, unit: 's/mi' } })!.min).toBeCloseTo(434 / 1.609344);
        expect(targetNumbers({ kind: 'rpe', value: 7, unit: 'rpe' })).toBeUndefined();
        expect(targetNumbers({ kind: 'percent-1rm', value: 70, unit: '%', resolved: { value: 70, unit: 'kg' } })).toBeUndefined();
    });

    it('a typical runner of a level gives named paces from the level\'s 5K, and nothing else', () => {
        const typical = typicalAthlete('intermediate');
        expect(resolveTarget({ kind: 'named-pace', value: null, unit: null, pace: '5k' }, 'run', 'Run', typical)).toEqual({ resolved: { value: 288, unit: 's/km' } });
        expect(resolveTarget({ kind: 'hr-zone', value: 2, unit: 'zone' }, 'run', 'Run', typical)).toMatchObject({ needs: expect.any(String) });
        expect(typicalAthlete('beginner').races).toEqual(defaultPaceSource('beginner').races);
    });
});
