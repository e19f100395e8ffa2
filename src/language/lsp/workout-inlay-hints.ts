/**
 * Inlay hints: each block's estimated time after its `<`, and each workout's total. The
 * `workout.inlayHints.enabled` setting turns them off.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isBlock, isWorkout } from '../generated/ast.js';
import { formatSeconds } from '../../core/quantities.js';
import type { WorkoutCompiler } from '../compiler/workout-compiler.js';
import type { WorkoutSettingsProvider } from '../workout-settings.js';
import type { WorkoutServices } from '../workout-services.js';

export class WorkoutInlayHintProvider extends AbstractInlayHintProvider {
    private readonly settings: WorkoutSettingsProvider;
    private readonly compiler: WorkoutCompiler;

    constructor(services: WorkoutServices) {
        super();
        this.settings = services.settings.Settings;
        this.compiler = services.compiler.Compiler;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[] | undefined> {
        if (!(await this.settings.get(document.uri)).inlayHints) {
            return [];
        }
        // A block that starts above the visible range still overlaps it; its hint does not.
        const { start, end } = params.range;
        const within = (hint: InlayHint) => (hint.position.line > start.line || (hint.position.line === start.line && hint.position.character >= start.character))
            && (hint.position.line < end.line || (hint.position.line === end.line && hint.position.character <= end.character));
        return (await super.getInlayHints(document, params))?.filter(within);
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        const estimate = isBlock(node) ? this.compiler.compileBlock(node).estimatedSeconds : isWorkout(node) ? this.compiler.compileWorkout(node).estimatedSeconds : undefined;
        if (estimate === undefined) {
            return;
        }
        const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '<');
        if (open) {
            acceptor({ position: open.range.end, label: `≈ ${formatSeconds(estimate)}`, paddingLeft: true, tooltip: 'Estimated time (docs/language.md: duration estimate)' });
        }
    }
}
