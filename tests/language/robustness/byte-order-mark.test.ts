/**
 * A file saved with a UTF-8 byte order mark: the command line drops the mark when it reads a
 * file, the language server used to read it as an unexpected character (an error on line 1 of
 * a clean file). The lexer reads it as white space, so both agree.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, newWorkspace, openText, uriOf } from '../lsp/lsp-kit.js';
import { checkText, compileDocument, reported } from '../../helpers.js';

const BOM = '\uFEFF';
const CLEAN = 'workout monday "Monday" <\n  3 x 10 squats\n  amrap 5min < 10 burpees >\n>\n';
const MESSY = 'workout monday <\n      10   burpess\n>\n';

describe('a leading byte order mark', () => {
    it('leaves a clean file clean, with the same session', async () => {
        const withMark = await checkText(BOM + CLEAN);
        expect(reported(withMark)).toEqual([]);
        expect(compileDocument(withMark.parseResult.value)).toEqual(compileDocument((await checkText(CLEAN)).parseResult.value));
    });

    it('changes no diagnostic of a file with problems', async () => {
        const described = async (text: string) => reported(await checkText(text)).map(d => `${d.line} ${d.code} ${d.message}`);
        expect(await described(BOM + MESSY)).toEqual(await described(MESSY));
        expect(await described(BOM + MESSY)).toHaveLength(1);
    });

    it('stays in place when the file is formatted, whole or by lines', async () => {
        const services = newWorkspace();
        const text = BOM + 'workout monday <\n      10   burpees\n>\n';
        const document = await openText(services, text);
        const options = { tabSize: 2, insertSpaces: true };
        const textDocument = { uri: uriOf('session.workout') };
        const whole = applyEdits(text, await services.lsp.Formatter!.formatDocument(document, { textDocument, options }));
        expect(whole).toBe(BOM + 'workout monday <\n  10 burpees\n>\n');
        const range = { start: { line: 0, character: 0 }, end: { line: 2, character: 1 } };
        expect(applyEdits(text, await services.lsp.Formatter!.formatDocumentRange(document, { textDocument, range, options }))).toBe(whole);
    });
});
