/**
 * JSON read as a tree that remembers where each value starts, so that a problem in a settings
 * file can be shown at its line and column. Strict JSON (RFC 8259): no comments, no trailing
 * commas. The first syntax error stops the reading and says what was expected, where.
 */

export type JsonNode =
    | { type: 'object'; offset: number; properties: Array<{ key: string; keyOffset: number; value: JsonNode }> }
    | { type: 'array'; offset: number; items: JsonNode[] }
    | { type: 'string' | 'number' | 'boolean' | 'null'; offset: number; value: string | number | boolean | null };

export interface JsonSyntaxError {
    offset: number;
    /** What was expected, in words: "`,` or `}`". */
    message: string;
}

/** A JSON value's plain form (`JSON.parse` would give the same). */
export function jsonValue(node: JsonNode): unknown {
    return node.type === 'object' ? Object.fromEntries(node.properties.map(property => [property.key, jsonValue(property.value)]))
        : node.type === 'array' ? node.items.map(jsonValue)
        : node.value;
}

class Failure extends Error {
    constructor(readonly offset: number, message: string) {
        super(message);
    }
}

/** A string, from where the reader is (sticky): no control characters, only JSON's escapes. */
const STRING = /"(?:[^"\\\u0000-\u001F]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;

/** Nesting deeper than this is not a settings file: stop before the stack does. */
const MAX_DEPTH = 64;

class JsonReader {
    private at = 0;

    constructor(private readonly text: string) {}

    document(): JsonNode {
        const node = this.value(0);
        this.space();
        if (this.at < this.text.length) {
            this.fail('the end of the file after the settings');
        }
        return node;
    }

    private fail(expected: string): never {
        const found = this.at >= this.text.length ? 'the end of the file'
            : this.text.startsWith('//', this.at) || this.text.startsWith('/*', this.at) ? 'a comment (JSON has none)'
            : `\`${this.text[this.at]}\``;
        throw new Failure(this.at, `expected ${expected}, found ${found}`);
    }

    private space(): void {
        while (this.at < this.text.length && ' \t\r\n'.includes(this.text[this.at])) {
            this.at++;
        }
    }

    private value(depth: number): JsonNode {
        this.space();
        if (depth > MAX_DEPTH) {
            this.fail(`at most ${MAX_DEPTH} levels of nesting`);
        }
        const offset = this.at;
        const char = this.text[this.at];
        if (char === '{') {
            return this.object(depth);
        }
        if (char === '[') {
            this.at++;
            const items: JsonNode[] = [];
            this.space();
            if (this.text[this.at] === ']') {
                this.at++;
                return { type: 'array', offset, items };
            }
            for (;;) {
                items.push(this.value(depth + 1));
                this.space();
                if (this.text[this.at] === ']') {
                    this.at++;
                    return { type: 'array', offset, items };
                }
                this.expect(',', '`,` or `]`');
            }
        }
        if (char === '"') {
            return { type: 'string', offset, value: this.string() };
        }
        const word = /^(true|false|null)(?![A-Za-z0-9_])/.exec(this.text.slice(this.at, this.at + 6));
        if (word) {
            this.at += word[1].length;
            return word[1] === 'null' ? { type: 'null', offset, value: null } : { type: 'boolean', offset, value: word[1] === 'true' };
        }
        const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.at, this.at + 400));
        if (number && number[0] !== '-') {
            this.at += number[0].length;
            return { type: 'number', offset, value: Number(number[0]) };
        }
        return this.fail('a value (a string in double quotes, a number, true, false, null, an object or a list)');
    }

    private object(depth: number): JsonNode {
        const offset = this.at;
        this.at++;
        const properties: Array<{ key: string; keyOffset: number; value: JsonNode }> = [];
        this.space();
        if (this.text[this.at] === '}') {
            this.at++;
            return { type: 'object', offset, properties };
        }
        for (;;) {
            this.space();
            const keyOffset = this.at;
            if (this.text[this.at] !== '"') {
                this.fail(properties.length > 0 ? 'a name in double quotes (a comma too many?)' : 'a name in double quotes or `}`');
            }
            const key = this.string();
            this.space();
            this.expect(':', '`:` after the name');
            properties.push({ key, keyOffset, value: this.value(depth + 1) });
            this.space();
            if (this.text[this.at] === '}') {
                this.at++;
                return { type: 'object', offset, properties };
            }
            this.expect(',', '`,` or `}`');
        }
    }

    private expect(char: string, expected: string): void {
        if (this.text[this.at] !== char) {
            this.fail(expected);
        }
        this.at++;
    }

    private string(): string {
        STRING.lastIndex = this.at;
        const match = STRING.exec(this.text);
        if (!match) {
            const end = this.text.indexOf('"', this.at + 1);
            const newline = this.text.slice(this.at, end < 0 ? undefined : end).search(/[\r\n]/);
            this.at += newline >= 0 ? newline : 1;
            return this.fail(newline >= 0 || end < 0 ? 'the closing `"` of a string' : 'a string without control characters or unknown escapes');
        }
        this.at += match[0].length;
        return JSON.parse(match[0]) as string;
    }
}

/** The tree of a JSON text, or where it stops being JSON. */
export function parseJsonTree(text: string): { tree: JsonNode } | { error: JsonSyntaxError } {
    try {
        return { tree: new JsonReader(text).document() };
    } catch (error) {
        if (error instanceof Failure) {
            return { error: { offset: error.offset, message: error.message } };
        }
        throw error;
    }
}
