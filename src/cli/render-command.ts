/**
 * `workout render`: the sessions of one file as the session model (JSON), a Markdown sheet, a
 * self-contained HTML page to print, or a plan's weeks as a calendar. A file with errors is
 * not rendered: the errors are printed instead (exit 1).
 */
import * as path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { CliIO, ExitCode, ExitWith } from './cli-io.js';
import { formatText, toReported } from './diagnostics.js';
import { parseMonday, renderPlansIcs, renderSessionHtml, renderSessionMarkdown, type CalendarDate, type SessionModel } from './engine.js';
import { blockingErrors } from './engine.js';
import { collectWorkoutFiles, UsageError } from './files.js';
import { seeHelp } from './usage-problems.js';
import { loadWorkspace, namedFile } from './workspace.js';

const FORMATS = ['json', 'md', 'html', 'ics'] as const;
type Format = typeof FORMATS[number];

interface RenderOptions {
    format: Format;
    out?: string;
    start?: string;
}

async function render(positionals: string[], { format, out, start }: RenderOptions, io: CliIO): Promise<ExitCode> {
    if (positionals.length !== 1) {
        throw new UsageError(`render takes exactly one file.\n${seeHelp('render')}`);
    }
    const monday = calendarStart(format, start);
    const [file] = await collectWorkoutFiles(positionals);
    if (positionals[0] !== file && !file.endsWith('.workout')) {
        throw new UsageError(`${positionals[0]}: give one .workout file to render.`);
    }
    const target = namedFile(await loadWorkspace([file]), file);
    const errors = target.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0) {
        errors.map(d => formatText(toReported(target.file, d))).forEach(io.err);
        if (blockingErrors(errors).length > 0) {
            io.err(`${target.file}: fix the errors above before rendering.`);
            return 1;
        }
        io.err(`${target.file}: rendered with the problems above marked; fix them before sharing.`);
    }
    const session = target.compile(path.basename(file, '.workout'));
    const rendered = format === 'json' ? JSON.stringify(session, null, 2)
        : format === 'html' ? renderSessionHtml(session, { mode: 'export' })
        : format === 'ics' ? renderCalendar(session, monday!)
        : renderSessionMarkdown(session);
    if (out === undefined) {
        io.out(rendered);
        return 0;
    }
    try {
        await writeFile(out, rendered + '\n', 'utf8');
    } catch (error) {
        throw new UsageError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    io.err(`${target.file}: wrote ${out}.`);
    return 0;
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
    if (typeof monday === 'string') {
        throw new UsageError(monday);
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

export function renderCommand(io: CliIO, exitWith: ExitWith): Command {
    return new Command('render')
        .summary('print one file as JSON, Markdown, an HTML page or a calendar')
        .description('Prints the sessions of one .workout file: the session model as JSON (the contract in docs/language.md), '
            + 'a Markdown sheet, or one self-contained HTML page to print; for a plan, --format ics writes a calendar with '
            + 'one event per run and session. A file with errors is not rendered.')
        .usage(`<file> [--format ${FORMATS.join('|')}] [--out <file>] [--start <YYYY-MM-DD>]`)
        // Checked by the action, to say what is missing in a coach's words.
        .argument('[file...]', 'the .workout file to render')
        .addOption(new Option('-f, --format <format>', 'what to print').choices(FORMATS).default('json'))
        .addOption(new Option('-o, --out <file>', 'write to this file instead of printing'))
        .addOption(new Option('--start <YYYY-MM-DD>', 'with --format ics: the Monday of the plan\'s first week'))
        .action(async (files: string[], options: RenderOptions) => exitWith(await render(files, options, io)));
}
