/**
 * One walk of each syntax tree per parse, shared by the linker, the reference index and the
 * validator (workout-document-validator.ts), instead of Langium's four walks per build, each
 * allocating an iterator per node. Measured with `npm run bench` (docs/benchmarks.md): about a
 * quarter less time to check a 2,000-line file. The list is keyed by the root node, so a new
 * parse gets a new list, and relinking an unchanged document reuses it.
 *
 * Local symbols are left empty: workouts and exercises are only defined at the top of a file
 * and are exported to the global index, so Langium's default local symbols (another walk) only
 * duplicated them.
 */
import {
    AstUtils, Cancellation, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation, DocumentState, MultiMap, interruptAndCheck, isAstNode,
    isReference, type AstNode, type AstNodeDescription, type LangiumDocument, type LinkingError, type LocalSymbols, type ReferenceDescription,
    type ReferenceInfo
} from 'langium';

interface NodeList {
    /** Every AST node of the tree, in document order. */
    nodes: AstNode[];
    /** Every reference of the tree, in document order (most nodes have none). */
    references: ReferenceInfo[];
}

const { CancellationToken } = Cancellation;
const lists = new WeakMap<AstNode, NodeList>();

/** Yield to the event loop (and check for cancellation) every this many nodes or references. */
export const CHECK_EVERY = 128;

function walk(node: AstNode, list: NodeList): void {
    list.nodes.push(node);
    const record = node as unknown as Record<string, unknown>;
    for (const property in record) {
        if (property.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = record[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item = value[index];
                if (isAstNode(item)) {
                    walk(item, list);
                } else if (isReference(item)) {
                    list.references.push({ reference: item, container: node, property, index });
                }
            }
        } else if (isAstNode(value)) {
            walk(value, list);
        } else if (isReference(value)) {
            list.references.push({ reference: value, container: node, property });
        }
    }
}

export function nodeListOf(root: AstNode): NodeList {
    let list = lists.get(root);
    if (!list) {
        list = { nodes: [], references: [] };
        walk(root, list);
        lists.set(root, list);
    }
    return list;
}

/**
 * A reference that names nothing in the workspace (every catalog exercise is one). Langium
 * builds its message for each of them when linking; nothing here reads it (the checks word
 * their own), so it is built only if asked for: at 3,000 files that was 100,000 strings.
 */
class UnresolvedReference implements LinkingError {
    constructor(readonly info: ReferenceInfo, private readonly referenceType: string, readonly targetDescription?: AstNodeDescription) {}

    get message(): string {
        return `Could not resolve reference to ${this.referenceType} named '${this.info.reference.$refText}'.`;
    }
}

export class SingleTraversalLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const { references } = nodeListOf(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            this.doLink(references[i], document);
        }
    }

    /**
     * Links again, without yielding, the references of a document whose text did not change that
     * `stale` picks (workout-relinker.ts: those into a changed file or by a changed name; the
     * others would link as they are). Returns whether there was any.
     */
    relinkNow(document: LangiumDocument, stale: (info: ReferenceInfo) => boolean): boolean {
        const { references } = nodeListOf(document.parseResult.value);
        let any = false;
        for (const info of references) {
            if (stale(info)) {
                // What DefaultLinker.unlink does, for one reference.
                const reference = info.reference as unknown as { _ref?: unknown; _nodeDescription?: unknown };
                reference._ref = undefined;
                delete reference._nodeDescription;
                this.doLink(info, document);
                any = true;
            }
        }
        if (any) {
            // doLink added the relinked references again.
            document.references = references.map(info => info.reference);
        }
        return any;
    }

    override createLinkingError(info: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const document = AstUtils.findRootNode(info.container).$document;
        if (document && document.state < DocumentState.ComputedScopes) {
            return super.createLinkingError(info, targetDescription);
        }
        return new UnresolvedReference(info, this.reflection.getReferenceType(info), targetDescription);
    }
}

export class SingleTraversalReferenceDescriptions extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const { references } = nodeListOf(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            if (!references[i].reference.error) {
                descriptions.push(...this.createInfoDescriptions(references[i]));
            }
        }
        return descriptions;
    }

    /** The same, without yielding (workout-relinker.ts). */
    createDescriptionsNow(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const reference of nodeListOf(document.parseResult.value).references) {
            if (!reference.reference.error) {
                descriptions.push(...this.createInfoDescriptions(reference));
            }
        }
        return descriptions;
    }
}

export class TopLevelScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}
