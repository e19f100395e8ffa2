/**
 * Names match the way coaches write them: `Squats`, `squats` and `"squat"` name the same
 * exercise, so references are looked up by the catalog's lookup key, not by exact text.
 */
import { DefaultScopeProvider, stream, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { lookupKey } from './catalog.js';
import { unquote } from './exercise-info.js';

export function nameKey(name: string): string {
    return lookupKey(unquote(name));
}

class NormalisedScope implements Scope {
    constructor(private readonly inner: Scope) {}

    getAllElements(): Stream<AstNodeDescription> {
        return this.inner.getAllElements();
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.getElements(name).head();
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const key = nameKey(name);
        return stream(this.inner.getAllElements()).filter(description => nameKey(description.name) === key);
    }
}

export class WorkoutScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        return new NormalisedScope(super.getScope(context));
    }
}
