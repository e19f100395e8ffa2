#!/usr/bin/env node
// The `workout` command. The bundle is built by `npm install` (prepare) or `npm run build`.
const problem = require('./node-version.cjs').nodeVersionProblem(process.versions.node);
if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(2);
}
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
    process.stderr.write('workout: the command is not built yet: run `npm install` (or `npm run build`) in the project first.\n');
    process.exit(2);
}
// Node's compile cache (Node >= 22.1; older Nodes skip it): from the second run on, the bundle's
// compiled code is read from the cache instead of compiled again (docs/benchmarks.md).
require('node:module').enableCompileCache?.();
require(bundle);
