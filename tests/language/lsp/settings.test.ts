/**
 * The `workout.checks` setting: a coach turns a check off or changes how loudly it speaks, by
 * the check's code, and the editor's squiggles follow.
 */
import { describe, expect, it } from 'vitest';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import type { WorkoutServices } from '../../../src/language/workout-module.js';
import { changeFile, codeOf, newWorkspace, openText } from './lsp-kit.js';

const SEVERITY_NAMES = ['', 'Error', 'Warning', 'Information', 'Hint'];

const TEXT = 'workout w <\n  10 single-leg-deadlift\n  500 squats\n  10 burpess\n>\n';

function withChecks(checks: Record<string, string> | undefined): WorkoutServices {
    const services = newWorkspace();
    if (checks) {
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { workout: { checks } } });
    }
    return services;
}

/** `code: severity` of each diagnostic, in the order of the file. */
async function severities(services: WorkoutServices): Promise<string[]> {
    const document = await openText(services, TEXT);
    return (document.diagnostics ?? []).map(diagnostic => `${codeOf(diagnostic)}: ${SEVERITY_NAMES[diagnostic.severity!]}`);
}

describe('workout.checks', () => {
    it('reports every check at its own severity by default', async () => {
        expect(await severities(withChecks(undefined))).toEqual([
            `${IssueCodes.UnilateralNeedsSide}: Hint`,
            `${IssueCodes.ImplausibleAmount}: Warning`,
            `${IssueCodes.UnknownExercise}: Error`
        ]);
    });

    it('turns a check off: {"unilateral-needs-side": "off"} removes the hint', async () => {
        const found = await severities(withChecks({ [IssueCodes.UnilateralNeedsSide]: 'off' }));
        expect(found).not.toContainEqual(expect.stringContaining(IssueCodes.UnilateralNeedsSide));
        expect(found).toHaveLength(2);
    });

    it('raises a check: {"implausible-amount": "error"} makes the warning an error', async () => {
        expect(await severities(withChecks({ [IssueCodes.ImplausibleAmount]: 'error' }))).toContain(`${IssueCodes.ImplausibleAmount}: Error`);
    });

    it('lowers a check to info or hint, even an error', async () => {
        const found = await severities(withChecks({ [IssueCodes.ImplausibleAmount]: 'info', [IssueCodes.UnknownExercise]: 'hint' }));
        expect(found).toEqual([
            `${IssueCodes.UnilateralNeedsSide}: Hint`,
            `${IssueCodes.ImplausibleAmount}: Information`,
            `${IssueCodes.UnknownExercise}: Hint`
        ]);
    });

    it('ignores a severity it does not know and a code that does not exist', async () => {
        const found = await severities(withChecks({ [IssueCodes.ImplausibleAmount]: 'loud', 'no-such-check': 'off' }));
        expect(found).toContain(`${IssueCodes.ImplausibleAmount}: Warning`);
        expect(found).toHaveLength(3);
    });

    it('applies a changed setting when the document is checked again', async () => {
        const services = withChecks(undefined);
        await openText(services, TEXT);
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { workout: { checks: { [IssueCodes.UnilateralNeedsSide]: 'off' } } } });
        const document = await changeFile(services, 'session.workout', TEXT);
        expect(document.diagnostics?.map(codeOf)).toEqual([IssueCodes.ImplausibleAmount, IssueCodes.UnknownExercise]);
    });

    it('turns every syntax error off with {"syntax-error": "off"}: parser errors as well as an unclosed quote', async () => {
        const broken = 'workout w <\n  10 squats @\n  10 "push-ups\n  burpees\n>\n';
        const loud = await openText(withChecks(undefined), broken);
        expect(loud.diagnostics?.map(codeOf)).toContain(IssueCodes.SyntaxError);
        const quiet = await openText(withChecks({ [IssueCodes.SyntaxError]: 'off' }), broken);
        expect(quiet.diagnostics?.filter(diagnostic => codeOf(diagnostic) === IssueCodes.SyntaxError)).toEqual([]);
        expect(quiet.diagnostics?.map(diagnostic => diagnostic.message).join('\n')).not.toMatch(/Expect|needs an amount|quote/);
    });
});
