/**
 * `workout render plan.workout --athlete jane`: the session rendered for one athlete of the
 * project (defined in the file or in a file it imports). Her paces, zones and maxes turn targets
 * into numbers; what her profile cannot resolve is a warning on stderr (`target-needs-profile`),
 * and the rest is still rendered.
 */
import * as path from 'node:path';
import type { Output } from './cli-io.js';
import { forAthlete, IssueCodes, type AthleteModel, type SessionModel } from './engine.js';
import { UsageError } from './files.js';
import type { WorkspaceFile } from './workspace.js';

/** Every athlete defined in the files the command read, by id. */
function athletesOf(workspace: WorkspaceFile[]): Map<string, { athlete: AthleteModel; file: string }> {
    const found = new Map<string, { athlete: AthleteModel; file: string }>();
    for (const entry of workspace) {
        for (const athlete of entry.compile(path.basename(entry.file, '.workout')).athletes ?? []) {
            if (!found.has(athlete.id.toLowerCase())) {
                found.set(athlete.id.toLowerCase(), { athlete, file: entry.file });
            }
        }
    }
    return found;
}

export function sessionForAthlete(session: SessionModel, name: string, workspace: WorkspaceFile[], file: string, output: Output): SessionModel {
    const athletes = athletesOf(workspace);
    const found = athletes.get(name.toLowerCase());
    if (!found) {
        const known = [...athletes.values()].map(({ athlete }) => athlete.id);
        throw new UsageError(known.length > 0
            ? `--athlete ${name}: no such athlete in ${file} or the files it imports; there is ${known.join(', ')}.`
            : `--athlete ${name}: ${file} and the files it imports define no athlete; add \`athlete ${name} "Name" < 5k: 22:30 >\` or \`import\` the file that does.`);
    }
    const rendered = forAthlete(session, found.athlete);
    const folder = path.dirname(file);
    for (const problem of rendered.problems) {
        const where = problem.file ? path.join(folder, problem.file) : file;
        output.err(`${where}:${problem.line}:1 warning ${problem.message} [${IssueCodes.TargetNeedsProfile}]`);
    }
    return rendered.session;
}
