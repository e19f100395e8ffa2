/**
 * Quick fixes: each one, applied as the editor applies it, must make its diagnostic go away
 * without leaving another error behind.
 */
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import { applyEdits, codeOf, diagnosticsWithCode, editsFor, newWorkspace, openText } from './lsp-kit.js';

const FILE = 'session.workout';

interface Fixable {
    diagnostic: Diagnostic;
    actions: CodeAction[];
    /** The file's text after applying the action with this title. */
    apply(title: string): string;
}

/** The quick fixes offered for the one diagnostic with `code` in `text`. */
async function fixesFor(text: string, code: string): Promise<Fixable> {
    const services = newWorkspace();
    const document = await openText(services, text, FILE);
    const found = diagnosticsWithCode(document, code);
    expect(found, `one ${code} in ${JSON.stringify(document.diagnostics?.map(d => d.message))}`).toHaveLength(1);
    const [diagnostic] = found;
    const result = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: 1 }
    });
    const actions = (result ?? []).filter((action): action is CodeAction => 'title' in action && 'kind' in action);
    return {
        diagnostic,
        actions,
        apply(title) {
            const action = actions.find(candidate => candidate.title === title);
            if (!action) {
                throw new Error(`No quick fix "${title}"; offered: ${actions.map(a => a.title).join(' | ')}`);
            }
            expect(action.kind).toBe('quickfix');
            expect(action.diagnostics).toEqual([diagnostic]);
            return applyEdits(text, editsFor(action.edit, FILE));
        }
    };
}

/** Diagnostics of the text on its own, as `code: message`. */
async function problemsOf(text: string, atLeast: DiagnosticSeverity = DiagnosticSeverity.Hint): Promise<string[]> {
    const document = await openText(newWorkspace(), text, FILE);
    return (document.diagnostics ?? []).filter(d => (d.severity ?? 1) <= atLeast).map(d => `${codeOf(d)}: ${d.message}`);
}

const inWorkout = (...lines: string[]) => `workout session "Session" <\n${lines.map(line => `  ${line}\n`).join('')}>\n`;

describe('quick fixes for an unknown exercise', () => {
    const text = inWorkout('amrap 12min <', '  10 burpess', '  15 squats', '>');

    it('offers the closest catalog name first, as the preferred fix', async () => {
        const { actions } = await fixesFor(text, IssueCodes.UnknownExercise);
        expect(actions[0].title).toBe('Replace with `burpees`');
        expect(actions[0].isPreferred).toBe(true);
        expect(actions.filter(action => action.isPreferred)).toHaveLength(1);
    });

    it('replaces the name, and the error goes away', async () => {
        const fixed = (await fixesFor(text, IssueCodes.UnknownExercise)).apply('Replace with `burpees`');
        expect(fixed).toBe(inWorkout('amrap 12min <', '  10 burpees', '  15 squats', '>'));
        expect(await problemsOf(fixed)).toEqual([]);
    });

    it('replaces a quoted name too', async () => {
        const quoted = inWorkout('10 "burpess" @ bw');
        const fixed = (await fixesFor(quoted, IssueCodes.UnknownExercise)).apply('Replace with `burpees`');
        expect(fixed).toBe(inWorkout('10 burpees @ bw'));
    });

    it('defines a new exercise at the end of the file, which then checks without errors', async () => {
        const own = inWorkout('3 rounds <', '  12 wall-angels', '  20 squats', '>');
        const { actions, apply } = await fixesFor(own, IssueCodes.UnknownExercise);
        const title = 'Define a new exercise `wall-angels`';
        expect(actions.map(action => action.title)).toContain(title);
        const fixed = apply(title);
        expect(fixed.startsWith(own)).toBe(true);
        expect(fixed).toMatch(/\nexercise wall-angels <\n[\s\S]*>\n$/);
        expect(await problemsOf(fixed, DiagnosticSeverity.Error)).toEqual([]);
        expect(await problemsOf(fixed)).not.toContainEqual(expect.stringMatching(/^unknown-exercise/));
    });

    it('defines the exercise after a file that does not end with a newline', async () => {
        const own = 'workout session <\n  12 wall-angels\n>';
        const fixed = (await fixesFor(own, IssueCodes.UnknownExercise)).apply('Define a new exercise `wall-angels`');
        expect(fixed.startsWith(`${own}\n`)).toBe(true);
        expect(await problemsOf(fixed, DiagnosticSeverity.Error)).toEqual([]);
    });

    it('defines a quoted name as a quoted exercise, which the entry then names', async () => {
        const own = inWorkout('12 "wall angels"');
        const fixed = (await fixesFor(own, IssueCodes.UnknownExercise)).apply('Define a new exercise `wall angels`');
        expect(fixed).toContain('\nexercise "wall angels" <\n');
        expect(await problemsOf(fixed, DiagnosticSeverity.Error)).toEqual([]);
    });
});

describe('quick fix for an unknown workout in a plan', () => {
    it('replaces a misspelt workout name with the workspace workout it is closest to', async () => {
        const text = 'workout strength-a <\n  10 squats\n>\nplan p <\n  week 1 <\n    monday: strenght-a\n  >\n>\n';
        const { actions, apply } = await fixesFor(text, IssueCodes.UnknownWorkout);
        expect(actions.map(action => action.title)).toEqual(['Replace with `strength-a`']);
        const fixed = apply('Replace with `strength-a`');
        expect(fixed).toContain('    monday: strength-a\n');
        expect(await problemsOf(fixed)).not.toContainEqual(expect.stringMatching(/^unknown-workout/));
    });
});

describe('quick fix for an inverted range', () => {
    it('swaps `10-8` to `8-10`, and the error goes away', async () => {
        const text = inWorkout('3 x 10-8 squats');
        const { actions, apply } = await fixesFor(text, IssueCodes.RangeInverted);
        expect(actions.map(action => action.title)).toEqual(['Swap to `8-10`']);
        const fixed = apply('Swap to `8-10`');
        expect(fixed).toBe(inWorkout('3 x 8-10 squats'));
        expect(await problemsOf(fixed)).toEqual([]);
    });

    it('swaps a timed range with the unit on the upper bound: `45-30s` to `30-45s`', async () => {
        const text = inWorkout('2 x 45-30s plank');
        const fixed = (await fixesFor(text, IssueCodes.RangeInverted)).apply('Swap to `30-45s`');
        expect(fixed).toBe(inWorkout('2 x 30-45s plank'));
        expect(await problemsOf(fixed)).toEqual([]);
    });

    it('swaps a range with units on both ends, and a rest range', async () => {
        const both = (await fixesFor(inWorkout('2 x 45s-30s plank'), IssueCodes.RangeInverted)).apply('Swap to `30s-45s`');
        expect(both).toBe(inWorkout('2 x 30s-45s plank'));
        expect(await problemsOf(both)).toEqual([]);
        const rest = (await fixesFor(inWorkout('10 squats', 'rest 2min-1min'), IssueCodes.RangeInverted)).apply('Swap to `1min-2min`');
        expect(await problemsOf(rest)).toEqual([]);
    });
});

describe('rep schemes are never "fixed" into ranges', () => {
    it('reports nothing on a scheme going down, in a header or as an amount', async () => {
        expect(await problemsOf(inWorkout('for-time 21-15-9 <', '  thrusters @ 95/65lb', '  pull-ups', '>'))).toEqual([]);
        expect(await problemsOf(inWorkout('for-time 21-15 <', '  thrusters', '>'))).toEqual([]);
        expect(await problemsOf(inWorkout('12-10-8 barbell-curl'), DiagnosticSeverity.Warning)).toEqual([]);
    });

    it('offers no swap for a range of sets going down', async () => {
        const { actions } = await fixesFor(inWorkout('4-3 x 8-12 push-ups'), IssueCodes.RangeInverted);
        expect(actions).toEqual([]);
    });
});

describe('quick fix for a unilateral exercise without a side', () => {
    it('adds `per side`, and the hint goes away', async () => {
        const text = inWorkout('3 x 10 single-leg-deadlift @ 12kg');
        const { actions, apply } = await fixesFor(text, IssueCodes.UnilateralNeedsSide);
        expect(actions.map(action => action.title)).toEqual(['Add `per side`']);
        const fixed = apply('Add `per side`');
        expect(fixed).toBe(inWorkout('3 x 10 single-leg-deadlift per side @ 12kg'));
        expect(await problemsOf(fixed)).toEqual([]);
    });
});

describe('quick fixes are offered only for their own diagnostics', () => {
    it('offers nothing for a diagnostic without a fix', async () => {
        const services = newWorkspace();
        const document = await openText(services, inWorkout('amrap <', '  10 burpees', '>'), FILE);
        const [capRequired] = diagnosticsWithCode(document, IssueCodes.CapRequired);
        expect(capRequired).toBeDefined();
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: capRequired.range, context: { diagnostics: [capRequired] }
        });
        expect(actions).toEqual([]);
    });
});
