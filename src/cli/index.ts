import { outputOf, processIO } from './cli-io.js';
import { runCli, unexpectedProblem } from './main.js';

// A reader that stops early (`workout check . | head -1`) closes the pipe: nothing more to say.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', error => {
        process.exit((error as NodeJS.ErrnoException).code === 'EPIPE' ? process.exitCode ?? 0 : 2);
    });
}
// What escapes runCli (a promise nobody awaited, a callback that threw): one line, exit 2.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (error: unknown) => {
        outputOf(processIO).err(unexpectedProblem(error));
        process.exit(2);
    });
}

runCli(process.argv.slice(2)).then(code => {
    process.exitCode = code;
});
