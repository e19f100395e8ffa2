/**
 * `workout render FILE --athlete NAME`: the session in one athlete's numbers. Her profile may be
 * in the file or in a file it imports; what it cannot resolve is a warning on stderr with its
 * line and code, and the rest is still rendered.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectProblem, scratchFolder } from './run-cli.js';

const ATHLETES = `athlete jane "Jane Doe" <
  5k: 22:30
  max-hr: 188
  1rm back-squat: 100kg
>
`;
const SESSION = `import "athletes.workout"

workout track "800s" <
  6 x 800m interval-run @ 5k-pace rest 400m jog
  20min run @ 90% ftp
  3 x 5 back-squat @ 75%
>
`;

describe('workout render --athlete', () => {
    const dir = scratchFolder({ 'athletes.workout': ATHLETES, 'track.workout': SESSION });
    const file = path.join(dir, 'track.workout');

    it('renders the session in her numbers, with what her profile lacks on stderr', async () => {
        const run = await cli('render', file, '--athlete', 'jane', '--format', 'html');
        expect(run.code).toBe(0);
        expect(run.out).toContain('@ 5K pace (4:30/km)');
        expect(run.out).toContain('@ 75% 1RM (75 kg)');
        expect(run.err).toMatch(/track\.workout:5:1 warning Run @ 90% of FTP: Jane Doe's profile .*`ftp: …w`.* \[target-needs-profile\]/);
    });

    it('puts the numbers in the JSON too, and says whom it is for', async () => {
        const run = await cli('render', file, '--athlete', 'JANE');
        const session = JSON.parse(run.out);
        expect(session.athlete).toEqual({ id: 'jane', name: 'Jane Doe' });
        expect(session.workouts[0].blocks[0].entries[0].load.resolved).toEqual({ value: 270, unit: 's/km' });
    });

    it('without --athlete, renders the targets as written', async () => {
        const run = await cli('render', file, '--format', 'html');
        expect(run.out).toContain('@ 5K pace</span>');
        expect(run.err).toBe('');
    });

    it('names the athletes there are when the name is not one of them', async () => {
        expectProblem(await cli('render', file, '--athlete', 'joe'), /--athlete joe: no such athlete .*there is jane/);
        const alone = scratchFolder({ 'w.workout': 'workout w < 10 squats >\n' });
        expectProblem(await cli('render', path.join(alone, 'w.workout'), '--athlete', 'jane'), /define no athlete/);
    });
});
