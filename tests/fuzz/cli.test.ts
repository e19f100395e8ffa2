/**
 * The quick version of the command-line fuzzing of `npm run fuzz`: odd files (empty, binary,
 * bad UTF-8, a BOM, NUL bytes, deep nesting, other names, folders and symlinks), each through
 * `workout check` or `workout render --format html` in turn. An exit code of 0, 1 or 2, a
 * message and no stack trace; known-open problems left out with a printed reason. The 200 KB
 * line (seconds a command) is for the full run.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, fuzzCli } from './cli-odd-files.js';
import { ROOT } from './generate.js';
import { newFailures } from './quick.js';
import { FailureLog } from './report.js';

const LEFT_FOR_THE_FULL_RUN = ['a 200 KB line'];
const CHECK = COMMANDS.find(command => command.name === 'check')!;
const HTML = COMMANDS.find(command => command.name === 'render --format html')!;

describe('fuzzing the command line (quick)', () => {
    it('odd files through check and render: an exit code, a message, no stack trace', async () => {
        console.warn(`cli: ${LEFT_FOR_THE_FULL_RUN.join(' and ')} left for \`npm run fuzz\` (it takes seconds a command)`);
        const figures = await fuzzCli(process.execPath, path.join(ROOT, 'bin/workout.cjs'), {
            skip: LEFT_FOR_THE_FULL_RUN,
            commandsFor: (_file, index) => [index % 2 === 0 ? CHECK : HTML]
        });
        expect(figures.runs).toBeGreaterThan(12);
        const log = new FailureLog();
        figures.failures.forEach(failure => log.add(failure));
        expect(newFailures(log, 'cli')).toEqual([]);
    }, 300_000);
});
