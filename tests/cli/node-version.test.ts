/**
 * `bin/workout.cjs` on a Node.js older than 22 (the bundle needs Object.groupBy and friends):
 * one line that says what to do, exit code 2, before anything of the bundle runs — not
 * "unexpected problem: Object.groupBy is not a function".
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'workout.cjs');
const EXAMPLES = path.join(ROOT, 'examples');
const { MINIMUM_MAJOR, nodeVersionProblem } = createRequire(__filename)('../../bin/node-version.cjs') as {
    MINIMUM_MAJOR: number;
    nodeVersionProblem: (version: string) => string | undefined;
};

const expectedLine = (version: string) =>
    `workout: needs Node.js 22 or later (this is ${version}). Run it through npm (npx workout …), which uses the project's Node 22, or install Node 22.`;

const scratch = mkdtempSync(path.join(tmpdir(), 'workout-node-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the real bin/workout.cjs in the project's Node, which reports `version` as its own. */
function runAs(version: string, ...argv: string[]) {
    const preload = path.join(scratch, `as-${version}.cjs`);
    writeFileSync(preload, `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: ${JSON.stringify(version)} } });\n`);
    return spawnSync(process.execPath, ['--require', preload, BIN, ...argv], { encoding: 'utf8', cwd: ROOT });
}

/** A Node older than 22 on PATH outside node_modules (the machine's own Node), if there is one. */
function oldNodeOnPath(): { file: string; version: string } | undefined {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
        if (!dir || dir.split(path.sep).includes('node_modules')) {
            continue;
        }
        const file = path.join(dir, 'node');
        try {
            accessSync(file, constants.X_OK);
        } catch {
            continue;
        }
        const version = spawnSync(file, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim();
        if (version && Number(version.split('.')[0]) < MINIMUM_MAJOR) {
            return { file, version };
        }
    }
    return undefined;
}

describe('the Node.js version check of bin/workout.cjs', () => {
    it('needs Node 22', () => {
        expect(MINIMUM_MAJOR).toBe(22);
    });

    it.each(['20.20.2', '21.7.3', '18.0.0', '16.20.2'])('refuses Node %s with one line that says what to do', version => {
        expect(nodeVersionProblem(version)).toBe(expectedLine(version));
    });

    it.each(['22.0.0', '22.23.3', '24.21.0', '25.1.0'])('lets Node %s through', version => {
        expect(nodeVersionProblem(version)).toBeUndefined();
    });

    it('prints that one line and exits with 2 when the command runs on Node 20', () => {
        const run = runAs('20.20.2', 'check', EXAMPLES);
        expect(run.stderr).toBe(expectedLine('20.20.2') + '\n');
        expect(run.stdout).toBe('');
        expect(run.status).toBe(2);
    });

    it('runs the command as before on the project\'s Node', () => {
        const run = spawnSync(process.execPath, [BIN, 'check', EXAMPLES], { encoding: 'utf8', cwd: ROOT });
        expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
        expect(run.stderr).not.toContain('needs Node.js');
        expect(run.stderr).toMatch(/files checked: 0 errors/); // the summary goes to stderr
        expect(run.status).toBe(0);
    });

    const old = oldNodeOnPath();
    // Machines without an older Node (most of them) are covered by the faked version above.
    it.skipIf(!old)(`says the same on the machine's own Node (${old ? `${old.file}, ${old.version}` : 'none older than 22 on PATH'})`, () => {
        const run = spawnSync(old!.file, [BIN, 'check', EXAMPLES], { encoding: 'utf8', cwd: ROOT });
        expect(run.stderr).toBe(expectedLine(old!.version) + '\n');
        expect(run.stdout).toBe('');
        expect(run.status).toBe(2);
    });
});
