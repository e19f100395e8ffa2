// The Node.js the `workout` command needs, checked by bin/workout.cjs before the bundle loads
// (the bundle uses Node 22 APIs such as Object.groupBy). Plain old syntax on purpose: this file
// must run, and explain itself, on any Node.
'use strict';

var MINIMUM_MAJOR = 22;

/**
 * One line saying what to do when `version` (e.g. process.versions.node, "20.20.2") is older
 * than the command needs; undefined when it is new enough.
 */
function nodeVersionProblem(version) {
    var major = parseInt(String(version).split('.')[0], 10);
    if (major >= MINIMUM_MAJOR) {
        return undefined;
    }
    return 'workout: needs Node.js ' + MINIMUM_MAJOR + ' or later (this is ' + version + '). '
        + 'Run it through npm (npx workout …), which uses the project\'s Node ' + MINIMUM_MAJOR
        + ', or install Node ' + MINIMUM_MAJOR + '.';
}

module.exports = { MINIMUM_MAJOR: MINIMUM_MAJOR, nodeVersionProblem: nodeVersionProblem };
