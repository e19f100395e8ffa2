/**
 * The workspace's index, kept up to date one document at a time, so that no keystroke has to
 * read the whole workspace (issue 11; figures in docs/benchmarks.md):
 *
 * - the exported names by type and lookup key (`Squats`, `squats` and `"squat"` are one key),
 *   each key's definitions in a fixed order (by document URI, then position), so the scope,
 *   `names-defined-once` and the suggestions read one short list, and the answer does not
 *   depend on the order in which files were (re)built;
 * - which documents mention each key in a reference (resolved or not: a catalog exercise is a
 *   reference that never links to a node), so that a name that appears or vanishes relinks
 *   exactly the documents that use it;
 * - which documents depend on which (from Langium's reference index), and which import which;
 * - what changed since the builder last asked: keys whose definitions changed, documents whose
 *   content was re-indexed or removed (workout-relinker.ts reads and clears it).
 *
 * Langium's own index (symbols and references by document) is kept as it is: completion, find
 * references and rename read it.
 */
import {
    DefaultIndexManager, DefaultLangiumDocuments, stream, UriUtils, type AstNodeDescription, type LangiumDocument, type LangiumSharedCoreServices,
    type ReferenceDescription, type ReferenceInfo, type Stream, type URI
} from 'langium';
import { lookupKey } from '../core/catalog.js';
import { unquote } from './exercise-resolver.js';
import { isDocument, isImport } from './generated/ast.js';
import { nodeListOf, type SingleTraversalReferenceDescriptions } from './workout-single-traversal.js';

/**
 * Names match the way coaches write them: `Squats`, `squats` and `"squat"` name the same
 * exercise, so names are compared by the catalog's lookup key, not by exact text.
 */
export function nameKey(name: string): string {
    return lookupKey(unquote(name));
}

const typedKeys = new Map<string, Map<string, string>>();

/**
 * `Workout` + `squat` → one string key. Every reference is keyed when its file is indexed, and
 * again at each lookup: the keys are kept (one string per type and name as written, a few
 * thousand in a large workspace), so a lookup costs two map reads, not a normalisation and a
 * concatenation.
 */
export function typedKey(type: string, name: string): string {
    let byName = typedKeys.get(type);
    if (!byName) {
        byName = new Map();
        typedKeys.set(type, byName);
    }
    let key = byName.get(name);
    if (key === undefined) {
        if (byName.size >= 100_000) {
            byName.clear();
        }
        key = `${type}\u0000${nameKey(name)}`;
        byName.set(name, key);
    }
    return key;
}

export function typeOfKey(key: string): string {
    return key.slice(0, key.indexOf('\u0000'));
}

/** What changed in the index since the builder last asked. */
export interface IndexChanges {
    /** Typed keys whose set of definitions changed (appeared, vanished, moved to another file). */
    keys: string[];
    /** Documents whose content was re-indexed or removed: their nodes are new or gone. */
    documents: Set<string>;
    /** Documents that were added to or deleted from the workspace. */
    addedOrDeleted: Set<string>;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
    let set = map.get(key);
    if (!set) {
        set = new Set();
        map.set(key, set);
    }
    set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
    const set = map.get(key);
    if (set) {
        set.delete(value);
        if (set.size === 0) {
            map.delete(key);
        }
    }
}

const NONE: readonly AstNodeDescription[] = [];
const NOBODY: ReadonlySet<string> = new Set();

export class WorkoutIndexManager extends DefaultIndexManager {
    private readonly byKey = new Map<string, AstNodeDescription[]>();
    private readonly keysOf = new Map<string, string[]>();
    private readonly referencedKeysOf = new Map<string, string[]>();
    private readonly referencers = new Map<string, Set<string>>();
    private readonly importsOf = new Map<string, string[]>();
    private readonly importers = new Map<string, Set<string>>();
    private readonly targetsOf = new Map<string, Set<string>>();
    private readonly dependents = new Map<string, Set<string>>();
    private readonly known = new Set<string>();
    private readonly sortedByType = new Map<string, AstNodeDescription[]>();
    /** Keys touched since the last `takeChanges`, with their definitions' documents before. */
    private readonly touched = new Map<string, string>();
    private readonly changedDocuments = new Set<string>();
    private readonly addedOrDeleted = new Set<string>();
    private affectedCache: { changed: Set<string>; affected: Set<string> } | undefined;
    private reading: Set<string> | undefined;
    private readonly sharedServices: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.sharedServices = services;
    }

    /** The definitions of a name, by type and lookup key, in a fixed order (document URI, then position). */
    definitions(type: string, name: string): readonly AstNodeDescription[] {
        return this.byKey.get(typedKey(type, name)) ?? NONE;
    }

    /** Every definition of a type, in the same fixed order. */
    sortedElements(type: string): readonly AstNodeDescription[] {
        this.reading?.add(type);
        let sorted = this.sortedByType.get(type);
        if (!sorted) {
            sorted = super.allElements(type).toArray().sort((a, b) => compareUris(a.documentUri.toString(), b.documentUri.toString()));
            this.sortedByType.set(type, sorted);
        }
        return sorted;
    }

    /**
     * Every name of a type, in the fixed order (by file): a check's suggestions must not depend on
     * which file was built last. Also recorded while a document is checked (`startReading`).
     */
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (nodeType !== undefined && uris === undefined) {
            return stream(this.sortedElements(nodeType));
        }
        this.reading?.add(nodeType ?? '');
        return super.allElements(nodeType, uris);
    }

    /**
     * From now until `stopReading`, the types of which every name is read are collected in the set
     * returned: a check that lists the workspace's workouts or exercises (to suggest one) must run
     * again when one of them appears or vanishes (workout-relinker.ts). `''` stands for all types.
     */
    startReading(): Set<string> {
        this.reading = new Set();
        return this.reading;
    }

    stopReading(): void {
        this.reading = undefined;
    }

    /** The typed key of the name a reference uses. */
    keyOf(info: ReferenceInfo): string {
        return typedKey(this.astReflection.getReferenceType(info), info.reference.$refText ?? '');
    }

    /** Documents with a reference to the typed key, resolved or not. */
    referencersOf(key: string): ReadonlySet<string> {
        return this.referencers.get(key) ?? NOBODY;
    }

    /** Documents with a reference that resolved to a node of `uri`. */
    dependentsOf(uri: string): ReadonlySet<string> {
        return this.dependents.get(uri) ?? NOBODY;
    }

    /** Documents that import `uri`. */
    importersOf(uri: string): ReadonlySet<string> {
        return this.importers.get(uri) ?? NOBODY;
    }

    definersOf(key: string): readonly AstNodeDescription[] {
        return this.byKey.get(key) ?? NONE;
    }

    /** What changed since the last call (and forget it). */
    takeChanges(): IndexChanges {
        const keys: string[] = [];
        for (const [key, before] of this.touched) {
            if (this.signature(key) !== before) {
                keys.push(key);
            }
        }
        const changes = { keys, documents: new Set(this.changedDocuments), addedOrDeleted: new Set(this.addedOrDeleted) };
        this.touched.clear();
        this.changedDocuments.clear();
        this.addedOrDeleted.clear();
        return changes;
    }

    override async updateContent(document: LangiumDocument, cancelToken?: Parameters<DefaultIndexManager['updateContent']>[1]): Promise<void> {
        await super.updateContent(document, cancelToken);
        const uri = document.uri.toString();
        this.forgetContent(uri);
        this.changedDocuments.add(uri);
        if (!this.known.has(uri)) {
            this.known.add(uri);
            this.addedOrDeleted.add(uri);
        }
        const keys: string[] = [];
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const key = typedKey(description.type, description.name);
            this.touch(key);
            const list = this.byKey.get(key);
            if (list) {
                list.push(description);
                // Stable: a document's own definitions keep their order.
                list.sort((a, b) => compareUris(a.documentUri.toString(), b.documentUri.toString()));
            } else {
                this.byKey.set(key, [description]);
            }
            keys.push(key);
            this.sortedByType.delete(description.type);
        }
        this.keysOf.set(uri, keys);
        const root = document.parseResult.value;
        const referenced = new Set<string>();
        for (const info of nodeListOf(root).references) {
            referenced.add(this.keyOf(info));
        }
        this.referencedKeysOf.set(uri, [...referenced]);
        referenced.forEach(key => addTo(this.referencers, key, uri));
        if (isDocument(root)) {
            const targets = root.elements.filter(isImport).filter(element => element.path)
                .flatMap(element => importTarget(document.uri, element.path));
            this.importsOf.set(uri, targets);
            targets.forEach(target => addTo(this.importers, target, uri));
        }
    }

    override removeContent(uri: URI): void {
        super.removeContent(uri);
        const key = uri.toString();
        this.forgetContent(key);
        this.changedDocuments.add(key);
    }

    override remove(uri: URI): void {
        super.remove(uri);
        const key = uri.toString();
        if (this.known.delete(key)) {
            this.addedOrDeleted.add(key);
        }
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: Parameters<DefaultIndexManager['updateReferences']>[1]): Promise<void> {
        await super.updateReferences(document, cancelToken);
        this.indexDependencies(document.uri.toString());
    }

    /** The reference index of a document just relinked, without yielding (workout-relinker.ts). */
    updateReferencesNow(document: LangiumDocument): void {
        const provider = this.sharedServices.ServiceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider as SingleTraversalReferenceDescriptions;
        this.referenceIndex.set(document.uri.toString(), provider.createDescriptionsNow(document));
        this.indexDependencies(document.uri.toString());
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        const source = uri.toString();
        for (const target of this.targetsOf.get(source) ?? []) {
            removeFrom(this.dependents, target, source);
        }
        this.targetsOf.delete(source);
        this.affectedCache = undefined;
    }

    /** Langium asks this for every document after a change: answered from the dependents, not by reading each document's references. */
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.affectedCache?.changed !== changedUris) {
            const affected = new Set<string>();
            changedUris.forEach(changed => this.dependentsOf(changed).forEach(uri => affected.add(uri)));
            this.affectedCache = { changed: changedUris, affected };
        }
        return this.affectedCache.affected.has(document.uri.toString());
    }

    private indexDependencies(source: string): void {
        for (const target of this.targetsOf.get(source) ?? []) {
            removeFrom(this.dependents, target, source);
        }
        const targets = new Set<string>();
        for (const description of this.referenceIndex.get(source) ?? [] as ReferenceDescription[]) {
            const target = description.targetUri.toString();
            if (!description.local && target !== source) {
                targets.add(target);
            }
        }
        targets.forEach(target => addTo(this.dependents, target, source));
        this.targetsOf.set(source, targets);
        this.affectedCache = undefined;
    }

    private forgetContent(uri: string): void {
        for (const key of this.keysOf.get(uri) ?? []) {
            this.touch(key);
            const list = this.byKey.get(key)?.filter(description => description.documentUri.toString() !== uri);
            if (list && list.length > 0) {
                this.byKey.set(key, list);
            } else {
                this.byKey.delete(key);
            }
            this.sortedByType.delete(typeOfKey(key));
        }
        this.keysOf.delete(uri);
        for (const key of this.referencedKeysOf.get(uri) ?? []) {
            removeFrom(this.referencers, key, uri);
        }
        this.referencedKeysOf.delete(uri);
        for (const target of this.importsOf.get(uri) ?? []) {
            removeFrom(this.importers, target, uri);
        }
        this.importsOf.delete(uri);
    }

    private touch(key: string): void {
        if (!this.touched.has(key)) {
            this.touched.set(key, this.signature(key));
        }
    }

    private signature(key: string): string {
        return (this.byKey.get(key) ?? NONE).map(description => description.documentUri.toString()).join('\n');
    }
}

/** The file an import names; none when its path cannot be a file's (a lone surrogate makes URI encoding throw). */
function importTarget(from: URI, path: string): string[] {
    try {
        return [UriUtils.resolvePath(UriUtils.dirname(from), path).toString()];
    } catch {
        return [];
    }
}

function compareUris(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The workspace's documents. Langium reads `all` several times per change (to find what to
 * rebuild), each time walking a trie of every path: at 3,000 files that was a fifth of a
 * keystroke. The list is kept until a document is added or deleted.
 */
export class WorkoutLangiumDocuments extends DefaultLangiumDocuments {
    private list: LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        this.list ??= super.all.toArray();
        return stream(this.list);
    }

    override addDocument(document: LangiumDocument): void {
        this.list = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.list = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.list = undefined;
        return super.deleteDocuments(folder);
    }
}
