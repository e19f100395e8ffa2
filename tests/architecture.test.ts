/**
 * The arrows of docs/architecture.md, enforced: every import in src/ points down the layers,
 * no file imports a file that (through others) imports it back, and the lower layers stay free
 * of the hosts above them (Langium, VS Code, Node's file system). Type-only imports count too:
 * a type that points up still ties the layers together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../src');

/** Each folder of src/ and the folders it may import from (itself always). */
const MAY_IMPORT: Record<string, readonly string[]> = {
    core: [],
    language: ['core'],
    render: ['core'],
    protocol: ['core'],
    server: ['protocol', 'language', 'core'],
    cli: ['language', 'render', 'core'],
    extension: ['protocol', 'render', 'core'],
    webview: ['protocol', 'core']
};

/** Packages a layer must not use, with the reason a reader of a failure needs. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
    core: /^(langium|chevrotain|vscode|vscode-.*|node:.*|fs|path)(\/|$)/,
    render: /^(langium|chevrotain|vscode|vscode-.*|node:.*|fs|path)(\/|$)/,
    protocol: /^(langium|chevrotain|vscode|node:.*)(\/|$)/,
    language: /^vscode$/,
    webview: /^(langium|chevrotain|vscode|vscode-languageclient|node:.*)(\/|$)/
};

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
    });
}

interface Import {
    from: string;
    specifier: string;
    /** The imported file under src/, for relative imports. */
    target?: string;
}

function importsOf(file: string): Import[] {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return info.importedFiles.map(({ fileName }) => {
        if (!fileName.startsWith('.')) {
            return { from: file, specifier: fileName };
        }
        const resolved = path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.ts');
        return { from: file, specifier: fileName, target: resolved };
    });
}

const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0];
const show = (file: string) => path.relative(path.resolve(SRC, '..'), file);

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);

/** Tarjan's strongly connected components: any component of two or more files is a cycle. */
function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string) => {
        index.set(file, counter);
        low.set(file, counter++);
        stack.push(file);
        onStack.add(file);
        for (const next of edges.get(file)!) {
            if (!index.has(next)) {
                visit(next);
                low.set(file, Math.min(low.get(file)!, low.get(next)!));
            } else if (onStack.has(next)) {
                low.set(file, Math.min(low.get(file)!, index.get(next)!));
            }
        }
        if (low.get(file) === index.get(file)) {
            const component: string[] = [];
            let member: string;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                component.push(member);
            } while (member !== file);
            if (component.length > 1) {
                cycles.push(component.sort());
            }
        }
    };
    [...edges.keys()].forEach(file => index.has(file) || visit(file));
    return cycles;
}

describe('the layers of src/', () => {
    it('has every folder in the layer table', () => {
        const folders = [...new Set(files.map(layerOf))].filter(folder => !folder.endsWith('.ts'));
        expect(folders.filter(folder => !(folder in MAY_IMPORT))).toEqual([]);
    });

    it('imports only from the same layer or a lower one', () => {
        const upward = imports
            .filter(({ target }) => target?.startsWith(SRC + path.sep))
            .filter(({ from, target }) => layerOf(from) !== layerOf(target!) && !MAY_IMPORT[layerOf(from)]?.includes(layerOf(target!)))
            .map(({ from, target }) => `${show(from)} → ${show(target!)}`);
        expect(upward).toEqual([]);
    });

    it('keeps the hosts out of the layers that must not know them', () => {
        const misplaced = imports
            .filter(({ from, specifier }) => !specifier.startsWith('.') && FORBIDDEN_PACKAGES[layerOf(from)]?.test(specifier))
            .map(({ from, specifier }) => `${show(from)} imports ${specifier}`);
        expect(misplaced).toEqual([]);
    });

    it('has no import cycle between files', () => {
        const edges = new Map<string, string[]>(files.map(file => [file, []]));
        for (const { from, target } of imports) {
            if (target && edges.has(target)) {
                edges.get(from)!.push(target);
            }
        }
        expect(findCycles(edges).map(cycle => cycle.map(show))).toEqual([]);
    });

    it('finds an upward import and a cycle when there is one (the check itself works)', () => {
        const fake = path.join(SRC, 'core', 'fake.ts');
        const up = { from: fake, specifier: '../language/x.js', target: path.join(SRC, 'language', 'x.ts') };
        expect(MAY_IMPORT[layerOf(up.from)].includes(layerOf(up.target))).toBe(false);
        expect(FORBIDDEN_PACKAGES.core.test('langium')).toBe(true);
        expect(FORBIDDEN_PACKAGES.core.test('node:fs')).toBe(true);
        expect(FORBIDDEN_PACKAGES.core.test('fastest-levenshtein')).toBe(false);
        const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', []]]);
        expect(findCycles(graph)).toEqual([['a', 'b', 'c']]);
    });
});
