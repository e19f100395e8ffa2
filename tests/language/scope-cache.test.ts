import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { newServices } from '../helpers.js';
import type { Document } from '../../src/language/generated/ast.js';

/**
 * In the editor, a file can be linked before the files it names are indexed (the first opened
 * file races the workspace's initial build). Once they are, its names must resolve without the
 * coach touching it (seen in code-server: a plan's workouts reported unknown until a reload).
 */
describe('a file linked before the files it names were indexed', () => {
    it('is linked again once they are, and its names resolve', async () => {
        const services = newServices();
        const workspace = services.shared.workspace;
        const add = (name: string, text: string) => {
            const document = workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(`/workspace/${name}`));
            workspace.LangiumDocuments.addDocument(document);
            return document;
        };
        const codes = (document: { diagnostics?: Array<{ code?: unknown; data?: unknown }> }) =>
            (document.diagnostics ?? []).map(d => (d.data as { code?: string } | undefined)?.code ?? d.code);
        const plan = add('plan.workout', 'plan p <\n  level beginner\n  week 1 <\n    monday: 30min easy-run; strength-a\n  >\n>\n');
        await workspace.DocumentBuilder.build([plan], { validation: true });
        expect(codes(plan)).toContain('unknown-workout');

        const workouts = add('workouts.workout', 'workout strength-a < 3 x 10 squats; 3 x 10 push-ups >\n');
        await workspace.DocumentBuilder.build([workouts], { validation: true });
        // Relinked and checked again in the build that indexed the name (workout-relinker.ts).
        expect(codes(plan)).not.toContain('unknown-workout');
    });
});
