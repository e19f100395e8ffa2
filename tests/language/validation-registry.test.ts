import { describe, expect, it, vi } from 'vitest';
import type { ValidationAcceptor } from 'langium';
import { checkFiles, newServices } from '../helpers.js';
import type { Workout } from '../../src/language/generated/ast.js';

/**
 * Checks run without Langium's async wrappers (WorkoutValidationRegistry): the same diagnostics
 * in the same order, an asynchronous check awaited before the next one, and a check that throws
 * reported on its node instead of stopping the others.
 */
describe('running the checks', () => {
    it('keeps their order, awaits the asynchronous ones and reports one that throws', async () => {
        // Langium logs the exception too; keep the test output clean.
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const services = newServices();
        services.validation.ValidationRegistry.register({
            Workout: [
                async (node: Workout, accept: ValidationAcceptor) => {
                    await new Promise(resolve => setTimeout(resolve, 5));
                    accept('hint', 'first (asynchronous)', { node });
                },
                (node: Workout, accept: ValidationAcceptor) => accept('hint', 'second', { node }),
                () => {
                    throw new Error('boom');
                },
                async () => {
                    throw new Error('late boom');
                },
                (node: Workout, accept: ValidationAcceptor) => accept('hint', 'last', { node })
            ]
        });
        const [document] = await checkFiles({ 'a.workout': 'workout a < 3 x 10 squats >\n' }, services);
        expect(document.diagnostics?.map(diagnostic => diagnostic.message)).toEqual([
            'first (asynchronous)',
            'second',
            'An error occurred during validation: boom',
            'An error occurred during validation: late boom',
            'last'
        ]);
        expect(logged).toHaveBeenCalled();
        logged.mockRestore();
    });
});
