/**
 * The outline and breadcrumbs: workouts with their blocks (nested as written), exercise
 * definitions, plans with their weeks, and loose top-level blocks.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { isBlock, isExerciseDef, isPlan, isWeek, isWorkout, type Block } from '../generated/ast.js';
import { describeBlock } from '../../core/describe.js';
import { formatSeconds } from '../../core/quantities.js';
import type { WorkoutCompiler } from '../compiler/workout-compiler.js';
import { unquote } from '../exercise-resolver.js';
import { lineLengthsOf, rangeInsideText, type LineLengths } from '../text-ranges.js';
import type { WorkoutServices } from '../workout-services.js';

function symbol(node: AstNode, name: string, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]): DocumentSymbol | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    return { name: name || '(unnamed)', kind, detail, range: cst.range, selectionRange: headerRange(node) ?? cst.range, children };
}

/** What the editor highlights and reveals for a symbol: the name, or a block's header up to its `<`. */
function headerRange(node: AstNode): Range | undefined {
    const cst = node.$cstNode!;
    const name = GrammarUtils.findNodeForProperty(cst, 'name');
    if (name) {
        return name.range;
    }
    const open = GrammarUtils.findNodeForKeyword(cst, '<');
    return open ? { start: cst.range.start, end: open.range.end } : undefined;
}

function blockSymbol(block: Block, compiler: WorkoutCompiler): DocumentSymbol | undefined {
    const model = compiler.compileBlock(block);
    const children = block.items.filter(isBlock).map(child => blockSymbol(child, compiler)).filter((s): s is DocumentSymbol => s !== undefined);
    return symbol(block, describeBlock(model), SymbolKind.Namespace, formatSeconds(model.estimatedSeconds), children);
}

/**
 * The symbols with their ranges inside the text: a workout, block, plan or week that ends with
 * its line break (unclosed, half-typed) ends where that NL token ends, past its line.
 */
function keepInsideText(symbols: DocumentSymbol[], lines: LineLengths): DocumentSymbol[] {
    return symbols.map(found => ({
        ...found,
        range: rangeInsideText(found.range, lines),
        selectionRange: rangeInsideText(found.selectionRange, lines),
        children: found.children && keepInsideText(found.children, lines)
    }));
}

export class WorkoutDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly compiler: WorkoutCompiler;

    constructor(services: WorkoutServices) {
        this.compiler = services.compiler.Compiler;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const blockSymbolOf = (block: Block) => blockSymbol(block, this.compiler);
        const root = document.parseResult.value as { elements?: AstNode[] };
        const symbols: Array<DocumentSymbol | undefined> = (root.elements ?? []).map(element => {
            if (isWorkout(element)) {
                const blocks = element.items.filter(isBlock).map(blockSymbolOf).filter((s): s is DocumentSymbol => s !== undefined);
                return symbol(element, unquote(element.name), SymbolKind.Function, element.title ? element.title : undefined, blocks);
            }
            if (isExerciseDef(element)) {
                return symbol(element, unquote(element.name), SymbolKind.Class, element.title ? element.title : 'exercise');
            }
            if (isPlan(element)) {
                const weeks = element.items.filter(isWeek).map(week => symbol(week, week.last !== undefined ? `Weeks ${week.number}–${week.last}` : `Week ${week.number}`, SymbolKind.Event, `${week.days.length} ${week.days.length === 1 ? 'day' : 'days'}`));
                return symbol(element, unquote(element.name), SymbolKind.Module, element.title ? element.title : 'plan', weeks.filter((s): s is DocumentSymbol => s !== undefined));
            }
            return isBlock(element) ? blockSymbolOf(element) : undefined;
        });
        return keepInsideText(symbols.filter((s): s is DocumentSymbol => s !== undefined), lineLengthsOf(document.textDocument.getText()));
    }
}
