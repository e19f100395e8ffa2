/**
 * The `workout` command line: the editor's checks and renderings for CI and the terminal.
 * This file only wires the commands (check-command.ts, render-command.ts, diff-command.ts) into
 * one commander program and turns whatever happens into words and an exit code:
 * 0 clean, 1 errors in the files, 2 a usage or I/O problem.
 *
 * Why commander: it is well kept (MIT), gives each command its own options and `--help`, and
 * is what Langium's own examples use.
 */
import { Command, CommanderError, Help } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { checkCommand } from './check-command.js';
import { outputOf, processIO, type CliIO, type ExitCode, type ExitWith, type Output } from './cli-io.js';
import { diffCommand } from './diff-command.js';
import { UsageError } from './files.js';
import { renderCommand } from './render-command.js';
import { answerExitCode, usageErrorOf } from './usage-problems.js';

export type { CliIO } from './cli-io.js';

function workoutProgram(io: CliIO, output: Output, exitWith: ExitWith): Command {
    const program: Command = new Command('workout')
        .description('Checks .workout training programs and renders them, in the terminal or in CI.')
        .usage('<command> [options]')
        .version(packageJson.version, '-V, --version', 'print the version')
        .helpOption('-h, --help', 'print this help')
        .helpCommand('help [command]', 'print the help of a command')
        // Program options before the command's name, the command's own after it: `workout check
        // --version` is a mistake to report, not a question to answer.
        .enablePositionalOptions()
        // Tests call runCli in-process: commander must throw instead of calling process.exit,
        // and write through the CliIO. Its error lines are replaced by usage-problems.ts.
        .exitOverride()
        .configureOutput({
            writeOut: text => io.out(text.replace(/\n$/, '')),
            writeErr: text => io.err(text.replace(/\n$/, '')),
            outputError: () => undefined
        })
        // The commands by name: their arguments are checked by the commands themselves, so
        // commander would show them as optional; the true usage lines follow the list.
        .configureHelp({ subcommandTerm: command => program.commands.includes(command) ? command.name() : new Help().subcommandTerm(command) });
    for (const command of [checkCommand(output, exitWith), renderCommand(output, exitWith), diffCommand(output, exitWith)]) {
        // addCommand takes a command as it is; these settings are the program's to share.
        program.addCommand(command.copyInheritedSettings(program));
    }
    program.addHelpText('after', () => [
        '',
        'Usage of each command:',
        ...program.commands.map(command => `  workout ${command.name()} ${command.usage()}`),
        '',
        'Exit codes: 0 clean, 1 errors in the files, 2 a usage or file problem.',
        '`workout <command> --help` tells more about a command.'
    ].join('\n'));
    return program;
}

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
    let exitCode: ExitCode = 0;
    const output = outputOf(io);
    const program = workoutProgram(io, output, code => {
        exitCode = code;
    });
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            const answered = answerExitCode(error, argv);
            if (answered !== undefined) {
                return answered;
            }
            error = usageErrorOf(error, program, argv);
        }
        output.err(error instanceof UsageError ? `workout: ${error.message}` : unexpectedProblem(error));
        return 2;
    }
}

/**
 * Whatever else goes wrong (a bug, here or in a library) is said in one line, without a stack
 * trace and without the library's inner words on further lines.
 */
export function unexpectedProblem(error: unknown): string {
    const message = (error instanceof Error ? error.message : String(error)).trim().split('\n')[0].replace(/\.$/, '');
    return `workout: unexpected problem: ${message || 'no message'} — please report it.`;
}
