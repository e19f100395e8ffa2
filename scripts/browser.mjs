// The one place that launches a browser, for the browser test of the preview
// (tests/browser/) and the end-to-end tests (scripts/e2e.mjs, tests/e2e/ui/): Chromium through
// the project's playwright-core, headless and quiet — no sandbox (CI runs as root), no GPU, no
// traffic to anything but 127.0.0.1.
//
// Which Chromium:
//   - WORKOUT_E2E_CHROMIUM=/path/to/chrome: that one (e.g. Debian's /usr/bin/chromium, or a
//     local Chrome on a machine the packaged one does not run on);
//   - otherwise the headless Chromium of the npm package @sparticuz/chromium (a dev
//     dependency; Linux x64), which ships it brotli-compressed. It is unpacked once per package
//     version into <tmp>/workout-chromium-<version>-<uid>/ (about 210 MB, 3 s) and reused from
//     there. Nothing is downloaded: the binary is inside the package npm installed.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** The flags every launch gets (playwright-core adds --headless and --no-sandbox itself too). */
export const QUIET_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    // Names other than 127.0.0.1 resolve to nothing: the page cannot reach outside.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
];

const PACKAGE = '@sparticuz/chromium';
const OVERRIDE = 'WORKOUT_E2E_CHROMIUM';
/** The files the package unpacks beside the binary: the browser loads its GL libraries from its own folder. */
const UNPACKED = ['chromium', 'libEGL.so', 'libGLESv2.so', path.join('fonts', 'fonts.conf')];
/** Written beside them by this script (see fontsConf). */
const FONTS_CONF = 'workout-fonts.conf';
/** Staging folders older than this were left by a run that was killed while unpacking. */
const STALE_STAGING_MS = 60 * 60_000;

/**
 * The Chromium to launch and where it comes from, unpacking the packaged one when needed.
 * @returns {Promise<{ executablePath: string, source: string, env?: Record<string, string> }>}
 */
export async function findChromium() {
    const override = process.env[OVERRIDE];
    if (override) {
        if (!fs.existsSync(override)) {
            throw new Error(`${OVERRIDE}=${override}, but there is no such file. Unset it to use the Chromium of ${PACKAGE}.`);
        }
        return { executablePath: override, source: `${OVERRIDE}=${override}` };
    }
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(`The Chromium of ${PACKAGE} runs on Linux x64 only (this is ${process.platform} ${process.arch}). `
            + `Point ${OVERRIDE} at a local Chrome or Chromium, e.g. ${OVERRIDE}=/usr/bin/chromium.`);
    }
    const { entry, version } = packageInfo();
    const dir = await unpacked(entry, version);
    return {
        executablePath: path.join(dir, 'chromium'),
        source: `${PACKAGE} ${version}`,
        // Fonts: the system's (when it has a fontconfig) and the package's Open Sans, so a
        // machine without any font still draws text.
        env: { FONTCONFIG_FILE: path.join(dir, FONTS_CONF) }
    };
}

/** Launches the browser headless with the quiet flags. */
export async function launchBrowser() {
    const found = await findChromium();
    return chromium.launch({
        executablePath: found.executablePath,
        headless: true,
        args: QUIET_ARGS,
        env: found.env ? { ...process.env, ...found.env } : undefined
    });
}

function packageInfo() {
    let entry;
    try {
        entry = createRequire(import.meta.url).resolve(PACKAGE);
    } catch {
        throw new Error(`${PACKAGE} is not installed: run \`npm install\` in the project (or set ${OVERRIDE} to a Chromium).`);
    }
    let dir = path.dirname(entry);
    while (!fs.existsSync(path.join(dir, 'package.json'))) {
        dir = path.dirname(dir);
    }
    const { name, version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (name !== PACKAGE) {
        throw new Error(`Could not find the folder of ${PACKAGE} (found ${name} at ${dir}).`);
    }
    return { entry, version };
}

function isComplete(dir, files = [...UNPACKED, FONTS_CONF]) {
    return files.every(file => fs.existsSync(path.join(dir, file)));
}

/** Removes this user's staging folders that a killed run left behind (210 MB each). */
function removeStaleStaging(dir) {
    const prefix = `${path.basename(dir)}.partial-`;
    for (const name of fs.readdirSync(path.dirname(dir))) {
        if (!name.startsWith(prefix)) {
            continue;
        }
        const folder = path.join(path.dirname(dir), name);
        try {
            const stat = fs.statSync(folder);
            const ours = typeof process.getuid !== 'function' || stat.uid === process.getuid();
            if (ours && Date.now() - stat.mtimeMs > STALE_STAGING_MS) {
                fs.rmSync(folder, { recursive: true, force: true });
            }
        } catch {
            // Gone meanwhile, or not ours to remove.
        }
    }
}

/**
 * The folder holding the unpacked browser of this package version: reused when complete and
 * ours; otherwise unpacked into a fresh folder beside it, which is then renamed into place in
 * one step, so a run that is interrupted, or two runs at once, never leave a half-written one.
 */
async function unpacked(entry, version) {
    const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
    const dir = path.join(os.tmpdir(), `workout-chromium-${version}-${uid}`);
    if (fs.existsSync(dir)) {
        const owner = fs.statSync(dir).uid;
        if (typeof process.getuid === 'function' && owner !== process.getuid()) {
            throw new Error(`${dir} belongs to another user (uid ${owner}); remove it or set ${OVERRIDE}.`);
        }
        if (isComplete(dir)) {
            return dir;
        }
        // Incomplete (e.g. a temp cleaner removed files): unpack again.
        fs.rmSync(dir, { recursive: true, force: true });
    }
    removeStaleStaging(dir);
    const staging = fs.mkdtempSync(`${dir}.partial-`);
    try {
        // The package unpacks into os.tmpdir(): a child process with TMPDIR set to the staging
        // folder keeps that out of the shared temp folder and leaves this process's env alone.
        await promisify(execFile)(process.execPath, [
            '--input-type=module',
            '--eval',
            `const { default: chromium } = await import(${JSON.stringify(pathToFileURL(entry).href)}); await chromium.executablePath();`
        ], { env: { ...process.env, TMPDIR: staging }, timeout: 300_000 });
        if (!isComplete(staging, UNPACKED)) {
            throw new Error(`unpacking ${PACKAGE} ${version} left an incomplete folder ${staging}`);
        }
        fs.writeFileSync(path.join(staging, FONTS_CONF), fontsConf(dir));
        try {
            fs.renameSync(staging, dir);
        } catch (error) {
            if (!isComplete(dir)) {
                throw error;
            }
            // Another run unpacked the same version first: use that one.
        }
    } finally {
        fs.rmSync(staging, { recursive: true, force: true });
    }
    return dir;
}

function fontsConf(dir) {
    return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by scripts/browser.mjs: the system's fonts when it has any, and Open Sans from ${PACKAGE}. -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;
}
