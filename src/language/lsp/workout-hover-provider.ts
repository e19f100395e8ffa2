/**
 * Hover: the exercise card on an exercise name, the estimate on a block's header, the summary of
 * a workout named in a plan.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { WorkoutModel } from '../../core/session-model.js';
import { isBlock, isEntry, isExerciseDef, isWorkout, isWorkoutRef } from '../generated/ast.js';
import { describeBlock } from '../../core/describe.js';
import { formatSeconds } from '../../core/quantities.js';
import { entryName, exerciseReference, unquote } from '../exercise-resolver.js';
import type { WorkoutServices } from '../workout-services.js';
import { codeSpan, escapeMarkdownText, exerciseCard } from './exercise-card.js';

export class WorkoutHoverProvider implements HoverProvider {
    constructor(private readonly services: WorkoutServices) {}

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf) {
            return undefined;
        }
        const markdown = hoverFor(leaf.astNode, leaf.offset, this.services);
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: leaf.range } : undefined;
    }
}

function hoverFor(node: AstNode, offset: number, services: WorkoutServices): string | undefined {
    const compiler = services.compiler.Compiler;
    const resolver = services.exercises.Resolver;
    const nameNode = isEntry(node) ? exerciseReference(node)?.$refNode : undefined;
    if (isEntry(node) && nameNode && nameNode.offset <= offset && offset <= nameNode.end) {
        const info = resolver.resolve(node);
        return info ? exerciseCard(info) : `Unknown exercise ${codeSpan(unquote(entryName(node)))}: not in the catalog nor defined in this workspace.`;
    }
    if (isExerciseDef(node)) {
        return exerciseCard(resolver.fromDefinition(node));
    }
    if (isWorkoutRef(node) && node.workout.ref) {
        return workoutSummary(compiler.compileWorkout(node.workout.ref));
    }
    if (isWorkout(node)) {
        return workoutSummary(compiler.compileWorkout(node));
    }
    const block = isBlock(node) ? node : AstUtils.getContainerOfType(node, isBlock);
    if (block && block.$cstNode && offset < (block.items[0]?.$cstNode?.offset ?? block.$cstNode.end)) {
        const model = compiler.compileBlock(block);
        return `**${escapeMarkdownText(describeBlock(model))}** — estimated ${formatSeconds(model.estimatedSeconds)}`;
    }
    return undefined;
}

function workoutSummary(model: WorkoutModel): string {
    const equipment = model.equipment.length ? model.equipment.map(escapeMarkdownText).join(', ') : 'none';
    return [
        `**${escapeMarkdownText(model.name)}** — estimated ${formatSeconds(model.estimatedSeconds)}`,
        '',
        ...model.blocks.map(block => `- ${escapeMarkdownText(describeBlock(block))}: ${formatSeconds(block.estimatedSeconds)}`),
        '',
        `Equipment: ${equipment}`
    ].join('\n');
}
