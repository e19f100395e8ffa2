import {
    Cancellation, DefaultDocumentValidator, interruptAndCheck, ValidationRegistry, type AstNode, type LangiumDocument, type ParseResult, type ValidationAcceptor,
    type ValidationCheck, type ValidationOptions
} from 'langium';
import { CHECK_EVERY, nodeListOf } from './workout-single-traversal.js';
import { isNestingError } from './workout-lexer.js';
import type { CancellationToken } from 'vscode-languageserver';
import { keepRangesInsideText } from './text-ranges.js';
import { codeOf } from './validation/issue-codes.js';
import { unclosedBlocks } from './validation/syntax-checks.js';
import { NOT_CLOSED } from './workout-parser-messages.js';
import type { WorkoutServices } from './workout-services.js';
import type { WorkoutSettingsProvider } from './workout-settings.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

const SEVERITIES: Partial<Record<string, DiagnosticSeverity>> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

/** Longer quoted text is shortened in messages: a pasted 200 KB number is named, not repeated. */
const LONGEST_QUOTE = 60;

/** `` `99999…99999` ``: a message quotes what the coach wrote, but never more than a glance's worth. */
export function shortenQuotedText(diagnostic: Diagnostic): Diagnostic {
    const text = diagnostic.message;
    if (typeof text !== 'string' || text.length <= LONGEST_QUOTE) {
        return diagnostic;
    }
    // The pieces between backticks alternate outside, inside, outside…: only the inside ones are
    // quotes (a search for long runs between backticks would also take the advice between two quotes).
    const pieces = text.split('`');
    const message = pieces.map((piece, index) => (index % 2 === 1 && index < pieces.length - 1 && piece.length > LONGEST_QUOTE
        ? `${piece.slice(0, LONGEST_QUOTE / 2)}…${piece.slice(-LONGEST_QUOTE / 4)}` : piece)).join('`');
    return message === text ? diagnostic : { ...diagnostic, message };
}

/**
 * Changes to Langium's validator:
 * - a message quotes at most a glance's worth of what the coach wrote (`shortenQuotedText`);
 * - the nesting limit's lexer error gets its code, `nesting-too-deep`;
 * - an exercise name that is not defined in the workspace may still be a catalog exercise, so
 *   the generic "could not resolve reference" is left to the workout checks' `unknown-exercise`
 *   and `unknown-workout`, which say what to do instead;
 * - the `workout.checks` setting changes a check's severity or turns it off, by code.
 */
export class WorkoutDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: WorkoutSettingsProvider;
    private readonly lexer: WorkoutServices['parser']['Lexer'];

    constructor(services: WorkoutServices) {
        super(services);
        this.settings = services.settings.Settings;
        this.lexer = services.parser.Lexer;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        // Parse errors at the end of a line or file point past it; keep every range inside the text
        // (most files have no diagnostics: then no text document is made for them).
        const found = await super.validateDocument(document, options, cancelToken);
        const diagnostics = found.length > 0
            ? this.placeUnclosedBlocks(keepRangesInsideText(found, document.textDocument.getText()).map(shortenQuotedText), document)
            : found;
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

    /**
     * The parser finds a missing `>` at the end of the file, and adding it there would nest the
     * rest of the workout inside the block left open: the error goes where that block opens.
     */
    private placeUnclosedBlocks(diagnostics: Diagnostic[], document: LangiumDocument): Diagnostic[] {
        const index = diagnostics.findIndex(diagnostic => typeof diagnostic.message === 'string' && diagnostic.message.startsWith(NOT_CLOSED));
        if (index < 0) {
            return diagnostics;
        }
        const text = document.textDocument.getText();
        const blocks = unclosedBlocks(this.lexer.tokenize(text).tokens, text);
        if (blocks.length === 0) {
            return diagnostics;
        }
        const original = diagnostics[index];
        const placed = blocks.map(block => ({
            ...original,
            range: { start: document.textDocument.positionAt(block.startOffset), end: document.textDocument.positionAt(block.endOffset) },
            message: `This \`<\` of \`${block.header || 'this block'}\` is never closed: add \`>\` where the block ends.`
        }));
        return [...diagnostics.slice(0, index), ...placed, ...diagnostics.slice(index + 1)];
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

    /** The nesting cut (workout-lexer.ts) is a lexer error with a code of its own. */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        // Langium adds one diagnostic per lexer error, in order.
        parseResult.lexerErrors.forEach((error, index) => {
            if (isNestingError(error) && diagnostics[first + index]) {
                diagnostics[first + index] = { ...diagnostics[first + index], code: error.code, data: { code: error.code } };
            }
        });
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
