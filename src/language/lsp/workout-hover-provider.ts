/**
 * Hover: the exercise card on an exercise name, the estimate on a block's header, the summary of
 * a workout named in a plan.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { WorkoutModel } from '../../core/session-model.js';
import { isBlock, isEntry, isExerciseDef, isRange, isScheme, isSlot, isTarget, isTempoModifier, isWorkout, isWorkoutRef } from '../generated/ast.js';
import { describeBlock, describeLoad } from '../../core/describe.js';
import { tempoSeconds } from '../../core/estimate.js';
import { isTargetProblem, readTarget } from '../../core/targets.js';
import { targetText } from '../compiler/compile-workout.js';
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
    const notation = notationHover(node);
    if (notation) {
        return notation;
    }
    const block = isBlock(node) ? node : AstUtils.getContainerOfType(node, isBlock);
    if (block && block.$cstNode && offset < (block.items[0]?.$cstNode?.offset ?? block.$cstNode.end)) {
        const model = compiler.compileBlock(block);
        return `**${escapeMarkdownText(describeBlock(model))}** — estimated ${formatSeconds(model.estimatedSeconds)}`;
    }
    return undefined;
}

const TARGET_WORDS: Record<string, string> = {
    'percent-1rm': 'of the one-rep max',
    'percent-tm': 'of the training max (a working max, often 90% of the one-rep max)',
    rpe: 'rate of perceived exertion: 10 is a maximal effort',
    rir: 'reps in reserve: stop this many reps short of failure',
    height: 'the height of the box or target'
};

/** What a piece of the notation means: a tempo, a target after `@`, a rep scheme, an EMOM label. */
function notationHover(node: AstNode): string | undefined {
    if (isTempoModifier(node)) {
        const tempo = node.tempo.replace(/^tempo\s+/i, '');
        const seconds = tempoSeconds(tempo);
        const phases = (tempo.includes('-') ? tempo.split('-') : [...tempo]).map(phase => (/[xX]/.test(phase) ? 'explosive' : `${phase} s`));
        const names = ['down', 'pause', 'up', 'pause at the top'];
        return seconds === undefined ? undefined
            : `**Tempo ${codeSpan(tempo)}**: ${phases.map((phase, index) => `${phase} ${names[index]}`).join(', ')} — ${seconds} s a rep.`;
    }
    if (isTarget(node)) {
        const read = readTarget(targetText(node));
        if (isTargetProblem(read)) {
            return undefined;
        }
        const explanation = TARGET_WORDS[read.kind];
        const pair = read.alternate !== undefined ? ' — Rx men/women' : '';
        return `**@ ${escapeMarkdownText(describeLoad(read))}**${explanation ? `: ${explanation}` : ''}${pair}.`;
    }
    if (isScheme(node) || (isRange(node) && node.steps.length > 0 && isEntry(node.$container))) {
        const steps = isScheme(node) ? node.steps : [node.min, node.max ?? '', ...node.steps];
        const what = isScheme(node) ? `${steps.length} rounds: the entries written without an amount do` : `${steps.length} sets, one per number:`;
        return `**Rep scheme ${codeSpan(steps.join('-'))}**: ${what} ${steps.join(', then ')} reps.`;
    }
    if (isSlot(node)) {
        return node.parity ? `**${node.parity === 'odd' ? 'Odd' : 'Even'} minutes** of the EMOM: this item and the ones below it until the next label.`
            : `**Minute ${node.minute}** of each cycle of the EMOM: this item and the ones below it until the next label.`;
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
