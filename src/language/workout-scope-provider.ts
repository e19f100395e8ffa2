/**
 * Names match the way coaches write them: `Squats`, `squats` and `"squat"` name the same
 * exercise, so references are looked up by the catalog's lookup key, not by exact text.
 *
 * Scopes are indexed by that key: each reference costs one map lookup, not a
 * pass over every name in the workspace (which made linking quadratic in the size of a file; see
 * docs/benchmarks.md). The index of the global scope is kept until the workspace changes.
 */
import { DefaultScopeProvider, MultiMap, stream, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { lookupKey } from '../core/catalog.js';
import { unquote } from './exercise-resolver.js';

export function nameKey(name: string): string {
    return lookupKey(unquote(name));
}

/** Descriptions grouped by lookup key. */
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

/** The workspace's names of one type, looked up by key. */
class KeyedScope implements Scope {
    constructor(private readonly index: KeyIndex) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.get(nameKey(name))[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.get(nameKey(name)));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.index.elements);
    }
}

export class WorkoutScopeProvider extends DefaultScopeProvider {
    /**
     * Every name is defined at the top of a file and lives in the global index; local symbols
     * are left empty (workout-single-traversal.ts), so the global scope is the only level.
     */
    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): KeyedScope {
        return this.globalScopeCache.get(referenceType, () =>
            new KeyedScope(new KeyIndex(this.indexManager.allElements(referenceType).toArray()))) as KeyedScope;
    }
}
