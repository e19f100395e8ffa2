/**
 * The editor's first diagnostics before the whole workspace is parsed (issue 11: in a
 * repository of 3,000 files the open file waited 3.5–4 s, the time to parse every file).
 *
 * Langium's workspace manager parses every file of the workspace, then builds them all; the
 * open file's diagnostics come once every file is parsed, indexed and linked. This one reads
 * every file first (in parallel), then, when files are open in the editor, parses and checks
 * them before the others, together with the files they can depend on. Those are found by a scan
 * of the texts, not a parse: every file that may define a name an open file mentions (`exercise
 * NAME`, `workout NAME` anywhere in it, comments included), and the files that may define a
 * name those mention (a plan's workouts name exercises). That is a superset of the files the
 * open file's links and checks read, so its diagnostics are those of the whole workspace; every
 * file is registered first, so a checked `import` finds the file it names. The other files are
 * then parsed and built as before, and a name the scan missed still reaches the open file:
 * names that appear relink their users (workout-relinker.ts).
 *
 * One exception: an unknown workout or exercise is offered the closest names of the whole
 * workspace, which are known only once every file is indexed; such a message may gain a
 * suggestion when they are, and is sent again then.
 */
import { DefaultWorkspaceManager, DocumentState, type LangiumDocument, type LangiumDocumentFactory, type Stream, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { nameKey } from './workspace-index.js';

/** Above this many files to check first, the first build is not worth splitting. */
const MOST_FILES_FIRST = 200;

/** A name as the grammar's `Name` reads it: an identifier (keywords included) or a quoted string. */
const NAME = /"(?:[^"\\\r\n]|\\.)*"?|'(?:[^'\\\r\n]|\\.)*'?|[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/y;
const WORDS = /"(?:[^"\\\r\n]|\\.)*"?|'(?:[^'\\\r\n]|\\.)*'?|[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g;
const DEFINING = /\b(?:exercise|workout)\b/g;
/** Spaces, line ends and comments between a keyword and the name it defines. */
const GAP = /(?:\s+|\/\/[^\n\r]*|\/\*[\s\S]*?(?:\*\/|$))*/y;

/** Lookup keys of the names a text may define: wherever `exercise` or `workout` is followed by a name. */
export function keysDefinedIn(text: string): Set<string> {
    const keys = new Set<string>();
    DEFINING.lastIndex = 0;
    for (let match = DEFINING.exec(text); match; match = DEFINING.exec(text)) {
        GAP.lastIndex = match.index + match[0].length;
        GAP.exec(text);
        NAME.lastIndex = GAP.lastIndex;
        const name = NAME.exec(text);
        if (name) {
            keys.add(nameKey(name[0]));
        }
    }
    return keys;
}

/** Lookup keys of every word of a text: the names its references may use, and more. */
export function keysMentionedIn(text: string): Set<string> {
    const keys = new Set<string>();
    for (const match of text.matchAll(WORDS)) {
        keys.add(nameKey(match[0]));
    }
    return keys;
}

export class WorkoutWorkspaceManager extends DefaultWorkspaceManager {
    private readonly factory: LangiumDocumentFactory;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
        this.textDocuments = services.workspace.TextDocuments;
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const files = uris.toArray();
        const texts = await Promise.all(files.map(uri => this.fileSystemProvider.readFile(uri).catch(() => undefined)));
        const textOf = (index: number) => this.textDocuments?.get(files[index].toString())?.getText() ?? texts[index];
        const first = this.openFilesAndTheirSources(files, textOf);
        if (first.length > 0) {
            // Every file is known before anything is checked: `import` checks look for the file.
            for (const uri of files) {
                const placeholder = this.factory.fromModel({ $type: 'INVALID' }, uri);
                placeholder.state = DocumentState.Changed;
                this.langiumDocuments.addDocument(placeholder);
            }
            const parse = (index: number): LangiumDocument => {
                this.langiumDocuments.deleteDocument(files[index]);
                const document = this.factory.fromString(textOf(index) ?? '', files[index]);
                collector(document);
                return document;
            };
            const parsed = new Map(first.map(index => [index, parse(index)]));
            const open = first.filter(index => this.textDocuments?.get(files[index].toString()));
            await this.documentBuilder.build(first.filter(index => !open.includes(index)).map(index => parsed.get(index)!), { validation: false });
            await this.documentBuilder.build(open.map(index => parsed.get(index)!), { validation: true });
            // Let the diagnostics go out before the long parse of the rest.
            await new Promise(resolve => setImmediate(resolve));
            for (let index = 0; index < files.length; index++) {
                if (parsed.has(index)) {
                    continue;
                }
                if (texts[index] === undefined) {
                    this.langiumDocuments.deleteDocument(files[index]);
                    continue;
                }
                parse(index);
                if (index % 100 === 0) {
                    await new Promise(resolve => setImmediate(resolve));
                }
            }
            return;
        }
        files.forEach((uri, index) => {
            if (texts[index] !== undefined) {
                collector(this.factory.fromString(texts[index], uri));
            }
        });
    }

    /**
     * The files open in the editor and the files that may define what they name, and what those
     * name in turn (indexes into `files`); empty when no file is open or there are too many.
     */
    private openFilesAndTheirSources(files: URI[], textOf: (index: number) => string | undefined): number[] {
        const open = files.flatMap((uri, index) => this.textDocuments?.get(uri.toString()) && textOf(index) !== undefined ? [index] : []);
        if (open.length === 0) {
            return [];
        }
        const definers = new Map<string, number[]>();
        files.forEach((_, index) => {
            const text = textOf(index);
            for (const key of text === undefined ? [] : keysDefinedIn(text)) {
                definers.set(key, [...definers.get(key) ?? [], index]);
            }
        });
        const chosen = new Set(open);
        let level = open;
        // Two steps: a plan names workouts, which name exercises; exercises name nothing.
        for (let step = 0; step < 2 && chosen.size <= MOST_FILES_FIRST; step++) {
            const next: number[] = [];
            for (const index of level) {
                for (const key of keysMentionedIn(textOf(index) ?? '')) {
                    for (const definer of definers.get(key) ?? []) {
                        if (!chosen.has(definer)) {
                            chosen.add(definer);
                            next.push(definer);
                        }
                    }
                }
            }
            level = next;
        }
        return chosen.size <= MOST_FILES_FIRST ? [...chosen] : [];
    }
}
