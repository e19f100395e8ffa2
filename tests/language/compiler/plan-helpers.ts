/**
 * The example plan and the seed sessions it names, loaded together as the editor loads a
 * workspace, for the plan tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Document } from '../../../src/language/generated/ast.js';
import type { PlanModel } from '../../../src/core/session-model.js';
import { checkFiles, compileDocument } from '../../helpers.js';

export const EXAMPLES = path.resolve(__dirname, '../../../examples');
export const PLAN_FILE = 'runner-strength-plan.workout';

export function exampleTexts(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(EXAMPLES).filter(file => file.endsWith('.workout')).sort()) {
        files[name] = readFileSync(path.join(EXAMPLES, name), 'utf8');
    }
    return files;
}

/** The example workspace with the plan's text replaced (or as it is); returns the plan's document. */
export async function checkExamplePlan(planText?: string): Promise<LangiumDocument<Document>> {
    const files = exampleTexts();
    if (planText !== undefined) {
        files[PLAN_FILE] = planText;
    }
    const documents = await checkFiles(files);
    return documents[Object.keys(files).indexOf(PLAN_FILE)];
}

export async function compileExamplePlan(planText?: string): Promise<PlanModel> {
    const document = await checkExamplePlan(planText);
    return compileDocument(document.parseResult.value, 'runner-strength-plan').plans[0];
}
