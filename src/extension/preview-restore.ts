/**
 * Which document a preview revived after a window reload may open. Its saved state comes back
 * from disk (the webview wrote it, from a page built out of files someone else may have
 * written), so the URI in it is read as untrusted: only a `.workout` file inside one of the
 * workspace's folders is opened; anything else falls back to the active editor.
 *
 * No `vscode` import: the panel passes in how to parse a URI and find its workspace folder.
 */
import { previewStateOf } from '../protocol/preview.js';

export interface DocumentUri {
    readonly scheme: string;
    readonly path: string;
}

export interface RestoreWorkspace<U extends DocumentUri> {
    /** Strict parse; throws on a malformed URI (`vscode.Uri.parse(text, true)`). */
    parse(text: string): U;
    /** The workspace folder holding the URI, if any (`vscode.workspace.getWorkspaceFolder`). */
    folderOf(uri: U): unknown;
    /** The schemes of the workspace's folders (`file`, `vscode-remote`, `vscode-vfs`, …). */
    schemes: ReadonlySet<string>;
}

/** The saved document, when it is a `.workout` file of the workspace; otherwise `undefined`. */
export function restorableUri<U extends DocumentUri>(state: unknown, workspace: RestoreWorkspace<U>): U | undefined {
    const saved = previewStateOf(state).uri;
    if (saved === undefined) {
        return undefined;
    }
    let uri: U;
    try {
        uri = workspace.parse(saved);
    } catch {
        return undefined;
    }
    if (!workspace.schemes.has(uri.scheme) || !uri.path.toLowerCase().endsWith('.workout')) {
        return undefined;
    }
    return workspace.folderOf(uri) ? uri : undefined;
}
