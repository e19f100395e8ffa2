// `npm start`: open the examples in a real VS Code with the Workout extension.
//
// This builds the extension (the .vsix from `npm run package` when the project has that
// script, otherwise `npm run build` and this checkout as the extension folder), installs
// code-server if needed (.e2e/install.sh), installs the extension into a fresh code-server profile,
// serves the examples/ folder on 127.0.0.1 and prints the URL. It stays up until Ctrl+C and
// then stops code-server with everything it started.
//
//   npm start                    serve the examples in code-server (browser)
//   npm start -- --port 8080     on a fixed port
//   npm start -- --desktop       install the .vsix into the desktop VS Code (`code`) instead
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { codeServerEntry, installWorkoutExtension, makeSandbox, node24, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { buildExtension } from './extension-build.mjs';

const usage = `Usage: npm start [-- --port N] [-- --desktop]
  --port N     serve on 127.0.0.1:N (default: a free port)
  --desktop    install the extension into the desktop VS Code (\`code\`) and open examples/ there`;

function fail(message) {
    console.error(message);
    process.exit(1);
}

function parseOptions() {
    try {
        const { values } = parseArgs({
            args: process.argv.slice(2),
            options: { port: { type: 'string' }, desktop: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
        });
        if (values.help) {
            console.log(usage);
            process.exit(0);
        }
        const port = values.port === undefined ? undefined : Number(values.port);
        if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
            throw new Error(`--port must be a number from 1 to 65535, not "${values.port}".`);
        }
        return { port, desktop: values.desktop ?? false };
    } catch (error) {
        fail(`${error.message}\n${usage}`);
    }
}

function run(command, args, options = {}) {
    const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    return result.status === 0;
}

function desktopCode() {
    const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
    const command = found.status === 0 ? found.stdout.trim() : '';
    // Inside code-server's own terminal `code` is its remote CLI, not a desktop VS Code.
    return command && !command.includes('remote-cli') ? command : undefined;
}

function installIntoDesktop(code, vsix) {
    if (!vsix) fail('The desktop install needs a .vsix, and package.json has no "package" script to make one.');
    console.log(`Installing ${path.relative(repoRoot, vsix)} into VS Code (${code})…`);
    if (!run(code, ['--install-extension', vsix, '--force'])) fail('`code --install-extension` failed; see above.');
    run(code, [path.join(repoRoot, 'examples')]);
    console.log('Opened examples/ in VS Code.');
}

function ensureCodeServer() {
    // Quick when code-server is installed already with the current lockfile; a few minutes the first time.
    if (!run('bash', [path.join(repoRoot, '.e2e', 'install.sh')])) fail('Installing code-server failed; see above.');
    if (!fs.existsSync(node24) || !fs.existsSync(codeServerEntry)) fail('code-server is still missing after .e2e/install.sh; see above.');
}

async function main() {
    const options = parseOptions();
    const code = desktopCode();
    if (options.desktop && !code) {
        fail('No desktop VS Code found: the `code` command is not on PATH. Run `npm start` without --desktop to use code-server.');
    }
    let vsix;
    try {
        vsix = buildExtension();
    } catch (error) {
        fail(error.message);
    }
    if (options.desktop) {
        installIntoDesktop(code, vsix);
        return;
    }
    ensureCodeServer();

    const sandbox = makeSandbox('workout-start-');
    const how = installWorkoutExtension(sandbox, vsix);
    const server = await startCodeServer({ sandbox, port: options.port });
    const examples = path.join(repoRoot, 'examples');
    const url = workbenchUrl(server, examples);

    console.log('');
    console.log(`Workout extension: ${how}`);
    console.log(`code-server log:   ${sandbox.log}`);
    console.log('');
    console.log('VS Code with the examples is ready at:');
    console.log('');
    console.log(`    ${url}`);
    console.log('');
    console.log('Open a .workout file, then "Workout: Open Preview to the Side" (Ctrl+K V).');
    if (code) console.log(`A desktop VS Code was found (${code}): \`npm start -- --desktop\` installs the extension there instead.`);
    console.log('Press Ctrl+C to stop.');

    let watcher;
    const shutdown = async () => {
        clearInterval(watcher);
        console.log('\nStopping code-server…');
        await server.stop();
        fs.rmSync(sandbox.root, { recursive: true, force: true });
        process.exit(0);
    };
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    // Keep running while code-server does; if it dies, say so and stop.
    watcher = setInterval(() => {
        try {
            process.kill(server.pid, 0);
        } catch {
            clearInterval(watcher);
            console.error(`code-server stopped unexpectedly; its log is ${sandbox.log}`);
            process.exit(1);
        }
    }, 2000);
}

await main();
