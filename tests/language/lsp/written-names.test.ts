/**
 * Names the tools write into a coach's text: a completion or a quick fix must leave a name that
 * reads back as that name. `monday: Leg Day` and `10 wall angels` left two errors each, and a
 * catalog id that starts with a digit (`3-4-sit-up`) read as a number.
 */
import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { CompletionItemKind, DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import { writtenName } from '../../../src/language/written-name.js';
import { applyEdits, codeOf, cursorIn, editsFor, newWorkspace, openFiles, uriOf } from './lsp-kit.js';

const OWN = 'workout "Leg Day" <\n  10 squats\n>\nexercise "wall angels" <\n  muscles: shoulders\n>\nexercise rounds <\n  muscles: quadriceps\n>\n';

/** The errors left in `session.workout` after its text becomes `text`, beside own.workout. */
async function errorsOf(text: string): Promise<string[]> {
    const [, document] = await openFiles(newWorkspace(), { 'own.workout': OWN, 'session.workout': text });
    return (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).map(d => `${codeOf(d)}: ${d.message}`);
}

/** The text after accepting the completion of a name labelled `label` at the `‸` (not a keyword of that spelling). */
async function complete(textWithCursor: string, label: string): Promise<string> {
    const { text, position } = cursorIn(textWithCursor);
    const services = newWorkspace();
    const [, document] = await openFiles(services, { 'own.workout': OWN, 'session.workout': text });
    const list = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uriOf('session.workout') }, position });
    const item = list?.items.find(candidate => candidate.label === label && candidate.kind !== CompletionItemKind.Keyword);
    if (!item?.textEdit || !('range' in item.textEdit)) {
        throw new Error(`No completion \`${label}\`; offered: ${list?.items.map(i => i.label).slice(0, 15).join(', ')}`);
    }
    return applyEdits(text, [{ range: item.textEdit.range, newText: item.textEdit.newText }]);
}

describe('one rule for writing a name', () => {
    const lexer = newWorkspace().parser.Lexer;

    it.each([
        ['burpees', 'burpees'],
        ['single-leg-deadlift', 'single-leg-deadlift'],
        ['Leg Day', '"Leg Day"'],
        ['wall angels', '"wall angels"'],
        ['3-4-sit-up', '"3-4-sit-up"'],
        ['90-90-hamstring', '"90-90-hamstring"'],
        ['rounds', '"rounds"'],
        ['rest', '"rest"'],
        ['say "hi"', '"say \\"hi\\""'],
        ['back\\slash', '"back\\\\slash"'],
        ['-leading-dash', '"-leading-dash"'],
        ['trailing-', '"trailing-"']
    ])('%s is written %s', (name, written) => {
        expect(writtenName(name, lexer)).toBe(written);
    });
});

describe('completion writes names that read back', () => {
    const inWorkout = (line: string) => `workout w <\n  ${line}\n>\n`;

    it.each([
        ['quotes a workspace exercise of two words', '10 wall‸', 'wall angels', '10 "wall angels"'],
        ['completes after an opened quote too', '10 "wall an‸', 'wall angels', '10 "wall angels"'],
        ['quotes a catalog id that starts with a digit', '10 sit‸', '3-4-sit-up', '10 "3-4-sit-up"'],
        ['quotes a workspace exercise named like a keyword', '10 roun‸', 'rounds', '10 "rounds"'],
        ['writes a plain name bare', '10 burp‸', 'burpees', '10 burpees']
    ])('%s', async (_what, typed, label, written) => {
        const text = await complete(inWorkout(typed), label);
        expect(text).toBe(inWorkout(written));
        expect(await errorsOf(text)).toEqual([]);
    });

    it('quotes a workout of two words in a plan', async () => {
        const text = await complete('plan p <\n  week 1 <\n    monday: Le‸\n  >\n>\n', 'Leg Day');
        expect(text).toContain('monday: "Leg Day"');
        expect((await errorsOf(text)).filter(error => error.startsWith('unknown-workout'))).toEqual([]);
    });
});

describe('quick fixes write names that read back', () => {
    async function fix(text: string, code: string, title: string): Promise<string> {
        const services = newWorkspace();
        const [, document] = await openFiles(services, { 'own.workout': OWN, 'session.workout': text });
        const diagnostics = (document.diagnostics ?? []).filter(d => codeOf(d) === code);
        expect(diagnostics).toHaveLength(1);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostics[0].range, context: { diagnostics }
        }) as CodeAction[];
        const action = actions.find(candidate => candidate.title === title);
        if (!action) {
            throw new Error(`No quick fix "${title}"; offered: ${actions.map(a => a.title).join(' | ')}`);
        }
        return applyEdits(text, editsFor(action.edit, 'session.workout'));
    }

    it('replaces a misspelt workout with a quoted two-word name', async () => {
        const text = await fix('plan p <\n  week 1 <\n    monday: "Leg Dya"\n  >\n>\n', IssueCodes.UnknownWorkout, 'Replace with `Leg Day`');
        expect(text).toContain('monday: "Leg Day"');
        expect((await errorsOf(text)).filter(error => error.startsWith('unknown-workout'))).toEqual([]);
    });

    it('replaces an unknown exercise with a quoted catalog id that starts with a digit', async () => {
        const text = await fix('workout w <\n  10 "3-4 sit-upp"\n>\n', IssueCodes.UnknownExercise, 'Replace with `3-4-sit-up`');
        expect(text).toBe('workout w <\n  10 "3-4-sit-up"\n>\n');
        expect(await errorsOf(text)).toEqual([]);
    });

    it('keeps quotes where the bare name would run into the next word', async () => {
        // `"kneesHips"rest 60s`: the quotes keep the name and `rest` apart; written bare, the
        // suggestion read as `hug-knees-to-chestrest` (found by the full fuzz run).
        const glued = await fix('workout w <\n  10 "burpes"rest 60s\n>\n', IssueCodes.UnknownExercise, 'Replace with `burpees`');
        expect(glued).toBe('workout w <\n  10 "burpees"rest 60s\n>\n');
        expect(await errorsOf(glued)).toEqual([]);
        const spaced = await fix('workout w <\n  10 "burpes" rest 60s\n>\n', IssueCodes.UnknownExercise, 'Replace with `burpees`');
        expect(spaced).toBe('workout w <\n  10 burpees rest 60s\n>\n');
    });

    it('defines a new exercise named like a keyword, quoted', async () => {
        const text = await fix('workout w <\n  10 "sets"\n>\n', IssueCodes.UnknownExercise, 'Define a new exercise `sets`');
        expect(text).toContain('\nexercise "sets" <\n');
        expect(await errorsOf(text)).toEqual([]);
    });

    it('advises the quoted name in the message too', async () => {
        const errors = await errorsOf('workout w <\n  10 "bear crawl walk"\n>\n');
        expect(errors.join('\n')).toContain('define it with `exercise "bear crawl walk" < muscles: … >`');
    });
});
