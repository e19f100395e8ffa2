/**
 * One document through everything the tools do with it, in process: parse and checks, every
 * editor feature (completion, hover, highlight, definition, references, rename, semantic
 * tokens, formatting of the whole document, a range and on type, symbols, folding, inlay
 * hints, code actions), the compiler, and every renderer (HTML export, Markdown, JSON, ICS,
 * diff). What it holds the results to:
 *
 * - nothing throws, and no check reports that it crashed;
 * - every diagnostic, token, symbol, fold and hint lies inside the text;
 * - every number in the compiled model is finite;
 * - whole-document formatting of error-free text re-parses, clean, to the same model, and a
 *   second formatting changes nothing;
 * - range and on-type formatting change only blanks, on the lines they were given, and keep
 *   every line break;
 * - a quick fix adds no syntax error;
 * - every renderer's output is bounded by the size of the input and shows no NaN, Infinity,
 *   undefined or null; the page has no markup of the user's;
 * - no feature takes longer than `SLOW_MS`, in CPU time (the machine may be shared).
 */
import { URI, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diffSessions } from '../../src/core/diff.js';
import type { SessionModel } from '../../src/core/session-model.js';
import type { Document } from '../../src/language/generated/ast.js';
import { createWorkoutServices, type WorkoutServices } from '../../src/language/workout-module.js';
import { EmptyFileSystem } from 'langium';
import { NO_CHANGE, renderDiffText } from '../../src/render/diff.js';
import { renderSessionHtml } from '../../src/render/html.js';
import { renderPlansIcs } from '../../src/render/ics.js';
import { renderSessionMarkdown } from '../../src/render/markdown.js';
import { readTags } from '../render/markup.js';
import { classify, type KnownOpen } from './known-open.js';

/** A feature slower than this on one document (wall and CPU time) is a hang: an editor gives up at about 2 s. */
export const SLOW_MS = 2000;

export interface Failure {
    /** The property that does not hold, e.g. `no-exception`, `range-format-whitespace`. */
    property: string;
    /** Where: `hover`, `compile`, `render:html`… */
    feature: string;
    message: string;
    /** The known-open issue this failure belongs to, if any (tests/fuzz/known-open.ts). */
    known?: KnownOpen['id'];
}

export interface CheckFigures {
    /** Calls made to editor features, the compiler and renderers. */
    calls: number;
    syntaxErrors: boolean;
    /** Whole-document formatting was checked (the text was error-free). */
    formattedClean: boolean;
    /** Milliseconds spent per feature. */
    ms: Record<string, number>;
}

/** A small deterministic PRNG (xorshift32): positions and ranges chosen per document seed. */
export function prng(seed: number): () => number {
    let state = (seed >>> 0) || 0x9e3779b9;
    return () => {
        state = (state ^ (state << 13)) >>> 0;
        state = (state ^ (state >>> 17)) >>> 0;
        state = (state ^ (state << 5)) >>> 0;
        return state / 4294967296;
    };
}

const LINE_BREAK = /\r\n|\r|\n/;
const OPTIONS = { tabSize: 2, insertSpaces: true };
export const NOT_A_NUMBER_WORDS = /\b(Infinity|NaN|undefined|null)\b/;
const CONTAINS_NOT_A_NUMBER_WORD = /Infinity|NaN|undefined|null/;
/** What the renderers drop from user text: C0 and C1 controls, DEL, bidi marks, embeddings, overrides and isolates. */
const DROPPED_BY_RENDERERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** An ICS text as a calendar shows it: lines unfolded, TEXT escapes read. */
function unfoldIcs(ics: string): string {
    return ics.replace(/\r\n[ \t]/g, '').replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));
}

function linesOf(text: string): string[] {
    return text.split(LINE_BREAK);
}

function positionInside(lines: string[], position: Position | undefined): boolean {
    return !!position && Number.isInteger(position.line) && position.line >= 0 && position.line < lines.length
        && Number.isInteger(position.character) && position.character >= 0 && position.character <= lines[position.line].length;
}

function rangeInside(lines: string[], range: Range | undefined): boolean {
    if (!range || !positionInside(lines, range.start) || !positionInside(lines, range.end)) {
        return false;
    }
    return range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
}

function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///fuzz.workout', 'workout', 0, text), edits);
}

/** Every number of a model that is not a finite one, with its key. */
export function notFiniteNumbers(model: unknown): string[] {
    const found: string[] = [];
    const stack: Array<[unknown, string]> = [[model, '']];
    while (stack.length > 0) {
        const [value, key] = stack.pop()!;
        if (typeof value === 'number') {
            if (!Number.isFinite(value)) {
                found.push(`${key}: ${value}`);
            }
        } else if (value && typeof value === 'object') {
            for (const [child, inner] of Object.entries(value)) {
                stack.push([inner, child]);
            }
        }
    }
    return found;
}

/** Every string of a model: names, notes, titles, ids. */
function stringsOf(model: unknown): string[] {
    const found: string[] = [];
    const stack: unknown[] = [model];
    while (stack.length > 0) {
        const value = stack.pop();
        if (typeof value === 'string') {
            found.push(value);
        } else if (value && typeof value === 'object') {
            stack.push(...Object.keys(value), ...Object.values(value));
        }
    }
    return found;
}

/** The model as JSON without source lines: blank lines the formatter folds move them, nothing else may change. */
function withoutLines(model: unknown): string {
    return JSON.stringify(model, (key, value: unknown) => (key === 'line' ? undefined : value));
}

function messageOf(error: unknown): string {
    if (error instanceof Error) {
        const frame = error.stack?.split('\n').find(line => /^\s+at /.test(line))?.trim() ?? '';
        return `${error.name}: ${error.message}${frame ? ` (${frame})` : ''}`.slice(0, 500);
    }
    return String(error).slice(0, 500);
}

/**
 * The text without its blanks, and with sets written the formatter's one way (`2 x 10` for
 * `2X10` and `2×10`, docs/language.md): what layout-only formatting must leave alone.
 */
function nonBlank(text: string): string {
    return text.replace(/([0-9])[ \t]*[xX×](?=[ \t]*([0-9]|max))/g, '$1x').replace(/\s+/g, '');
}

function lineBreaks(text: string): number {
    return text.split(LINE_BREAK).length - 1;
}

/** What range or on-type formatting changed beyond blanks and the way sets are written, if anything. */
export function layoutOnlyProblem(before: string, after: string): string | undefined {
    const [a, b] = [nonBlank(before), nonBlank(after)];
    if (a !== b) {
        let at = 0;
        while (at < a.length && a[at] === b[at]) {
            at++;
        }
        return `changed more than blanks: ${JSON.stringify(a.slice(Math.max(0, at - 20), at + 20))} → ${JSON.stringify(b.slice(Math.max(0, at - 20), at + 20))}`;
    }
    if (lineBreaks(before) !== lineBreaks(after)) {
        return `line breaks ${lineBreaks(before)} → ${lineBreaks(after)}`;
    }
    return undefined;
}

/** What a session of a plan may add to an output: an event's description has at most 80 lines. */
const SESSION_BYTES = 8_000;

/** The sessions the plans stand for once their week ranges and `daily:` lines are written out. */
function plannedSessions(model: SessionModel): number {
    return model.plans.reduce((sum, plan) => sum + plan.weeks.reduce((inWeeks, week) => inWeeks + week.days.reduce((inDays, day) => inDays + day.items.length, 0), 0), 0);
}

const START = { year: 2027, month: 1, day: 4 };
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30, 0));

/**
 * A long-lived in-memory workspace that checks one document at a time. It is rebuilt every
 * `RENEW_AFTER` documents, so nothing a document leaves behind piles up over a long run.
 */
export class DocumentChecker {
    private services: WorkoutServices = createWorkoutServices(EmptyFileSystem).Workout;
    /** A second workspace for texts derived from the document (formatted, fixed), which share its names. */
    private scratch: WorkoutServices = createWorkoutServices(EmptyFileSystem).Workout;
    private checked = 0;
    private static readonly RENEW_AFTER = 2000;

    private renew(): void {
        if (++this.checked % DocumentChecker.RENEW_AFTER === 0) {
            this.fresh();
        }
    }

    private fresh(): void {
        this.services = createWorkoutServices(EmptyFileSystem).Workout;
        this.scratch = createWorkoutServices(EmptyFileSystem).Workout;
    }

    private async open(text: string, name: string, services = this.services): Promise<LangiumDocument<Document>> {
        const uri = URI.file(`/fuzz/${name}`);
        const workspace = services.shared.workspace;
        const document = workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], { validation: true });
        return document;
    }

    /** Removes the document from the workspace and its index, as closing a deleted file does. */
    private async close(document: LangiumDocument, services = this.services): Promise<void> {
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }

    /** Runs everything on `text`; positions and ranges are chosen from `seed`; a feature slower than `slowMs` is a hang. */
    async check(text: string, seed: number, slowMs = SLOW_MS): Promise<{ failures: Failure[]; figures: CheckFigures }> {
        this.renew();
        const random = prng(seed);
        const failures: Failure[] = [];
        const figures: CheckFigures = { calls: 0, syntaxErrors: false, formattedClean: false, ms: {} };
        const fail = (property: string, feature: string, message: string) => failures.push({ property, feature, message });
        const services = this.services;
        const lsp = services.lsp;

        /**
         * Calls a feature: an exception, an error it logs instead of throwing (Langium's providers
         * catch some and print them), or a slow answer is a failure; returns the answer or undefined.
         */
        const call = async <T>(feature: string, run: () => T | Promise<T>): Promise<T | undefined> => {
            figures.calls++;
            const started = performance.now();
            const cpuAtStart = process.cpuUsage();
            const logged: string[] = [];
            const consoleError = console.error;
            console.error = (...args: unknown[]) => { logged.push(args.map(arg => messageOf(arg)).join(' ')); };
            try {
                return await run();
            } catch (error) {
                fail('no-exception', feature, messageOf(error));
                return undefined;
            } finally {
                console.error = consoleError;
                if (logged.length > 0) {
                    fail('no-logged-error', feature, logged[0]);
                }
                const ms = performance.now() - started;
                figures.ms[feature] = (figures.ms[feature] ?? 0) + ms;
                // On a shared machine the wall clock also counts the time others had the CPU:
                // what makes a feature slow is the CPU time it takes.
                const cpu = process.cpuUsage(cpuAtStart);
                const cpuMs = (cpu.user + cpu.system) / 1000;
                if (ms > slowMs && cpuMs > slowMs) {
                    fail('no-hang', feature, `took ${Math.round(ms)} ms (${Math.round(cpuMs)} ms of CPU)`);
                }
            }
        };

        const name = `case-${seed >>> 0}.workout`;
        const document = await call('parse+check', () => this.open(text, name));
        if (!document) {
            // A parser that threw half-way (a stack overflow) keeps its half-built nodes and
            // mixes them into the next document: start the next one with fresh services.
            this.fresh();
            return { failures: classify(text, failures), figures };
        }
        try {
            const lines = linesOf(document.textDocument.getText());
            const uri = document.uri.toString();
            const textDocument = { uri };
            const diagnostics: Diagnostic[] = document.diagnostics ?? [];
            const syntaxErrors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
            figures.syntaxErrors = syntaxErrors > 0;
            const errorFree = syntaxErrors === 0 && !diagnostics.some(diagnostic => diagnostic.severity === 1);

            for (const diagnostic of diagnostics) {
                const message = typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message);
                if (/error occurred during|Cannot read propert|is not a function|Maximum call stack/.test(message)) {
                    fail('no-exception', 'check', message.slice(0, 300));
                }
                if (!rangeInside(lines, diagnostic.range)) {
                    fail('ranges-inside-text', 'diagnostics', `${JSON.stringify(diagnostic.range)} for "${message.slice(0, 120)}"`);
                }
            }

            // ---- the compiler and the renderers ----
            const baseName = 'case';
            const model = await call('compile', () => services.compiler.Compiler.compileDocument(document.parseResult.value, baseName));
            if (model) {
                const notFinite = notFiniteNumbers(model);
                if (notFinite.length > 0) {
                    fail('finite-model', 'compile', notFinite.slice(0, 5).join(', '));
                }
                await this.checkRenderers(text, model, syntaxErrors > 0, call, fail);
            }

            // ---- editor features at a few positions ----
            const positions = this.positions(document, random);
            // Completion is the costliest feature: asked once per document, where a word is typed.
            const typing = positions[positions.length - 1];
            await call('completion', () => lsp.CompletionProvider?.getCompletion(document, { textDocument, position: typing, context: { triggerKind: 1 } }));
            for (const position of positions) {
                const params = { textDocument, position };
                await call('hover', () => lsp.HoverProvider?.getHoverContent(document, params));
                await call('highlight', () => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, params));
                const definitions = await call('definition', () => lsp.DefinitionProvider?.getDefinition(document, params));
                for (const link of definitions ?? []) {
                    if (link.targetUri === uri && !rangeInside(lines, link.targetSelectionRange)) {
                        fail('ranges-inside-text', 'definition', JSON.stringify(link.targetSelectionRange));
                    }
                }
                await call('references', () => lsp.ReferencesProvider?.findReferences(document, { ...params, context: { includeDeclaration: true } }));
                const renamable = await call('prepareRename', () => lsp.RenameProvider?.prepareRename(document, params));
                if (renamable) {
                    await call('rename', () => lsp.RenameProvider?.rename(document, { ...params, newName: 'renamed-by-fuzz' }));
                }
            }

            const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
            const tokens = await call('semanticTokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
            if (tokens) {
                this.checkTokens(lines, tokens.data, fail);
            }
            await call('semanticTokens/range', () => lsp.SemanticTokenProvider?.semanticHighlightRange(document, { textDocument, range: this.range(lines, random) }));
            const symbols = await call('documentSymbol', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
            const symbolStack = [...(symbols ?? [])];
            while (symbolStack.length > 0) {
                const symbol = symbolStack.pop()!;
                if (!rangeInside(lines, symbol.range) || !rangeInside(lines, symbol.selectionRange)) {
                    fail('ranges-inside-text', 'documentSymbol', `${symbol.name}: ${JSON.stringify(symbol.range)}`);
                }
                symbolStack.push(...(symbol.children ?? []));
            }
            const folds = await call('foldingRange', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
            for (const fold of folds ?? []) {
                if (fold.startLine < 0 || fold.endLine >= lines.length || fold.endLine < fold.startLine) {
                    fail('ranges-inside-text', 'foldingRange', JSON.stringify(fold));
                }
            }
            const hints = await call('inlayHint', () => lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole }));
            for (const hint of hints ?? []) {
                if (!positionInside(lines, hint.position)) {
                    fail('ranges-inside-text', 'inlayHint', JSON.stringify(hint.position));
                }
            }

            // ---- code actions: fixes offered for a text without syntax errors add none ----
            if (diagnostics.length > 0 && syntaxErrors === 0) {
                const actions = await call('codeAction', () => lsp.CodeActionProvider?.getCodeActions(document, {
                    textDocument, range: whole, context: { diagnostics, triggerKind: 1 }
                }));
                for (const action of (actions ?? []).filter((item): item is CodeAction => 'title' in item && !!(item as CodeAction).edit).slice(0, 1)) {
                    const edits = action.edit?.changes?.[uri] ?? [];
                    const fixed = applyEdits(document.textDocument.getText(), edits);
                    const after = await call('codeAction/apply', () => this.syntaxErrorCount(fixed));
                    if (after !== undefined && after > syntaxErrors) {
                        fail('quick-fix-parses', 'codeAction', `"${action.title}" adds ${after - syntaxErrors} syntax error(s)`);
                    }
                }
            }

            // ---- formatting ----
            const formatter = lsp.Formatter;
            if (formatter) {
                const current = document.textDocument.getText();
                const range = this.range(lines, random);
                const rangeEdits = await call('rangeFormatting', () => formatter.formatDocumentRange(document, { textDocument, options: OPTIONS, range }));
                if (rangeEdits) {
                    this.checkLayoutOnly('range-format-whitespace', 'rangeFormatting', current, applyEdits(current, rangeEdits), fail);
                }
                const position = positions[0] ?? { line: 0, character: 0 };
                const typed = await call('onTypeFormatting', () => formatter.formatDocumentOnType(document, { textDocument, options: OPTIONS, position, ch: '>' }));
                if (typed) {
                    this.checkLayoutOnly('range-format-whitespace', 'onTypeFormatting', current, applyEdits(current, typed), fail);
                }
                const edits = await call('formatting', () => formatter.formatDocument(document, { textDocument, options: OPTIONS }));
                if (edits && edits.length > 0 && errorFree && model) {
                    figures.formattedClean = true;
                    await this.checkFormatted(applyEdits(current, edits), model, call, fail);
                }
            }
        } finally {
            await this.close(document);
        }
        return { failures: classify(text, failures), figures };
    }

    private async checkRenderers(
        text: string,
        model: SessionModel,
        syntaxErrors: boolean,
        call: <T>(feature: string, run: () => T | Promise<T>) => Promise<T | undefined>,
        fail: (property: string, feature: string, message: string) => void
    ): Promise<void> {
        // Bounded by the input: a generous constant for the page's own parts, a few hundred bytes
        // per byte of input (an entry of a few characters is a card row of a few hundred), and a
        // few KB per session a plan stands for (a range of weeks writes its week out each time,
        // up to the plan's limit of sessions; each is a calendar event and a JSON item).
        const bound = 80_000 + 400 * text.length + SESSION_BYTES * plannedSessions(model);
        // A coach may well write "null" or "kneesNaN" (a label cut at 15 characters may then show
        // the word), or `"Na\x7fN"`, shown as NaN once the control is dropped: the check is for
        // words the renderers make up.
        const userWrote = [text, ...stringsOf(model)].some(written => CONTAINS_NOT_A_NUMBER_WORD.test(written.replace(DROPPED_BY_RENDERERS, '')));
        const outputs: Array<[string, () => string]> = [
            ['render:html', () => renderSessionHtml(model, { mode: 'export' })],
            ['render:markdown', () => renderSessionMarkdown(model)],
            ['render:json', () => JSON.stringify(model, null, 2)],
            ['render:ics', () => renderPlansIcs(model.plans, { start: START, now: NOW })],
            ['render:diff', () => renderDiffText(diffSessions({ workouts: [], plans: [] }, model)) + renderDiffText(diffSessions(model, { workouts: [], plans: [] }))]
        ];
        for (const [feature, render] of outputs) {
            await call(feature, () => {
                const output = render();
                if (output.length > bound) {
                    fail('bounded-output', feature, `${output.length} characters for ${text.length} of input`);
                }
                if (!userWrote && feature !== 'render:json') {
                    // A calendar's text is folded and escaped (`\\n` before `null-ups` reads as null): read it unfolded.
                    const shown = feature === 'render:ics' ? unfoldIcs(output) : output;
                    const word = NOT_A_NUMBER_WORDS.exec(shown)?.[0];
                    if (word) {
                        fail('no-not-a-number-words', feature, `prints "${word}"`);
                    }
                }
                if (feature === 'render:html') {
                    const problems = readTags(output).problems;
                    if (problems.length > 0) {
                        fail('html-inert', feature, problems.slice(0, 3).join('; '));
                    }
                }
                return output;
            });
        }
        if (!syntaxErrors) {
            // `workout diff` compares any two versions that parse: a file with itself is no change.
            await call('render:diff-self', () => {
                const same = renderDiffText(diffSessions(model, model));
                if (same !== NO_CHANGE) {
                    const ids = [...model.workouts, ...model.plans].map(item => item.id);
                    const duplicates = ids.length !== new Set(ids).size ? ' (two workouts or plans share an id)' : '';
                    fail('diff-self-is-no-change', 'render:diff', `${same.slice(0, 200)}${duplicates}`);
                }
            });
        }
    }

    /** Formatted error-free text: re-parses clean, to the same model, and formats to itself. */
    private async checkFormatted(
        formatted: string,
        model: SessionModel,
        call: <T>(feature: string, run: () => T | Promise<T>) => Promise<T | undefined>,
        fail: (property: string, feature: string, message: string) => void
    ): Promise<void> {
        const again = await call('formatting/reparse', () => this.open(formatted, `formatted-${this.checked}.workout`, this.scratch));
        if (!again) {
            return;
        }
        try {
            const errors = again.parseResult.lexerErrors.length + again.parseResult.parserErrors.length
                + (again.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1).length;
            if (errors > 0) {
                fail('format-reparses', 'formatting', `${errors} error(s) after formatting: ${(again.diagnostics ?? []).slice(0, 2).map(d => d.message).join('; ')}`);
                return;
            }
            const remodel = await call('formatting/compile', () => this.scratch.compiler.Compiler.compileDocument(again.parseResult.value, 'case'));
            if (remodel && withoutLines(remodel) !== withoutLines(model)) {
                fail('format-same-model', 'formatting', 'the formatted text compiles to another model');
            }
            const twice = await call('formatting/second', () => this.scratch.lsp.Formatter!.formatDocument(again, { textDocument: { uri: again.uri.toString() }, options: OPTIONS }));
            if (twice && applyEdits(formatted, twice) !== formatted) {
                fail('format-idempotent', 'formatting', 'formatting the formatted text changes it again');
            }
        } finally {
            await this.close(again, this.scratch);
        }
    }

    private checkLayoutOnly(property: string, feature: string, before: string, after: string, fail: (property: string, feature: string, message: string) => void): void {
        const problem = layoutOnlyProblem(before, after);
        if (problem) {
            fail(property, feature, problem);
        }
    }

    private checkTokens(lines: string[], data: number[], fail: (property: string, feature: string, message: string) => void): void {
        let line = 0;
        let character = 0;
        for (let index = 0; index + 4 < data.length; index += 5) {
            const [deltaLine, deltaStart, length] = data.slice(index, index + 3);
            line += deltaLine;
            character = deltaLine === 0 ? character + deltaStart : deltaStart;
            if (line >= lines.length || character + length > lines[line].length || length < 0) {
                fail('ranges-inside-text', 'semanticTokens', `token at ${line}:${character} length ${length} outside the text`);
                return;
            }
        }
    }

    private async syntaxErrorCount(text: string): Promise<number> {
        const fixed = await this.open(text, `fixed-${this.checked}.workout`, this.scratch);
        try {
            return fixed.parseResult.lexerErrors.length + fixed.parseResult.parserErrors.length;
        } finally {
            await this.close(fixed, this.scratch);
        }
    }

    /**
     * Two positions: a random offset (the end of the text one time in four), then one inside or
     * at the end of a random word, where a coach is typing.
     */
    private positions(document: LangiumDocument, random: () => number): Position[] {
        const text = document.textDocument.getText();
        const offsets = [random() < 0.25 ? text.length : Math.floor(random() * (text.length + 1))];
        const words = [...text.matchAll(/[A-Za-z][\w-]*/g)];
        if (words.length > 0) {
            const word = words[Math.floor(random() * words.length)];
            offsets.push(word.index! + Math.floor(random() * (word[0].length + 1)));
        }
        return offsets.map(offset => document.textDocument.positionAt(offset));
    }

    /** A random range of whole or part lines. */
    private range(lines: string[], random: () => number): Range {
        const first = Math.floor(random() * lines.length);
        const last = Math.min(lines.length - 1, first + Math.floor(random() * 4));
        return {
            start: { line: first, character: Math.floor(random() * (lines[first].length + 1)) },
            end: { line: last, character: last === first ? lines[last].length : Math.floor(random() * (lines[last].length + 1)) }
        };
    }
}
