/**
 * Cross-file work in proportion to what changed (issue 11: in a coach's repository of 3,000
 * files, every keystroke re-linked and re-checked every file).
 *
 * Langium relinks, after any change, every document with an unresolved reference. Here every
 * catalog exercise is one (a name the catalog knows, not a node), so that was every file. This
 * builder replaces that rule. Once the changed documents are parsed and indexed (and before
 * anything is linked), it asks the workspace index (workspace-index.ts) what changed, and:
 *
 * - relinks the documents with a reference into a changed or deleted document (their targets
 *   are new nodes), and those that mention a name whose definitions appeared, vanished or moved
 *   (renaming a definition, and renaming it back, relinks its users);
 * - re-checks a relinked document only when what its checks read from other documents changed:
 *   the text of each definition it links to, and, through their own links, what those link to
 *   (a plan reads its workouts and their exercises). Relinking is cheap, checking is not: after
 *   an edit in the shared exercises file only the users of the edited exercise are checked again;
 * - re-checks the documents whose own checks read the workspace's names: the other definitions
 *   of a name defined twice; the documents whose checks listed every name of a type (to suggest
 *   one for an unknown workout or exercise; the index records it while a document is checked)
 *   when a name of that type appears or vanishes; and files that import a file that was created
 *   or deleted.
 *
 * The result is what a fresh build of the same texts gives (tests/language/incremental-build.test.ts
 * compares them after random edits). It also covers the case the first version of this file was
 * written for: a file linked before the files it names were indexed (in the editor the first
 * opened file races the workspace's initial build) is relinked in the build that indexes them.
 */
import {
    AstUtils, DefaultDocumentBuilder, DocumentState, isReference, URI, type AstNode, type BuildOptions, type LangiumDocument, type MultiReference, type Reference,
    type ReferenceInfo
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { nodeListOf, type SingleTraversalLinker } from './workout-single-traversal.js';
import { typeOfKey, type WorkoutIndexManager } from './workspace-index.js';

/** What a document's checks read from other documents: for each resolved reference, its position and the target's fingerprint. */
type Inputs = Array<number | string>;

function sameInputs(a: Inputs | undefined, b: Inputs): boolean {
    if (!a || a.length !== b.length) {
        return false;
    }
    for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) {
            return false;
        }
    }
    return true;
}

/** The grammar has no multi-references: each reference has one target or none. */
function targetOf(reference: Reference | MultiReference): AstNode | undefined {
    return isReference(reference) ? reference.ref : undefined;
}

export class WorkoutDocumentBuilder extends DefaultDocumentBuilder {
    /** Each validated document's inputs when it was last validated. */
    private readonly inputs = new Map<string, Inputs>();
    /**
     * Documents whose checks read every name of a type when last validated (by type; `''`: all
     * types): the suggestions for an unknown workout or exercise list the workspace's own.
     */
    private readonly readers = new Map<string, Set<string>>();
    private readonly readsOf = new Map<string, Set<string>>();
    /** Fingerprints of link targets, valid while no link changes (reset before each linking). */
    private fingerprints = new Map<AstNode, string>();
    private unlinkedCount = 0;

    private get index(): WorkoutIndexManager {
        return this.indexManager as WorkoutIndexManager;
    }

    /** Langium's rule (every document with an unresolved reference, plus dependents) is replaced by `propagate`. */
    protected override shouldRelink(): boolean {
        return false;
    }

    /**
     * Langium asks this of every document after every change, through the service registry and
     * the validation registry (a third of a keystroke's time at 3,000 files): answered from the
     * categories the document's last validation ran when they include those asked for.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const executed = this.buildState.get(document.uri.toString())?.result?.validationChecks;
        const requested = typeof options?.validation === 'object' ? options.validation.categories : undefined;
        if (executed && requested && requested.every(category => executed.includes(category))) {
            return false;
        }
        return super.resultsAreIncomplete(document, options);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.prepareBuild(documents, options);
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, document => this.indexManager.updateContent(document, cancelToken));
        // Synchronous: a cancellation cannot leave it half done.
        const affected = this.propagate(documents);
        this.fingerprints = new Map();
        await super.buildDocuments(affected.length > 0 ? this.sortDocuments([...documents, ...affected]) : documents, options, cancelToken);
    }

    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        const reads = this.index.startReading();
        try {
            await super.validate(document, cancelToken);
        } finally {
            this.index.stopReading();
        }
        const uri = document.uri.toString();
        this.inputs.set(uri, this.inputsOf(document));
        this.rememberReads(uri, reads);
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        super.cleanUpDeleted(document);
        this.inputs.delete(document.uri.toString());
        this.rememberReads(document.uri.toString(), new Set());
    }

    /**
     * Relinks and marks for checking what the changes since the last build affect; returns the
     * documents to check that are not already in the build.
     */
    private propagate(building: LangiumDocument[]): LangiumDocument[] {
        const changes = this.index.takeChanges();
        if (changes.keys.length === 0 && changes.documents.size === 0 && changes.addedOrDeleted.size === 0) {
            return [];
        }
        const relink = new Set<string>();
        const recheck = new Set<string>();
        const changedKeys = new Set(changes.keys);
        for (const uri of changes.documents) {
            this.index.dependentsOf(uri).forEach(dependent => relink.add(dependent));
        }
        for (const key of changes.keys) {
            this.index.referencersOf(key).forEach(uri => relink.add(uri));
            this.index.definersOf(key).forEach(definition => recheck.add(definition.documentUri.toString()));
            for (const type of [typeOfKey(key), '']) {
                this.readers.get(type)?.forEach(uri => recheck.add(uri));
            }
        }
        for (const uri of changes.addedOrDeleted) {
            this.index.importersOf(uri).forEach(importer => recheck.add(importer));
        }

        // Relink first, all of them: a fingerprint reads the links of what it fingerprints.
        const inBuild = new Map(building.map(document => [document.uri.toString(), document]));
        const relinked: LangiumDocument[] = [];
        for (const uri of relink) {
            const document = inBuild.get(uri) ?? this.documentOf(uri);
            // A document not linked yet (being rebuilt: all of them in the first build) links in its own phase.
            if (!document || document.state < DocumentState.Linked) {
                continue;
            }
            // Only its references that can link differently: into a changed file, or by a changed name.
            const linker = this.serviceRegistry.getServices(document.uri).references.Linker as SingleTraversalLinker;
            const stale = (info: ReferenceInfo) => {
                if (changedKeys.has(this.index.keyOf(info))) {
                    return true;
                }
                const target = targetOf(info.reference);
                return target !== undefined && changes.documents.has(AstUtils.getDocument(target).uri.toString());
            };
            if (linker.relinkNow(document, stale) && document.state >= DocumentState.IndexedReferences) {
                this.index.updateReferencesNow(document);
            }
            relinked.push(document);
        }

        this.fingerprints = new Map();
        const examined = new Set<string>();
        const changedInputs: string[] = [];
        const examine = (document: LangiumDocument) => {
            const uri = document.uri.toString();
            if (examined.has(uri)) {
                return;
            }
            examined.add(uri);
            // Not validated yet: it will be, with whatever it reads now.
            if (document.state === DocumentState.Validated && !sameInputs(this.inputs.get(uri), this.inputsOf(document))) {
                // Remembered again once validated.
                recheck.add(uri);
                changedInputs.push(uri);
            }
        };
        relinked.forEach(examine);
        // Documents whose text or inputs changed are read, through links, by their dependents (a plan by its workouts' files).
        const queue = [...changes.documents, ...changedInputs];
        while (queue.length > 0) {
            for (const dependent of this.index.dependentsOf(queue.pop()!)) {
                const document = this.documentOf(dependent);
                if (document && !examined.has(dependent)) {
                    const before = changedInputs.length;
                    examine(document);
                    if (changedInputs.length > before) {
                        queue.push(dependent);
                    }
                }
            }
        }

        const affected: LangiumDocument[] = [];
        for (const uri of recheck) {
            const document = this.documentOf(uri);
            if (!document || document.state < DocumentState.Validated) {
                continue;
            }
            this.resetToState(document, DocumentState.IndexedReferences);
            if (!inBuild.has(uri)) {
                affected.push(document);
            }
        }
        return affected;
    }

    private documentOf(uri: string): LangiumDocument | undefined {
        return this.langiumDocuments.getDocument(URI.parse(uri));
    }

    private rememberReads(uri: string, reads: Set<string>): void {
        for (const type of this.readsOf.get(uri) ?? []) {
            this.readers.get(type)?.delete(uri);
        }
        for (const type of reads) {
            let readers = this.readers.get(type);
            if (!readers) {
                readers = new Set();
                this.readers.set(type, readers);
            }
            readers.add(uri);
        }
        if (reads.size > 0) {
            this.readsOf.set(uri, reads);
        } else {
            this.readsOf.delete(uri);
        }
    }

    private inputsOf(document: LangiumDocument): Inputs {
        const inputs: Inputs = [];
        let position = 0;
        for (const info of nodeListOf(document.parseResult.value).references) {
            const target = targetOf(info.reference);
            if (target) {
                inputs.push(position, this.fingerprint(target));
            }
            position++;
        }
        return inputs;
    }

    /**
     * What a check can read of a definition: its type, file and text (not its position: no
     * message quotes another file's lines), and the same of what it links to.
     */
    private fingerprint(node: AstNode): string {
        let fingerprint = this.fingerprints.get(node);
        if (fingerprint === undefined) {
            this.fingerprints.set(node, '');
            const document = AstUtils.getDocument(node);
            const inner: string[] = [];
            for (const child of AstUtils.streamAst(node)) {
                for (const info of AstUtils.streamReferences(child)) {
                    if (document.state < DocumentState.Linked) {
                        // Its file is being rebuilt and not linked yet: what it links to is not
                        // known, so it counts as changed (a plan naming a workout of the edited file).
                        inner.push(`not linked yet ${++this.unlinkedCount}`);
                        continue;
                    }
                    const target = targetOf(info.reference);
                    inner.push(target ? this.fingerprint(target) : '');
                }
            }
            fingerprint = `${node.$type} ${document.uri.toString()}\n${node.$cstNode?.text ?? ''}${inner.length > 0 ? `\n[${inner.join('\n')}]` : ''}`;
            this.fingerprints.set(node, fingerprint);
        }
        return fingerprint;
    }
}
