/**
 * Formatting: one canonical layout, reached from any spacing of the same tokens; formatting
 * twice changes nothing more; the session a coach sees is the same before and after; comments
 * stay; a file with syntax errors is left alone; typing `>` re-indents that line only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { IToken } from 'chevrotain';
import { URI } from 'langium';
import { expectFormatting } from 'langium/test';
import { compileDocument } from '../../helpers.js';
import { describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver';
import type { WorkoutServices } from '../../../src/language/workout-module.js';
import { applyEdits, changeFile, cursorIn, newWorkspace, openFiles, openText, uriOf } from './lsp-kit.js';

const ROOT = path.resolve(__dirname, '../../..');

/** Every `.workout` file under a folder, as `{ name: text }`. */
function workoutFiles(folder: string): Record<string, string> {
    const dir = path.join(ROOT, folder);
    return Object.fromEntries(readdirSync(dir).filter(name => name.endsWith('.workout')).sort()
        .map(name => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

const EXAMPLES = workoutFiles('examples');
const FIXTURE_FOLDERS = readdirSync(path.join(ROOT, 'tests/fixtures'), { withFileTypes: true })
    .filter(entry => entry.isDirectory()).map(entry => `tests/fixtures/${entry.name}`);

const OPTIONS = { tabSize: 2, insertSpaces: true };

async function formatEdits(services: WorkoutServices, text: string, name = 'session.workout'): Promise<TextEdit[]> {
    const document = await openText(services, text, name);
    return services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: uriOf(name) }, options: OPTIONS });
}

/** One workspace for all "Format Document" calls: each text is opened alone, formatted, and closed. */
const formatting = newWorkspace();
let formatted = 0;

/** The text after "Format Document". */
async function format(text: string): Promise<string> {
    const name = `format-${++formatted}.workout`;
    try {
        return applyEdits(text, await formatEdits(formatting, text, name));
    } finally {
        await formatting.shared.workspace.DocumentBuilder.update([], [URI.parse(uriOf(name))]);
    }
}

/** One workspace per folder (a plan needs the workouts it names); a file's text is swapped in as an editor would. */
const folderWorkspaces = new Map<Record<string, string>, Promise<WorkoutServices>>();

/** The session model of `name` with `text` in the workspace of `files`, without line numbers. */
async function sessionOf(files: Record<string, string>, name: string, text = files[name]): Promise<unknown> {
    if (!folderWorkspaces.has(files)) {
        const services = newWorkspace();
        folderWorkspaces.set(files, openFiles(services, files).then(() => services));
    }
    const services = await folderWorkspaces.get(files)!;
    const document = await changeFile(services, name, text);
    try {
        return withoutLines(compileDocument(document.parseResult.value, path.basename(name, '.workout')));
    } finally {
        await changeFile(services, name, files[name]);
    }
}

/** Blank lines folded by the formatter move the `line` of what follows; nothing else may change. */
function withoutLines(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(withoutLines);
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'line').map(([key, inner]) => [key, withoutLines(inner)]));
    }
    return value;
}

function tokensOf(text: string): IToken[] {
    const lexed = newWorkspace().parser.Lexer.tokenize(text);
    return [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
}

function commentsOf(text: string): string[] {
    return tokensOf(text).filter(token => token.tokenType.name.endsWith('COMMENT')).map(token => token.image.trimEnd());
}

const hasSyntaxErrors = async (text: string) => {
    const document = await openText(newWorkspace(), text);
    return document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;
};

describe('the canonical layout', () => {
    it('indents by block depth, spaces words once, writes sets as `2 x 10` and folds blank lines', async () => {
        await expectFormatting(newWorkspace())({
            before: [
                '',
                '',
                'workout   legs "Legs"<',
                '      warmup<5min   dynamic-stretching >',
                '',
                '',
                '',
                '2x10   lunges per   leg @12kg',
                '\t3 rounds  rest 60s<',
                '10 squats;20   mountain-climbers ;',
                '       superset <',
                '  2X8 step-ups per leg',
                '2×8 single-leg-deadlift  per side  rest 30s',
                '            >',
                '    >',
                '   8 - 10 push-ups',
                '  30 -45s plank   "keep a straight line"',
                '>',
                '',
                '',
                'exercise kb-halo "Kettlebell halo"<',
                'muscles:shoulders ,core',
                '    per-rep : 4s',
                '>',
                '',
                'plan p<',
                '   week 1<',
                'monday:30min easy-run;legs',
                '      >',
                '>',
                '',
                ''
            ].join('\n'),
            after: [
                'workout legs "Legs" <',
                '  warmup < 5min dynamic-stretching >',
                '',
                '  2 x 10 lunges per leg @ 12kg',
                '  3 rounds rest 60s <',
                '    10 squats; 20 mountain-climbers;',
                '    superset <',
                '      2 x 8 step-ups per leg',
                '      2 x 8 single-leg-deadlift per side rest 30s',
                '    >',
                '  >',
                '  8-10 push-ups',
                '  30-45s plank "keep a straight line"',
                '>',
                '',
                'exercise kb-halo "Kettlebell halo" <',
                '  muscles: shoulders, core',
                '  per-rep: 4s',
                '>',
                '',
                'plan p <',
                '  week 1 <',
                '    monday: 30min easy-run; legs',
                '  >',
                '>',
                ''
            ].join('\n'),
            options: OPTIONS
        });
    });

    it('keeps line and block comments, each where it was', async () => {
        const messy = 'workout w <\n// warm up first\n    10 squats   // slow on the way down\n/* the finisher:\n   as fast as you can */\n  amrap 5min < 10 burpees > // stop at the cap\n>\n';
        const formatted = await format(messy);
        expect(formatted).toBe('workout w <\n  // warm up first\n  10 squats // slow on the way down\n  /* the finisher:\n   as fast as you can */\n  amrap 5min < 10 burpees > // stop at the cap\n>\n');
        expect(commentsOf(formatted)).toEqual(commentsOf(messy));
    });

    it('keeps the one-line form and line endings as written (CRLF stays CRLF)', async () => {
        expect(await format('amrap 20min<30 mountain-climbers;10 burpees>')).toBe('amrap 20min < 30 mountain-climbers; 10 burpees >\n');
        expect(await format('workout w <\r\n10 squats\r\n\r\n\r\n20 lunges per leg\r\n>\r\n')).toBe('workout w <\r\n  10 squats\r\n\r\n  20 lunges per leg\r\n>\r\n');
    });

    it('writes the notation of real programs one way, without changing what it means', async () => {
        const before = [
            'workout fran "Fran" @  20 lb  "vest" <',
            'for-time 21 - 15 - 9 <',
            'thrusters @ 95 / 65lb',
            '3 - 4 X 8 - 12 push-ups @ rir 2   tempo  3-1-1',
            '1 x 5 + overhead-press @ 65% tm',
            '10 lunges @ 2 x 24kg; 10 lunges @ 2x 24 kg each',
            '400   m run; 30  sec plank; 20 / 15 cal rowing-stationary',
            '>',
            'emom 12min < odd :10 burpees; even: rest as needed >',
            '>',
            ''
        ].join('\n');
        const after = [
            'workout fran "Fran" @ 20 lb "vest" <',
            '  for-time 21-15-9 <',
            '    thrusters @ 95/65lb',
            '    3-4 x 8-12 push-ups @ rir 2 tempo 3-1-1',
            '    1 x 5+ overhead-press @ 65% tm',
            '    10 lunges @ 2x24kg; 10 lunges @ 2x24 kg each',
            '    400 m run; 30 sec plank; 20/15 cal rowing-stationary',
            '  >',
            '  emom 12min < odd: 10 burpees; even: rest as needed >',
            '>',
            ''
        ].join('\n');
        expect(await format(before)).toBe(after);
        expect(await format(after)).toBe(after);
    });

    it('drops trailing blanks after a line comment', async () => {
        expect(await format('workout w <\n  10 squats // slow   \t\n>\n')).toBe('workout w <\n  10 squats // slow\n>\n');
    });

    it('leaves a file with syntax errors untouched', async () => {
        const broken = [
            'workout w <\n10   squats\n',                      // the block never closes
            'workout w <\n  10 squats @ 70 % %\n>\n',            // a unit twice
            'workout w <\n  10 squats @@ 12kg\n  2x10   lunges\n>\n'
        ];
        for (const text of broken) {
            expect(await hasSyntaxErrors(text), text).toBe(true);
            expect(await formatEdits(newWorkspace(), text), text).toEqual([]);
        }
    });

    it('returns no edit when the file is already canonical', async () => {
        for (const [name, text] of Object.entries(EXAMPLES)) {
            expect(await formatEdits(newWorkspace(), text, name), name).toEqual([]);
        }
    });
});

describe.each(['examples', ...FIXTURE_FOLDERS])('formatting every file of %s', folder => {
    const files = folder === 'examples' ? EXAMPLES : workoutFiles(folder);

    it.each(Object.keys(files))('%s: idempotent, meaning-preserving, comments kept', async name => {
        const original = files[name];
        const once = await format(original);
        if (await hasSyntaxErrors(original)) {
            expect(once).toBe(original);
            return;
        }
        expect(await format(once)).toBe(once);
        expect(commentsOf(once)).toEqual(commentsOf(original));
        expect(await sessionOf(files, name, once)).toEqual(await sessionOf(files, name));
    });
});

interface Respacing {
    /** Gap index → the whitespace written there instead. */
    gaps: Array<[number, string]>;
    /** NL token index → how many extra newlines follow it. */
    extraNewlines: Array<[number, number]>;
    crlf: boolean;
}

/**
 * The same tokens with other spacing: each chosen gap between two tokens gets random blanks
 * (a gap that separated two words keeps at least one; indentation may vanish), newlines may be
 * doubled, and the line ending may become CRLF.
 */
function respace(text: string, plan: Respacing): string {
    const tokens = tokensOf(text);
    const gapText = new Map(plan.gaps);
    const extra = new Map(plan.extraNewlines);
    let out = '';
    let at = 0;
    let newline = 0;
    tokens.forEach((token, index) => {
        const original = text.slice(at, token.startOffset);
        const lineStart = index === 0 || tokens[index - 1].tokenType.name === 'NL';
        const wanted = gapText.get(index);
        out += wanted === undefined || (wanted === '' && original !== '' && !lineStart) ? original : wanted;
        if (token.tokenType.name === 'NL') {
            out += '\n'.repeat(1 + (extra.get(newline++) ?? 0));
        } else {
            out += token.image;
        }
        at = token.startOffset + token.image.length;
    });
    out += text.slice(at);
    return plan.crlf ? out.replace(/\n/g, '\r\n') : out;
}

const blanks = fc.array(fc.constantFrom(' ', '\t'), { maxLength: 4 }).map(chars => chars.join(''));

function respacings(text: string, newlines: fc.Arbitrary<Array<[number, number]>>): fc.Arbitrary<Respacing> {
    const count = tokensOf(text).length;
    return fc.record({
        gaps: fc.array(fc.tuple(fc.nat(count), blanks), { maxLength: 60 }),
        extraNewlines: newlines,
        crlf: fc.boolean()
    });
}

/** Newline indices that already start a blank line: doubling them again changes nothing after folding. */
function blankLineNewlines(text: string): number[] {
    const newlines = tokensOf(text).filter(token => token.tokenType.name === 'NL');
    return newlines.flatMap((token, index) => {
        const next = newlines[index + 1];
        return next && text.slice(token.startOffset + token.image.length, next.startOffset).trim() === '' ? [index] : [];
    });
}

describe.each(Object.keys(EXAMPLES))('respaced variants of examples/%s', name => {
    const example = EXAMPLES[name];
    const newlineCount = tokensOf(example).filter(token => token.tokenType.name === 'NL').length;

    it('format back to the example itself (the examples are in canonical layout)', async () => {
        const blankLines = blankLineNewlines(example);
        const moreBlankLines = blankLines.length === 0
            ? fc.constant<Array<[number, number]>>([])
            : fc.array(fc.tuple(fc.constantFrom(...blankLines), fc.integer({ min: 1, max: 3 })), { maxLength: 5 });
        await fc.assert(fc.asyncProperty(respacings(example, moreBlankLines), async plan => {
            const variant = respace(example, plan);
            const expected = plan.crlf ? example.replace(/\n/g, '\r\n') : example;
            expect(await format(variant)).toBe(expected);
        }), { numRuns: 25 });
    });

    it('format idempotently and to the same session, with blank lines added anywhere', async () => {
        const anyBlankLines = fc.array(fc.tuple(fc.nat(Math.max(0, newlineCount - 1)), fc.integer({ min: 1, max: 3 })), { maxLength: 8 });
        await fc.assert(fc.asyncProperty(respacings(example, anyBlankLines), async plan => {
            const variant = respace(example, plan);
            const once = await format(variant);
            // It was formatted, not refused: no trailing blanks, no tabs, no runs of blank lines.
            expect(once).not.toMatch(/[ \t]\r?$/m);
            expect(once).not.toContain('\t');
            expect(once).not.toMatch(/(\r?\n){3}/);
            expect(await format(once)).toBe(once);
            expect(commentsOf(once)).toEqual(commentsOf(example));
            expect(await sessionOf(EXAMPLES, name, once)).toEqual(await sessionOf(EXAMPLES, name));
        }), { numRuns: 15 });
    });
});

describe('format on type and range formatting', () => {
    async function onType(textWithCursor: string): Promise<{ text: string; edits: TextEdit[] }> {
        const services = newWorkspace();
        const { text, position } = cursorIn(textWithCursor);
        const document = await openText(services, text);
        const formatter = services.lsp.Formatter!;
        expect(formatter.formatOnTypeOptions?.firstTriggerCharacter).toBe('>');
        const edits = await formatter.formatDocumentOnType(document, { textDocument: { uri: uriOf('session.workout') }, position, ch: '>', options: OPTIONS });
        return { text: applyEdits(text, edits), edits };
    }

    it('re-indents the line where `>` was typed, and only that line', async () => {
        const { text, edits } = await onType('workout w <\n  amrap 20min <\n      10   burpees\n          >‸\n 20   squats\n>\n');
        expect(text).toBe('workout w <\n  amrap 20min <\n      10   burpees\n  >\n 20   squats\n>\n');
        expect(edits).toHaveLength(1);
        expect(edits[0].range.start.line).toBe(3);
        expect(edits[0].range.end.line).toBe(3);
    });

    it('brings a closing `>` back to the left margin for a workout', async () => {
        expect((await onType('workout w <\n  10 squats\n    >‸\n')).text).toBe('workout w <\n  10 squats\n>\n');
    });

    it('changes nothing when the line is already right, or when the file does not parse', async () => {
        expect((await onType('workout w <\n  10 squats\n>‸\n')).edits).toEqual([]);
        expect((await onType('workout w <\n  amrap <\n    10 squats @@ 2kg\n      >‸\n>\n')).edits).toEqual([]);
    });

    it('formats only the selected lines, keeping every line where it is', async () => {
        const services = newWorkspace();
        const text = 'workout w <\n10   squats\n\n\n20   lunges per leg\n>\n';
        const document = await openText(services, text);
        const edits = await services.lsp.Formatter!.formatDocumentRange(document, {
            textDocument: { uri: uriOf('session.workout') }, options: OPTIONS,
            range: { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } }
        });
        expect(applyEdits(text, edits)).toBe('workout w <\n10   squats\n\n\n  20 lunges per leg\n>\n');
    });
});
