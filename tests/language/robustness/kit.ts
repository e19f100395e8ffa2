/**
 * What the robustness tests share: one long-lived workspace in which each text is parsed,
 * linked and checked as the editor does on open, then removed again (a fresh workspace per
 * case would make a property test a hundred times slower).
 */
import { URI, type LangiumDocument } from 'langium';
import type { Document } from '../../../src/language/generated/ast.js';
import { newServices } from '../../helpers.js';

export const services = newServices();
let counter = 0;

/** Parses, links and checks one text; `use` sees the document before it leaves the workspace. */
export async function withChecked<T>(text: string, use: (document: LangiumDocument<Document>) => T | Promise<T>): Promise<T> {
    const uri = URI.file(`/robustness/case-${counter++}.workout`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return await use(document);
    } finally {
        // Out of the workspace and its index, so a name it defined is free for the next case.
        await services.shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

/**
 * Every editor feature the server offers, asked about `document` as an editor asks: at the
 * start and end of every line (up to `maxLines`) for the features that take a position. Each
 * failure is returned as `feature: message`; so is anything logged to `console.error` or
 * `console.warn` meanwhile (Langium logs the errors of some features instead of throwing).
 */
export async function editorFeatureFailures(document: LangiumDocument, maxLines = 12): Promise<string[]> {
    const lsp = services.lsp;
    const textDocument = { uri: document.textDocument.uri };
    const failures: string[] = [];
    const logged = (kind: string) => (...args: unknown[]) => failures.push(`console.${kind}: ${args.map(arg => arg instanceof Error ? arg.message : String(arg)).join(' ')}`);
    const original = { error: console.error, warn: console.warn };
    console.error = logged('error');
    console.warn = logged('warn');
    const attempt = async (feature: string, run: () => unknown) => {
        try {
            await run();
        } catch (error) {
            failures.push(`${feature}: ${(error as Error).message}`);
        }
    };
    try {
        const lineCount = document.textDocument.lineCount;
        const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
        await attempt('semantic tokens', () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }));
        await attempt('document symbols', () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
        await attempt('folding ranges', () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }));
        await attempt('inlay hints', () => lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: whole }));
        await attempt('formatting', () => lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } }));
        await attempt('range formatting', () => lsp.Formatter!.formatDocumentRange(document, { textDocument, range: whole, options: { tabSize: 2, insertSpaces: true } }));
        await attempt('code actions', () => lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument, range: whole, context: { diagnostics: document.diagnostics ?? [] }
        }));
        for (let line = 0; line < Math.min(lineCount, maxLines); line++) {
            const end = document.textDocument.offsetAt({ line: line + 1, character: 0 }) - document.textDocument.offsetAt({ line, character: 0 });
            for (const character of new Set([0, Math.max(0, end - 1), end])) {
                const position = { line, character };
                await attempt(`hover at ${line}:${character}`, () => lsp.HoverProvider!.getHoverContent(document, { textDocument, position }));
                await attempt(`completion at ${line}:${character}`, () => lsp.CompletionProvider!.getCompletion(document, { textDocument, position }));
                await attempt(`definition at ${line}:${character}`, () => lsp.DefinitionProvider!.getDefinition(document, { textDocument, position }));
                await attempt(`on-type formatting at ${line}:${character}`, () => lsp.Formatter!.formatDocumentOnType!(document, { textDocument, position, ch: '>', options: { tabSize: 2, insertSpaces: true } }));
            }
        }
    } finally {
        console.error = original.error;
        console.warn = original.warn;
    }
    return failures;
}
