/**
 * The `workout.checks` setting: a coach turns a check off or changes how loudly it speaks, by
 * the check's code, and the editor's squiggles follow.
 */
import { describe, expect, it } from 'vitest';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import type { WorkoutServices } from '../../../src/language/workout-module.js';
import { changeFile, codeOf, newWorkspace, openFiles, openText } from './lsp-kit.js';
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { FileChangeType } from 'vscode-languageserver';
import { createWorkoutServices } from '../../../src/language/workout-module.js';
import { projectFileDiagnostics } from '../../../src/language/workout-settings.js';

const SEVERITY_NAMES = ['', 'Error', 'Warning', 'Information', 'Hint'];

const TEXT = 'workout w <\n  10 single-leg-deadlift\n  500 squats\n  10 burpess\n>\n';

function withChecks(checks: Record<string, string> | undefined): WorkoutServices {
    const services = newWorkspace();
    if (checks) {
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { workout: { checks } } });
    }
    return services;
}

/** `code: severity` of each diagnostic, in the order of the file. */
async function severities(services: WorkoutServices): Promise<string[]> {
    const document = await openText(services, TEXT);
    return (document.diagnostics ?? []).map(diagnostic => `${codeOf(diagnostic)}: ${SEVERITY_NAMES[diagnostic.severity!]}`);
}

describe('workout.checks', () => {
    it('reports every check at its own severity by default', async () => {
        expect(await severities(withChecks(undefined))).toEqual([
            `${IssueCodes.UnilateralNeedsSide}: Hint`,
            `${IssueCodes.ImplausibleAmount}: Warning`,
            `${IssueCodes.UnknownExercise}: Error`
        ]);
    });

    it('turns a check off: {"unilateral-needs-side": "off"} removes the hint', async () => {
        const found = await severities(withChecks({ [IssueCodes.UnilateralNeedsSide]: 'off' }));
        expect(found).not.toContainEqual(expect.stringContaining(IssueCodes.UnilateralNeedsSide));
        expect(found).toHaveLength(2);
    });

    it('raises a check: {"implausible-amount": "error"} makes the warning an error', async () => {
        expect(await severities(withChecks({ [IssueCodes.ImplausibleAmount]: 'error' }))).toContain(`${IssueCodes.ImplausibleAmount}: Error`);
    });

    it('lowers a check to info or hint, even an error', async () => {
        const found = await severities(withChecks({ [IssueCodes.ImplausibleAmount]: 'info', [IssueCodes.UnknownExercise]: 'hint' }));
        expect(found).toEqual([
            `${IssueCodes.UnilateralNeedsSide}: Hint`,
            `${IssueCodes.ImplausibleAmount}: Information`,
            `${IssueCodes.UnknownExercise}: Hint`
        ]);
    });

    it('ignores a severity it does not know and a code that does not exist', async () => {
        const found = await severities(withChecks({ [IssueCodes.ImplausibleAmount]: 'loud', 'no-such-check': 'off' }));
        expect(found).toContain(`${IssueCodes.ImplausibleAmount}: Warning`);
        expect(found).toHaveLength(3);
    });

    it('applies a changed setting when the document is checked again', async () => {
        const services = withChecks(undefined);
        await openText(services, TEXT);
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { workout: { checks: { [IssueCodes.UnilateralNeedsSide]: 'off' } } } });
        const document = await changeFile(services, 'session.workout', TEXT);
        expect(document.diagnostics?.map(codeOf)).toEqual([IssueCodes.ImplausibleAmount, IssueCodes.UnknownExercise]);
    });

    it('turns every syntax error off with {"syntax-error": "off"}: parser errors as well as an unclosed quote', async () => {
        const broken = 'workout w <\n  10 squats @\n  10 "push-ups\n  10 burpees lunges\n>\n';
        const loud = await openText(withChecks(undefined), broken);
        expect(loud.diagnostics?.map(codeOf)).toContain(IssueCodes.SyntaxError);
        const quiet = await openText(withChecks({ [IssueCodes.SyntaxError]: 'off' }), broken);
        expect(quiet.diagnostics?.filter(diagnostic => codeOf(diagnostic) === IssueCodes.SyntaxError)).toEqual([]);
        expect(quiet.diagnostics?.map(diagnostic => diagnostic.message).join('\n')).not.toMatch(/Expect|needs an amount|quote/);
    });
});

/** Files in memory, as the editor's file system shows them to the server. */
class MemoryFileSystem implements FileSystemProvider {
    constructor(readonly files: Map<string, string>) {}

    private node(uri: URI): FileSystemNode {
        const isFile = this.files.has(uri.path);
        const isDirectory = !isFile && [...this.files.keys()].some(file => file.startsWith(`${uri.path}/`));
        if (!isFile && !isDirectory) {
            throw Object.assign(new Error(`ENOENT: ${uri.path}`), { code: 'ENOENT' });
        }
        return { isFile, isDirectory, uri };
    }
    async stat(uri: URI) { return this.node(uri); }
    statSync(uri: URI) { return this.node(uri); }
    async exists(uri: URI) { return this.existsSync(uri); }
    existsSync(uri: URI) { try { this.node(uri); return true; } catch { return false; } }
    async readBinary(uri: URI) { return this.readBinarySync(uri); }
    readBinarySync(uri: URI) { return new TextEncoder().encode(this.readFileSync(uri)); }
    async readFile(uri: URI) { return this.readFileSync(uri); }
    readFileSync(uri: URI) {
        const text = this.files.get(uri.path);
        if (text === undefined) {
            throw Object.assign(new Error(`ENOENT: ${uri.path}`), { code: 'ENOENT' });
        }
        return text;
    }
    async readDirectory(uri: URI) { return this.readDirectorySync(uri); }
    readDirectorySync(uri: URI): FileSystemNode[] {
        const names = new Set([...this.files.keys()].filter(file => file.startsWith(`${uri.path}/`)).map(file => file.slice(uri.path.length + 1).split('/')[0]));
        return [...names].map(name => this.node(URI.file(`${uri.path}/${name}`)));
    }
}

/** A workspace folder `/workspace` with these files on disk, and its language services as the server has them after `initialize`. */
function editorWith(files: Record<string, string>): { services: WorkoutServices; disk: Map<string, string> } {
    const disk = new Map(Object.entries(files));
    const services = createWorkoutServices({ fileSystemProvider: () => new MemoryFileSystem(disk) }).Workout;
    services.shared.workspace.WorkspaceManager.initialize({
        processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file('/workspace').toString(), name: 'workspace' }]
    });
    return { services, disk };
}

const codesOf = (document: { diagnostics?: Array<{ code?: string | number; severity?: number }> }) =>
    (document.diagnostics ?? []).map(diagnostic => `${codeOf(diagnostic)}: ${SEVERITY_NAMES[diagnostic.severity!]}`);

describe('workout.json, the project settings file, in the editor', () => {
    it('is read from the workspace folder: a check it turns off is off in the editor too', async () => {
        const { services } = editorWith({ '/workspace/workout.json': '{ "checks": { "unilateral-needs-side": "off" } }' });
        expect(codesOf(await openText(services, TEXT))).toEqual([`${IssueCodes.ImplausibleAmount}: Warning`, `${IssueCodes.UnknownExercise}: Error`]);
    });

    it('wins over the editor setting for what it says; the editor setting fills in the rest', async () => {
        const { services } = editorWith({ '/workspace/workout.json': '{ "checks": { "implausible-amount": "error" } }' });
        services.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { workout: { checks: { 'implausible-amount': 'off', 'unilateral-needs-side': 'off' } } }
        });
        expect(codesOf(await openText(services, TEXT))).toEqual([`${IssueCodes.ImplausibleAmount}: Error`, `${IssueCodes.UnknownExercise}: Error`]);
    });

    it('applies the nearest workout.json above a file, up to the workspace folder and not above it', async () => {
        const { services } = editorWith({
            '/workout.json': '{ "checks": { "unknown-exercise": "off" } }',
            '/workspace/workout.json': '{ "checks": { "unilateral-needs-side": "off" } }',
            '/workspace/team/workout.json': '{ "checks": { "implausible-amount": "off" } }'
        });
        const named = (name: string) => TEXT.replace('workout w', `workout ${name}`);
        const [root, team, deeper] = await openFiles(services, { 'root.workout': named('r'), 'team/a.workout': named('a'), 'team/deeper/b.workout': named('b') });
        expect(codesOf(root)).toEqual([`${IssueCodes.ImplausibleAmount}: Warning`, `${IssueCodes.UnknownExercise}: Error`]);
        // The nearest file applies alone: the workspace folder's does not add to it.
        expect(codesOf(team)).toEqual([`${IssueCodes.UnilateralNeedsSide}: Hint`, `${IssueCodes.UnknownExercise}: Error`]);
        expect(codesOf(deeper)).toEqual(codesOf(team));
    });

    it('takes plan thresholds and the load unit from the file', async () => {
        const { services } = editorWith({ '/workspace/workout.json': '{ "plan": { "progressionPercent": 60 }, "loadUnit": "lb" }' });
        const settings = await services.settings.Settings.get(URI.file('/workspace/plan.workout'));
        expect(settings.plan.progressionPercent).toBe(60);
        expect(settings.loadUnit).toBe('lb');
        const plan = 'workout s < 2 x 10 squats >\nplan p <\n  week 1 <\n    monday: 20min easy-run; s\n    thursday: 20min easy-run; s\n  >\n  week 2 <\n'
            + '    monday: 20min easy-run; s; s\n    thursday: 20min easy-run; s\n  >\n>\n';
        expect((await openText(services, plan, 'plan.workout')).diagnostics?.map(codeOf)).not.toContain(IssueCodes.ProgressionTooSteep);
        expect((await openText(newWorkspace(), plan, 'plan.workout')).diagnostics?.map(codeOf)).toContain(IssueCodes.ProgressionTooSteep);
    });

    it('is read again when it changes on disk (a watched-file event), and everyone reading settings hears of it', async () => {
        const { services, disk } = editorWith({ '/workspace/workout.json': '{ "checks": { "unilateral-needs-side": "off" } }' });
        await openText(services, TEXT);
        let heard = 0;
        services.settings.Settings.onChange(() => heard++);
        disk.set('/workspace/workout.json', '{ "checks": { "implausible-amount": "off" } }');
        services.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: URI.file('/workspace/workout.json').toString(), type: FileChangeType.Changed }] });
        expect(heard).toBe(1);
        const document = await changeFile(services, 'session.workout', TEXT);
        expect(codesOf(document)).toEqual([`${IssueCodes.UnilateralNeedsSide}: Hint`, `${IssueCodes.UnknownExercise}: Error`]);
        // Deleted: the editor settings alone apply again.
        disk.delete('/workspace/workout.json');
        services.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: URI.file('/workspace/workout.json').toString(), type: FileChangeType.Deleted }] });
        expect(codesOf(await changeFile(services, 'session.workout', TEXT))).toHaveLength(3);
    });

    it('a malformed file: one error on it with line and column, the editor settings apply, nothing breaks', async () => {
        const { services } = editorWith({ '/workspace/workout.json': '{\n  "checks": {\n    "unilateral-needs-side": "off",\n  }\n}\n' });
        expect(codesOf(await openText(services, TEXT))).toHaveLength(3);
        const file = await services.settings.Settings.projectFileOf(URI.file('/workspace/session.workout'));
        expect(file?.uri.path).toBe('/workspace/workout.json');
        const diagnostics = projectFileDiagnostics(file!);
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ severity: 1, code: IssueCodes.InvalidSettings, range: { start: { line: 3, character: 2 } } });
        expect(diagnostics[0].message).toMatch(/workout\.json is not valid JSON: expected a name in double quotes \(a comma too many\?\), found `}`/);
    });

    it('without a workspace folder, or with no file system (EmptyFileSystem), there is no project file and no problem', async () => {
        expect(await newWorkspace().settings.Settings.projectFileOf(URI.file('/workspace/session.workout'))).toBeUndefined();
        const services = createWorkoutServices({ fileSystemProvider: () => new MemoryFileSystem(new Map([['/workspace/workout.json', '{}']])) }).Workout;
        expect(await services.settings.Settings.projectFileOf(URI.file('/workspace/sub/session.workout'))).toBeUndefined();
        expect(await services.settings.Settings.projectFileOf(URI.file('/workspace/session.workout'))).toMatchObject({ problems: [] });
    });
});
