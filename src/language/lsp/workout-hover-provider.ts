/**
 * Hover: the exercise card on an exercise name, the estimate on a block's header, the summary of
 * a workout named in a plan.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isBlock, isEntry, isExerciseDef, isWorkout, isWorkoutRef, type Workout } from '../generated/ast.js';
import { exerciseInfoFromDefinition, resolveExercise, unquote } from '../exercise-info.js';
import { compileBlock, compileWorkout } from '../../model/compile.js';
import { describeBlock } from '../../render/describe.js';
import { formatSeconds } from '../quantities.js';
import { codeSpan, escapeMarkdownText, exerciseCard } from './exercise-card.js';

export class WorkoutHoverProvider implements HoverProvider {
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
        const markdown = hoverFor(leaf.astNode, leaf.offset);
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: leaf.range } : undefined;
    }
}

function hoverFor(node: AstNode, offset: number): string | undefined {
    if (isEntry(node) && node.exercise.$refNode && node.exercise.$refNode.offset <= offset && offset <= node.exercise.$refNode.end) {
        const info = resolveExercise(node);
        return info ? exerciseCard(info) : `Unknown exercise ${codeSpan(unquote(node.exercise.$refText))}: not in the catalog nor defined in this workspace.`;
    }
    if (isExerciseDef(node)) {
        return exerciseCard(exerciseInfoFromDefinition(node));
    }
    if (isWorkoutRef(node) && node.workout.ref) {
        return workoutSummary(node.workout.ref);
    }
    if (isWorkout(node)) {
        return workoutSummary(node);
    }
    const block = isBlock(node) ? node : AstUtils.getContainerOfType(node, isBlock);
    if (block && block.$cstNode && offset < (block.items[0]?.$cstNode?.offset ?? block.$cstNode.end)) {
        const model = compileBlock(block);
        return `**${escapeMarkdownText(describeBlock(model))}** — estimated ${formatSeconds(model.estimatedSeconds)}`;
    }
    return undefined;
}

function workoutSummary(workout: Workout): string {
    const model = compileWorkout(workout);
    const equipment = model.equipment.length ? model.equipment.map(escapeMarkdownText).join(', ') : 'none';
    return [
        `**${escapeMarkdownText(model.name)}** — estimated ${formatSeconds(model.estimatedSeconds)}`,
        '',
        ...model.blocks.map(block => `- ${escapeMarkdownText(describeBlock(block))}: ${formatSeconds(block.estimatedSeconds)}`),
        '',
        `Equipment: ${equipment}`
    ].join('\n');
}
