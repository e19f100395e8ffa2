/**
 * Registers the workout checks with Langium. Each check is a small function named as the rule
 * it enforces, in the file of the thing it looks at; this file only wires them up.
 */
import type { ValidationChecks } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { WorkoutAstType } from '../generated/ast.js';
import { entryChecks } from './entry-checks.js';
import { blockChecks, restItemChecks } from './block-checks.js';
import { definitionChecks, documentChecks, importChecks, workoutRefChecks } from './reference-checks.js';
import { planChecks, planThresholds } from './plan-checks.js';
import { quotesMustBeClosed } from './syntax-checks.js';

export function registerWorkoutChecks(services: LangiumServices): void {
    const checks: ValidationChecks<WorkoutAstType> = {
        Entry: entryChecks,
        Block: blockChecks,
        RestItem: restItemChecks,
        ExerciseDef: definitionChecks,
        Import: (node, accept) => importChecks(node, accept, services),
        WorkoutRef: (node, accept) => workoutRefChecks(node, accept, services),
        // Thresholds: the plan's own options first, then the editor's `workout.plan` settings.
        Plan: async (node, accept) => planChecks(node, accept, planThresholds(await services.shared.workspace.ConfigurationProvider.getConfiguration('workout', 'plan') ?? {})),
        Document: [(node, accept) => documentChecks(node, accept, services), quotesMustBeClosed]
    };
    services.validation.ValidationRegistry.register(checks);
}
