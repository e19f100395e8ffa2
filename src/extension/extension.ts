/**
 * The VS Code extension: starts the bundled language server over IPC and registers the
 * preview. Everything about the language lives in the server; this file only wires it in.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExportFit } from './export-fit.js';
import { registerPreview } from './preview-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    // Node keeps the compiled bundle between starts: the server answers sooner from the second start on.
    const env = { ...process.env, NODE_COMPILE_CACHE: vscode.Uri.joinPath(context.globalStorageUri, 'compile-cache').fsPath };
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'workout' }],
        synchronize: {
            configurationSection: 'workout',
            // workout.json: the project's settings, read again by the server when it changes.
            fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.workout'), vscode.workspace.createFileSystemWatcher('**/workout.json')]
        }
    };
    client = new LanguageClient('workout', 'Workout Language Server', serverOptions, clientOptions);
    registerPreview(context, client);
    registerExportFit(context, client);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
