/**
 * The `workout` command line: the editor's checks and renderings for CI and the terminal.
 *
 *   workout check <files or folders…> [--format text|json]
 *   workout render <file> [--format json|md]
 *
 * Exit codes: 0 clean, 1 errors in the files, 2 a usage or I/O problem.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { compileDocument } from '../model/compile.js';
import { renderSessionMarkdown } from '../render/markdown.js';
import { collectWorkoutFiles, UsageError } from './files.js';
import { formatText, sortReported, toReported, type ReportedDiagnostic } from './diagnostics.js';
import { loadWorkspace } from './workspace.js';

const USAGE = `Usage:
  workout check <files or folders…> [--format text|json]
  workout render <file> [--format json|md]

check   parses and checks .workout files (folders are searched recursively);
        exits 0 when clean, 1 when a file has errors, 2 on a usage or file problem.
render  prints the session of one file as JSON (the session model) or Markdown.`;

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
        parsed = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f' } } });
    } catch (error) {
        throw new UsageError(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
    }
    const format = parsed.values.format ?? defaultFormat;
    if (!formats.includes(format)) {
        throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${format}".`);
    }
    return { format, positionals: parsed.positionals };
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
    const { format, positionals } = parse(argv, ['json', 'md'], 'json');
    if (positionals.length !== 1) {
        throw new UsageError(`render takes exactly one file.\n${USAGE}`);
    }
    const [file] = await collectWorkoutFiles(positionals);
    if (positionals[0] !== file && !file.endsWith('.workout')) {
        throw new UsageError(`${positionals[0]}: give one .workout file to render.`);
    }
    const { checked } = await loadWorkspace([file]);
    const target = checked.find(c => path.resolve(c.file) === path.resolve(file))!;
    const errors = target.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0) {
        errors.map(d => formatText(toReported(target.file, d))).forEach(io.err);
        io.err(`${target.file}: fix the errors above before rendering.`);
        return 1;
    }
    const session = compileDocument(target.document.parseResult.value, path.basename(file, '.workout'));
    io.out(format === 'json' ? JSON.stringify(session, null, 2) : renderSessionMarkdown(session));
    return 0;
}

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'check':
                return await check(rest, io);
            case 'render':
                return await render(rest, io);
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
