// Bundles the command line (and, later, the language server and the extension) as CommonJS:
// Langium is ESM-only, VS Code and `require` want CommonJS, and one file loads fast.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    minify: !watch,
    logLevel: 'warning',
    // Langium's ESM code reads import.meta.url in a few places; CommonJS has __filename.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

const builds = [
    { entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.cjs' },
    { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.cjs' },
    // `vscode` is provided by the editor at run time.
    { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }
];

for (const build of builds) {
    await esbuild.build({ ...common, ...build });
}
