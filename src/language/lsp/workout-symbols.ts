/**
 * The outline and breadcrumbs: workouts with their blocks (nested as written), exercise
 * definitions, plans with their weeks, and loose top-level blocks.
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isBlock, isExerciseDef, isPlan, isWeek, isWorkout, type Block } from '../generated/ast.js';
import { compileBlock } from '../../model/compile.js';
import { describeBlock } from '../../render/describe.js';
import { formatSeconds } from '../quantities.js';
import { unquote } from '../exercise-info.js';

function symbol(node: AstNode, name: string, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]): DocumentSymbol | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    return { name: name || '(unnamed)', kind, detail, range: cst.range, selectionRange: cst.range, children };
}

function blockSymbol(block: Block): DocumentSymbol | undefined {
    const model = compileBlock(block);
    const children = block.items.filter(isBlock).map(blockSymbol).filter((s): s is DocumentSymbol => s !== undefined);
    return symbol(block, describeBlock(model), SymbolKind.Namespace, formatSeconds(model.estimatedSeconds), children);
}

export class WorkoutDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value as { elements?: AstNode[] };
        const symbols: Array<DocumentSymbol | undefined> = (root.elements ?? []).map(element => {
            if (isWorkout(element)) {
                const blocks = element.items.filter(isBlock).map(blockSymbol).filter((s): s is DocumentSymbol => s !== undefined);
                return symbol(element, unquote(element.name), SymbolKind.Function, element.title ? unquote(element.title) : undefined, blocks);
            }
            if (isExerciseDef(element)) {
                return symbol(element, unquote(element.name), SymbolKind.Class, element.title ? unquote(element.title) : 'exercise');
            }
            if (isPlan(element)) {
                const weeks = element.items.filter(isWeek).map(week => symbol(week, `Week ${week.number}`, SymbolKind.Event, `${week.days.length} days`));
                return symbol(element, unquote(element.name), SymbolKind.Module, element.title ? unquote(element.title) : 'plan', weeks.filter((s): s is DocumentSymbol => s !== undefined));
            }
            return isBlock(element) ? blockSymbol(element) : undefined;
        });
        return symbols.filter((s): s is DocumentSymbol => s !== undefined);
    }
}
