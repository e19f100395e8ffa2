/**
 * How the tools write a name into a coach's text (completion, quick fixes, the advice in a
 * message): bare when it reads back as that one name, quoted otherwise. `Leg Day` and
 * `wall angels` are two words, `3-4-sit-up` reads as a number first, and a keyword (`rounds`,
 * `rest`) is not a name in every place: each is written `"…"`, which every place that takes a
 * name accepts. The rule is the lexer's own: bare only when the text lexes as one ID token.
 */
import type { Lexer } from 'langium';

/** Names already decided, per lexer: completion asks about the whole catalog on every request. */
const decided = new WeakMap<Lexer, Map<string, string>>();
const MOST_DECIDED = 10_000;

export function writtenName(name: string, lexer: Lexer): string {
    let known = decided.get(lexer);
    if (!known) {
        known = new Map();
        decided.set(lexer, known);
    }
    let written = known.get(name);
    if (written === undefined) {
        written = readsBare(name, lexer) ? name : quoted(name);
        if (known.size >= MOST_DECIDED) {
            known.clear();
        }
        known.set(name, written);
    }
    return written;
}

/**
 * The name written in place of other text, between the characters `before` and `after` it:
 * bare only when it still reads as that one name there. A quick fix replacing `"knees"` in
 * `"knees"rest 60s` wrote `hug-knees-to-chestrest 60s`: the quotes had kept the words apart.
 */
export function writtenNameBetween(name: string, lexer: Lexer, before: string, after: string): string {
    const written = writtenName(name, lexer);
    if (written !== name) {
        return written;
    }
    const { tokens } = lexer.tokenize(before + name + after);
    return tokens.some(token => token.startOffset === before.length && token.image === name) ? name : quoted(name);
}

function readsBare(name: string, lexer: Lexer): boolean {
    const { tokens, hidden, errors } = lexer.tokenize(name);
    return errors.length === 0 && hidden.length === 0 && tokens.length === 1 && tokens[0].tokenType.name === 'ID' && tokens[0].image === name;
}

/** `"…"` with `\` and `"` escaped (as `unquote` reads them back); a quoted name holds no line break. */
function quoted(name: string): string {
    return `"${name.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, match => `\\${match}`)}"`;
}
