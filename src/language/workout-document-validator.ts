import { Cancellation, DefaultDocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { CHECK_EVERY, nodeListOf } from './workout-single-traversal.js';
import type { CancellationToken } from 'vscode-languageserver';
import { keepRangesInsideText } from './validation/diagnostic-ranges.js';
import { codeOf } from './validation/issue-codes.js';
import type { WorkoutServices } from './workout-services.js';
import type { WorkoutSettingsProvider } from './workout-settings.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

const SEVERITIES: Partial<Record<string, DiagnosticSeverity>> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

/**
 * Two changes to Langium's validator:
 * - an exercise name that is not defined in the workspace may still be a catalog exercise, so
 *   the generic "could not resolve reference" is left to the workout checks' `unknown-exercise`
 *   and `unknown-workout`, which say what to do instead;
 * - the `workout.checks` setting changes a check's severity or turns it off, by code.
 */
export class WorkoutDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: WorkoutSettingsProvider;

    constructor(services: WorkoutServices) {
        super(services);
        this.settings = services.settings.Settings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        // Parse errors at the end of a line or file point past it; keep every range inside the text.
        const diagnostics = keepRangesInsideText(await super.validateDocument(document, options, cancelToken), document.textDocument.getText());
        const overrides = (await this.settings.get(document.uri)).checks;
        if (Object.keys(overrides).length === 0) {
            return diagnostics;
        }
        return diagnostics.flatMap(diagnostic => {
            const wanted = overrides[codeOf(diagnostic)];
            if (wanted === 'off') {
                return [];
            }
            return wanted && SEVERITIES[wanted] ? [{ ...diagnostic, severity: SEVERITIES[wanted] }] : [diagnostic];
        });
    }

    /** The checks run over the node list the linker already made (workout-single-traversal.ts). */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const { nodes } = nodeListOf(root);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            for (const check of this.validationRegistry.getChecks(nodes[i].$type, options.categories)) {
                await check(nodes[i], acceptor, cancelToken);
            }
        }
    }

    protected override processLinkingErrors(): void {
        // Reported by the workout checks (validation/reference-checks.ts).
    }
}
