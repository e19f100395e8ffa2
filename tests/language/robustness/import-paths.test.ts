/**
 * An import path that cannot name a file: a lone surrogate (half of a UTF-16 pair, as a paste
 * from a broken source leaves it) made URI encoding throw, and the whole check run ended with
 * "An error occurred during validation: URI malformed" and a stack trace in the log.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IssueCodes } from '../../../src/language/validation/issue-codes.js';
import { checkFiles, reported } from '../../helpers.js';

let logged: string[];
beforeEach(() => {
    logged = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
});
afterEach(() => vi.restoreAllMocks());

describe('an import path with a broken character', () => {
    it.each([
        ['a lone high surrogate', 'common/ex\uD800ercises.workout'],
        ['a lone low surrogate', '\uDC00.workout'],
        ['a surrogate pair the wrong way round', 'a\uDC00\uD800.workout']
    ])('%s: "cannot read this path" on the import, and the other checks still run', async (_what, path) => {
        const [document] = await checkFiles({ 'session.workout': `import "${path}"\nworkout w <\n  10 burpess\n>\n` });
        const diagnostics = reported(document);
        expect(diagnostics.map(d => `${d.line} ${d.code}`)).toEqual(['1 import-not-found', '3 unknown-exercise']);
        expect(diagnostics[0].message).toMatch(/^Cannot read this path: `.*\uFFFD.*` holds a broken character\. Type the file name again\.$/);
        expect(logged).toEqual([]);
    });

    it('a path with a well-formed emoji is only looked for', async () => {
        const [document] = await checkFiles({ 'session.workout': 'import "💪.workout"\n' });
        expect(reported(document).map(d => [d.code, d.message.startsWith('Cannot find')])).toEqual([[IssueCodes.ImportNotFound, true]]);
    });
});
