// Builds the extension the way a user gets it: the .vsix from `npm run package` when the project
// has that script, otherwise `npm run build` and the checkout itself as the extension folder.
// Used by `npm start` (scripts/main-job.mjs) and the e2e runner (scripts/e2e.mjs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './code-server.mjs';

function hasNpmScript(name) {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    return Boolean(manifest.scripts?.[name]);
}

function npmRun(script) {
    const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`\`npm run ${script}\` failed; see above.`);
}

function vsixFilesSince(time) {
    return [repoRoot, path.join(repoRoot, 'dist')]
        .flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.vsix')).map((f) => path.join(dir, f)) : []))
        .map((file) => ({ file, time: fs.statSync(file).mtimeMs }))
        .filter((entry) => entry.time >= time)
        .sort((a, b) => b.time - a.time)
        .map((entry) => entry.file);
}

/**
 * Builds, and packages when it can. Returns the .vsix path, or undefined when the project has
 * no `package` script (then dist/ is built and the folder is the extension).
 */
export function buildExtension() {
    if (!hasNpmScript('package')) {
        console.log('Building the extension (npm run build)…');
        npmRun('build');
        return undefined;
    }
    console.log('Building and packaging the extension (npm run package)…');
    const startedAt = Date.now() - 1000;
    npmRun('package');
    const [vsix] = vsixFilesSince(startedAt);
    if (!vsix) throw new Error('`npm run package` did not write a .vsix in the project folder or dist/.');
    return vsix;
}

/** The newest .vsix already built, for runs that skip the build (`--no-build`). */
export function existingVsix() {
    return vsixFilesSince(0)[0];
}
