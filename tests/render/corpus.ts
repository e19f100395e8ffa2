/**
 * The files the renderer tests draw: the examples a coach sees first and the hostile corpus
 * (tests/fixtures/hostile), each folder checked as one workspace and compiled to its session.
 * Shared by the unit tests (tests/render) and the browser test (tests/browser).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SessionModel } from '../../src/core/session-model.js';
import type { ReportedDiagnostic } from '../../src/cli/diagnostics.js';
import { checkFiles, reported, compileDocument } from '../helpers.js';

export const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');
export const HOSTILE_DIR = path.resolve(__dirname, '../fixtures/hostile');

export interface CompiledFile {
    name: string;
    text: string;
    session: SessionModel;
    errors: ReportedDiagnostic[];
}

/** Every `.workout` file of a folder, checked together (imports resolve) and compiled. */
export async function compileFolder(dir: string): Promise<CompiledFile[]> {
    if (!existsSync(dir)) {
        return [];
    }
    const names = readdirSync(dir).filter(name => name.endsWith('.workout')).sort();
    const texts = Object.fromEntries(names.map(name => [name, readFileSync(path.join(dir, name), 'utf8')]));
    const documents = await checkFiles(texts);
    return names.map((name, index) => ({
        name,
        text: texts[name],
        session: compileDocument(documents[index].parseResult.value, path.basename(name, '.workout')),
        errors: reported(documents[index]).filter(d => d.severity === 'error')
    }));
}

/** Every piece of text in a session that a person typed or the catalog supplied. */
export function userTextOf(session: SessionModel): string[] {
    const found = new Set<string>();
    const visit = (value: unknown, key: string): void => {
        if (typeof value === 'string') {
            if (['name', 'note', 'title', 'exercise', 'id', 'ref', 'equipment'].includes(key) && value.length > 0) {
                found.add(value);
            }
        } else if (Array.isArray(value)) {
            value.forEach(item => visit(item, key));
        } else if (value && typeof value === 'object') {
            for (const [childKey, child] of Object.entries(value)) {
                if (childKey === 'muscles' && child && typeof child === 'object') {
                    Object.keys(child).forEach(muscle => found.add(muscle));
                }
                visit(child, childKey);
            }
        }
    };
    visit(session, '');
    return [...found];
}

/** Text that would do something if it reached the page as markup, a URL or a unicode trick. */
export function looksHostile(text: string): boolean {
    return /[<>"'`&]|javascript:|command:|data:|expression\(|url\(|\$\{|\{\{|[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/i.test(text) || text.length > 200;
}

/**
 * What the page shows for a piece of user text: the same characters, except the bidi controls
 * the escape turns into U+FFFD (see src/render/escape.ts).
 */
export function shownAs(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '\uFFFD');
}
