/**
 * The Markdown sheet read by a real Markdown parser (markdown-it with `linkify`, the way GitHub
 * turns bare URLs into links, and raw HTML allowed): whatever a name, note, title, muscle or
 * piece of equipment holds, it stays text in the element the sheet puts it in. A lone `\r` in
 * a note once started list items, rules and headings of its own; bare URLs became links; bidi
 * controls and NUL went through.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlockModel, EntryModel, PlanModel, SessionModel, WorkoutModel } from '../../src/core/session-model.js';
import { plainText } from '../../src/render/escape.js';
import { escapeMarkdown, renderSessionMarkdown } from '../../src/render/markdown.js';
import { checkText, compileDocument } from '../helpers.js';
import { compileFolder, HOSTILE_DIR, userTextOf } from './corpus.js';

const markdown = new MarkdownIt({ linkify: true, html: true });

/** Payloads aimed at Markdown: each tries to end its line, open a block, link, or hide. */
const MARKDOWN_PAYLOADS = [
    'note\r- injected item\r---\r# injected heading',
    'note\r\n\r\n## heading after a blank line',
    'note\n***\n> quote',
    'note\u2028- item after a line separator\u2029# heading after a paragraph separator',
    'note\u0085- item after NEL',
    '\u000B- after a vertical tab\f# after a form feed',
    '- starts like an item', '+ plus item', '* star item', '1. ordered', '2) ordered', '# heading', '### h3',
    '> quote', '    indented code', '```fence', '~~~fence', '=====', '---', '___', '<div>html</div>', '<script>alert(1)</script>',
    '<http://autolink.example>', '[link](http://evil.example)', '![img](http://evil.example/x.png)', '[ref]: http://evil.example',
    'http://evil.example/path?q=1', 'https://evil.example', 'see www.evil.example today', 'evil.example', 'mail me: coach@evil.example',
    'mailto:coach@evil.example', 'ftp://files.evil.example', 'xn--e1afmkfd.xn--p1ai', 'пример.рф', 'javascript:alert(1)',
    'a | b | c', '| cell |', '**bold** _em_ ~~strike~~ `code`', '&amp; &lt;b&gt; &#x41;', 'trailing backslash \\', 'two spaces  ',
    'bidi \u202Eevil\u202C and \u2066isolate\u2069 \u200Emarks\u200F \u061C', 'nul\u0000 esc\u001B[31m red c1\u0085\u009B',
    'tab\there', '  leading spaces', 'trailing spaces   '
];

let corpusTexts: string[] = [];

beforeAll(async () => {
    corpusTexts = (await compileFolder(HOSTILE_DIR)).flatMap(file => userTextOf(file.session));
});

/** What a reader must see of a payload: the text with line breaks folded and controls gone. */
function shown(payload: string): string {
    return plainText(payload).trim();
}

function textOf(tokens: Token[] | null): string {
    return (tokens ?? []).filter(token => token.type === 'text' || token.type === 'text_special').map(token => token.content).join('');
}

/** A model holding the payload in every place user text goes. */
function modelWith(payload: string): SessionModel {
    const bare: EntryModel = { type: 'entry', exercise: payload, name: payload, known: false, sets: 1, side: 'both', line: 3, estimatedSeconds: 30 };
    const noted: EntryModel = { type: 'entry', exercise: 'squats', name: 'Squats', known: true, sets: 2, reps: { min: 10, max: 10 }, side: 'both', note: payload, line: 4, estimatedSeconds: 60 };
    const nested: BlockModel = { type: 'block', kind: 'section', title: payload, entries: [{ ...noted, note: 'inner' }], line: 5, estimatedSeconds: 60 };
    const block: BlockModel = { type: 'block', kind: 'section', title: payload, entries: [bare, noted, nested], line: 2, estimatedSeconds: 150 };
    const workout: WorkoutModel = { id: 'w', name: payload, line: 1, estimatedSeconds: 150, blocks: [block], muscles: { [payload]: 2 }, equipment: [payload] };
    const plan: PlanModel = {
        id: 'p', name: payload, line: 1, level: 'beginner', progressionPercent: 10, sessionsPerWeek: { min: 1, max: 2 }, workouts: [],
        weeks: [{
            week: 1, title: payload, line: 2, strengthSessions: 1, strengthSeconds: 600, strengthSets: 3, muscles: {}, runSeconds: 0, restDays: 6, breaksProgression: false,
            days: [{ day: 'monday', dayOfWeek: 1, line: 3, rest: false, items: [
                { type: 'workout', ref: 'w', name: payload, resolved: true, strength: true, cardio: false, longRun: false, estimatedSeconds: 600, sets: 3, line: 3 },
                { type: 'entry', ref: 'x', name: payload, resolved: true, strength: false, cardio: false, longRun: false, estimatedSeconds: 60, sets: 0, line: 3, entry: bare }
            ] }]
        }]
    };
    return { workouts: [workout], plans: [plan] };
}

/** Token types the sheet itself writes; anything else came from user text. */
const ALLOWED = new Set([
    'heading_open', 'heading_close', 'paragraph_open', 'paragraph_close', 'inline', 'bullet_list_open', 'bullet_list_close',
    'list_item_open', 'list_item_close', 'hr', 'table_open', 'table_close', 'thead_open', 'thead_close', 'tbody_open', 'tbody_close',
    'tr_open', 'tr_close', 'th_open', 'th_close', 'td_open', 'td_close', 'text', 'text_special', 'em_open', 'em_close',
    'strong_open', 'strong_close', 'html_inline'
]);

function flat(tokens: Token[]): Token[] {
    return tokens.flatMap(token => [token, ...flat(token.children ?? [])]);
}

/** Reads the sheet back and checks every place the payload went; returns the problems found. */
function problemsWith(payload: string): string[] {
    const sheet = renderSessionMarkdown(modelWith(payload));
    const tokens = markdown.parse(sheet, {});
    const problems: string[] = [];
    for (const token of flat(tokens)) {
        if (!ALLOWED.has(token.type)) {
            problems.push(`a ${token.type} token: ${JSON.stringify(token.content || token.markup)}`);
        } else if (token.type === 'html_inline' && token.content !== '<br>') {
            problems.push(`raw HTML ${token.content}`);
        }
    }
    const expected = shown(payload);
    const headings = tokens.flatMap((token, index) => (token.type === 'heading_open' ? [{ tag: token.tag, text: textOf(tokens[index + 1].children) }] : []));
    // Plan, workout, block, muscles: the payload is the plan's and the workout's h1 and the block's h2.
    expect(headings.map(heading => heading.tag)).toEqual(['h1', 'h1', 'h2', 'h2']);
    if (headings[0].text !== expected) problems.push(`plan title ${JSON.stringify(headings[0].text)}`);
    if (headings[1].text !== expected) problems.push(`workout title ${JSON.stringify(headings[1].text)}`);
    if (headings[2].text !== `${expected} · 2min 30s`) problems.push(`block title ${JSON.stringify(headings[2].text)}`);
    expect(tokens.filter(token => token.type === 'hr')).toHaveLength(1);
    const items = tokens.flatMap((token, index) => (token.type === 'list_item_open' ? [tokens[index + 2]] : []));
    expect(items.map(item => item.type)).toEqual(['inline', 'inline', 'inline', 'inline']);
    const [bare, noted, nested] = items.map(item => item.children ?? []);
    if (textOf(bare) !== (expected || '—')) problems.push(`entry name ${JSON.stringify(textOf(bare))}`);
    const em = noted.slice(noted.findIndex(token => token.type === 'em_open') + 1, noted.findIndex(token => token.type === 'em_close'));
    if (expected && textOf(em) !== expected) problems.push(`note ${JSON.stringify(textOf(em))}`);
    if (textOf(nested) !== (expected || 'Exercises')) problems.push(`nested block title ${JSON.stringify(textOf(nested))}`);
    const cells = (row: number) => {
        const rows = tokens.filter(token => token.type === 'tr_open');
        const start = tokens.indexOf(rows[row]);
        const end = tokens.findIndex((token, index) => index > start && token.type === 'tr_close');
        return tokens.slice(start, end).filter(token => token.type === 'inline');
    };
    // The plan's table: a header row and one week, nine cells each; Monday holds two items.
    expect(cells(0)).toHaveLength(9);
    expect(cells(1)).toHaveLength(9);
    const monday = cells(1)[1].children ?? [];
    if (textOf(monday) !== `${expected || '—'}${expected || '—'}`) problems.push(`plan day ${JSON.stringify(textOf(monday))}`);
    // The muscle table: two columns.
    expect(cells(3)).toHaveLength(2);
    if (textOf(cells(3)[0].children) !== (expected || '—')) problems.push(`muscle ${JSON.stringify(textOf(cells(3)[0].children))}`);
    const equipment = tokens.find(token => token.type === 'inline' && token.content.startsWith('**Estimated time:**'));
    if (!textOf(equipment?.children ?? []).endsWith(`Equipment: ${expected}`)) problems.push(`equipment ${JSON.stringify(textOf(equipment?.children ?? []))}`);
    return problems;
}

describe('user text in the Markdown sheet', () => {
    it.each(MARKDOWN_PAYLOADS)('stays inert text in its element: %j', payload => {
        expect(problemsWith(payload)).toEqual([]);
    });

    it('keeps every payload of the hostile corpus inert', () => {
        expect(corpusTexts.length).toBeGreaterThan(30);
        for (const text of corpusTexts.filter(text => shown(text) !== '')) {
            expect(problemsWith(text), JSON.stringify(text)).toEqual([]);
        }
    });

    it('keeps any text at all inert, the dangerous pieces over-represented', () => {
        const pieces = fc.constantFrom('\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\u0000', '\u202E', '\u2066', '\u200F', '- ', '# ', '1. ',
            '> ', '---', '***', '`', '|', '<', '>', '&', '[', ']', '(', ')', '!', '_', '*', '~', '\\', 'http://', 'https://', 'www.', '.com',
            '.рф', '@', 'mailto:', 'evil', ' ', '  ', '\t', ':', '/', '.', 'a', 'é', '漢');
        const anyText = fc.oneof(
            fc.string({ unit: 'binary', maxLength: 30 }),
            fc.array(pieces, { maxLength: 14 }).map(parts => parts.join(''))
        );
        fc.assert(fc.property(anyText.filter(text => shown(text) !== ''), text => {
            expect(problemsWith(text)).toEqual([]);
        }), { numRuns: 400 });
    });
});

describe('escapeMarkdown', () => {
    it('folds every kind of line break into a space and drops controls and bidi characters', () => {
        expect(escapeMarkdown('a\rb\r\nc\nd\u2028e\u2029f\u0085g\u000Bh\fi\tj')).toBe('a b c d e f g h i j');
        expect(escapeMarkdown('x\u0000\u001B\u009B\u202E\u202A\u2066\u2069\u200E\u200F\u061Cy')).toBe('xy');
    });

    it('reads the same once rendered, escapes only where needed', () => {
        expect(escapeMarkdown('single-leg deadlift, 2.5 kg')).toBe('single-leg deadlift, 2\\.5 kg');
        expect(escapeMarkdown('see http://x.example')).toBe('see http\\://x\\.example');
        expect(escapeMarkdown('- 1. # >')).toBe('\\- 1. \\# \\>');
        expect(escapeMarkdown('note: mailto:x')).toBe('note: mailto\\:x');
        expect(escapeMarkdown('12) go')).toBe('12\\) go');
    });
});

describe('the Markdown of a compiled file', () => {
    it('keeps a note with Unicode line separators on its line', async () => {
        const document = await checkText('workout w "W" <\n  10 squats "keep going\u2028- injected\u2029# heading\u0085---"\n>\n');
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const sheet = renderSessionMarkdown(compileDocument(document.parseResult.value, 'w'));
        const tokens = markdown.parse(sheet, {});
        expect(tokens.filter(token => token.type === 'heading_open').map(token => token.tag)).toEqual(['h1', 'h2', 'h2']);
        expect(tokens.filter(token => token.type === 'list_item_open')).toHaveLength(1);
    });
});
