import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentState, URI, type FileSystemNode, type FileSystemProvider, type LangiumDocument } from 'langium';
import { createWorkoutServices, type WorkoutServices } from '../../src/language/workout-module.js';
import { reported } from '../helpers.js';

/**
 * The language server re-links and re-checks only what an edit affects (src/language/
 * workout-relinker.ts). Whatever the edits, each file's diagnostics must be those a fresh build
 * of the same texts gives: random edit sequences on a small workspace (exercises and workouts
 * defined, renamed, deleted and used across files, plans naming workouts, imports, files created
 * and deleted, a name renamed back), some applied while the previous build still runs (it is
 * cancelled, as when typing fast), compared after each settled edit with a fresh workspace.
 */

const FILES = ['a.workout', 'b.workout', 'c.workout', 'plans.workout'];
const EXERCISES = ['move-a', 'move-b', 'Move-A', 'squats', 'hold-c'];
const WORKOUTS = ['w-one', 'w-two', 'w-tw', 'w-three'];
const PROPS = ['muscles: quads', 'muscles: quads; unilateral: yes', 'muscles: core; kind: hold', 'muscles: lats, biceps; per-rep: 4s', 'kind: cardio'];

/** An in-memory folder the builder reads changed files from, as the server reads the disk. */
class MemoryFileSystem implements FileSystemProvider {
    readonly files = new Map<string, string>();

    private node(uri: URI): FileSystemNode {
        return { isFile: this.files.has(uri.toString()), isDirectory: false, uri };
    }
    stat(uri: URI) { return Promise.resolve(this.node(uri)); }
    statSync(uri: URI) { return this.node(uri); }
    exists(uri: URI) { return Promise.resolve(this.files.has(uri.toString())); }
    existsSync(uri: URI) { return this.files.has(uri.toString()); }
    readBinary(uri: URI) { return Promise.resolve(new TextEncoder().encode(this.readFileSync(uri))); }
    readBinarySync(uri: URI) { return new TextEncoder().encode(this.readFileSync(uri)); }
    readFile(uri: URI) { return Promise.resolve(this.readFileSync(uri)); }
    readFileSync(uri: URI) {
        const text = this.files.get(uri.toString());
        if (text === undefined) {
            throw new Error(`No file ${uri.toString()}`);
        }
        return text;
    }
    readDirectory() { return Promise.resolve([]); }
    readDirectorySync() { return []; }
}

const uriOf = (file: string) => URI.file(`/workspace/${file}`);

type Op =
    | { kind: 'define-exercise'; file: number; name: number; props: number }
    | { kind: 'define-workout'; file: number; name: number; uses: number[] }
    | { kind: 'plan'; file: number; workouts: number[] }
    | { kind: 'import'; file: number; target: number }
    | { kind: 'remove'; file: number; element: number }
    | { kind: 'rename'; file: number; element: number; suffix: string }
    | { kind: 'use'; file: number; element: number; name: number }
    | { kind: 'props'; file: number; element: number; props: number }
    | { kind: 'revert'; file: number; back: number }
    | { kind: 'delete-file'; file: number }
    | { kind: 'rewrite-file'; file: number };

const index = (max: number) => fc.nat({ max: max - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('define-exercise' as const), file: index(FILES.length), name: index(EXERCISES.length), props: index(PROPS.length) }),
    fc.record({ kind: fc.constant('define-workout' as const), file: index(FILES.length), name: index(WORKOUTS.length), uses: fc.array(index(EXERCISES.length + 4), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('plan' as const), file: index(FILES.length), workouts: fc.array(index(WORKOUTS.length + 1), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('import' as const), file: index(FILES.length), target: index(FILES.length + 1) }),
    fc.record({ kind: fc.constant('remove' as const), file: index(FILES.length), element: fc.nat(5) }),
    fc.record({ kind: fc.constant('rename' as const), file: index(FILES.length), element: fc.nat(5), suffix: fc.constantFrom('x', '-2', 'e') }),
    fc.record({ kind: fc.constant('use' as const), file: index(FILES.length), element: fc.nat(5), name: index(EXERCISES.length + 4) }),
    fc.record({ kind: fc.constant('props' as const), file: index(FILES.length), element: fc.nat(5), props: index(PROPS.length) }),
    fc.record({ kind: fc.constant('revert' as const), file: index(FILES.length), back: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('delete-file' as const), file: index(FILES.length) }),
    fc.record({ kind: fc.constant('rewrite-file' as const), file: index(FILES.length) })
);

/** Catalog names beside the workspace's own, and unknown ones (`move-x` is offered the workspace's `move-a`). */
const exerciseName = (i: number) => [...EXERCISES, 'lunges', 'plank', 'unknown-move', 'move-x'][i];
const workoutName = (i: number) => [...WORKOUTS, 'w-missing'][i];

const body = (props: number) => `  ${PROPS[props].replace('; ', '\n  ')}`;

/** The workspace as elements per file; a file's text is its elements, one per paragraph. */
class Model {
    readonly elements = new Map<string, string[]>(FILES.map(file => [file, []]));
    readonly history = new Map<string, string[]>(FILES.map(file => [file, []]));
    readonly deleted = new Set<string>();

    text(file: string): string {
        return this.elements.get(file)!.join('\n\n') + '\n';
    }

    /** Applies an edit; returns the file it changed and whether it now exists. */
    apply(op: Op): { file: string; exists: boolean } {
        const file = FILES[op.file];
        const elements = this.elements.get(file)!;
        this.history.get(file)!.push(this.text(file));
        const pick = (i: number) => elements.length > 0 ? i % elements.length : -1;
        switch (op.kind) {
            case 'define-exercise':
                elements.push(`exercise ${EXERCISES[op.name]} <\n${body(op.props)}\n>`);
                break;
            case 'define-workout':
                elements.push(`workout ${WORKOUTS[op.name]} <\n${op.uses.map((use, i) => `  ${i % 2 === 0 ? '3 x 10' : '30s'} ${exerciseName(use)}`).join('\n')}\n>`);
                break;
            case 'plan':
                elements.push(`plan p-${op.file} <\n  level beginner\n  week 1 <\n${op.workouts.map((w, i) => `    ${['monday', 'wednesday', 'friday'][i]}: 30min easy-run; ${workoutName(w)}`).join('\n')}\n  >\n>`);
                break;
            case 'import':
                elements.unshift(`import "${[...FILES, 'nowhere.workout'][op.target]}"`);
                break;
            case 'remove':
                if (pick(op.element) >= 0) elements.splice(pick(op.element), 1);
                break;
            case 'rename': {
                const at = pick(op.element);
                if (at >= 0) elements[at] = elements[at].replace(/^(exercise|workout|plan) ([^\s<]+)/, (_, keyword, name) => `${keyword} ${name}${op.suffix}`);
                break;
            }
            case 'use': {
                const at = pick(op.element);
                if (at >= 0) elements[at] = elements[at].replace(/(3 x 10|30s) [^\s>]+/, `$1 ${exerciseName(op.name)}`);
                break;
            }
            case 'props': {
                const at = pick(op.element);
                if (at >= 0) elements[at] = elements[at].replace(/^(exercise [^\s<]+ <\n)[^>]*\n>/, `$1${body(op.props)}\n>`);
                break;
            }
            case 'revert': {
                const history = this.history.get(file)!;
                const earlier = history[Math.max(0, history.length - 1 - op.back)];
                elements.splice(0, elements.length, ...earlier.trim().split('\n\n').filter(Boolean));
                break;
            }
            case 'delete-file':
                this.deleted.add(file);
                return { file, exists: false };
            case 'rewrite-file':
                break;
        }
        this.deleted.delete(file);
        return { file, exists: true };
    }

    files(): Array<[string, string]> {
        return FILES.filter(file => !this.deleted.has(file)).map(file => [file, this.text(file)]);
    }
}

function newWorkspace(fs: MemoryFileSystem): WorkoutServices {
    return createWorkoutServices({ fileSystemProvider: () => fs }).Workout;
}

/** Each document's diagnostics, as the command line reports them, in a fixed order. */
function diagnosticsByFile(services: WorkoutServices): Record<string, unknown[]> {
    const result: Record<string, unknown[]> = {};
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        result[document.uri.path] = reported(document)
            .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
    }
    return result;
}

/**
 * The diagnostics of a build of `files` from nothing: in new services, or (much faster: a new
 * parser takes a quarter of a second) in `reuse` after deleting every document it has.
 */
async function freshDiagnostics(files: Array<[string, string]>, reuse?: { fs: MemoryFileSystem; services: WorkoutServices }): Promise<Record<string, unknown[]>> {
    const fs = reuse?.fs ?? new MemoryFileSystem();
    const services = reuse?.services ?? newWorkspace(fs);
    const workspace = services.shared.workspace;
    await workspace.DocumentBuilder.update([], workspace.LangiumDocuments.all.map(document => document.uri).toArray());
    fs.files.clear();
    const documents: LangiumDocument[] = [];
    for (const [file, text] of files) {
        fs.files.set(uriOf(file).toString(), text);
        const document = workspace.LangiumDocumentFactory.fromString(text, uriOf(file));
        workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await workspace.DocumentBuilder.build(documents, { validation: true });
    return diagnosticsByFile(services);
}

let reference: { fs: MemoryFileSystem; services: WorkoutServices } | undefined;

async function runEdits(ops: Array<{ op: Op; wait: boolean }>): Promise<void> {
    const fs = new MemoryFileSystem();
    const services = newWorkspace(fs);
    const workspace = services.shared.workspace;
    const model = new Model();
    // The starting workspace: each file empty, built once as the server's initial build.
    const documents = model.files().map(([file, text]) => {
        fs.files.set(uriOf(file).toString(), text);
        const document = workspace.LangiumDocumentFactory.fromString(text, uriOf(file));
        workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await workspace.DocumentBuilder.build(documents, { validation: true });

    for (const [step, { op, wait }] of ops.entries()) {
        const { file, exists } = model.apply(op);
        const uri = uriOf(file);
        if (exists) {
            fs.files.set(uri.toString(), model.text(file));
        } else {
            fs.files.delete(uri.toString());
        }
        // As the server does on a change: the workspace lock cancels the build still running.
        const done = workspace.WorkspaceLock.write(token => workspace.DocumentBuilder.update(exists ? [uri] : [], exists ? [] : [uri], token));
        if (!wait && step < ops.length - 1) {
            done.catch(() => undefined);
            continue;
        }
        await done;
        const unfinished = workspace.LangiumDocuments.all.filter(document => document.state < DocumentState.Validated).map(document => document.uri.path).toArray();
        expect(unfinished, `after edit ${step + 1} (${JSON.stringify(op)})`).toEqual([]);
        const fs2 = new MemoryFileSystem();
        reference ??= { fs: fs2, services: newWorkspace(fs2) };
        const last = step === ops.length - 1;
        // After the last edit, against services that never held a document.
        const expected = await freshDiagnostics(model.files(), last ? undefined : reference);
        expect(diagnosticsByFile(services), `after edit ${step + 1} (${JSON.stringify(op)}) of\n${model.files().map(([f, t]) => `== ${f}\n${t}`).join('')}`).toEqual(expected);
    }
}

describe('re-linking and re-checking only what an edit affects', () => {
    it('gives every file the diagnostics of a fresh build, after any edits', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(fc.record({ op: opArbitrary, wait: fc.boolean() }), { minLength: 1, maxLength: 14 }), runEdits),
            { numRuns: 50, seed: 11 }
        );
    }, 240_000);

    it('relinks the users of an exercise renamed and renamed back', async () => {
        await runEdits([
            { op: { kind: 'define-exercise', file: 0, name: 0, props: 1 }, wait: true },
            { op: { kind: 'define-workout', file: 1, name: 0, uses: [0, 5] }, wait: true },
            { op: { kind: 'plan', file: 3, workouts: [0, 1] }, wait: true },
            { op: { kind: 'rename', file: 0, element: 0, suffix: 'x' }, wait: true },
            { op: { kind: 'revert', file: 0, back: 1 }, wait: true },
            { op: { kind: 'define-exercise', file: 2, name: 2, props: 2 }, wait: true },
            { op: { kind: 'delete-file', file: 0 }, wait: true },
            { op: { kind: 'rewrite-file', file: 0 }, wait: true }
        ]);
    }, 60_000);

    it('re-checks an unknown name when the names it could be offered change', async () => {
        await runEdits([
            { op: { kind: 'define-workout', file: 1, name: 0, uses: [8] }, wait: true },
            { op: { kind: 'plan', file: 3, workouts: [4] }, wait: true },
            // `move-x` is now offered `move-a`, `w-missing` the workout `w-two`.
            { op: { kind: 'define-exercise', file: 0, name: 0, props: 0 }, wait: true },
            { op: { kind: 'define-workout', file: 2, name: 1, uses: [5] }, wait: true },
            { op: { kind: 'define-exercise', file: 2, name: 2, props: 1 }, wait: true },
            { op: { kind: 'delete-file', file: 0 }, wait: true },
            { op: { kind: 'rename', file: 2, element: 0, suffix: 'e' }, wait: true }
        ]);
    }, 60_000);

    it('re-checks a plan when an exercise of its workouts changes in a third file', async () => {
        await runEdits([
            { op: { kind: 'define-exercise', file: 0, name: 0, props: 0 }, wait: true },
            { op: { kind: 'define-workout', file: 1, name: 0, uses: [0] }, wait: true },
            { op: { kind: 'plan', file: 3, workouts: [0] }, wait: true },
            // The workout's only exercise becomes cardio: the plan's week has no strength session.
            { op: { kind: 'props', file: 0, element: 0, props: 4 }, wait: true },
            { op: { kind: 'props', file: 0, element: 0, props: 0 }, wait: true },
            // Renamed away, the workout's entry is unknown; and back.
            { op: { kind: 'rename', file: 0, element: 0, suffix: 'x' }, wait: true },
            { op: { kind: 'revert', file: 0, back: 1 }, wait: true }
        ]);
    }, 60_000);
});
