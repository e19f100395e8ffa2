/**
 * The live session preview: one webview panel that follows the active `.workout` editor and
 * draws the session model the language server sends after each validation (no second parser
 * here). Modelled on VS Code's webview sample and the Markdown preview: `createOrShow`/`revive`,
 * a disposables list, a serializer so the panel survives a window reload, a nonce per load,
 * click to reveal the source line, the cursor's entry highlighted.
 *
 * The page (src/extension/preview-html.ts) is rendered once per load; later updates are posted
 * as messages (src/protocol/preview.ts) to the webview script (src/webview/preview.ts), which
 * keeps its scroll position. While the text has errors the last good session stays, under a
 * banner counting the problems. Whatever comes back from the webview, its messages and its
 * saved state, is checked before it is used.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SessionModel } from '../core/session-model.js';
import { renderProblemsBanner, renderSessionBody, renderSessionHtml } from '../render/html.js';
import { isWebviewMessage, type PreviewMessage, type WebviewMessage } from '../protocol/preview.js';
import {
    SessionNotification, SessionRequest,
    type SessionNotificationParams, type SessionRequestParams, type SessionRequestResult
} from '../protocol/session.js';
import { newNonce, PREVIEW_SCRIPT, PREVIEW_STYLE, renderPreviewHtml, TIMER_SCRIPT } from './preview-html.js';
import { restorableUri } from './preview-restore.js';

const VIEW_TYPE = 'workout.preview';
const EMPTY_SESSION: SessionModel = { workouts: [], plans: [] };

function isWorkoutDocument(document: vscode.TextDocument): boolean {
    return document.languageId === 'workout' || document.uri.path.endsWith('.workout');
}

function activeWorkoutUri(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && isWorkoutDocument(editor.document) ? editor.document.uri : undefined;
}

function baseName(uri: vscode.Uri): string {
    return uri.path.split('/').pop() || uri.toString();
}

/** The saved document when it is a `.workout` file of the workspace, else the active workout editor's. */
function revivedUri(state: unknown): vscode.Uri | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return restorableUri(state, {
        parse: text => vscode.Uri.parse(text, true),
        folderOf: uri => vscode.workspace.getWorkspaceFolder(uri),
        schemes: new Set(folders.map(folder => folder.uri.scheme))
    }) ?? activeWorkoutUri();
}

// ---- sessions from the language server --------------------------------------------------------

interface SessionView {
    /** The newest session that compiled; kept while the text has errors. */
    session?: SessionModel;
    errors: number;
    /** Whether the server has said anything about this document yet. */
    known: boolean;
}

/** The latest update and the last good session per document, fed by the server. */
class SessionStore implements vscode.Disposable {
    private readonly latest = new Map<string, SessionNotificationParams>();
    private readonly lastGood = new Map<string, SessionModel>();
    private readonly changed = new vscode.EventEmitter<string>();
    private readonly disposables: vscode.Disposable[] = [this.changed];
    readonly onDidChange = this.changed.event;

    constructor(private readonly client: LanguageClient) {
        this.disposables.push(
            client.onNotification(SessionNotification, (update: SessionNotificationParams) => this.accept(update)),
            vscode.workspace.onDidCloseTextDocument(document => {
                // Versions start again when a document is reopened.
                this.latest.delete(document.uri.toString());
            })
        );
    }

    private accept(update: SessionRequestResult): void {
        if (!update) {
            return;
        }
        const key = vscode.Uri.parse(update.uri).toString();
        const known = this.latest.get(key);
        if (known && known.version > update.version) {
            return;
        }
        this.latest.set(key, update);
        if (update.session) {
            this.lastGood.set(key, update.session);
        }
        this.changed.fire(key);
    }

    view(uri: vscode.Uri): SessionView {
        const key = uri.toString();
        const update = this.latest.get(key);
        return { session: this.lastGood.get(key), errors: update?.errors ?? 0, known: update !== undefined };
    }

    /** Asks the server for the document's session (when a preview opens or exports). */
    async refresh(uri: vscode.Uri): Promise<void> {
        const params: SessionRequestParams = { uri: uri.toString() };
        try {
            this.accept(await this.client.sendRequest<SessionRequestResult>(SessionRequest, params));
        } catch {
            // The server is starting or has stopped: its next notification fills the preview in.
        }
    }

    dispose(): void {
        this.disposables.forEach(disposable => disposable.dispose());
    }
}

// ---- the panel --------------------------------------------------------------------------------

/** The folder of a file the page loads (PREVIEW_SCRIPT, PREVIEW_STYLE). */
function folderOf(context: vscode.ExtensionContext, file: readonly string[]): vscode.Uri {
    return vscode.Uri.joinPath(context.extensionUri, ...file.slice(0, -1));
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        // The page reads its script and stylesheet, nothing else of the extension or the disk.
        localResourceRoots: [folderOf(context, PREVIEW_SCRIPT), folderOf(context, PREVIEW_STYLE)]
    };
}

class WorkoutPreview {
    static current: WorkoutPreview | undefined;

    private readonly disposables: vscode.Disposable[] = [];
    private documentUri: vscode.Uri | undefined;

    static createOrShow(context: vscode.ExtensionContext, sessions: SessionStore, uri: vscode.Uri, viewColumn: vscode.ViewColumn): void {
        const preserveFocus = viewColumn === vscode.ViewColumn.Beside;
        if (WorkoutPreview.current) {
            WorkoutPreview.current.panel.reveal(viewColumn, preserveFocus);
            WorkoutPreview.current.show(uri);
            return;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, `Preview ${baseName(uri)}`, { viewColumn, preserveFocus }, webviewOptions(context));
        WorkoutPreview.current = new WorkoutPreview(panel, context, sessions, uri);
    }

    /** After a window reload: the saved state is untrusted, see `revivedUri`. */
    static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, sessions: SessionStore, state: unknown): void {
        panel.webview.options = webviewOptions(context);
        WorkoutPreview.current?.dispose();
        WorkoutPreview.current = new WorkoutPreview(panel, context, sessions, revivedUri(state));
    }

    private constructor(
        private readonly panel: vscode.WebviewPanel,
        private readonly context: vscode.ExtensionContext,
        private readonly sessions: SessionStore,
        uri: vscode.Uri | undefined
    ) {
        this.documentUri = uri;
        const icon = vscode.Uri.joinPath(context.extensionUri, 'media', 'file-icon.svg');
        if (existsSync(icon.fsPath)) {
            panel.iconPath = icon;
        }
        panel.onDidDispose(() => this.dispose(), null, this.disposables);
        panel.webview.onDidReceiveMessage((message: unknown) => {
            if (isWebviewMessage(message)) {
                this.onMessage(message);
            }
        }, null, this.disposables);
        sessions.onDidChange(key => {
            if (key === this.documentUri?.toString()) {
                this.postUpdate();
            }
        }, null, this.disposables);
        vscode.window.onDidChangeActiveTextEditor(editor => {
            if (editor && isWorkoutDocument(editor.document) && editor.document.uri.toString() !== this.documentUri?.toString()) {
                this.show(editor.document.uri);
            }
        }, null, this.disposables);
        vscode.window.onDidChangeTextEditorSelection(event => {
            if (event.textEditor.document.uri.toString() === this.documentUri?.toString()) {
                this.post({ type: 'highlight', line: event.selections[0].active.line + 1 });
            }
        }, null, this.disposables);
        this.loadPage();
        if (uri) {
            void this.fetchSession(uri);
        }
    }

    /**
     * Makes sure the server knows the document (after a reload it may not be open yet: opening
     * it sends it to the server, which validates it and notifies us), then asks for its session.
     */
    private async fetchSession(uri: vscode.Uri): Promise<void> {
        try {
            await vscode.workspace.openTextDocument(uri);
        } catch {
            // Deleted or unreadable: the preview keeps what it has and says it is waiting.
        }
        await this.sessions.refresh(uri);
    }

    get uri(): vscode.Uri | undefined {
        return this.documentUri;
    }

    /** Follows another document: the page stays, its content is swapped by the webview script. */
    show(uri: vscode.Uri): void {
        if (uri.toString() !== this.documentUri?.toString()) {
            this.documentUri = uri;
            this.postUpdate();
        }
        void this.fetchSession(uri);
    }

    /** The whole page, with a fresh nonce: on creation and after a reload. */
    private loadPage(): void {
        const webview = this.panel.webview;
        const resource = (file: readonly string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...file)).toString();
        const view = this.documentUri ? this.sessions.view(this.documentUri) : undefined;
        this.panel.title = this.documentUri ? `Preview ${baseName(this.documentUri)}` : 'Workout Preview';
        webview.html = renderPreviewHtml(view?.session ?? EMPTY_SESSION, {
            nonce: newNonce(),
            cspSource: webview.cspSource,
            scriptUri: resource(PREVIEW_SCRIPT),
            styleUri: resource(PREVIEW_STYLE),
            title: this.panel.title,
            problems: view?.errors ?? 0
        });
    }

    private postUpdate(): void {
        if (!this.documentUri) {
            return;
        }
        const view = this.sessions.view(this.documentUri);
        this.panel.title = `Preview ${baseName(this.documentUri)}`;
        const body = view.session
            ? renderSessionBody(view.session, { timer: true })
            : `<p class="empty">${view.known ? 'Fix the problems in the file to see its preview.' : 'Waiting for the language server…'}</p>`;
        this.post({
            type: 'update',
            uri: this.documentUri.toString(),
            title: this.panel.title,
            body,
            banner: renderProblemsBanner(view.errors, view.session !== undefined)
        });
    }

    private post(message: PreviewMessage): void {
        void this.panel.webview.postMessage(message);
    }

    private onMessage(message: WebviewMessage): void {
        switch (message.type) {
            case 'ready': {
                this.postUpdate();
                const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.documentUri?.toString());
                if (editor) {
                    this.post({ type: 'highlight', line: editor.selection.active.line + 1 });
                }
                break;
            }
            case 'reveal':
                void this.reveal(message.line);
                break;
        }
    }

    /** Puts the cursor on a 1-based line of the previewed document, in the editor beside. */
    private async reveal(line: number): Promise<void> {
        if (!this.documentUri || !Number.isInteger(line) || line < 1) {
            return;
        }
        const uri = this.documentUri;
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
        const editor = visible
            ? await vscode.window.showTextDocument(visible.document, visible.viewColumn)
            : await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
        const target = Math.min(line - 1, editor.document.lineCount - 1);
        const position = new vscode.Position(target, editor.document.lineAt(target).firstNonWhitespaceCharacterIndex);
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    dispose(): void {
        if (WorkoutPreview.current === this) {
            WorkoutPreview.current = undefined;
        }
        this.panel.dispose();
        while (this.disposables.length > 0) {
            this.disposables.pop()?.dispose();
        }
    }
}

// ---- commands ---------------------------------------------------------------------------------

/** The document a command is about: the clicked file, the active editor, or the previewed one. */
function targetUri(argument: unknown): vscode.Uri | undefined {
    return argument instanceof vscode.Uri ? argument : activeWorkoutUri() ?? WorkoutPreview.current?.uri;
}

/** The timer the export inlines; a page without it still exports, without its Play buttons. */
async function readTimerScript(context: vscode.ExtensionContext): Promise<string | undefined> {
    try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...TIMER_SCRIPT));
        return new TextDecoder().decode(bytes);
    } catch {
        return undefined;
    }
}

async function exportHtml(context: vscode.ExtensionContext, sessions: SessionStore, argument: unknown): Promise<void> {
    const uri = targetUri(argument);
    if (!uri) {
        void vscode.window.showWarningMessage('Open a .workout file or its preview to export it as HTML.');
        return;
    }
    await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
    await sessions.refresh(uri);
    const view = sessions.view(uri);
    if (!view.session) {
        void vscode.window.showErrorMessage(view.errors > 0
            ? `${baseName(uri)} has ${view.errors} problem${view.errors === 1 ? '' : 's'}; fix them to export it.`
            : `${baseName(uri)} has not been checked yet; try again in a moment.`);
        return;
    }
    if (view.errors > 0) {
        const choice = await vscode.window.showWarningMessage(
            `${baseName(uri)} has ${view.errors} problem${view.errors === 1 ? '' : 's'}. Export the last good version?`,
            { modal: true }, 'Export');
        if (choice !== 'Export') {
            return;
        }
    }
    const defaultUri = uri.scheme === 'untitled' ? undefined : uri.with({ path: uri.path.replace(/(\.workout)?$/, '.html') });
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: { 'HTML page': ['html'] }, saveLabel: 'Export', title: 'Export the preview as HTML' });
    if (!target) {
        return;
    }
    try {
        const html = renderSessionHtml(view.session, { mode: 'export', timerScript: await readTimerScript(context) });
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html + '\n'));
    } catch (error) {
        void vscode.window.showErrorMessage(`Could not write ${baseName(target)}: ${(error as Error).message}`);
        return;
    }
    const open = await vscode.window.showInformationMessage(`Exported ${baseName(target)}.`, 'Open');
    if (open) {
        await vscode.env.openExternal(target);
    }
}

function openPreview(context: vscode.ExtensionContext, sessions: SessionStore, argument: unknown, viewColumn: vscode.ViewColumn): void {
    const uri = targetUri(argument);
    if (!uri) {
        void vscode.window.showInformationMessage('Open a .workout file to preview it.');
        return;
    }
    WorkoutPreview.createOrShow(context, sessions, uri, viewColumn);
}

/** Registers the preview's commands and serializer; the language client is started by the caller. */
export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
    const sessions = new SessionStore(client);
    context.subscriptions.push(
        sessions,
        vscode.commands.registerCommand('workout.openPreviewToSide', (uri?: unknown) => openPreview(context, sessions, uri, vscode.ViewColumn.Beside)),
        vscode.commands.registerCommand('workout.openPreview', (uri?: unknown) => openPreview(context, sessions, uri, vscode.ViewColumn.Active)),
        vscode.commands.registerCommand('workout.exportHtml', (uri?: unknown) => exportHtml(context, sessions, uri)),
        vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                WorkoutPreview.revive(panel, context, sessions, state);
            }
        }),
        { dispose: () => WorkoutPreview.current?.dispose() }
    );
}
