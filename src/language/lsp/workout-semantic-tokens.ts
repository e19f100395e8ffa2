/**
 * Semantic colouring of names: a catalog exercise (`function`, modifier `defaultLibrary`), an
 * exercise the coach defined (`class`), an unknown name (`variable`, so it stands out), and
 * workouts (`namespace`).
 */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isEntry, isExerciseDef, isPlan, isWorkout, isWorkoutRef } from '../generated/ast.js';
import { exerciseReference, type ExerciseResolver } from '../exercise-resolver.js';
import type { WorkoutServices } from '../workout-services.js';

export class WorkoutSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly resolver: ExerciseResolver;

    constructor(services: WorkoutServices) {
        super(services);
        this.resolver = services.exercises.Resolver;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isEntry(node)) {
            const reference = exerciseReference(node);
            if (!reference) {
                return; // `3 x 10` with no name yet: nothing to colour
            }
            const info = reference.ref ? 'definition' : this.resolver.resolve(node) ? 'catalog' : 'unknown';
            if (info === 'catalog') {
                acceptor({ node, property: 'exercise', type: SemanticTokenTypes.function, modifier: SemanticTokenModifiers.defaultLibrary });
            } else if (info === 'definition') {
                acceptor({ node, property: 'exercise', type: SemanticTokenTypes.class });
            } else {
                acceptor({ node, property: 'exercise', type: SemanticTokenTypes.variable });
            }
        } else if (isExerciseDef(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.declaration });
        } else if (isWorkout(node) || isPlan(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: SemanticTokenModifiers.declaration });
        } else if (isWorkoutRef(node)) {
            acceptor({ node, property: 'workout', type: SemanticTokenTypes.namespace });
        }
    }
}
