// Entry point of the extension-host test suite, in the shape @vscode/test-electron and
// VS Code's `--extensionTestsPath` expect: a module whose `run()` resolves when every test
// passed and rejects otherwise. The same file runs in desktop VS Code (npm run test:desktop)
// and in code-server's extension host (npm run test:e2e).
//
// Results also go to the file named by WORKOUT_E2E_RESULTS (JSON counts) and WORKOUT_E2E_LOG
// (the spec reporter's text), because code-server's extension host has no terminal to print to.
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const Mocha = require('mocha');

exports.run = function run() {
    const logFile = process.env.WORKOUT_E2E_LOG;
    const resultsFile = process.env.WORKOUT_E2E_RESULTS;
    if (logFile) {
        fs.writeFileSync(logFile, '');
        const print = Mocha.reporters.Base.consoleLog;
        Mocha.reporters.Base.consoleLog = (...args) => {
            print(...args);
            fs.appendFileSync(logFile, util.format(...args) + '\n');
        };
    }
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
    const grep = process.env.WORKOUT_E2E_GREP;
    if (grep) mocha.grep(grep);
    for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.cjs')).sort()) {
        mocha.addFile(path.join(__dirname, file));
    }
    return new Promise((resolve, reject) => {
        const runner = mocha.run((failures) => {
            if (resultsFile) {
                const { passes, failures: failed, tests, pending } = runner.stats;
                fs.writeFileSync(resultsFile, JSON.stringify({ passed: passes, failed, tests, pending }));
            }
            if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
            else resolve();
        });
    });
};
