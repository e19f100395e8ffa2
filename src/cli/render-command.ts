/**
 * `workout render`: the sessions of one file as the session model (JSON), a Markdown sheet, a
 * self-contained HTML page to print or play along with (its timer: timer-script.ts), or a
 * plan's weeks as a calendar. A file with syntax errors is not rendered: the errors are printed
 * instead (exit 1); one whose only errors are unknown names or amounts is, with the errors noted.
 *
 * `--out` never replaces a `.workout` file (nor, through a link, the file being rendered), and
 * writes all or nothing (atomic-write.ts).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { writeAtomically } from './atomic-write.js';
import { jsonText, type ExitCode, type ExitWith, type Output } from './cli-io.js';
import { formatText, toReported } from './diagnostics.js';
import { isoDate, parseMonday, renderPlansIcs, renderSessionHtml, renderSessionMarkdown, type CalendarDate, type SessionModel } from './engine.js';
import { blockingErrors } from './engine.js';
import { mustBeAFile, UsageError } from './files.js';
import { projectRoots } from './project-root.js';
import { ProjectSettingsOnDisk } from './project-settings.js';
import { fitOutOption, writeFitFiles } from './fit-output.js';
import { readTimerScript } from './timer-script.js';
import { seeHelp } from './usage-problems.js';
import { sessionForAthlete } from './athlete-option.js';
import { loadWorkspace, namedFile, readFromDisk } from './workspace.js';

const FORMATS = ['json', 'md', 'html', 'ics', 'fit'] as const;
type Format = typeof FORMATS[number];

interface RenderOptions {
    format: Format;
    out?: string;
    start?: string;
    athlete?: string;
}

async function render(positionals: string[], { format, out, start, athlete }: RenderOptions, output: Output): Promise<ExitCode> {
    if (positionals.length !== 1) {
        throw new UsageError(`render takes exactly one file.\n${seeHelp('render')}`);
    }
    const monday = calendarStart(format, start);
    const [file] = positionals;
    const fitOut = format === 'fit' ? fitOutOption(out) : undefined;
    await mustBeAFile(file);
    const target = out === undefined || fitOut !== undefined ? undefined : await outTarget(out, file, format);
    const roots = await projectRoots([file]);
    const settings = new ProjectSettingsOnDisk(roots);
    const workspace = await loadWorkspace([file], { read: readFromDisk(roots), settings });
    const entry = namedFile(workspace, file);
    settings.problems().map(formatText).forEach(output.err);
    const errors = entry.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0) {
        errors.map(d => formatText(toReported(entry.file, d))).forEach(output.err);
        if (blockingErrors(errors).length > 0) {
            output.err(`${entry.file}: fix the errors above before rendering.`);
            return 1;
        }
        output.err(`${entry.file}: rendered with the problems above marked; fix them before sharing.`);
    }
    const compiled = entry.compile(path.basename(file, '.workout'));
    const session = athlete === undefined ? compiled : sessionForAthlete(compiled, athlete, workspace, entry.file, output);
    if (fitOut !== undefined) {
        return writeFitFiles(session, entry.file, fitOut, output);
    }
    const text = format === 'json' ? jsonText(session)
        : format === 'html' ? renderSessionHtml(session, { mode: 'export', timerScript: await readTimerScript() })
        : format === 'ics' ? renderCalendar(session, monday!)
        : renderSessionMarkdown(session);
    if (target === undefined) {
        // Markdown is words for a person; JSON is escaped already; a page and a calendar are documents.
        (format === 'md' ? output.text : output.document)(text);
        return 0;
    }
    try {
        await writeAtomically(target, text + '\n', output.writes);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : undefined;
        throw new UsageError(`cannot write ${out}: ${[code, why].filter(Boolean).join(', ') || (error as Error).message}; nothing was changed there.`);
    }
    output.err(`${entry.file}: wrote ${out}.`);
    return 0;
}

/**
 * The real path `--out` writes to, checked before anything is rendered: never a `.workout`
 * file, never the file being rendered (by any path), never a folder or a device. A link is
 * written through, so it stays a link.
 */
async function outTarget(out: string, input: string, format: Format): Promise<string> {
    const instead = `--out ${path.basename(input, '.workout')}.${format}`;
    const stat = await fs.stat(out).catch(() => undefined);
    let real: string;
    if (stat) {
        if (stat.isDirectory()) {
            throw new UsageError(`--out ${out}: is a folder; give the file to write, e.g. ${path.join(out, `${path.basename(input, '.workout')}.${format}`)}.`);
        }
        if (!stat.isFile()) {
            throw new UsageError(`--out ${out}: is not a regular file; give the file to write, e.g. ${instead}.`);
        }
        real = await fs.realpath(out);
    } else {
        const folder = await fs.realpath(path.dirname(path.resolve(out))).catch(() => {
            throw new UsageError(`cannot write ${out}: ENOENT, the folder ${path.dirname(out)} does not exist.`);
        });
        real = path.join(folder, path.basename(out));
    }
    if (real === await fs.realpath(input)) {
        throw new UsageError(`--out ${out} is the file being rendered: write to another file, e.g. ${instead}.`);
    }
    if ([out, real].some(name => /\.workout$/i.test(name))) {
        throw new UsageError(`--out ${out} would replace a .workout file: write to a file of its own, e.g. ${instead}.`);
    }
    return real;
}

/** `--start` belongs to `--format ics`, which needs it: a Monday, checked before any file is read. */
function calendarStart(format: Format, start: string | undefined): CalendarDate | undefined {
    if (format !== 'ics') {
        if (start !== undefined) {
            throw new UsageError('--start only applies to --format ics.');
        }
        return undefined;
    }
    if (start === undefined) {
        throw new UsageError('--format ics needs --start YYYY-MM-DD, the Monday of the plan\'s first week (e.g. --start 2027-01-04).');
    }
    const monday = parseMonday(start);
    if ('problem' in monday) {
        switch (monday.problem) {
            case 'not-a-date':
                throw new UsageError(`--start must be a date written YYYY-MM-DD, such as 2027-01-04, not "${start}".`);
            case 'not-in-calendar':
                throw new UsageError(`--start ${start} is not a date in the calendar.`);
            case 'not-a-monday':
                throw new UsageError(`--start ${start} is a ${monday.weekday}; give the Monday of week 1, e.g. ${isoDate(monday.monday)}.`);
        }
    }
    return monday;
}

function renderCalendar(session: SessionModel, start: CalendarDate): string {
    if (session.plans.length === 0) {
        throw new UsageError('this file has no plan: --format ics writes the weeks of a `plan` to a calendar.');
    }
    // Output adds a line feed after the text: it completes the calendar's last CRLF.
    return renderPlansIcs(session.plans, { start }).slice(0, -1);
}

export function renderCommand(output: Output, exitWith: ExitWith): Command {
    return new Command('render')
        .summary('print one file as JSON, Markdown, an HTML page or a calendar, or write FIT workouts')
        .description('Prints the sessions of one .workout file: the session model as JSON (the contract in docs/language.md), '
            + 'a Markdown sheet, or one self-contained HTML page to print; for a plan, --format ics writes a calendar with '
            + 'one event per run and session; --format fit writes FIT workouts for a Garmin watch into the --out folder '
            + '(docs/fit.md). A file with errors is not rendered.')
        .usage(`<file> [--format ${FORMATS.join('|')}] [--out <file|folder>] [--start <YYYY-MM-DD>] [--athlete <name>]`)
        // Checked by the action, to say what is missing in a coach's words.
        .argument('[file...]', 'the .workout file to render')
        .addOption(new Option('-f, --format <format>', 'what to print').choices(FORMATS).default('json'))
        .addOption(new Option('-o, --out <file>', 'write to this file instead of printing, never a .workout file (with --format fit: a folder, or a .fit file)'))
        .addOption(new Option('--start <YYYY-MM-DD>', 'with --format ics: the Monday of the plan\'s first week'))
        .addOption(new Option('--athlete <name>', 'render for this athlete of the project: her paces, heart rates and maxes as numbers'))
        .action(async (files: string[], options: RenderOptions) => exitWith(await render(files, options, output)));
}
