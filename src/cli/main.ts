/**
 * The `workout` command line: the editor's checks and renderings for CI and the terminal.
 *
 *   workout check <files or folders…> [--format text|json]
 *   workout render <file> [--format json|md|html|ics] [--out <file>] [--start YYYY-MM-DD]
 *   workout diff <old> <new> | --git <rev> <file> [--format text|json]
 *
 * Exit codes: 0 clean, 1 errors in the files, 2 a usage or I/O problem.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { renderSessionMarkdown } from '../render/markdown.js';
import { renderSessionHtml } from '../render/html.js';
import { parseMonday, renderPlansIcs, type CalendarDate } from '../render/ics.js';
import type { SessionModel } from '../core/session-model.js';
import { diff, DIFF_USAGE } from './diff.js';
import { writeFile } from 'node:fs/promises';
import { collectWorkoutFiles, UsageError } from './files.js';
import { formatText, sortReported, toReported, type ReportedDiagnostic } from './diagnostics.js';
import { loadWorkspace } from './workspace.js';

const USAGE = `Usage:
  workout check <files or folders…> [--format text|json]
  workout render <file> [--format json|md|html|ics] [--out <file>] [--start YYYY-MM-DD]
${DIFF_USAGE}

check   parses and checks .workout files (folders are searched recursively);
        exits 0 when clean, 1 when a file has errors, 2 on a usage or file problem.
render  prints the session of one file as JSON (the session model), Markdown or a
        self-contained HTML page to print; --out writes it to a file instead.
        --format ics writes a plan as a calendar; --start is the Monday of week 1.
diff    prints what changed in the training between two versions of a file.`;

export interface CliIO {
    out: (text: string) => void;
    err: (text: string) => void;
}

const processIO: CliIO = {
    out: text => process.stdout.write(text + '\n'),
    err: text => process.stderr.write(text + '\n')
};

function parse(argv: string[], formats: string[], defaultFormat: string) {
    let parsed;
    try {
        parsed = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, start: { type: 'string' } } });
    } catch (error) {
        throw new UsageError(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
    }
    const format = parsed.values.format ?? defaultFormat;
    if (!formats.includes(format)) {
        throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${format}".`);
    }
    return { format, positionals: parsed.positionals, out: parsed.values.out, start: parsed.values.start };
}

async function check(argv: string[], io: CliIO): Promise<number> {
    const { format, positionals } = parse(argv, ['text', 'json'], 'text');
    if (positionals.length === 0) {
        throw new UsageError(`check needs at least one file or folder.\n${USAGE}`);
    }
    const files = await collectWorkoutFiles(positionals);
    const { checked } = await loadWorkspace(files);
    const reported: ReportedDiagnostic[] = sortReported(checked.flatMap(({ file, diagnostics }) => diagnostics.map(d => toReported(file, d))));
    const count = (severity: string) => reported.filter(d => d.severity === severity).length;
    const summary = { files: checked.length, errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') };
    if (format === 'json') {
        io.out(JSON.stringify({ files: checked.map(c => c.file), diagnostics: reported, summary }, null, 2));
    } else {
        reported.forEach(d => io.out(formatText(d)));
        const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        io.err(`${plural(summary.files, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.hints + summary.infos, 'hint')}.`);
    }
    return summary.errors > 0 ? 1 : 0;
}

async function render(argv: string[], io: CliIO): Promise<number> {
    const { format, positionals, out, start } = parse(argv, ['json', 'md', 'html', 'ics'], 'json');
    if (positionals.length !== 1) {
        throw new UsageError(`render takes exactly one file.\n${USAGE}`);
    }
    const monday = calendarStart(format, start);
    const [file] = await collectWorkoutFiles(positionals);
    if (positionals[0] !== file && !file.endsWith('.workout')) {
        throw new UsageError(`${positionals[0]}: give one .workout file to render.`);
    }
    const { services, checked } = await loadWorkspace([file]);
    const target = checked.find(c => path.resolve(c.file) === path.resolve(file))!;
    const errors = target.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0) {
        errors.map(d => formatText(toReported(target.file, d))).forEach(io.err);
        io.err(`${target.file}: fix the errors above before rendering.`);
        return 1;
    }
    const session = services.compiler.Compiler.compileDocument(target.document.parseResult.value, path.basename(file, '.workout'));
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
function calendarStart(format: string, start: string | undefined): CalendarDate | undefined {
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

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'check':
                return await check(rest, io);
            case 'render':
                return await render(rest, io);
            case 'diff':
                return await diff(rest, io);
            case undefined:
            case 'help':
            case '--help':
            case '-h':
                io.out(USAGE);
                return command === undefined ? 2 : 0;
            default:
                throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
        }
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`workout: ${error.message}`);
            return 2;
        }
        io.err(`workout: unexpected problem: ${(error as Error).message ?? String(error)}. Please report it with the file that caused it.`);
        return 2;
    }
}
