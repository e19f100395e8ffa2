/**
 * What commander found wrong with a command line, said the way every other problem of `workout`
 * is said: `workout: ` and the problem on one line, then where to look (`--help`) when the line
 * alone does not say what is allowed. Commander's own error output is switched off (main.ts),
 * so a coach reads one voice whether the options or the files were wrong.
 *
 * The words are taken from commander's messages (the option, the value, the choices); the
 * tests pin them, so a commander upgrade that rewords them fails there, not in front of a coach.
 */
import type { Command, CommanderError } from 'commander';
import type { ExitCode } from './cli-io.js';
import { UsageError } from './files.js';

/** Where to read a command's usage and options, or the list of commands. */
export function seeHelp(command?: string): string {
    return command ? `See \`workout ${command} --help\` for its usage and options.` : 'See `workout --help` for the commands.';
}

/**
 * Help and version are answers, not problems: exit 0. The one exception is `workout` alone,
 * for which commander prints the help on stderr as an error: that is a usage problem (exit 2).
 */
export function answerExitCode(error: CommanderError, argv: string[]): ExitCode | undefined {
    switch (error.code) {
        case 'commander.helpDisplayed':
        case 'commander.version':
            return 0;
        case 'commander.help':
            return argv.length === 0 ? 2 : 0;
        default:
            return undefined;
    }
}

/** The sentence a coach reads for one of commander's parse errors. */
export function usageErrorOf(error: CommanderError, program: Command, argv: string[]): UsageError {
    // Options only go after the command's name (enablePositionalOptions), so when the first
    // word names a command, the problem is in that command's part of the line.
    const command = program.commands.find(candidate => candidate.name() === argv[0]);
    const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
    const unknownOption = /unknown option '([^']+)'/.exec(error.message);
    if (error.code === 'commander.unknownOption' && unknownOption) {
        return new UsageError(`${noSuchOption(unknownOption[1], command, program, suggestion)}\n${seeHelp(command?.name())}`);
    }
    const badChoice = /option '[^']*?(--[\w-]+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s.exec(error.message);
    if (error.code === 'commander.invalidArgument' && badChoice) {
        const [, option, value, choices] = badChoice;
        return new UsageError(`${option} must be one of ${choices}, not "${value}".`);
    }
    const missingValue = /option '[^']*?(--[\w-]+) (<[^>]+>)' argument missing/.exec(error.message);
    if (error.code === 'commander.optionMissingArgument' && missingValue) {
        return new UsageError(`${missingValue[1]} needs a value: ${missingValue[1]} ${missingValue[2]}.\n${seeHelp(command?.name())}`);
    }
    const unknownCommand = /unknown command '(.*)'/.exec(error.message);
    if (error.code === 'commander.unknownCommand' && unknownCommand) {
        return new UsageError(`Unknown command "${unknownCommand[1]}".\n${suggestion ? `Did you mean ${suggestion}? ` : ''}${seeHelp()}`);
    }
    const said = error.message.split('\n')[0].replace(/^error: /, '').replace(/([^.])$/, '$1.');
    return new UsageError(`${said}\n${seeHelp(command?.name())}`);
}

/** `check has no option --start; it is an option of render.` */
function noSuchOption(flag: string, command: Command | undefined, program: Command, suggestion: string | undefined): string {
    const name = flag.split('=')[0];
    const owner = program.commands.find(candidate => candidate !== command && candidate.options.some(option => option.long === name || option.short === name));
    const where = command ? `${command.name()} has no option ${name}` : `${name} is not an option of workout itself`;
    if (owner) {
        return `${where}; it is an option of ${owner.name()}${command ? '' : ', after its name'}.`;
    }
    return suggestion ? `${where}; did you mean ${suggestion}?` : `${where}.`;
}
