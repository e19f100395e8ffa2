// Shared by the e2e runner and the UI test: the test workspace and the built extension.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/code-server.mjs';

export const outputDir = path.join(repoRoot, 'test-output', 'e2e');

/** Throws a message a person can act on when the extension has not been built. */
export function assertBuilt() {
    for (const file of ['dist/extension.cjs', 'dist/server.cjs']) {
        if (!fs.existsSync(path.join(repoRoot, file))) {
            throw new Error(`${file} is missing: run \`npm run build\` first.`);
        }
    }
}

/**
 * Fills `dir` with a copy of examples/ and the e2e fixtures (tests/e2e/workspace/), so the
 * tests can edit and format files without touching the repository.
 */
export function prepareWorkspace(dir) {
    fs.mkdirSync(dir, { recursive: true });
    for (const source of [path.join(repoRoot, 'examples'), path.join(repoRoot, 'tests', 'e2e', 'workspace')]) {
        fs.cpSync(source, dir, { recursive: true });
    }
    return dir;
}

export function ensureOutputDir() {
    fs.mkdirSync(outputDir, { recursive: true });
    return outputDir;
}
