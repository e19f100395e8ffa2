/**
 * The compiler as a Langium service: a parsed `.workout` document becomes the session model
 * (src/core/session-model.ts). The language server, the checks, the editor features and the
 * command line all compile through here, with the exercise facts of this language instance.
 */
import type { AthleteModel, BlockModel, SessionModel, WorkoutModel } from '../../core/session-model.js';
import { DEFAULT_PLAN_THRESHOLDS, type PlanThresholds } from '../../core/plan-rules.js';
import { isAthlete, isExerciseDef, isImport, isPlan, isWorkout, type Athlete, type Block, type Document, type Item, type Plan, type Workout } from '../generated/ast.js';
import type { ExerciseResolver } from '../exercise-resolver.js';
import { compilePlan, type CompiledPlan } from './compile-plan.js';
import { Compilation } from './compile-workout.js';
import { compileAthlete } from './compile-athlete.js';

export class WorkoutCompiler {
    constructor(private readonly resolver: ExerciseResolver) {}

    /** Every workout of the file (items outside a workout form one named after the file) and every plan. */
    compileDocument(document: Document, fileBaseName = 'session', thresholds: PlanThresholds = DEFAULT_PLAN_THRESHOLDS): SessionModel {
        const compilation = new Compilation(this.resolver);
        const workouts: WorkoutModel[] = [];
        const looseItems: Item[] = [];
        for (const element of document.elements) {
            if (isWorkout(element)) {
                workouts.push(compilation.workout(element));
            } else if (!isExerciseDef(element) && !isImport(element) && !isPlan(element) && !isAthlete(element)) {
                looseItems.push(element);
            }
        }
        if (looseItems.length > 0) {
            workouts.unshift(compilation.looseWorkout(fileBaseName, looseItems));
        }
        const plans = document.elements.filter(isPlan).map(plan => compilePlan(plan, thresholds, compilation, this).model);
        const athletes = document.elements.filter(isAthlete).map(athlete => this.compileAthlete(athlete));
        return athletes.length > 0 ? { workouts, plans, athletes } : { workouts, plans };
    }

    compileAthlete(athlete: Athlete): AthleteModel {
        return compileAthlete(athlete, this.resolver.catalog).model;
    }

    compileWorkout(workout: Workout): WorkoutModel {
        return new Compilation(this.resolver).workout(workout);
    }

    compileBlock(block: Block): BlockModel {
        return new Compilation(this.resolver).block(block);
    }

    /** A plan with the syntax behind its weeks, days and items, for checks that point at them. */
    compilePlan(plan: Plan, thresholds: PlanThresholds = DEFAULT_PLAN_THRESHOLDS): CompiledPlan {
        return compilePlan(plan, thresholds, new Compilation(this.resolver), this);
    }
}
