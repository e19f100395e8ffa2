/**
 * Whatever a coach types, half-typed or garbled, the tools answer with diagnostics, never with
 * an exception: parsing, checking and compiling random text, soups of the language's own words
 * and mutated example files never throws, no check crashes, and every diagnostic points inside
 * the text.
 */
import fc from 'fast-check';
import { URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../../src/language/generated/ast.js';
import { newServices, compileDocument } from '../helpers.js';
import { exampleTexts, mutatedExample, tokenSoup } from './robustness/generators.js';

const services = newServices();
let counter = 0;

/** Parses, links and checks one text in a long-lived workspace, then removes it again. */
async function check(text: string): Promise<{ document: LangiumDocument<Document>; diagnostics: Diagnostic[] }> {
    const uri = URI.file(`/property/case-${counter++}.workout`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return { document, diagnostics: document.diagnostics ?? [] };
    } finally {
        services.shared.workspace.LangiumDocuments.deleteDocument(uri);
    }
}

function problemsWith(text: string, diagnostics: Diagnostic[]): string[] {
    const lines = text.split(/\r\n|\r|\n/);
    const problems: string[] = [];
    for (const diagnostic of diagnostics) {
        const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
        if (/error occurred during validation|Cannot read propert|is not a function|undefined/.test(message)) {
            problems.push(`a check crashed: ${message}`);
        }
        for (const [name, position] of [['start', diagnostic.range.start], ['end', diagnostic.range.end]] as const) {
            if (!Number.isInteger(position.line) || position.line < 0 || position.line >= lines.length) {
                problems.push(`${name} line ${position.line} outside 0..${lines.length - 1}: ${message}`);
            } else if (!Number.isInteger(position.character) || position.character < 0 || position.character > lines[position.line].length) {
                problems.push(`${name} character ${position.character} outside line ${position.line} (length ${lines[position.line].length}): ${message}`);
            }
        }
        const { start, end } = diagnostic.range;
        if (end.line < start.line || (end.line === start.line && end.character < start.character)) {
            problems.push(`range ends before it starts: ${message}`);
        }
    }
    return problems;
}

/** The whole pipeline a save goes through: parse, link, check, compile to the session model. */
async function survives(text: string): Promise<void> {
    const { document, diagnostics } = await check(text);
    expect(problemsWith(text, diagnostics), JSON.stringify(text)).toEqual([]);
    const session = compileDocument(document.parseResult.value, 'property');
    // The model is plain data: every number in it is a real number (JSON would turn NaN into null).
    const notFinite: string[] = [];
    JSON.stringify(session, (key, value) => {
        if (typeof value === 'number' && !Number.isFinite(value)) {
            notFinite.push(`${key}: ${value}`);
        }
        return value;
    });
    expect(notFinite, JSON.stringify(text)).toEqual([]);
}

describe('robustness', () => {
    it('random text never breaks the tools', async () => {
        await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), survives), { numRuns: 150 });
    });

    it('soups of the language\'s own words never break the tools', async () => {
        await fc.assert(fc.asyncProperty(tokenSoup, survives), { numRuns: 200 });
    });

    it('mutated example files never break the tools', async () => {
        expect(exampleTexts.length).toBeGreaterThan(0);
        await fc.assert(fc.asyncProperty(mutatedExample, survives), { numRuns: 200 });
    });

    it.each([
        ['a rest without its time', 'workout a <\n  10 squats rest\n>\n'],
        ['rounds with a rest and no time', 'workout a <\n  3 rounds rest < 10 squats >\n>\n'],
        ['a workout without a name', 'workout <\n  10 squats\n>\n'],
        ['an exercise without a name', 'exercise < muscles: quads >\n'],
        ['an import without a path', 'import\n'],
        ['a property without a key', 'exercise x <\n  : quads\n>\n'],
        ['an entry without a name', 'workout a <\n  10\n>\n'],
        ['a load sign with nothing after it', '10 squats @\n'],
        ['intervals without times', 'intervals 8 x < 10 squats >\n'],
        ['a plan day without items', 'plan p <\n  week 1 <\n    monday:\n  >\n>\n'],
        ['an unclosed block at the end of a file', 'workout a <\n  amrap 10min <\n    10 squats\n'],
        ['only a comment', '// nothing yet'],
        ['an empty file', '']
    ])('%s: diagnostics inside the text, no crash', async (_what, text) => {
        await survives(text);
    });
});
