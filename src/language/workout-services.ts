/**
 * The services of the workout language: Langium's, plus the catalog, the exercise resolver, the
 * compiler and the settings (wired in workout-module.ts). Types only, so every feature can name
 * them without importing the module that builds them.
 */
import type { LangiumServices } from 'langium/lsp';
import type { Catalog } from '../core/catalog.js';
import type { ExerciseResolver } from './exercise-resolver.js';
import type { WorkoutCompiler } from './compiler/workout-compiler.js';
import type { WorkoutSettingsProvider } from './workout-settings.js';

/** What the workout language adds to Langium's services. */
export interface WorkoutAddedServices {
    catalog: { Catalog: Catalog };
    exercises: { Resolver: ExerciseResolver };
    compiler: { Compiler: WorkoutCompiler };
    settings: { Settings: WorkoutSettingsProvider };
}

export type WorkoutServices = LangiumServices & WorkoutAddedServices;
