/**
 * A strict reading of the renderer's output without a browser: every `<` must open or close a
 * tag the renderer itself writes, with attributes it writes, in double quotes. If user text
 * ever escaped into markup, a tag or attribute outside these lists (or a stray `<`) shows up.
 */

const TAGS = new Set([
    'html', 'head', 'meta', 'title', 'style', 'link', 'script', 'body', 'main', 'div', 'p', 'span', 'code',
    'article', 'header', 'section', 'h1', 'h2', 'dl', 'dt', 'dd', 'ol', 'ul', 'li', 'i', 'em', 'small',
    'strong', 'figure', 'figcaption', 'svg', 'g', 'rect', 'text', 'line', 'table', 'caption', 'thead', 'tbody',
    'tr', 'th', 'td', 'button', 'progress', 'label', 'select', 'option'
]);

const ATTRIBUTES = new Set([
    'class', 'data-line', 'id', 'role', 'aria-label', 'aria-hidden', 'viewbox', 'width', 'height', 'x', 'y',
    'x1', 'y1', 'x2', 'y2', 'rx', 'text-anchor', 'xmlns', 'preserveaspectratio', 'scope', 'lang', 'charset',
    'http-equiv', 'content', 'colspan', 'name', 'nonce', 'src', 'href', 'rel', 'type', 'data-timer-play', 'hidden', 'value'
]);

export interface MarkupTag {
    name: string;
    attributes: Array<{ name: string; value: string }>;
}

/** The tags of a rendered page, or a description of the first thing that is not one. */
export function readTags(html: string): { tags: MarkupTag[]; problems: string[] } {
    const tags: MarkupTag[] = [];
    const problems: string[] = [];
    // The page's own stylesheet sits in <style>; it is constant and holds no `<`.
    // So is the timer's script, inlined under the page's nonce (src/render/html-timer.ts); the
    // steps' JSON beside it holds no `<` and is read as text.
    const withoutStyle = html.replace(/<style( nonce="[A-Za-z0-9+/=_-]+")?>[^<]*<\/style>/g, '<style></style>')
        .replace(/<script nonce="([A-Za-z0-9+/=_-]+)">[\s\S]*?<\/script>/g, '<script nonce="$1"></script>');
    const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>]*")*)\s*(\/?)>|<!DOCTYPE html>/y;
    for (let index = withoutStyle.indexOf('<'); index !== -1; index = withoutStyle.indexOf('<', index + 1)) {
        tagPattern.lastIndex = index;
        const match = tagPattern.exec(withoutStyle);
        if (!match) {
            problems.push(`stray "<" at ${index}: ${JSON.stringify(withoutStyle.slice(index, index + 60))}`);
            continue;
        }
        if (!match[2]) {
            continue;
        }
        const name = match[2].toLowerCase();
        if (!TAGS.has(name)) {
            problems.push(`unexpected <${name}> at ${index}`);
        }
        const attributes = [...match[3].matchAll(/([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g)].map(([, attribute, value]) => ({ name: attribute.toLowerCase(), value }));
        for (const attribute of attributes) {
            if (!ATTRIBUTES.has(attribute.name)) {
                problems.push(`unexpected attribute ${attribute.name} on <${name}>`);
            }
            if (attribute.name === 'data-line' && !/^\d+$/.test(attribute.value)) {
                problems.push(`data-line="${attribute.value}" is not a line number`);
            }
        }
        if (!match[1]) {
            tags.push({ name, attributes });
        }
    }
    return { tags, problems };
}

export function count(html: string, pattern: RegExp): number {
    return [...html.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))].length;
}
