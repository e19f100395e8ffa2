/**
 * Quick fixes, keyed by the diagnostic codes of validation/issue-codes.ts: replace an unknown
 * name with a suggestion, define it as a new exercise, swap an inverted range, add `per side`.
 */
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import { codeOf, IssueCodes } from '../validation/issue-codes.js';
import { writtenName } from '../written-name.js';

/** A fix gets the diagnostic, its document, and how to write a name there (written-name.ts). */
type Fix = (diagnostic: Diagnostic, document: LangiumDocument, write: (name: string) => string) => CodeAction[];

function quickFix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: Array<{ range: Diagnostic['range']; newText: string }>, preferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}

/** A multi-word suggestion (`Leg Day`) or one that starts with a digit (`3-4-sit-up`) is written quoted. */
const replaceWithSuggestion: Fix = (diagnostic, document, write) => {
    const data = diagnostic.data as { suggestions?: string[] } | undefined;
    return (data?.suggestions ?? []).map((suggestion, index) =>
        quickFix(`Replace with \`${suggestion}\``, diagnostic, document, [{ range: diagnostic.range, newText: write(suggestion) }], index === 0));
};

/** A plain name is written as is; one with spaces or other characters (`"wall angels"`) is quoted. */
const defineExercise: Fix = (diagnostic, document, write) => {
    const name = (diagnostic.data as { name?: string } | undefined)?.name;
    if (!name || name.trim() === '') {
        return [];
    }
    const written = write(name);
    const text = document.textDocument.getText();
    const end = document.textDocument.positionAt(text.length);
    const lead = text.endsWith('\n') || text.length === 0 ? '' : '\n';
    const definition = `${lead}\nexercise ${written} <\n  kind: reps\n  per-rep: 3s\n>\n`;
    return [quickFix(`Define a new exercise \`${name}\``, diagnostic, document, [{ range: { start: end, end }, newText: definition }])];
};

const unknownExercise: Fix = (diagnostic, document, write) => [...replaceWithSuggestion(diagnostic, document, write), ...defineExercise(diagnostic, document, write)];

const swapRange: Fix = (diagnostic, document) => {
    const text = document.textDocument.getText(diagnostic.range);
    const match = /^([0-9.]+)([a-z%]*)\s*-\s*([0-9.]+)([a-z%]*)$/.exec(text);
    if (!match) {
        return [];
    }
    const [, min, minUnit, max, maxUnit] = match;
    return [quickFix(`Swap to \`${max}${minUnit}-${min}${maxUnit}\``, diagnostic, document, [{ range: diagnostic.range, newText: `${max}${minUnit}-${min}${maxUnit}` }], true)];
};

const addPerSide: Fix = (diagnostic, document) => [
    quickFix('Add `per side`', diagnostic, document, [{ range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: ' per side' }], true)
];

const FIXES: Record<string, Fix> = {
    [IssueCodes.UnknownExercise]: unknownExercise,
    [IssueCodes.UnknownWorkout]: replaceWithSuggestion,
    [IssueCodes.RangeInverted]: swapRange,
    [IssueCodes.UnilateralNeedsSide]: addPerSide
};

export class WorkoutCodeActionProvider implements CodeActionProvider {
    private readonly write: (name: string) => string;

    constructor(services: LangiumServices) {
        const lexer = services.parser.Lexer;
        this.write = name => writtenName(name, lexer);
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        return params.context.diagnostics.flatMap(diagnostic => {
            return FIXES[codeOf(diagnostic)]?.(diagnostic, document, this.write) ?? [];
        });
    }
}
