/**
 * `workout check`: the editor's checks for CI and the terminal. Prints one line per problem,
 * `file:line:col severity message [code]`, or a JSON report; exits 1 when a file has errors.
 */
import { Command, Option } from 'commander';
import type { ExitCode, ExitWith, Output } from './cli-io.js';
import { formatText, sortReported, toReported } from './diagnostics.js';
import { collectWorkoutFiles, UsageError } from './files.js';
import { seeHelp } from './usage-problems.js';
import { projectRoots } from './project-root.js';
import { ProjectSettingsOnDisk } from './project-settings.js';
import { loadWorkspace, readFromDisk } from './workspace.js';

const FORMATS = ['text', 'json'] as const;
type Format = typeof FORMATS[number];

async function check(paths: string[], format: Format, output: Output): Promise<ExitCode> {
    if (paths.length === 0) {
        throw new UsageError(`check needs at least one file or folder.\n${seeHelp('check')}`);
    }
    const roots = await projectRoots(paths);
    const settings = new ProjectSettingsOnDisk(roots);
    const checked = await loadWorkspace(await collectWorkoutFiles(paths), { read: readFromDisk(roots), settings });
    const reported = sortReported([...settings.problems(), ...checked.flatMap(({ file, diagnostics }) => diagnostics.map(d => toReported(file, d)))]);
    const count = (severity: string) => reported.filter(d => d.severity === severity).length;
    const summary = { files: checked.length, errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') };
    if (format === 'json') {
        output.json({ files: checked.map(c => c.file), diagnostics: reported, summary });
    } else {
        reported.forEach(d => output.text(formatText(d)));
        const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        output.err(`${plural(summary.files, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.hints + summary.infos, 'hint')}.`);
    }
    return summary.errors > 0 ? 1 : 0;
}

export function checkCommand(output: Output, exitWith: ExitWith): Command {
    return new Command('check')
        .summary('check .workout files as the editor does')
        .description('Parses and checks .workout files as the editor does (folders are searched recursively) and prints '
            + 'one line per problem: file:line:col severity message [code]. Warnings and hints alone still exit 0.')
        .usage(`<files or folders…> [--format ${FORMATS.join('|')}]`)
        // Checked by the action, to say what is missing in a coach's words.
        .argument('[files or folders...]', '.workout files, and folders to search for them')
        .addOption(new Option('-f, --format <format>', 'text: a line per problem, a summary on stderr; json: files, diagnostics and a summary').choices(FORMATS).default('text'))
        .action(async (paths: string[], options: { format: Format }) => exitWith(await check(paths, options.format, output)));
}
