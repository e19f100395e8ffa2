// `npm run test:desktop`: the extension-host suite (tests/e2e/suite/) in desktop VS Code,
// downloaded by @vscode/test-electron. It needs a machine that can download VS Code (and a
// display, or xvfb-run on Linux); on machines that only reach the npm registry use
// `npm run test:e2e`, which runs the same suite in code-server.
//   VSCODE_VERSION=1.100.0 npm run test:desktop    pick a version (default: stable)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { quietUserSettings, repoRoot } from './code-server.mjs';
import { assertBuilt, ensureOutputDir, prepareWorkspace } from '../tests/e2e/support.mjs';

async function main() {
    try {
        assertBuilt();
    } catch (error) {
        console.error(error.message);
        return 1;
    }
    const outDir = ensureOutputDir();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-e2e-desktop-'));
    const workspace = prepareWorkspace(path.join(root, 'workspace'));
    const resultsFile = path.join(root, 'results.json');
    fs.mkdirSync(path.join(root, 'user-data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(root, 'user-data', 'User', 'settings.json'), JSON.stringify(quietUserSettings, null, 4));
    let exitCode;
    try {
        exitCode = await runTests({
            version: process.env.VSCODE_VERSION ?? 'stable',
            extensionDevelopmentPath: repoRoot,
            extensionTestsPath: path.join(repoRoot, 'tests', 'e2e', 'suite', 'index.cjs'),
            extensionTestsEnv: { WORKOUT_E2E_RESULTS: resultsFile, WORKOUT_E2E_LOG: path.join(outDir, 'desktop-suite.log') },
            launchArgs: [
                workspace,
                '--disable-extensions', // other installed extensions; the one under test still loads
                '--disable-workspace-trust',
                '--skip-welcome',
                '--skip-release-notes',
                '--user-data-dir', path.join(root, 'user-data'),
                '--extensions-dir', path.join(root, 'extensions')
            ]
        });
    } catch (error) {
        console.error(`The desktop run failed: ${error.message ?? error}`);
        exitCode = 1;
    }
    const counts = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 1 };
    if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
    fs.rmSync(root, { recursive: true, force: true });
    console.log(`\ndesktop: ${counts.passed} passed, ${counts.failed} failed`);
    return counts.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
