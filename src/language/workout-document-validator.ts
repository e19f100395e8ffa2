import {
    Cancellation, DefaultDocumentValidator, interruptAndCheck, ValidationRegistry, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck,
    type ValidationOptions
} from 'langium';
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
        // Parse errors at the end of a line or file point past it; keep every range inside the text
        // (most files have no diagnostics: then no text document is made for them).
        const found = await super.validateDocument(document, options, cancelToken);
        const diagnostics = found.length > 0 ? keepRangesInsideText(found, document.textDocument.getText()) : found;
        const overrides = (await this.settings.get()).checks;
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

    /**
     * The checks run over the node list the linker already made (workout-single-traversal.ts), in
     * the same order as Langium's; the list of checks is looked up once per node type, and a
     * check is awaited only when it returned a promise (see WorkoutValidationRegistry).
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const { nodes } = nodeListOf(root);
        const checksOf = new Map<string, ValidationCheck[]>();
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            const node = nodes[i];
            let checks = checksOf.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksOf.set(node.$type, checks);
            }
            for (const check of checks) {
                const result = check(node, acceptor, cancelToken);
                if (result) {
                    await result;
                }
            }
        }
    }

    protected override processLinkingErrors(): void {
        // Reported by the workout checks (validation/reference-checks.ts).
    }
}

/**
 * Langium wraps every check in two async functions (to report an exception as a diagnostic), so
 * each check of each node costs promises and turns of the microtask queue, even the checks that
 * never wait: about a quarter of validating. Here the wrapper returns what the check returns, a
 * promise only for the checks that are asynchronous, and reports an exception the same way.
 */
export class WorkoutValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            const report = (error: unknown) => this.handleException(() => { throw error; }, 'An error occurred during validation', accept, node);
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result ? Promise.resolve(result).catch(report) : undefined;
            } catch (error) {
                return report(error);
            }
        };
    }
}
