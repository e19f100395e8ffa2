/**
 * Names match the way coaches write them: `Squats`, `squats` and `"squat"` name the same
 * exercise, so references are looked up by the catalog's lookup key, not by exact text.
 *
 * Scopes are indexed by that key: each reference costs one map lookup per scope level, not a
 * pass over every name in the workspace (which made linking quadratic in the size of a file; see
 * docs/benchmarks.md). The index of the global scope is kept until the workspace changes; that
 * of a document's local symbols lives as long as those symbols do.
 */
import { AstUtils, DefaultScopeProvider, MultiMap, stream, type AstNode, type AstNodeDescription, type LocalSymbols, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { lookupKey } from './catalog.js';
import { unquote } from './exercise-info.js';

export function nameKey(name: string): string {
    return lookupKey(unquote(name));
}

/** Descriptions of one scope level, grouped by lookup key. */
class KeyIndex {
    private readonly byKey = new MultiMap<string, AstNodeDescription>();

    constructor(readonly elements: readonly AstNodeDescription[]) {
        for (const element of elements) {
            this.byKey.add(nameKey(element.name), element);
        }
    }

    get(key: string): readonly AstNodeDescription[] {
        return this.byKey.get(key);
    }
}

/** One scope level over a key index, falling back to the enclosing level. */
class KeyedScope implements Scope {
    constructor(private readonly index: KeyIndex, private readonly outer?: KeyedScope) {}

    getElement(name: string): AstNodeDescription | undefined {
        const key = nameKey(name);
        for (let scope: KeyedScope | undefined = this; scope; scope = scope.outer) {
            const found = scope.index.get(key);
            if (found.length > 0) {
                return found[0];
            }
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return this.byKey(nameKey(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        const here = stream(this.index.elements);
        return this.outer ? here.concat(this.outer.getAllElements()) : here;
    }

    /** Matches of this level first, then those of the enclosing levels. */
    private byKey(key: string): Stream<AstNodeDescription> {
        const here = stream(this.index.get(key));
        return this.outer ? here.concat(this.outer.byKey(key)) : here;
    }
}

export class WorkoutScopeProvider extends DefaultScopeProvider {
    /** Key indexes of local symbols, per symbol table, container and reference type. */
    private readonly localIndexes = new WeakMap<LocalSymbols, Map<AstNode, Map<string, KeyIndex>>>();

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        const containers: AstNode[] = [];
        if (localSymbols) {
            for (let node: AstNode | undefined = context.container; node; node = node.$container) {
                if (localSymbols.has(node)) {
                    containers.push(node);
                }
            }
        }
        let scope = this.getGlobalScope(referenceType, context);
        for (let i = containers.length - 1; i >= 0; i--) {
            scope = new KeyedScope(this.localIndex(localSymbols!, containers[i], referenceType), scope);
        }
        return scope;
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): KeyedScope {
        return this.globalScopeCache.get(referenceType, () =>
            new KeyedScope(new KeyIndex(this.indexManager.allElements(referenceType).toArray()))) as KeyedScope;
    }

    private localIndex(localSymbols: LocalSymbols, container: AstNode, referenceType: string): KeyIndex {
        let byContainer = this.localIndexes.get(localSymbols);
        if (!byContainer) {
            byContainer = new Map();
            this.localIndexes.set(localSymbols, byContainer);
        }
        let byType = byContainer.get(container);
        if (!byType) {
            byType = new Map();
            byContainer.set(container, byType);
        }
        let index = byType.get(referenceType);
        if (!index) {
            index = new KeyIndex(localSymbols.getStream(container).filter(description => this.reflection.isSubtype(description.type, referenceType)).toArray());
            byType.set(referenceType, index);
        }
        return index;
    }
}
