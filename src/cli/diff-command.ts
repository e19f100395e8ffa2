/**
 * `workout diff`: what changed in the training between two versions of a plan or workout.
 *
 * Each version is parsed in its own workspace with the files it imports (for `--git`, the
 * imports as they were at that revision), so a plan's workouts resolve as they were then.
 */
import * as path from 'node:path';
import { Command, Option } from 'commander';
import type { ExitCode, ExitWith, Output } from './cli-io.js';
import { diffSessions, renderDiffText, type SessionModel } from './engine.js';
import { mustBeAFile, UsageError } from './files.js';
import { gitTopLevel, readAtRevision } from './git-revision.js';
import { projectRoots } from './project-root.js';
import { seeHelp } from './usage-problems.js';
import { loadWorkspace, namedFile, readFromDisk, type ReadText } from './workspace.js';
import { ProjectSettingsOnDisk } from './project-settings.js';

const FORMATS = ['text', 'json'] as const;
type Format = typeof FORMATS[number];

const USAGE = `<old file> <new file> | --git <rev> <file> [--format ${FORMATS.join('|')}]`;

interface Version {
    /** How the summary names this version: `plan.workout` or `HEAD~1:plan.workout`. */
    label: string;
    session: SessionModel;
}

/** One version of `file`, read by `read`; it must parse, or there is nothing to compare. */
async function loadVersion(file: string, label: string, read: ReadText, baseName: string, settings: ProjectSettingsOnDisk): Promise<Version> {
    const { document, compile } = namedFile(await loadWorkspace([file], { read, check: false, settings }), file);
    const problems = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors];
    if (problems.length > 0) {
        const first = problems[0] as { line?: number; token?: { startLine?: number } };
        const line = first.line ?? first.token?.startLine;
        throw new UsageError(`${label} does not parse${line ? ` (line ${line})` : ''}: run \`workout check\` on it and fix the syntax before comparing.`);
    }
    return { label, session: compile(baseName) };
}

/** The working-tree file and the same file at `rev`. */
async function againstRevision(files: string[], rev: string): Promise<[Version, Version]> {
    if (files.length !== 1) {
        throw new UsageError(`diff --git takes one file: the old version comes from git.\n${seeHelp('diff')}`);
    }
    // `--git=--output=x` would reach git as an option.
    if (rev === '' || rev.startsWith('-')) {
        throw new UsageError(`--git needs a revision such as HEAD~1 or main, not "${rev}".`);
    }
    const [file] = files;
    await mustBeAFile(file);
    const baseName = path.basename(file, '.workout');
    const roots = await projectRoots([file]);
    // Both versions are measured against today's workout.json.
    const after = await loadVersion(file, file, readFromDisk(roots), baseName, new ProjectSettingsOnDisk(roots));
    const before = await loadVersion(file, `${rev}:${file}`, readAtRevision(await gitTopLevel(file), rev), baseName, new ProjectSettingsOnDisk(roots));
    return [before, after];
}

/** Two files on disk, old then new. */
async function betweenFiles(files: string[]): Promise<[Version, Version]> {
    if (files.length !== 2) {
        throw new UsageError(`diff takes the old file and the new file, or --git <rev> and one file.\n${seeHelp('diff')}`);
    }
    const [old, current] = files;
    await mustBeAFile(old);
    await mustBeAFile(current);
    // Entries outside any workout make a workout named after the file: both versions take the
    // new file's name, so that workout compares with itself.
    const baseName = path.basename(current, '.workout');
    const roots = await projectRoots(files);
    const read = readFromDisk(roots);
    return [await loadVersion(old, old, read, baseName, new ProjectSettingsOnDisk(roots)), await loadVersion(current, current, read, baseName, new ProjectSettingsOnDisk(roots))];
}

async function diff(files: string[], options: { format: Format; git?: string }, output: Output): Promise<ExitCode> {
    const [before, after] = options.git !== undefined ? await againstRevision(files, options.git) : await betweenFiles(files);
    const changes = diffSessions(before.session, after.session);
    if (options.format === 'json') {
        output.json({ before: before.label, after: after.label, ...changes });
    } else {
        output.text(`${before.label} → ${after.label}\n\n${renderDiffText(changes)}`);
    }
    return 0;
}

export function diffCommand(output: Output, exitWith: ExitWith): Command {
    return new Command('diff')
        .summary('what changed in the training between two versions')
        .description('Tells what changed in the training between two versions of a plan or workout: sessions moved, '
            + 'minutes and sets per week, exercises swapped. For reviewing a pull request. Each version is read with '
            + 'the files it imports; with --git, as they were at that revision.')
        .usage(USAGE)
        // Checked by the action: how many files depends on --git.
        .argument('[files...]', 'the old file and the new file; with --git, the one file')
        .addOption(new Option('--git <rev>', 'compare the file with its version at this git revision (a commit, branch or tag, e.g. HEAD~1)'))
        .addOption(new Option('-f, --format <format>', 'text: a summary to read; json: the changes as data').choices(FORMATS).default('text'))
        .action(async (files: string[], options: { format: Format; git?: string }) => exitWith(await diff(files, options, output)));
}
