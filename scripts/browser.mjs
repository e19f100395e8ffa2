// Launches Debian's Chromium through the project's playwright-core, headless and quiet: no
// sandbox (CI runs as root), no GPU, no traffic to anything but 127.0.0.1.
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.WORKOUT_E2E_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser() {
    if (!fs.existsSync(chromiumPath)) {
        throw new Error(`Chromium is not installed at ${chromiumPath}. Run: bash .e2e/install.sh (or apt-get install chromium)`);
    }
    return chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
            // Names other than 127.0.0.1 resolve to nothing: the page cannot reach outside.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
        ]
    });
}
