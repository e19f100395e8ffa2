/**
 * Checks on names that point elsewhere: `exercise` definitions, imports, workouts named in a
 * plan, and names defined twice in the workspace.
 */
import { AstUtils, UriUtils, type AstNode, type URI, type ValidationAcceptor } from 'langium';
import { distance } from 'fastest-levenshtein';
import { MUSCLES, muscleName } from '../../core/catalog.js';
import { EXERCISE_PROPERTIES } from '../../core/exercise.js';
import { parseQuantity } from '../../core/quantities.js';
import { isExerciseDef, isWorkout, type Document, type ExerciseDef, type Import, type WorkoutRef } from '../generated/ast.js';
import { propertyValues, unquote } from '../exercise-resolver.js';
import type { WorkoutServices } from '../workout-services.js';
import { nameKey, type WorkoutIndexManager } from '../workspace-index.js';
import { IssueCodes } from './issue-codes.js';
import { amountMustBeInRange } from './amount-limits.js';
import { writtenName } from '../written-name.js';

export function definitionPropertiesMustBeKnown(definition: ExerciseDef, accept: ValidationAcceptor): void {
    for (const prop of definition.props) {
        const key = unquote(prop.key);
        if (!key) {
            continue; // `: quads` with no key: the parser reports it
        }
        if (!Object.hasOwn(EXERCISE_PROPERTIES, key)) {
            accept('warning', `\`${key}\` is not an exercise property. Use one of: ${Object.keys(EXERCISE_PROPERTIES).join(', ')}.`, {
                node: prop, property: 'key', code: IssueCodes.UnknownProperty
            });
            continue;
        }
        const values = propertyValues(prop);
        const value = values[0] ?? '';
        const invalid = (expected: string) => accept('error', `\`${key}\` expects ${expected}.`, {
            node: prop, property: 'values', code: IssueCodes.InvalidPropertyValue
        });
        if (key === 'per-rep') {
            const perRep = parseQuantity(value);
            if (perRep?.kind !== 'seconds' || perRep.value <= 0) {
                invalid(EXERCISE_PROPERTIES[key]);
            } else {
                amountMustBeInRange(perRep.kind, perRep.value, { node: prop, property: 'values' }, accept);
            }
        } else if (key === 'kind' && !['reps', 'hold', 'cardio'].includes(value)) {
            invalid(EXERCISE_PROPERTIES[key]);
        } else if (key === 'muscles' || key === 'secondary') {
            const unknown = values.filter(word => !muscleName(word));
            if (unknown.length > 0) {
                accept('warning', `${unknown.map(word => `\`${word}\``).join(', ')}: not a muscle group the tools know, so it is left out of the volume per muscle. Use one of: ${MUSCLES.join(', ')}.`, {
                    node: prop, property: 'values', code: IssueCodes.InvalidPropertyValue
                });
            }
        } else if (key === 'unilateral' && !['yes', 'no', 'true', 'false'].includes(value)) {
            invalid('`yes` or `no`');
        }
    }
}

export const importMustExist = (services: WorkoutServices) => (node: Import, accept: ValidationAcceptor): void => {
    const document = AstUtils.getDocument(node);
    const path = node.path;
    if (!path) {
        return; // `import` with no path yet: the parser reports it
    }
    const target = resolvedImport(document.uri, path);
    if (!target) {
        accept('error', `Cannot read this path: \`${wellFormed(path)}\` holds a broken character. Type the file name again.`, {
            node, property: 'path', code: IssueCodes.ImportNotFound
        });
    } else if (!services.shared.workspace.LangiumDocuments.hasDocument(target)) {
        accept('error', `Cannot find \`${path}\`: the path is relative to this file and must name a \`.workout\` file.`, {
            node, property: 'path', code: IssueCodes.ImportNotFound
        });
    }
};

/** A UTF-16 surrogate without its other half: text no file name (and no URI) can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(text: string): string {
    return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The file an import names, or `undefined` when its path cannot be a file's: a lone surrogate
 * made URI encoding throw ("URI malformed"), which ended the whole check run with a stack trace.
 */
function resolvedImport(from: URI, path: string): URI | undefined {
    if (wellFormed(path) !== path) {
        return undefined;
    }
    try {
        return UriUtils.resolvePath(UriUtils.dirname(from), path);
    } catch {
        return undefined;
    }
}

export const workoutMustExist = (services: WorkoutServices) => (ref: WorkoutRef, accept: ValidationAcceptor): void => {
    if (ref.workout.ref) {
        return;
    }
    const name = unquote(ref.workout.$refText);
    // In the index's fixed order (by file), so the suggestions do not depend on which file was built last.
    const known = workspaceIndex(services).sortedElements('Workout').map(found => found.name);
    const closest = known.filter(candidate => distance(nameKey(candidate), nameKey(name)) <= 3).slice(0, 3);
    const offer = closest.length ? ` Did you mean ${closest.map(found => `\`${found}\``).join(', ')}?` : '';
    accept('error', `No workout is named \`${name}\` in this workspace.${offer} Define it with \`workout ${writtenName(name, services.parser.Lexer)} < … >\` or fix the name.`, {
        node: ref, property: 'workout', code: IssueCodes.UnknownWorkout, data: { name, suggestions: closest }
    });
};

/**
 * An exercise or workout name may be defined once in the whole workspace. The workspace index
 * keeps each name's definitions (workspace-index.ts): one lookup per definition, not a read of
 * every name in the workspace per file (47 % of checking 3,000 files; docs/benchmarks.md).
 */
export const namesMustBeDefinedOnce = (services: WorkoutServices) => (document: Document, accept: ValidationAcceptor): void => {
    const index = workspaceIndex(services);
    const thisUri = AstUtils.getDocument(document).uri.toString();
    const seenHere = new Map<string, AstNode>();
    for (const element of document.elements) {
        if ((!isExerciseDef(element) && !isWorkout(element)) || !unquote(element.name)) {
            continue;
        }
        const type = element.$type;
        const key = `${type}:${nameKey(element.name)}`;
        const what = type === 'Workout' ? 'workout' : 'exercise';
        if (seenHere.has(key)) {
            accept('error', `The ${what} \`${unquote(element.name)}\` is already defined on line ${(seenHere.get(key)!.$cstNode?.range.start.line ?? 0) + 1}: rename one of them.`, {
                node: element, property: 'name', code: IssueCodes.DuplicateDefinition
            });
            continue;
        }
        seenHere.set(key, element);
        // The first other file by path, whatever the order in which files were built.
        const elsewhere = index.definitions(type, element.name).find(found => found.documentUri.toString() !== thisUri);
        if (elsewhere) {
            accept('error', `The ${what} \`${unquote(element.name)}\` is also defined in ${UriUtils.basename(elsewhere.documentUri)}: names must be unique across the workspace, rename one of them.`, {
                node: element, property: 'name', code: IssueCodes.DuplicateDefinition
            });
        }
    }
};

function workspaceIndex(services: WorkoutServices): WorkoutIndexManager {
    return services.shared.workspace.IndexManager as WorkoutIndexManager;
}
