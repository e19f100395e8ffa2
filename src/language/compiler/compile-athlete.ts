/**
 * `athlete jane "Jane Doe" < 5k: 22:30; max-hr: 188; 1rm back-squat: 100kg >` compiled to the
 * model's AthleteModel. Each fact is read from its text by core/athlete.ts; this file only finds
 * the text and names the exercises of `1rm`/`tm` facts the way entries name them.
 */
import { applyFact, emptyAthlete, type FactProblem } from '../../core/athlete.js';
import type { Catalog } from '../../core/catalog.js';
import type { AthleteModel } from '../../core/session-model.js';
import type { Athlete, AthleteFact } from '../generated/ast.js';
import { unquote } from '../exercise-resolver.js';
import { lineOf } from './compile-workout.js';

/**
 * A fact's key and value, their words one space apart: `1rm back-squat` and `100kg`. Read from
 * the words, not the text between them, so the formatter, which only spaces words, cannot change
 * a fact: `1rmback-squat` (the words `1rm` and `back-squat`) was an unknown fact until
 * formatting spaced it.
 */
export function factText(fact: AthleteFact): { key: string; value: string } {
    return { key: fact.key.join(' '), value: fact.values.join(' ') };
}

/** The athlete, and each fact the reader refused (for the checks). */
export function compileAthlete(athlete: Athlete, catalog: Catalog): { model: AthleteModel; problems: Map<AthleteFact, FactProblem> } {
    const id = unquote(athlete.name);
    const model = emptyAthlete(id, athlete.title ? unquote(athlete.title) : id, lineOf(athlete));
    const problems = new Map<AthleteFact, FactProblem>();
    const exerciseId = (name: string) => catalog.find(unquote(name))?.id ?? unquote(name);
    for (const fact of athlete.facts) {
        const { key, value } = factText(fact);
        const problem = applyFact(model, key, value, exerciseId);
        if (problem) {
            problems.set(fact, problem);
        }
    }
    return { model, problems };
}
