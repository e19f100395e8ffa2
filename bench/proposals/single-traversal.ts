/**
 * A measured proposal, not part of the product: walk each syntax tree once per parse instead of
 * four times per build. Measure it with `npm run bench -- --only core --proposal single-traversal`;
 * docs/benchmarks.md has the figures. To adopt it, move these classes to src/language and add
 * `SingleTraversalModule` to the modules of createWorkoutServices (workout-module.ts), folding
 * the validator override into WorkoutDocumentValidator.
 *
 * Why: Langium's linker, reference indexer, local-symbol computation and validator each walk the
 * whole AST with `streamAst`/`streamReferences`, which allocate an iterator and an
 * `Object.keys` array per node. On the 2,000-line program those walks are about a third of a
 * build. Here one plain recursive walk per parse records every node and its references; the
 * four services read that list. The list is keyed by the root node, so a new parse gets a new
 * list, and relinking an unchanged document (another file changed) reuses it: linking resets the
 * same Reference objects.
 *
 * Local symbols: workout names are only defined at the top of a file, and those definitions are
 * exported to the index, so the global scope already holds them; Langium's default local
 * symbols (a fourth walk) only duplicated them.
 */
import {
    Cancellation, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation, MultiMap, interruptAndCheck, isAstNode, isReference,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type Module, type ReferenceDescription, type ReferenceInfo, type ValidationAcceptor,
    type ValidationOptions
} from 'langium';
import type { LangiumServices, PartialLangiumServices } from 'langium/lsp';
import { WorkoutDocumentValidator } from '../../src/language/workout-document-validator.js';

interface NodeList {
    /** Every AST node of the tree, in document order. */
    nodes: AstNode[];
    /** The references held directly by each node, same index as `nodes`. */
    references: ReferenceInfo[][];
}

const { CancellationToken } = Cancellation;
const lists = new WeakMap<AstNode, NodeList>();

/** Yield to the event loop (and check for cancellation) every this many nodes. */
const CHECK_EVERY = 128;

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
}

export class TopLevelScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

export class SingleTraversalValidator extends WorkoutDocumentValidator {
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        const { nodes } = nodeListOf(root);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            for (const check of this.validationRegistry.getChecks(nodes[i].$type, options.categories)) {
                await check(nodes[i], acceptor, cancelToken);
            }
        }
    }
}

export const SingleTraversalModule: Module<LangiumServices, PartialLangiumServices> = {
    references: {
        Linker: services => new SingleTraversalLinker(services),
        ScopeComputation: services => new TopLevelScopeComputation(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new SingleTraversalReferenceDescriptions(services)
    },
    validation: {
        DocumentValidator: services => new SingleTraversalValidator(services)
    }
};
