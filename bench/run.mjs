// `npm run bench`: bundles the benchmark (bench/main.ts and the sources it imports, TypeScript
// ESM with `.js` suffixes) into one CommonJS file with esbuild, the way dist/ is built, then runs
// it in a child Node with `--expose-gc` so heap figures are taken after a full collection.
//
//   npm run bench                      everything; rewrites the figures in docs/benchmarks.md
//   npm run bench -- --no-write        print only
//   npm run bench -- --only core,lsp   some parts: core (parse+check, compile), render, lsp, workspace
//   npm run bench -- --only workspace --sizes 100,1000 [--keystrokes 20]
//                                      the whole-repository bench on some sizes only (default 100,1000,3000)
//   npm run bench -- --profile         also write V8 CPU profiles to bench/.out/profiles
//                                      (summarise one: node bench/profile-summary.mjs FILE)
//   npm run bench -- --quick           fewer runs, nothing written (while working on speed)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'bench/.out/main.cjs');

await esbuild.build({
    entryPoints: [path.join(root, 'bench/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    // Not minified: CPU profiles keep the source's function names.
    minify: false,
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
});

const args = process.argv.slice(2);
const profile = args.includes('--profile');
const nodeFlags = ['--expose-gc'];
const env = { ...process.env };
if (profile) {
    const profiles = path.join(root, 'bench/.out/profiles');
    nodeFlags.push('--cpu-prof', '--cpu-prof-dir', profiles);
    // The workspace bench profiles the language server too: a bundle that keeps function names.
    const server = path.join(root, 'bench/.out/server.cjs');
    await esbuild.build({
        entryPoints: [path.join(root, 'src/server/main.ts')], outfile: server, bundle: true, platform: 'node', target: 'node22', format: 'cjs',
        sourcemap: true, minify: false, logLevel: 'warning',
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
    });
    env.WORKOUT_BENCH_SERVER = server;
    env.WORKOUT_BENCH_SERVER_FLAGS = `--cpu-prof --cpu-prof-dir ${profiles}`;
}
const result = spawnSync(process.execPath, [...nodeFlags, outfile, ...args.filter(arg => arg !== '--profile')], {
    cwd: root,
    env,
    stdio: 'inherit'
});
process.exitCode = result.status ?? 1;
