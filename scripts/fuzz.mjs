// `npm run fuzz`: bundles the fuzz run (tests/fuzz/run.ts) with esbuild and starts it with the
// Node that runs this script (the project's Node 22 under npm). The language server bundle the
// run drives (dist/server.cjs) is rebuilt first when the sources are newer. Options go after
// `--`: npm run fuzz -- --seed 42 --documents 1000 --edits 100 (see tests/fuzz/run.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules/.cache/workout-fuzz/run.cjs');

function newest(folder) {
    return Math.max(0, ...readdirSync(folder, { withFileTypes: true }).map(entry => {
        const full = path.join(folder, entry.name);
        return entry.isDirectory() ? newest(full) : statSync(full).mtimeMs;
    }));
}

const server = path.join(root, 'dist/server.cjs');
if (!existsSync(server) || statSync(server).mtimeMs < newest(path.join(root, 'src'))) {
    console.log('fuzz: dist/ is older than src/, bundling it first (node esbuild.mjs)');
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
        process.exit(build.status ?? 1);
    }
}

mkdirSync(path.dirname(out), { recursive: true });
await esbuild.build({
    entryPoints: [path.join(root, 'tests/fuzz/run.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
});

const run = spawnSync(process.execPath, ['--enable-source-maps', out, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WORKOUT_FUZZ_ROOT: root }
});
process.exit(run.status ?? 1);
