// `npm install` and `npm ci` run `prepare`, which built everything every time (about half a
// minute): now only when dist/ is missing or older than something it is built from. The build is
// a pure function of these inputs; `npm run build` still rebuilds unconditionally.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['dist/cli.cjs', 'dist/server.cjs', 'dist/extension.cjs', 'syntaxes/workout.tmLanguage.json'];
const INPUTS = ['src', 'data', 'language', 'esbuild.mjs', 'langium-config.json', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/extend-tmlanguage.mjs'];
// Written by the build itself (langium generate), before dist/.
const GENERATED = path.join(root, 'src/language/generated');

function newest(file) {
    if (!existsSync(file) || file === GENERATED) {
        return 0;
    }
    const stat = statSync(file);
    if (!stat.isDirectory()) {
        return stat.mtimeMs;
    }
    return Math.max(0, ...readdirSync(file).map(name => newest(path.join(file, name))));
}

const outputs = OUTPUTS.map(file => path.join(root, file));
const built = outputs.every(existsSync) ? Math.min(...outputs.map(file => statSync(file).mtimeMs)) : 0;
const changed = Math.max(...INPUTS.map(file => newest(path.join(root, file))));
if (built > 0 && built >= changed) {
    console.log('prepare: dist/ is up to date with its sources; skipping the build (`npm run build` forces it).');
} else {
    // The npm that runs this script (npm_execpath), else the one on the PATH.
    const npm = process.env.npm_execpath;
    const result = npm && npm.endsWith('.js')
        ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
        : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    process.exitCode = result.status ?? 1;
}
