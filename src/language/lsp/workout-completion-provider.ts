/**
 * Completion: exercise names (the workspace's own definitions first, then the catalog with its
 * aliases) with muscles and equipment in the detail, units right after a number, and the side
 * and load options after an exercise name.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, DefaultFuzzyMatcher, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams, type Position } from 'vscode-languageserver';
import type { Catalog } from '../../core/catalog.js';
import { exerciseInfoFromCatalog } from '../../core/exercise.js';
import type { ExerciseResolver } from '../exercise-resolver.js';
import type { WorkoutSettingsProvider } from '../workout-settings.js';
import type { WorkoutServices } from '../workout-services.js';
import { isDay, isExerciseDef, isWeek } from '../generated/ast.js';
import { exerciseCard, exerciseDetail } from './exercise-card.js';
import { writtenName } from '../written-name.js';

/** Units offered right after a number, in the order coaches reach for them. */
const UNITS: Array<{ unit: string; detail: string }> = [
    { unit: 's', detail: 'seconds' }, { unit: 'min', detail: 'minutes' }, { unit: 'h', detail: 'hours' },
    { unit: 'm', detail: 'meters' }, { unit: 'km', detail: 'kilometers' }, { unit: 'mi', detail: 'miles' },
    { unit: 'cal', detail: 'calories (rower, bike, ski erg)' },
    { unit: 'kg', detail: 'kilograms (load, after @)' }, { unit: 'lb', detail: 'pounds (load, after @)' }, { unit: 'pood', detail: 'pood, 16 kg (load, after @)' },
    { unit: '%', detail: 'percent of one-rep max (load, after @)' }
];

const SIDE_OPTIONS = ['per side', 'per leg', 'per arm', 'each side'];

/**
 * Langium's matcher knows camelCase and snake_case words; exercise names are kebab-case
 * (`single-leg-deadlift`). A quote the coach opened (`"wall an`) is no part of the name typed.
 */
export class KebabCaseFuzzyMatcher extends DefaultFuzzyMatcher {
    override match(query: string, text: string): boolean {
        return super.match(query.replace(/^["']/, ''), text);
    }

    protected override isWordTransition(previous: number, current: number): boolean {
        return super.isWordTransition(previous, current) || (previous === HYPHEN && current !== HYPHEN);
    }
}

const HYPHEN = '-'.charCodeAt(0);

export class WorkoutCompletionProvider extends DefaultCompletionProvider {
    private readonly settings: WorkoutSettingsProvider;
    private readonly resolver: ExerciseResolver;
    private readonly catalog: Catalog;
    /** So that `deadl` finds `single-leg-deadlift`, as the editor's own filter would. */
    protected override readonly fuzzyMatcher = new KebabCaseFuzzyMatcher();

    constructor(services: WorkoutServices) {
        super(services);
        this.settings = services.settings.Settings;
        this.resolver = services.exercises.Resolver;
        this.catalog = services.catalog.Catalog;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const number = /(^|[\s<;@-])([0-9]+(?:\.[0-9]+)?)$/.exec(text.substring(Math.max(0, offset - 32), offset));
        if (number) {
            return { isIncomplete: false, items: this.unitItems(document, offset, number[2]) };
        }
        return super.getCompletion(document, params);
    }

    private unitItems(document: LangiumDocument, offset: number, amount: string): CompletionItem[] {
        const start = document.textDocument.positionAt(offset - amount.length);
        const end = document.textDocument.positionAt(offset);
        const items = UNITS.map(({ unit, detail }, index) => ({
            label: `${amount}${unit}`,
            kind: CompletionItemKind.Unit,
            detail,
            sortText: String(index).padStart(2, '0'),
            textEdit: { range: { start, end }, newText: `${amount}${unit}` }
        }));
        items.push({ label: `${amount} x`, kind: CompletionItemKind.Unit, detail: 'sets: `3 x 10 squats`', sortText: '99', textEdit: { range: { start, end }, newText: `${amount} x ` } });
        return items;
    }

    /**
     * Halfway through a hyphenated name (`single-leg-`) the lexer sees a name and a dash, and
     * Langium's contexts offer nothing: complete from where the name starts instead.
     */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        yield* super.buildContexts(document, position);
        const textDocument = document.textDocument;
        const offset = textDocument.offsetAt(position);
        const partial = /(?:^|[^A-Za-z0-9_-])([a-zA-Z_][a-zA-Z0-9_]*(?:-[a-zA-Z0-9_]+)*-+)$/.exec(textDocument.getText().substring(Math.max(0, offset - 200), offset));
        const root = document.parseResult.value.$cstNode;
        if (partial && root) {
            const start = offset - partial[1].length;
            yield {
                document, textDocument, offset, position,
                node: CstUtils.findLeafNodeBeforeOffset(root, start)?.astNode,
                tokenOffset: start,
                tokenEndOffset: offset,
                features: this.findFeaturesAt(textDocument, start)
            };
        }
    }

    /** How a name is inserted: quoted when it does not read back bare (written-name.ts). */
    private insertTextOf(name: string): { insertText?: string } {
        const written = writtenName(name, this.lexer);
        return written === name ? {} : { insertText: written };
    }

    /** The workspace's own exercises, with the same detail and card as catalog ones; multi-word names quoted. */
    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = { ...super.createReferenceCompletionItem(description, refInfo, context), ...this.insertTextOf(description.name) };
        if (!isExerciseDef(description.node)) {
            return item;
        }
        const info = this.resolver.fromDefinition(description.node);
        return {
            ...item,
            detail: exerciseDetail(info),
            labelDetails: { description: description.node.title ? description.node.title : 'defined in this workspace' },
            documentation: { kind: 'markdown', value: exerciseCard(info) }
        };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isKeyword(next.feature)) {
            const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
            // Keywords may be used as names, but offering `plan` or `monday` as an exercise is noise.
            if (rule === 'Name' || rule === 'PlanWord' || (rule === 'Weekday' && !isWeek(context.node) && !isDay(context.node))) {
                return;
            }
            return this.completionForOption(context, next.feature, acceptor);
        }
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'TEMPO') {
            acceptor(context, {
                label: 'tempo 3-1-1', insertText: 'tempo ${1:3-1-1}', insertTextFormat: InsertTextFormat.Snippet, kind: CompletionItemKind.Keyword,
                detail: 'seconds down, pause, up; X for explosive (31X1)', sortText: '1'
            });
            return;
        }
        if (GrammarAST.isCrossReference(next.feature)) {
            next = this.onTheNodeThatHoldsIt(context, next);
        }
        if (GrammarAST.isCrossReference(next.feature) && next.feature.type.ref?.name === 'ExerciseDef') {
            super.completionFor(context, next, acceptor);
            this.completionForCatalog(context, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * Langium completes a reference on the node the cursor follows. After a half-typed entry's
     * amount (`3 x 10 ‸`, `max ‸`) that node is the amount or the workout, not an entry, and
     * Langium logged "Property exercise of type Range is not a reference" and offered none of the
     * workspace's own names: complete on a new node of the rule that holds the reference.
     */
    private onTheNodeThatHoldsIt(context: CompletionContext, next: NextFeature): NextFeature {
        const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature;
        const holder = next.type ?? context.node?.$type;
        if (!property || !holder || this.astReflection.getTypeMetaData(holder).properties[property]?.referenceType) {
            return next;
        }
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const holding = rule?.fragment ? ruleCalling(rule) : rule;
        return holding ? { ...next, type: GrammarUtils.getRuleType(holding) } : next;
    }

    private async completionForOption(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): Promise<void> {
        if (keyword.value === 'per' || keyword.value === 'each') {
            SIDE_OPTIONS.filter(option => option.startsWith(keyword.value)).forEach(option =>
                acceptor(context, { label: option, kind: CompletionItemKind.Keyword, detail: 'one side at a time, both sides done', sortText: '1' }));
            return;
        }
        if (keyword.value === '@') {
            const unit = (await this.settings.get(context.document.uri)).loadUnit;
            const loads = [
                [`@ \${1:12}${unit}`, `@ 12${unit}`, 'a weight'], ['@ ${1:70}%', '@ 70%', 'percent of one-rep max'],
                ['@ ${1:65}% tm', '@ 65% tm', 'percent of the training max'], ['@ rpe ${1:7}', '@ rpe 7', 'rate of perceived exertion, 1–10'],
                ['@ rir ${1:2}', '@ rir 2', 'reps in reserve, 0–10'], [`@ \${1:95}/\${2:65}${unit}`, `@ 95/65${unit}`, 'Rx weights, men/women'],
                [`@ 2x\${1:24}${unit}`, `@ 2x24${unit}`, 'two implements'], ['@ bw', '@ bw', 'bodyweight']
            ];
            loads.forEach(([snippet, label, detail]) => acceptor(context, {
                label, insertText: snippet, insertTextFormat: InsertTextFormat.Snippet, kind: CompletionItemKind.Value, detail, sortText: '1'
            }));
            return;
        }
        return this.completionForKeyword(context, keyword, acceptor);
    }

    private completionForCatalog(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset).replace(/^["']/, '').toLowerCase();
        for (const entry of this.catalog.entries()) {
            const info = exerciseInfoFromCatalog(entry);
            const names = [entry.id, ...entry.aliases];
            for (const name of names) {
                acceptor(context, {
                    label: name,
                    kind: CompletionItemKind.Function,
                    detail: exerciseDetail(info),
                    labelDetails: name === entry.id ? { description: entry.name } : { description: `→ ${entry.id}` },
                    sortText: catalogSortText(name, typed, name === entry.id),
                    ...this.insertTextOf(name)
                });
            }
        }
    }
}

/** A fragment's properties belong to the rule that calls it (`EntryBody` → `Entry`). */
function ruleCalling(fragment: GrammarAST.ParserRule): GrammarAST.ParserRule | undefined {
    const grammar = AstUtils.getContainerOfType(fragment, GrammarAST.isGrammar);
    return grammar?.rules.filter(GrammarAST.isParserRule).find(rule => !rule.fragment
        && AstUtils.streamAllContents(rule).some(node => GrammarAST.isRuleCall(node) && node.rule.ref === fragment));
}

/**
 * Names that start with what was typed first (`squat` → `squats` before `squat-thrusts`), then
 * names with a word that starts with it (`deadlift` → `single-leg-deadlift`), then the looser
 * fuzzy matches; shorter names first within each group, a catalog id before an alias of the
 * same length. The workspace's own definitions (sortText `0`) stay above all of them.
 */
export function catalogSortText(name: string, typed: string, isId: boolean): string {
    const group = typed.length === 0 ? '4' : name.startsWith(typed) ? '2' : name.includes(`-${typed}`) ? '3' : '4';
    return `${group}${String(name.length).padStart(3, '0')}${isId ? '0' : '1'}${name}`;
}
