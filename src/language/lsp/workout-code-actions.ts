/**
 * Quick fixes, keyed by the diagnostic codes of validation/issue-codes.ts: replace an unknown
 * name with a suggestion, define it as a new exercise, swap an inverted range, add `per side`.
 */
import type { LangiumDocument, Lexer, MaybePromise } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import { codeOf, IssueCodes } from '../validation/issue-codes.js';
import { writtenName, writtenNameBetween } from '../written-name.js';

/** How to write a name (written-name.ts): on its own, or in place of the text of `replacing`. */
type NameWriter = (name: string, replacing?: Diagnostic['range']) => string;

/** A fix gets the diagnostic, its document, and how to write a name there. */
type Fix = (diagnostic: Diagnostic, document: LangiumDocument, write: NameWriter) => CodeAction[];

/** Names written into this document: in place of a range, between the characters just before and after it. */
function nameWriter(document: LangiumDocument, lexer: Lexer): NameWriter {
    return (name, replacing) => {
        if (!replacing) {
            return writtenName(name, lexer);
        }
        const text = document.textDocument.getText();
        const start = document.textDocument.offsetAt(replacing.start);
        const end = document.textDocument.offsetAt(replacing.end);
        return writtenNameBetween(name, lexer, text.slice(Math.max(0, start - 1), start), text.slice(end, end + 1));
    };
}

function quickFix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: Array<{ range: Diagnostic['range']; newText: string }>, preferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}

/**
 * A multi-word suggestion (`Leg Day`), one that starts with a digit (`3-4-sit-up`), or one that
 * would run into the text around it (`"knees"rest`) is written quoted.
 */
const replaceWithSuggestion: Fix = (diagnostic, document, write) => {
    const data = diagnostic.data as { suggestions?: string[] } | undefined;
    return (data?.suggestions ?? []).map((suggestion, index) =>
        quickFix(`Replace with \`${suggestion}\``, diagnostic, document, [{ range: diagnostic.range, newText: write(suggestion, diagnostic.range) }], index === 0));
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
    private readonly lexer: Lexer;

    constructor(services: LangiumServices) {
        this.lexer = services.parser.Lexer;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const write = nameWriter(document, this.lexer);
        return params.context.diagnostics.flatMap(diagnostic => {
            return FIXES[codeOf(diagnostic)]?.(diagnostic, document, write) ?? [];
        });
    }
}
