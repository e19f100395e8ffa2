/**
 * The one place checks are registered: every check listed once, by the syntax it looks at.
 * A check is a small function named as the rule it enforces, in the file of the thing it looks
 * at; a check that needs the language's services (the catalog, the compiler, the index, the
 * settings) takes them first: `(services) => (node, accept) => …`.
 */
import type { ValidationChecks } from 'langium';
import type { WorkoutAstType } from '../generated/ast.js';
import type { WorkoutServices } from '../workout-services.js';
import {
    amountMustBeGiven, amountMustBeRepsTimeOrDistance, exerciseMustBeKnown, loadMustBeSensible, modifiersMustNotRepeat, restMustBeADuration,
    schemeMustCountReps, setsMustBePositiveAndPlausible, slotsBelongInEmom, tempoMustBeReadable, unilateralExerciseShouldSaySide
} from './entry-checks.js';
import {
    blockMustNotBeEmpty, blockTimesMustBeDurations, restLineMustBeADuration, roundsMustBePositiveAndPlausible, timedBlockMustHaveCap,
    timedWorkMustFitTheCap
} from './block-checks.js';
import { definitionPropertiesMustBeKnown, importMustExist, namesMustBeDefinedOnce, workoutMustExist } from './reference-checks.js';
import { planChecks, weekNumberMustBeInRange } from './plan-checks.js';
import { quotesAndCommentsMustBeClosed } from './syntax-checks.js';

export function workoutChecks(services: WorkoutServices): ValidationChecks<WorkoutAstType> {
    return {
        Entry: [
            exerciseMustBeKnown(services),
            amountMustBeRepsTimeOrDistance(services),
            setsMustBePositiveAndPlausible,
            unilateralExerciseShouldSaySide(services),
            amountMustBeGiven,
            restMustBeADuration,
            modifiersMustNotRepeat,
            slotsBelongInEmom
        ],
        LoadModifier: [loadMustBeSensible],
        TempoModifier: [tempoMustBeReadable],
        Scheme: [schemeMustCountReps],
        Block: [
            timedBlockMustHaveCap,
            blockTimesMustBeDurations,
            roundsMustBePositiveAndPlausible,
            blockMustNotBeEmpty,
            timedWorkMustFitTheCap(services),
            slotsBelongInEmom
        ],
        RestItem: [restLineMustBeADuration, slotsBelongInEmom],
        ExerciseDef: [definitionPropertiesMustBeKnown],
        Import: [importMustExist(services)],
        WorkoutRef: [workoutMustExist(services)],
        Plan: [planChecks(services)],
        Week: [weekNumberMustBeInRange],
        Document: [namesMustBeDefinedOnce(services), quotesAndCommentsMustBeClosed]
    };
}

export function registerWorkoutChecks(services: WorkoutServices): void {
    services.validation.ValidationRegistry.register(workoutChecks(services));
}
