/**
 * Names match the way coaches write them: `Squats`, `squats` and `"squat"` name the same
 * exercise, so references are looked up by the catalog's lookup key, not by exact text.
 *
 * Each lookup is one map lookup in the workspace index (workspace-index.ts), which is kept up to
 * date per changed document: no scope is rebuilt from the whole workspace after a keystroke.
 * When a name is defined twice, the definition in the first file by path wins, whatever the
 * order in which files were built.
 */
import { DefaultScopeProvider, stream, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream } from 'langium';
import type { WorkoutIndexManager } from './workspace-index.js';

export { nameKey } from './workspace-index.js';

/** The workspace's names of one type, looked up by key. */
class KeyedScope implements Scope {
    constructor(private readonly index: WorkoutIndexManager, private readonly type: string) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.definitions(this.type, name)[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.definitions(this.type, name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.index.sortedElements(this.type));
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

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return new KeyedScope(this.indexManager as WorkoutIndexManager, referenceType);
    }
}
