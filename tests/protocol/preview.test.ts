/**
 * The guards on the messages between the extension and the preview webview, and on the state
 * the webview saves: anything that is not exactly a message of the protocol is ignored.
 */
import { describe, expect, it } from 'vitest';
import { isLineNumber, isPreviewMessage, isWebviewMessage, previewStateOf } from '../../src/protocol/preview.js';

const NOT_OBJECTS = [undefined, null, 0, 'ready', true, [], [{ type: 'ready' }]];

describe('a line number', () => {
    it('is a whole number from 1 up', () => {
        expect([1, 2, 10_000].every(isLineNumber)).toBe(true);
        for (const line of [0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, '3', null, undefined, {}]) {
            expect(isLineNumber(line), String(line)).toBe(false);
        }
    });
});

describe('a message from the webview', () => {
    it('is ready, or reveal with a line number', () => {
        expect(isWebviewMessage({ type: 'ready' })).toBe(true);
        expect(isWebviewMessage({ type: 'reveal', line: 12 })).toBe(true);
    });

    it('is ignored when the line of a reveal is not a whole number from 1 up', () => {
        for (const line of [0, -3, 2.5, NaN, Infinity, '12', null, undefined, [12], { valueOf: () => 12 }]) {
            expect(isWebviewMessage({ type: 'reveal', line }), String(line)).toBe(false);
        }
        expect(isWebviewMessage({ type: 'reveal' })).toBe(false);
    });

    it('is ignored when it is not an object of a known type', () => {
        for (const value of NOT_OBJECTS) {
            expect(isWebviewMessage(value), JSON.stringify(value)).toBe(false);
        }
        for (const type of ['update', 'highlight', 'READY', 'open', undefined, 1]) {
            expect(isWebviewMessage({ type, line: 3 }), String(type)).toBe(false);
        }
    });
});

describe('a message from the extension', () => {
    const update = { type: 'update', uri: 'file:///w/a.workout', title: 'Preview a.workout', body: '<p>x</p>', banner: '' };

    it('is an update with four strings, or highlight with a line number', () => {
        expect(isPreviewMessage(update)).toBe(true);
        expect(isPreviewMessage({ type: 'highlight', line: 4 })).toBe(true);
    });

    it('is ignored when a field is missing or of the wrong type', () => {
        for (const field of ['uri', 'title', 'body', 'banner'] as const) {
            expect(isPreviewMessage({ ...update, [field]: undefined }), field).toBe(false);
            expect(isPreviewMessage({ ...update, [field]: 7 }), field).toBe(false);
        }
        expect(isPreviewMessage({ type: 'highlight', line: -1 })).toBe(false);
        expect(isPreviewMessage({ type: 'highlight', line: 1.25 })).toBe(false);
        expect(isPreviewMessage({ type: 'reveal', line: 4 })).toBe(false);
        for (const value of NOT_OBJECTS) {
            expect(isPreviewMessage(value), JSON.stringify(value)).toBe(false);
        }
    });
});

describe('the saved state', () => {
    it('keeps a well-formed state as it is', () => {
        const state = { uri: 'file:///w/a.workout', scrollY: 640, line: 12 };
        expect(previewStateOf(state)).toEqual(state);
        expect(previewStateOf({ uri: 'file:///w/a.workout' })).toEqual({ uri: 'file:///w/a.workout' });
    });

    it('drops each field that has the wrong type or range', () => {
        expect(previewStateOf({ uri: 42, scrollY: -5, line: 0 })).toEqual({});
        expect(previewStateOf({ uri: '', scrollY: NaN, line: 2.5 })).toEqual({});
        expect(previewStateOf({ uri: ['file:///w/a.workout'], scrollY: '10', line: '3' })).toEqual({});
        expect(previewStateOf({ uri: 'file:///w/a.workout', scrollY: Infinity, line: -1 })).toEqual({ uri: 'file:///w/a.workout' });
        expect(previewStateOf({ uri: `file:///${'a'.repeat(5000)}.workout` })).toEqual({});
    });

    it('reads nothing saved from anything that is not an object', () => {
        for (const value of NOT_OBJECTS) {
            expect(previewStateOf(value), JSON.stringify(value)).toEqual({});
        }
    });

    it('keeps no field it does not know', () => {
        expect(previewStateOf({ uri: 'file:///w/a.workout', command: 'workbench.action.terminal.new' })).toEqual({ uri: 'file:///w/a.workout' });
    });
});
