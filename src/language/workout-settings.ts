/**
 * The settings as a Langium service: the one reader of the editor's `workout.*` configuration
 * (check severities, plan thresholds, inlay hints, load unit) and of the project's settings file
 * (`workout.json`, core/settings-file.ts).
 *
 * A document's project file is the `workout.json` of the nearest folder above it, up to its
 * root: the workspace folder in the editor, the project (the git work tree) for the command
 * line. The project file is the team's rule and the editor settings are the person's: where the
 * file says something it wins, key by key, and the editor settings fill in what it does not say.
 * So the editor shows what `workout check` reports in CI.
 */
import { UriUtils, URI, type ConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { readSettingsFile, SETTINGS_FILE_NAME, unreadable, type SettingsFile } from '../core/settings-file.js';
import { readSettings, SETTING_SECTIONS, type WorkoutSettings } from '../core/settings.js';
import { IssueCodes } from './validation/issue-codes.js';

/** Where project files come from: the file system of the editor, or the command line's disk. */
export interface ProjectFiles {
    /** The text of a file, or undefined when there is none. */
    read(file: URI): Promise<string | undefined>;
    /** The folder above which no project file is looked for; undefined: only the document's own folder. */
    rootOf(document: URI): URI | undefined;
    /** Hears of each project file read (undefined: there is none), e.g. to print its problems. */
    onRead?(uri: URI, file: ProjectFile | undefined): void;
}

/** A project file that was read, with what is wrong with it. */
export interface ProjectFile extends SettingsFile {
    uri: URI;
}

const KNOWN_CHECKS: readonly string[] = Object.values(IssueCodes);

/** Whether `folder` is `inner` or above it. */
function contains(folder: URI, inner: URI): boolean {
    const outer = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return folder.scheme === inner.scheme && folder.authority === inner.authority && (inner.path === folder.path || inner.path.startsWith(outer));
}

/** The problems of a project file as diagnostics on it (`invalid-settings`). */
export function projectFileDiagnostics(file: SettingsFile): Diagnostic[] {
    return file.problems.map(problem => {
        const position = { line: problem.line - 1, character: problem.column - 1 };
        return {
            range: { start: position, end: position },
            severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            message: problem.message,
            code: IssueCodes.InvalidSettings,
            source: 'workout'
        };
    });
}

/** The editor's project files: through Langium's file system, up to the document's workspace folder. */
export function editorProjectFiles(shared: LangiumSharedServices): ProjectFiles {
    const fileSystem = shared.workspace.FileSystemProvider;
    return {
        read: async file => {
            if (file.scheme !== 'file') {
                // An untitled document has no folder, so no project.
                return undefined;
            }
            let isFile: boolean;
            try {
                isFile = (await fileSystem.stat(file)).isFile;
            } catch {
                // No such file, or no file system at all (EmptyFileSystem).
                return undefined;
            }
            return isFile ? fileSystem.readFile(file) : undefined;
        },
        rootOf: document => (shared.workspace.WorkspaceManager.workspaceFolders ?? [])
            .map(folder => URI.parse(folder.uri))
            .filter(folder => contains(folder, document))
            .sort((a, b) => b.path.length - a.path.length)[0]
    };
}

export class WorkoutSettingsProvider {
    private readonly configuration: ConfigurationProvider;
    private files: ProjectFiles;
    /** By folder: the project file there, read once until it changes. */
    private readonly cache = new Map<string, Promise<ProjectFile | undefined>>();
    private readonly changeListeners: Array<() => void> = [];

    constructor(shared: LangiumSharedServices) {
        this.configuration = shared.workspace.ConfigurationProvider;
        this.files = editorProjectFiles(shared);
        this.configuration.onConfigurationSectionUpdate(update => {
            if (update.section === 'workout') {
                this.changeListeners.forEach(listener => listener());
            }
        });
    }

    /** Where project files come from instead of the editor's file system: the command line's disk, or the server's with `onRead`. */
    useProjectFiles(files: ProjectFiles): void {
        this.files = files;
        this.cache.clear();
    }

    /** The settings for a document: its project file over the editor's `workout.*`, over the defaults. */
    async get(document?: URI): Promise<WorkoutSettings> {
        const editor = Object.fromEntries(await Promise.all(SETTING_SECTIONS.map(async section =>
            [section, await this.configuration.getConfiguration('workout', section).catch(() => undefined)] as const)));
        const project = document ? await this.projectFileOf(document) : undefined;
        return project ? readSettings(editor, project.settings) : readSettings(editor);
    }

    /** The `workout.json` that applies to a document: the nearest one above it, up to its root. */
    async projectFileOf(document: URI): Promise<ProjectFile | undefined> {
        const root = this.files.rootOf(document);
        let folder = UriUtils.dirname(document);
        for (;;) {
            const file = await this.projectFileIn(folder);
            if (file) {
                return file;
            }
            const parent = UriUtils.dirname(folder);
            if (!root || !contains(root, parent) || parent.path === folder.path) {
                return undefined;
            }
            folder = parent;
        }
    }

    private projectFileIn(folder: URI): Promise<ProjectFile | undefined> {
        const key = folder.toString();
        let file = this.cache.get(key);
        if (!file) {
            file = this.readProjectFile(UriUtils.joinPath(folder, SETTINGS_FILE_NAME));
            this.cache.set(key, file);
        }
        return file;
    }

    private async readProjectFile(uri: URI): Promise<ProjectFile | undefined> {
        const file: ProjectFile | undefined = await this.files.read(uri).then(
            text => text === undefined ? undefined : { uri, ...readSettingsFile(text, KNOWN_CHECKS) },
            (error: { code?: unknown; message?: unknown }) => ({ uri, ...unreadable(String(error?.code ?? error?.message ?? error)) }));
        this.files.onRead?.(uri, file);
        return file;
    }

    /**
     * A project file was created, changed or deleted: it is read again when next needed, and
     * everything that reads settings hears of it. Returns whether any of the files was a
     * project file.
     */
    projectFilesChanged(uris: URI[]): boolean {
        const changed = uris.filter(uri => UriUtils.basename(uri) === SETTINGS_FILE_NAME);
        changed.forEach(uri => this.cache.delete(UriUtils.dirname(uri).toString()));
        if (changed.length > 0) {
            this.changeListeners.forEach(listener => listener());
        }
        return changed.length > 0;
    }

    /** Calls back when any `workout.*` setting or a project file changes. */
    onChange(listener: () => void): void {
        this.changeListeners.push(listener);
    }
}
