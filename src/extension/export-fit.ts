/**
 * "Workout: Export for Garmin (FIT)": the FIT workouts of a `.workout` file (docs/fit.md), one
 * file per workout or plan day, written into a folder the coach picks. The session comes from the
 * language server, as the preview's does (one parse, one truth); the bytes come from
 * src/render/fit.ts, loaded on first use so the extension starts as fast as without it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SessionModel } from '../core/session-model.js';
import { SessionRequest, type SessionRequestParams, type SessionUpdate } from '../protocol/session.js';

/** How long to wait for the server to check a file it has just been shown. */
const CHECK_WAIT_MS = 5000;
const CHECK_POLL_MS = 250;

export function registerExportFit(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('workout.exportFit', (uri?: unknown, folder?: unknown) => exportFit(client, uri, folder)));
}

function fileName(uri: vscode.Uri): string {
    return uri.path.split('/').pop() || uri.toString();
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The clicked file, else the active `.workout` editor. */
function targetUri(argument: unknown): vscode.Uri | undefined {
    if (argument instanceof vscode.Uri) {
        return argument;
    }
    const document = vscode.window.activeTextEditor?.document;
    return document && (document.languageId === 'workout' || document.uri.path.endsWith('.workout')) ? document.uri : undefined;
}

/** The server's session for the document's current text, waiting briefly while it checks it. */
async function currentSession(client: LanguageClient, uri: vscode.Uri): Promise<SessionUpdate | undefined> {
    const document = await vscode.workspace.openTextDocument(uri).then(opened => opened, () => undefined);
    const params: SessionRequestParams = { uri: uri.toString() };
    for (let waited = 0; waited <= CHECK_WAIT_MS; waited += CHECK_POLL_MS) {
        const update = await client.sendRequest<SessionUpdate | null>(SessionRequest, params).then(answer => answer, () => null);
        if (update && (!document || update.version >= document.version)) {
            return update;
        }
        await new Promise(resolve => setTimeout(resolve, CHECK_POLL_MS));
    }
    return undefined;
}

/**
 * From the menu: the clicked file or the active editor, then a folder the coach picks. A script,
 * a task or a keybinding may pass the folder too (`executeCommand('workout.exportFit', file, folder)`).
 */
async function exportFit(client: LanguageClient, argument: unknown, folderArgument: unknown): Promise<void> {
    const uri = targetUri(argument);
    if (!uri) {
        void vscode.window.showWarningMessage('Open a .workout file to export its workouts for a Garmin watch.');
        return;
    }
    const update = await currentSession(client, uri);
    if (!update?.session) {
        void vscode.window.showErrorMessage(update && update.errors > 0
            ? `${fileName(uri)} has ${plural(update.errors, 'problem')}; fix them to export it.`
            : `${fileName(uri)} has not been checked yet; try again in a moment.`);
        return;
    }
    const [folder] = folderArgument instanceof vscode.Uri ? [folderArgument] : await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri: uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(uri, '..'),
        openLabel: 'Export Here',
        title: 'Export FIT workouts for Garmin into this folder'
    }) ?? [];
    if (folder) {
        await writeInto(folder, update.session, fileName(uri));
    }
}

async function writeInto(folder: vscode.Uri, session: SessionModel, source: string): Promise<void> {
    const { renderSessionFit } = await import('../render/fit.js');
    const files = renderSessionFit(session);
    if (files.length === 0) {
        void vscode.window.showInformationMessage(`${source} has no workout and no plan day to export.`);
        return;
    }
    const targets = files.map(file => vscode.Uri.joinPath(folder, file.fileName));
    const existing = await Promise.all(targets.map(target => vscode.workspace.fs.stat(target).then(stat => stat, () => undefined)));
    // Only regular files are replaced: never a link (it could lead to a .workout file) or a folder.
    const blocked = targets.filter((_, index) => existing[index] && existing[index]!.type !== vscode.FileType.File);
    if (blocked.length > 0) {
        void vscode.window.showErrorMessage(`Not exported: ${blocked.map(fileName).join(', ')} in that folder ${blocked.length === 1 ? 'is' : 'are'} not a plain file.`);
        return;
    }
    const replaced = existing.filter(Boolean).length;
    if (replaced > 0) {
        const choice = await vscode.window.showWarningMessage(`Replace ${plural(replaced, 'FIT file')} already in ${fileName(folder)}?`, { modal: true }, 'Replace');
        if (choice !== 'Replace') {
            return;
        }
    }
    try {
        for (const [index, file] of files.entries()) {
            await vscode.workspace.fs.writeFile(targets[index], file.bytes);
        }
    } catch (error) {
        void vscode.window.showErrorMessage(`Could not write the FIT files into ${fileName(folder)}: ${(error as Error).message}`);
        return;
    }
    const unmapped = [...new Set(files.flatMap(file => file.unmapped))];
    const unresolved = [...new Set(files.flatMap(file => file.unresolved))];
    const note = (unmapped.length > 0 ? ` The watch shows ${unmapped.join(', ')} by name (no Garmin exercise).` : '')
        + (unresolved.length > 0 ? ` It runs ${unresolved.join(', ')} without a target (nothing gives it a number).` : '');
    void vscode.window.showInformationMessage(`Exported ${plural(files.length, 'FIT workout')} to ${fileName(folder)}.${note}`);
}
