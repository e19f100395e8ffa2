/**
 * `workout diff`: what changed in the training between two versions of a plan or workout.
 *
 *   workout diff <old file> <new file> [--format text|json]
 *   workout diff --git <rev> <file> [--format text|json]
 *
 * Each version is parsed in its own workspace with the files it imports (for `--git`, the
 * imports as they were at that revision), so a plan's workouts resolve as they were then.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createWorkoutServices } from '../language/workout-module.js';
import { isImport, type Document } from '../language/generated/ast.js';
import { diffSessions } from '../core/diff.js';
import type { SessionModel } from '../core/session-model.js';
import { renderDiffText } from '../render/diff.js';
import { readWorkoutText, UsageError } from './files.js';
import type { CliIO } from './main.js';

export const DIFF_USAGE = `  workout diff <old file> <new file> [--format text|json]
  workout diff --git <rev> <file> [--format text|json]`;

const MAX_GIT_OUTPUT_BYTES = 10 * 1024 * 1024;

/** Reads one version of a file by its absolute path; throws a UsageError when it cannot. */
type ReadVersion = (absolutePath: string, requested: boolean) => Promise<string | undefined>;

interface Version {
    /** How the summary names this version: `plan.workout` or `HEAD~1:plan.workout`. */
    label: string;
    session: SessionModel;
}

async function loadVersion(file: string, label: string, read: ReadVersion, baseName: string): Promise<Version> {
    const services = createWorkoutServices(EmptyFileSystem).Workout;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded = new Map<string, LangiumDocument<Document>>();
    const load = async (absolute: string, requested: boolean): Promise<void> => {
        const uri = URI.file(absolute);
        if (loaded.has(uri.toString())) {
            return;
        }
        const text = await read(absolute, requested);
        if (text === undefined) {
            return;
        }
        const document = factory.fromString<Document>(text, uri);
        documents.addDocument(document);
        loaded.set(uri.toString(), document);
        for (const element of document.parseResult.value.elements ?? []) {
            if (isImport(element) && element.path.endsWith('.workout')) {
                await load(path.resolve(path.dirname(absolute), element.path), false);
            }
        }
    };
    const absolute = path.resolve(file);
    await load(absolute, true);
    await services.shared.workspace.DocumentBuilder.build([...loaded.values()], { validation: false });
    const document = loaded.get(URI.file(absolute).toString())!;
    const problems = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors];
    if (problems.length > 0) {
        const first = problems[0] as { line?: number; token?: { startLine?: number } };
        const line = first.line ?? first.token?.startLine;
        throw new UsageError(`${label} does not parse${line ? ` (line ${line})` : ''}: run \`workout check\` on it and fix the syntax before comparing.`);
    }
    return { label, session: services.compiler.Compiler.compileDocument(document.parseResult.value, baseName) };
}

/** The file a coach named must exist and be a file; its imports may be missing. */
async function mustBeAFile(file: string): Promise<void> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
        throw new UsageError(`${file}: no such file.`);
    }
    if (!stat.isFile()) {
        throw new UsageError(`${file}: is not a file; give a .workout file.`);
    }
}

function readWorkingTree(): ReadVersion {
    return async (absolute, requested) => {
        const shown = path.relative(process.cwd(), absolute) || absolute;
        try {
            return await readWorkoutText(shown);
        } catch (error) {
            // A missing import shows up as unresolved names in the summary, not as a failure.
            if (requested || !(error instanceof UsageError)) {
                throw error;
            }
            return undefined;
        }
    };
}

function git(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { maxBuffer: MAX_GIT_OUTPUT_BYTES, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error) {
                const code = (error as NodeJS.ErrnoException).code;
                reject(code === 'ENOENT' ? new UsageError('--git needs the `git` program, and it is not installed or not on the PATH.') : new Error(stderr || error.message));
            } else {
                resolve(stdout);
            }
        });
    });
}

async function gitTopLevel(file: string): Promise<string> {
    const folder = await fs.realpath(path.dirname(path.resolve(file))).catch(() => {
        throw new UsageError(`${file}: no such file or folder.`);
    });
    try {
        return (await git(['-C', folder, 'rev-parse', '--show-toplevel'])).trim();
    } catch (error) {
        if (error instanceof UsageError) {
            throw error;
        }
        throw new UsageError(`${file} is not inside a git repository: --git reads the old version from one. Compare two files instead: workout diff <old> <new>.`);
    }
}

function readAtRevision(topLevel: string, rev: string): ReadVersion {
    return async (absolute, requested) => {
        const real = path.join(await fs.realpath(path.dirname(absolute)).catch(() => path.dirname(absolute)), path.basename(absolute));
        const inRepo = path.relative(topLevel, real).split(path.sep).join('/');
        if (inRepo.startsWith('../')) {
            if (requested) {
                throw new UsageError(`${absolute} is outside the git repository at ${topLevel}.`);
            }
            return undefined;
        }
        try {
            const text = await git(['-C', topLevel, 'show', `${rev}:${inRepo}`]);
            return text.replace(/^\uFEFF/, '');
        } catch (error) {
            if (error instanceof UsageError) {
                throw error;
            }
            if (!requested) {
                return undefined;
            }
            const message = (error as Error).message;
            if (/does not exist in|exists on disk, but not in/.test(message)) {
                throw new UsageError(`${inRepo} does not exist in ${rev}: there is no old version to compare with.`);
            }
            throw new UsageError(`git cannot find the revision "${rev}": give a commit, branch or tag, e.g. --git HEAD~1 or --git main.`);
        }
    };
}

export async function diff(argv: string[], io: CliIO): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, git: { type: 'string' } } });
    } catch (error) {
        throw new UsageError(`${(error as Error).message.split('\n')[0]}\nUsage:\n${DIFF_USAGE}`);
    }
    const format = parsed.values.format ?? 'text';
    if (format !== 'text' && format !== 'json') {
        throw new UsageError(`--format must be one of text, json, not "${format}".`);
    }
    const rev = parsed.values.git;
    const files = parsed.positionals;
    let before: Version;
    let after: Version;
    if (rev !== undefined) {
        if (files.length !== 1) {
            throw new UsageError(`diff --git takes one file: the old version comes from git.\nUsage:\n${DIFF_USAGE}`);
        }
        if (rev === '' || rev.startsWith('-')) {
            throw new UsageError(`--git needs a revision such as HEAD~1 or main, not "${rev}".`);
        }
        const [file] = files;
        await mustBeAFile(file);
        const baseName = path.basename(file, '.workout');
        after = await loadVersion(file, file, readWorkingTree(), baseName);
        before = await loadVersion(file, `${rev}:${file}`, readAtRevision(await gitTopLevel(file), rev), baseName);
    } else {
        if (files.length !== 2) {
            throw new UsageError(`diff takes the old file and the new file, or --git <rev> and one file.\nUsage:\n${DIFF_USAGE}`);
        }
        await mustBeAFile(files[0]);
        await mustBeAFile(files[1]);
        const baseName = path.basename(files[1], '.workout');
        before = await loadVersion(files[0], files[0], readWorkingTree(), baseName);
        after = await loadVersion(files[1], files[1], readWorkingTree(), baseName);
    }
    const changes = diffSessions(before.session, after.session);
    if (format === 'json') {
        io.out(JSON.stringify({ before: before.label, after: after.label, ...changes }, null, 2));
    } else {
        io.out(`${before.label} → ${after.label}\n\n${renderDiffText(changes)}`);
    }
    return 0;
}
