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
    Cancellation, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation, MultiMap, interruptAndCheck, isAstNode, isReference,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type ReferenceDescription, type ReferenceInfo
} from 'langium';

interface NodeList {
    /** Every AST node of the tree, in document order. */
    nodes: AstNode[];
    /** The references held directly by each node, same index as `nodes`. */
    references: ReferenceInfo[][];
}

const { CancellationToken } = Cancellation;
const lists = new WeakMap<AstNode, NodeList>();

/** Yield to the event loop (and check for cancellation) every this many nodes. */
export const CHECK_EVERY = 128;

function walk(node: AstNode, list: NodeList): void {
    list.nodes.push(node);
    const own: ReferenceInfo[] = [];
    list.references.push(own);
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
                    own.push({ reference: item, container: node, property, index });
                }
            }
        } else if (isAstNode(value)) {
            walk(value, list);
        } else if (isReference(value)) {
            own.push({ reference: value, container: node, property });
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

export class SingleTraversalLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const { nodes, references } = nodeListOf(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            for (const reference of references[i]) {
                this.doLink(reference, document);
            }
        }
    }

    /** Links without yielding: relinking a document whose text did not change (workout-relinker.ts). */
    linkNow(document: LangiumDocument): void {
        for (const own of nodeListOf(document.parseResult.value).references) {
            for (const reference of own) {
                this.doLink(reference, document);
            }
        }
    }
}

export class SingleTraversalReferenceDescriptions extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const { nodes, references } = nodeListOf(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            for (const reference of references[i]) {
                if (!reference.reference.error) {
                    descriptions.push(...this.createInfoDescriptions(reference));
                }
            }
        }
        return descriptions;
    }

    /** The same, without yielding (workout-relinker.ts). */
    createDescriptionsNow(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const own of nodeListOf(document.parseResult.value).references) {
            for (const reference of own) {
                if (!reference.reference.error) {
                    descriptions.push(...this.createInfoDescriptions(reference));
                }
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
