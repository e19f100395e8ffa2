/**
 * Names, notes and titles are written by whoever wrote the file (or the repository it came
 * from). The hostile corpus in tests/fixtures/hostile tries markup, event handlers,
 * `javascript:` and `command:` links, CSS injection, template syntax and unicode tricks; the
 * rendered page must hold all of it as text only (the exported page here; the preview's page
 * in tests/extension/preview-html.test.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlockModel, EntryModel, SessionModel, WorkoutModel } from '../../src/core/session-model.js';
import { escapeHtml } from '../../src/render/escape.js';
import { renderSessionBody, renderSessionHtml } from '../../src/render/html.js';
import { compileFolder, HOSTILE_DIR, looksHostile, userTextOf, type CompiledFile } from './corpus.js';
import { readTags } from './markup.js';

let corpus: CompiledFile[] = [];

beforeAll(async () => {
    corpus = await compileFolder(HOSTILE_DIR);
});

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The user text a page shows, as the page must hold it (escaped), by where it comes from. */
function shownText(session: SessionModel): string[] {
    const shown: string[] = [];
    const visitBlock = (block: BlockModel): void => {
        if (block.title) {
            shown.push(escapeHtml(block.title));
        }
        for (const item of block.entries) {
            if (item.type === 'block') {
                visitBlock(item);
            } else if (item.type === 'entry') {
                shown.push(escapeHtml(item.name));
                if (item.note) {
                    shown.push(escapeHtml(item.note));
                }
            }
        }
    };
    for (const workout of session.workouts) {
        shown.push(escapeHtml(workout.name));
        workout.blocks.forEach(visitBlock);
        Object.keys(workout.muscles).forEach(muscle => shown.push(escapeHtml(capitalise(muscle))));
        workout.equipment.forEach(tool => shown.push(escapeHtml(capitalise(tool))));
    }
    return shown;
}

describe('the hostile corpus', () => {
    it('holds at least 30 hostile names, notes and titles, in files that check without errors', () => {
        expect(corpus.map(file => file.name)).toEqual(['exercise-names.workout', 'notes.workout', 'titles.workout']);
        for (const file of corpus) {
            expect(file.errors, file.name).toEqual([]);
        }
        const hostile = new Set(corpus.flatMap(file => userTextOf(file.session)).filter(looksHostile));
        expect(hostile.size).toBeGreaterThanOrEqual(30);
    });

    it('renders as text only in the export page: no tag or attribute of its own', () => {
        for (const file of corpus) {
            const html = renderSessionHtml(file.session, { mode: 'export' });
            expect(readTags(html).problems, file.name).toEqual([]);
            expect(html.match(/<script/g)?.length ?? 0, file.name).toBe(0);
        }
    });

    it('shows every hostile name, note, title, muscle and piece of equipment, escaped', () => {
        for (const file of corpus) {
            const html = renderSessionBody(file.session);
            for (const text of shownText(file.session)) {
                expect(html, `${file.name}: ${text}`).toContain(text);
            }
        }
    });

    it('puts user text into no attribute, style or URL', () => {
        for (const file of corpus) {
            const { tags } = readTags(renderSessionHtml(file.session, { mode: 'export' }));
            for (const tag of tags) {
                for (const attribute of tag.attributes) {
                    if (attribute.name === 'aria-label') {
                        // Chart captions: constant words and numbers only.
                        expect(attribute.value, file.name).toMatch(/^[\w ×.,:%()-]*$/);
                    } else if (!['content', 'charset', 'http-equiv', 'name'].includes(attribute.name)) {
                        expect(attribute.value, `${file.name}: ${tag.name} ${attribute.name}`).toMatch(/^[\w .:%/-]*$/);
                    }
                }
            }
        }
    });

    it('neutralises bidi overrides and keeps zero-width characters and right-to-left words as they are', () => {
        const notes = corpus.flatMap(file => userTextOf(file.session));
        const override = notes.find(text => text.includes('\u202E'))!;
        const invisible = notes.find(text => text.includes('\u200B'))!;
        const arabic = notes.find(text => /[\u0600-\u06FF]/.test(text))!;
        expect(escapeHtml(override)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        expect(escapeHtml(override)).toContain('\uFFFD');
        expect(escapeHtml(invisible)).toContain('\u200B');
        expect(escapeHtml(arabic)).toBe(arabic);
    });
});

describe('escapeHtml', () => {
    it('escapes the characters that start markup, end attributes or open templates', () => {
        expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    });

    it('leaves entities the coach typed visible as typed', () => {
        expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
    });

    it('turns control characters into a visible replacement', () => {
        expect(escapeHtml('a\u0000b\u001Bc')).toBe('a\uFFFDb\uFFFDc');
    });
});

/** Any text at all, with the dangerous pieces over-represented. */
const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.array(fc.constantFrom('<', '>', '"', "'", '`', '&', '<script>', '</style>', ' onerror=', 'javascript:', '\u202E', '${', '-->', '<svg', '="'), { maxLength: 12 }).map(parts => parts.join(''))
);

function modelWith(texts: string[]): SessionModel {
    const [name, note, title, muscle, tool] = texts;
    const entry: EntryModel = {
        type: 'entry', exercise: name, name, known: true, sets: 2, reps: { min: 10, max: 10 },
        side: 'each', note, line: 3, estimatedSeconds: 60
    };
    const block: BlockModel = { type: 'block', kind: 'section', title, entries: [entry], line: 2, estimatedSeconds: 60 };
    const workout: WorkoutModel = {
        id: name, name: title, line: 1, estimatedSeconds: 60, blocks: [block],
        muscles: { [muscle]: 2 }, equipment: [tool]
    };
    return { workouts: [workout], plans: [] };
}

describe('any text at all', () => {
    it('never becomes markup in the page', () => {
        fc.assert(fc.property(fc.array(anyText, { minLength: 5, maxLength: 5 }), texts => {
            const html = renderSessionHtml(modelWith(texts), { mode: 'export' });
            expect(readTags(html).problems).toEqual([]);
            if (texts[1]) {
                expect(html).toContain(`<span class="note">${escapeHtml(texts[1])}</span>`);
            }
        }), { numRuns: 300 });
    });
});
