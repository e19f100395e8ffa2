// Runs the end-to-end tests in a real VS Code (code-server, installed by .e2e/install.sh):
//   1. the extension-host suite (tests/e2e/suite/), loaded as extension tests by the workbench
//      page, which reports the exit code through `codeAutomationExit`;
//   2. the UI test (tests/e2e/ui/), Playwright driving the workbench like a coach would.
// Each prints a closing line `N passed, N failed`. Output (logs, screenshots) goes to
// test-output/e2e/. It first builds and packages the extension (see extension-build.mjs).
//   node scripts/e2e.mjs [--api|--ui] [--no-build]   (--no-build: use dist/ and the newest .vsix as they are)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { assertInstalled, makeSandbox, remoteUri, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { buildExtension, existingVsix } from './extension-build.mjs';
import { assertBuilt, ensureOutputDir, prepareWorkspace } from '../tests/e2e/support.mjs';

const API_TIMEOUT_MS = 6 * 60_000;
const UI_TIMEOUT_MS = 8 * 60_000;
const suitePath = path.join(repoRoot, 'tests', 'e2e', 'suite', 'index.cjs');
const uiDir = path.join(repoRoot, 'tests', 'e2e', 'ui');

function closingLine(label, { passed, failed }) {
    return `${label}: ${passed} passed, ${failed} failed`;
}

async function runApiSuite(outDir) {
    const started = Date.now();
    const sandbox = makeSandbox('workout-e2e-api-');
    prepareWorkspace(sandbox.workspace);
    const resultsFile = path.join(sandbox.root, 'results.json');
    const logFile = path.join(outDir, 'api-suite.log');
    const server = await startCodeServer({
        sandbox,
        smokeTestDriver: true,
        env: { WORKOUT_E2E_RESULTS: resultsFile, WORKOUT_E2E_LOG: logFile }
    });
    const pageConsole = [];
    let browser;
    let exitCode;
    try {
        browser = await launchBrowser();
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        page.on('console', (message) => pageConsole.push(`[${message.type()}] ${message.text()}`));
        page.on('pageerror', (error) => pageConsole.push(`[pageerror] ${error.message}`));
        page.on('requestfailed', (request) => pageConsole.push(`[requestfailed] ${request.url()} ${request.failure()?.errorText ?? ''}`));
        let reportExit;
        const exited = new Promise((resolve) => { reportExit = resolve; });
        await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
        await page.exposeFunction('codeAutomationLog', (type, args) => pageConsole.push(`[${type}] ${[].concat(args).join(' ')}`));
        const url = workbenchUrl(server, sandbox.workspace, [
            ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
            ['extensionTestsPath', remoteUri(server, suitePath)]
        ]);
        await page.goto(url);
        let timer;
        const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), API_TIMEOUT_MS); });
        exitCode = await Promise.race([exited, timedOut]);
        clearTimeout(timer);
        if (exitCode === 'timeout') {
            await page.screenshot({ path: path.join(outDir, 'api-timeout.png') }).catch(() => {});
        }
    } finally {
        await browser?.close().catch(() => {});
        await server.stop();
        fs.copyFileSync(sandbox.log, path.join(outDir, 'api-code-server.log'));
        fs.writeFileSync(path.join(outDir, 'api-page-console.log'), pageConsole.join('\n') + '\n');
    }

    if (fs.existsSync(logFile)) process.stdout.write(fs.readFileSync(logFile, 'utf8'));
    let counts = { passed: 0, failed: 1 };
    if (fs.existsSync(resultsFile)) {
        counts = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } else {
        console.error(exitCode === 'timeout'
            ? `The extension-host suite did not finish within ${API_TIMEOUT_MS / 60_000} minutes.`
            : `The extension-host suite did not run (exit code ${exitCode}).`);
        console.error('Last messages of the workbench page:\n' + pageConsole.slice(-40).join('\n'));
    }
    if (exitCode !== 0 && counts.failed === 0) counts.failed = 1; // the host failed outside the tests
    console.log(`(extension-host suite: ${((Date.now() - started) / 1000).toFixed(0)}s, exit code ${exitCode}; logs in ${path.relative(repoRoot, outDir)}/)`);
    fs.rmSync(sandbox.root, { recursive: true, force: true });
    return counts;
}

async function runUiSuite() {
    const started = Date.now();
    const files = fs.readdirSync(uiDir).filter((name) => name.endsWith('.test.mjs')).sort().map((name) => path.join(uiDir, name));
    const counts = { passed: 0, failed: 0 };
    let failedSuites = 0;
    // In this process, not a child: the code-server it starts is stopped by this process's
    // exit and signal hooks even when the run is interrupted.
    const stream = run({ files, concurrency: 1, timeout: UI_TIMEOUT_MS, isolation: 'none' });
    stream.on('test:pass', (event) => { if (event.details?.type !== 'suite') counts.passed++; });
    stream.on('test:fail', (event) => {
        if (event.details?.type === 'suite') failedSuites++;
        else counts.failed++;
    });
    for await (const chunk of stream.compose(spec)) process.stdout.write(chunk);
    if (counts.failed === 0 && failedSuites > 0) counts.failed = failedSuites;
    if (counts.passed + counts.failed === 0) counts.failed = 1; // a UI run that ran nothing is a failure
    console.log(`(UI suite: ${((Date.now() - started) / 1000).toFixed(0)}s)`);
    return counts;
}

async function main() {
    const only = process.argv.includes('--api') ? 'api' : process.argv.includes('--ui') ? 'ui' : 'all';
    try {
        assertInstalled();
        const vsix = process.argv.includes('--no-build') ? existingVsix() : buildExtension();
        assertBuilt();
        if (vsix) process.env.WORKOUT_E2E_VSIX = vsix; // the UI test installs it like a user would
    } catch (error) {
        console.error(error.message);
        return 1;
    }
    const outDir = ensureOutputDir();
    const lines = [];
    let failed = 0;
    if (only !== 'ui') {
        console.log('\n== Extension-host suite (VS Code API, in code-server) ==');
        const counts = await runApiSuite(outDir).catch((error) => {
            console.error(`The extension-host suite could not run: ${error.message}`);
            return { passed: 0, failed: 1 };
        });
        failed += counts.failed;
        lines.push(closingLine('api', counts));
    }
    if (only !== 'api') {
        console.log('\n== UI test (Playwright, in code-server) ==');
        const counts = await runUiSuite();
        failed += counts.failed;
        lines.push(closingLine('ui', counts));
    }
    console.log('');
    for (const line of lines) console.log(line);
    return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
