/**
 * Syntax errors in words a coach understands: "Expected a new line or `;` before `10`" rather
 * than "Expecting token of type 'NL'".
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/** The start of the parser's message for a missing `>`; the validator moves it to the block's header. */
export const NOT_CLOSED = 'A block is not closed:';

const TOKEN_WORDS: Record<string, string> = {
    NL: 'a new line',
    ID: 'a name such as `burpees`',
    STRING: 'a quoted text',
    NUMBER: 'a number',
    DURATION: 'a duration such as `30s` or `5min`',
    DISTANCE: 'a distance such as `400m` or `5km`',
    LOAD: 'a load such as `12kg`, `25lb` or `70%`',
    SETS: 'sets such as `3 x`',
    CALORIES: 'calories such as `20 cal`',
    TEMPO: 'a tempo such as `tempo 3-1-1`',
    EOF: 'the end of the file'
};

function describeToken(type: TokenType): string {
    return TOKEN_WORDS[type.name] ?? `\`${type.name.replace(/:KW$/, '')}\``;
}

function describeFound(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') {
        return 'the end of the file';
    }
    if (/^[\r\n]+$/.test(token.image)) {
        return 'the end of the line';
    }
    return `\`${token.image}\``;
}

function listWords(types: TokenType[]): string {
    const words = [...new Set(types.map(describeToken))];
    if (words.length > 6) {
        return words.slice(0, 6).join(', ') + ' or another item';
    }
    return words.length <= 1 ? words.join('') : words.slice(0, -1).join(', ') + ' or ' + words[words.length - 1];
}

const RULE_HINTS: Record<string, string> = {
    Entry: ' An entry reads amount, name, then options: `3 x 10 squats @ 20kg rest 60s`.',
    Block: ' A block reads like `amrap 20min < … >` or `3 rounds rest 60s < … >`.',
    Range: ' Amounts look like `10`, `8-12`, `30s` or `30-45s`.',
    Day: ' A day reads like `monday: 30min easy-run; strength-a`, or `monday pm: strength-a` for an evening session (`twice daily: heel-drops` is a morning and an evening session).',
    ExerciseProp: ' A property reads like `muscles: quads, glutes`.'
};

function hint(ruleName: string): string {
    return RULE_HINTS[grammarRule(ruleName)] ?? '';
}

/** Langium suffixes the parser's rule names with a zero-width space; the grammar's name is without it. */
function grammarRule(ruleName: string): string {
    return ruleName.replace(/\u200B/g, '');
}

/** The tokens of a `Range`: where any of them would do, say "an amount" rather than list them all. */
const AMOUNT_TOKENS = new Set(['NUMBER', 'DURATION', 'DISTANCE', 'LOAD', 'CALORIES']);
const TIME_KEYWORDS = new Set(['rest', 'cap', 'every', 'for', 'on', 'off', 'amrap', 'emom']);

function amountAfter(previous: IToken | undefined): string {
    const word = previous?.image ?? '';
    if (word === 'rest') {
        return 'a time after `rest`, such as `60s` or `2min`, or `as needed`';
    }
    if (TIME_KEYWORDS.has(word)) {
        return `a time after \`${word}\`, such as \`60s\` or \`2min\``;
    }
    if (word === 'rpe') {
        return 'a rating from 1 to 10 after `rpe`, such as `@ rpe 7`';
    }
    return 'an amount such as `10`, `8-12`, `30s` or `400m`';
}

/** The usual slip between two items: a missing separator, or a name without its amount. */
function separatorMissing(found: IToken): string {
    if (found.tokenType?.name === 'ID' || found.tokenType?.name === 'STRING') {
        return `\`${found.image}\` needs an amount first: write e.g. \`10 ${found.image}\`, \`30s ${found.image}\` or \`max ${found.image}\`.`;
    }
    return `Expected a new line or \`;\` before ${describeFound(found)}: put each item on its own line or separate items with \`;\`.`;
}

export class WorkoutParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, ruleName } = options;
        if (expected.name === 'EOF') {
            return this.buildNotAllInputParsedMessage({ firstRedundant: actual, ruleName });
        }
        if (expected.name === '>' || expected.name === '>:KW') {
            if (actual.tokenType?.name === 'EOF') {
                return `${NOT_CLOSED} add \`>\` at its end.`;
            }
            if (grammarRule(ruleName) === 'ExerciseDef') {
                return `Expected \`,\` or a new line before ${describeFound(actual)}: a property reads like \`muscles: quads, glutes\`, one per line.`;
            }
            return separatorMissing(actual);
        }
        return `Expected ${describeToken(expected)} but found ${describeFound(actual)}.${hint(ruleName)}`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        const found = options.firstRedundant;
        if (found.image === '>') {
            return 'This `>` closes no block: remove it or add the `<` it belongs to.';
        }
        return separatorMissing(found);
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firstTokens = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean);
        const found = options.actual[0];
        // `rest` may also be followed by `as needed`: still "a time" to a coach.
        if (firstTokens.length > 0 && firstTokens.every(type => AMOUNT_TOKENS.has(type.name) || type.name === 'as')) {
            return `Expected ${amountAfter(options.previous)}, but found ${found ? describeFound(found) : 'the end of the file'}.`;
        }
        return `Expected ${listWords(firstTokens)} but found ${found ? describeFound(found) : 'the end of the file'}.${hint(options.ruleName)}`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firstTokens = options.expectedIterationPaths.map(path => path[0]).filter(Boolean);
        const found = options.actual[0];
        return `Expected at least one ${listWords(firstTokens)} but found ${found ? describeFound(found) : 'the end of the file'}.${hint(options.ruleName)}`;
    }
}

export class WorkoutLexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"') || text.startsWith("'")) {
            return 'This quoted text is not closed: end it with a matching quote on the same line.';
        }
        return `Unexpected character \`${text}\`: names use letters, digits and hyphens (\`single-leg-deadlift\`), or quotes (\`"my exercise"\`).`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected \`${token.image}\`.`;
    }
}
