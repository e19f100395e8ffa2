/**
 * Inlay hints: each block's estimated time after its `<`, and each workout's total. The
 * `workout.inlayHints.enabled` setting turns them off.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor, type LangiumServices } from 'langium/lsp';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isBlock, isWorkout } from '../generated/ast.js';
import { compileBlock, compileWorkout } from '../../model/compile.js';
import { formatSeconds } from '../quantities.js';

export class WorkoutInlayHintProvider extends AbstractInlayHintProvider {
    private readonly configuration;

    constructor(services: LangiumServices) {
        super();
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[] | undefined> {
        const enabled = await this.configuration.getConfiguration('workout', 'inlayHints');
        if (enabled && typeof enabled === 'object' && (enabled as { enabled?: boolean }).enabled === false) {
            return [];
        }
        // A block that starts above the visible range still overlaps it; its hint does not.
        const { start, end } = params.range;
        const within = (hint: InlayHint) => (hint.position.line > start.line || (hint.position.line === start.line && hint.position.character >= start.character))
            && (hint.position.line < end.line || (hint.position.line === end.line && hint.position.character <= end.character));
        return (await super.getInlayHints(document, params))?.filter(within);
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        const estimate = isBlock(node) ? compileBlock(node).estimatedSeconds : isWorkout(node) ? compileWorkout(node).estimatedSeconds : undefined;
        if (estimate === undefined) {
            return;
        }
        const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '<');
        if (open) {
            acceptor({ position: open.range.end, label: `≈ ${formatSeconds(estimate)}`, paddingLeft: true, tooltip: 'Estimated time (docs/language.md: duration estimate)' });
        }
    }
}
