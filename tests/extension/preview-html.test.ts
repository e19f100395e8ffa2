/**
 * The preview webview's page (src/extension/preview-html.ts): its Content-Security-Policy with
 * a fresh nonce per load, the script and stylesheet by URI, the problems banner, the hostile
 * corpus held as text, and the files the page loads shipped in the .vsix.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionModel } from '../../src/core/session-model.js';
import { newNonce, PREVIEW_SCRIPT, PREVIEW_STYLE, renderPreviewHtml, TIMER_SCRIPT, type PreviewPageOptions } from '../../src/extension/preview-html.js';
import { compileFolder, HOSTILE_DIR, type CompiledFile } from '../render/corpus.js';
import { count, readTags } from '../render/markup.js';

const ROOT = path.resolve(__dirname, '../..');
const session: SessionModel = { workouts: [], plans: [] };

describe('the preview page', () => {
    it('gives the webview a Content-Security-Policy with the nonce, and the script and stylesheet by URI', () => {
        const nonce = 'abcdefghijklmnopqrstuvwx';
        const html = renderPreviewHtml(session, {
            nonce, cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
            scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js',
            styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css'
        });
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src https://file+.vscode-resource.vscode-cdn.net data:;">`);
        expect(html).toContain(`<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js"></script>`);
        expect(html).toContain(`<link rel="stylesheet" nonce="${nonce}" href="https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css">`);
        expect(html).toContain(`<style nonce="${nonce}">`);
        expect(html).toContain('class="workout-page mode-webview"');
        expect(count(html, /<script/g)).toBe(1);
    });

    it('refuses a nonce that could break out of the policy', () => {
        const options = { cspSource: 'x', scriptUri: 'x', styleUri: 'x' };
        expect(() => renderPreviewHtml(session, { ...options, nonce: `abc'; script-src *` })).toThrow(/nonce/);
        expect(() => renderPreviewHtml(session, { ...options, nonce: 'short' })).toThrow(/nonce/);
    });

    it('draws a new nonce for every load, one the policy accepts', () => {
        const nonces = Array.from({ length: 50 }, newNonce);
        expect(new Set(nonces).size).toBe(nonces.length);
        for (const nonce of nonces) {
            expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
            expect(() => renderPreviewHtml(session, { nonce, cspSource: 'x', scriptUri: 'x', styleUri: 'x' })).not.toThrow();
        }
    });

    it('counts the problems in a banner above the last good version', () => {
        const page = renderPreviewHtml(session, { nonce: 'abcdefghijklmnopqrstuvwx', cspSource: 'x', scriptUri: 'x', styleUri: 'x', problems: 2 });
        expect(page).toContain('<div id="banner"><p class="banner" role="status">');
        expect(page).toContain('<main id="session" class="session">');
    });

    it('ships the script and the stylesheet it loads, and the timer the export inlines, in the .vsix', () => {
        const shipped = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map(line => line.trim());
        expect(shipped).toContain(`!${PREVIEW_SCRIPT.join('/')}`);
        expect(shipped).toContain(`!${PREVIEW_STYLE.join('/')}`);
        expect(shipped).toContain(`!${TIMER_SCRIPT.join('/')}`);
    });
});

describe('the hostile corpus in the preview page', () => {
    const WEBVIEW: PreviewPageOptions = {
        nonce: 'N0nceN0nceN0nceN0nce', cspSource: 'vscode-resource:',
        scriptUri: 'vscode-resource:/dist/webview/preview.js', styleUri: 'vscode-resource:/media/preview.css'
    };
    let corpus: CompiledFile[] = [];

    beforeAll(async () => {
        corpus = await compileFolder(HOSTILE_DIR);
    });

    it('renders as text only: no tag or attribute of its own, the page\'s one script and one timeline per workout', () => {
        expect(corpus.length).toBeGreaterThanOrEqual(3);
        for (const file of corpus) {
            const html = renderPreviewHtml(file.session, WEBVIEW);
            expect(readTags(html).problems, file.name).toEqual([]);
            expect(count(html, /<script nonce=/g), file.name).toBe(1);
            // The rest are the timer's steps, data the browser never runs.
            expect(count(html, /<script/g) - 1, file.name).toBe(count(html, /<script type="application\/json" class="workout-timeline">/g));
            expect(count(html, /<script type="application\/json"/g), file.name).toBe(file.session.workouts.length);
        }
    });
});
