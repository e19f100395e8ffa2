import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * An exercise name that is not defined in the workspace may still be a catalog exercise, so
 * Langium's generic "could not resolve reference" is replaced by the workout checks'
 * `unknown-exercise` and `unknown-workout`, which say what to do instead.
 */
export class WorkoutDocumentValidator extends DefaultDocumentValidator {
    protected override processLinkingErrors(_document: LangiumDocument, _diagnostics: Diagnostic[], _options: ValidationOptions): void {
        // Reported by the workout checks (validation/reference-checks.ts).
    }
}
