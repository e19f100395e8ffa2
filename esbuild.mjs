// Bundles the command line, the language server and the extension as CommonJS (Langium is
// ESM-only, VS Code and `require` want CommonJS, and one file loads fast), and the preview's
// webview script as one browser file.
import * as esbuild from 'esbuild';

const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    minify: true,
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

// The script inside the preview webview (src/webview/preview.ts): a classic script in the
// browser, loaded by the page under its nonce (src/extension/preview-html.ts, PREVIEW_SCRIPT).
// No Node banner, no source map next to it (the webview may load only what the .vsix ships).
const webview = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning'
};
await esbuild.build({ ...webview, entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js' });

// The follow-along timer alone (src/webview/timer.ts; the preview's script has it built in):
// the CLI and the extension read this file and the export inlines it under the page's nonce.
await esbuild.build({ ...webview, entryPoints: ['src/webview/timer.ts'], outfile: 'dist/webview/timer.js' });
