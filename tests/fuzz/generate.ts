/**
 * Documents for the fuzz suite: fast-check arbitraries that build plausible `.workout` text
 * from the grammar's own pieces (src/language/workout.langium) — workouts, blocks of every
 * kind, entries with sets, amounts, units, sides, loads, rests and notes, the coaches' notation
 * (rep schemes, set ranges, AMRAP sets, tempo, RIR, %TM, paired loads, EMOM labels), runs with
 * their targets, athletes' profiles, plans with weeks, week ranges, day slots and focus,
 * exercise definitions, imports, comments, quotes — laid out with every line ending
 * (`\n`, `\r\n`, a lone `\r`), a BOM, odd blanks, unicode, huge numbers and deep nesting; and
 * byte-level mutations of the example files and of generated text (bad UTF-8 included).
 *
 * Every arbitrary is deterministic for a seed (`fc.sample(documentArbitrary, { seed })`), so a
 * failure found by `npm run fuzz` replays with its seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/** The project folder; the bundled full run (scripts/fuzz.mjs) passes it, as its own folder is elsewhere. */
export const ROOT = process.env.WORKOUT_FUZZ_ROOT ?? path.resolve(__dirname, '../..');

/** The example files, by name: the seeds of the mutations. */
export const EXAMPLES: ReadonlyArray<{ name: string; text: string }> = readdirSync(path.join(ROOT, 'examples'))
    .filter(name => name.endsWith('.workout')).sort()
    .map(name => ({ name, text: readFileSync(path.join(ROOT, 'examples', name), 'utf8') }));

// ---- words ------------------------------------------------------------------------------------

const CATALOG_NAMES = [
    'squats', 'burpees', 'push-ups', 'press-ups', 'plank', 'side-plank', 'easy-run', 'long-run', 'interval-run', 'single-leg-deadlift',
    'goblet-squats', 'glute-bridges', 'mountain-climbers', 'jump-squats', 'box-jumps', 'dead-bug', 'bird-dog', 'calf-raises',
    'dynamic-stretching', 'static-stretching', 'foam-rolling', 'russian-twists', 'step-ups', 'reverse-lunges', 'pull-ups', 'row', 'Squats'
];
const MISSPELT = ['burpess', 'squatz', 'plankk', 'pushup', 'deadlifts-single-leg'];
const KEYWORD_NAMES = ['rest', 'left', 'max', 'amrap', 'monday', 'week', 'on', 'for', 'optional', 'set', 'section', 'x', 'X'];
const UNICODE_TEXT = ['é', 'ü', '漢字', 'ضغط', '💪🏽', '\u200B', '\u202E', '\u2066', '\u2028', '\u0085', '\u00A0', '\uFEFF', 'ﬁ', 'İ', '\u0301', '\uD800'];

/** A word of a name: catalog ids, typos, keywords, plain identifiers. */
const idWord = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...CATALOG_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom(...MISSPELT) },
    { weight: 1, arbitrary: fc.constantFrom(...KEYWORD_NAMES) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}(-[a-zA-Z0-9_]{1,6}){0,2}$/) }
);

/** The inside of a quoted string: words, escapes, unicode and the odd quote or backslash. */
const stringBody = fc.array(fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('keep', 'knees', 'out', 'chest up', 'slow', 'Hips', 'Power', 'week one', ' ', ',', ';', ':', '-') },
    { weight: 2, arbitrary: fc.constantFrom(...UNICODE_TEXT) },
    { weight: 1, arbitrary: fc.constantFrom('\\"', "\\'", '\\\\', '\\n', '\\', "'", '<', '>', '&', 'http://x.example', '<b>', '${x}', '//', '/*', 'null', 'NaN') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map(text => text.replace(/["\\\r\n]/g, '')) }
), { maxLength: 6 }).map(parts => parts.join(''));

/** A quoted string, closed most of the time (an open quote is a syntax error the rest of the line survives). */
const quoted = fc.tuple(fc.constantFrom('"', "'"), stringBody, fc.integer({ min: 0, max: 19 }))
    .map(([quote, body, open]) => (open === 0 ? `${quote}${body}` : `${quote}${body.replace(new RegExp(quote, 'g'), '')}${quote}`));

const name = fc.oneof({ weight: 4, arbitrary: idWord }, { weight: 1, arbitrary: quoted });

// ---- numbers and amounts ----------------------------------------------------------------------

/** Plain, decimal, zero, large and absurdly long numbers (`9` × 400 is Infinity as a double). */
const number = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 60 }).map(String) },
    { weight: 2, arbitrary: fc.constantFrom('0', '0.5', '2.5', '10', '100', '400', '1000', '99999') },
    { weight: 1, arbitrary: fc.constantFrom('10000000', '4294967296', '9007199254740993', '1' + '0'.repeat(25), '9'.repeat(320), '0.' + '0'.repeat(40) + '1') }
);
const durationUnit = fc.constantFrom('s', 'sec', 'secs', 'min', 'mins', 'h', 'hr', 'hrs');
const duration = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(number, durationUnit).map(([value, unit]) => value + unit) },
    { weight: 1, arbitrary: fc.constantFrom('1h30min', '1h1min1s', '90s', '20min', '45sec') },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }).map(count => '1s'.repeat(count)) }
);
const distance = fc.tuple(number, fc.constantFrom('m', 'km', 'mi')).map(([value, unit]) => value + unit);
const load = fc.tuple(number, fc.constantFrom('kg', 'lb', 'lbs', '%')).map(([value, unit]) => value + unit);
const quantity = fc.oneof({ weight: 4, arbitrary: number }, { weight: 3, arbitrary: duration }, { weight: 1, arbitrary: distance }, { weight: 1, arbitrary: load });
/** `8-10`, `30-45s`, `30s-1min`, or a single amount; spaces around the dash sometimes. */
const range = fc.oneof(
    { weight: 3, arbitrary: quantity },
    { weight: 1, arbitrary: fc.tuple(number, fc.constantFrom('-', ' - ', '- '), quantity).map(([low, dash, high]) => low + dash + high) },
    { weight: 1, arbitrary: fc.tuple(quantity, fc.constantFrom('-'), quantity).map(([low, dash, high]) => low + dash + high) }
);

// ---- entries ----------------------------------------------------------------------------------

const sets = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom(' x ', 'x', ' X ', '×', ' × ')).map(([count, cross]) => `${count}${cross}`),
    fc.tuple(number, number).map(([low, high]) => `${low}-${high} x `)
);
/** What the coaches' notation writes after `@`: strength targets, paired and implement loads, run targets. */
const target = fc.oneof(
    { weight: 4, arbitrary: load },
    { weight: 2, arbitrary: fc.constantFrom('bw', 'bodyweight', 'rpe 7', 'rpe 10', 'rpe', 'rpe 8-9', 'rir 2', 'rir 1-2', 'rir', '65% tm', '85% TM', 'tm', 'rx') },
    { weight: 1, arbitrary: fc.tuple(number, number, fc.constantFrom('lb', 'kg')).map(([rx, scaled, unit]) => `${rx}/${scaled}${unit}`) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), number).map(([count, value]) => `${count}x${value}kg`) },
    { weight: 1, arbitrary: number.map(value => `rir ${value}`) },
    { weight: 2, arbitrary: fc.constantFrom('5k-pace', 'easy', 'threshold', 'mile-pace', 'marathon-pace', 'easy to threshold', 'zone 2', 'z3-4', 'zone 9', '4:30/km', '4:20-4:30/km', '7:00/mi', '5:30/km to 4:40/km', '99:99/km', '80% hrmax', '90% ftp', '95% lthr', 'hrmax', 'nonsense-pace') },
    { weight: 2, arbitrary: fc.tuple(number, fc.constantFrom('bpm', ' bpm', 'w', ' w', 'kph', 'mph', '% ftp', '% hrmax', ':30/km', ':00/mi')).map(([value, unit]) => value + unit) },
    { weight: 1, arbitrary: fc.tuple(number, number).map(([low, high]) => `${low}-${high}bpm`) }
);
const modifier = fc.oneof(
    fc.constantFrom('left', 'right', 'per side', 'per leg', 'per arm', 'each side', 'each leg', 'per', 'alternating', 'each', 'rest as needed'),
    fc.tuple(fc.constantFrom('@ ', '@'), target, fc.constantFrom('', '', ' optional', ' each'))
        .map(([at, value, optional]) => at + value + optional),
    range.map(value => `rest ${value}`),
    fc.tuple(fc.oneof(number, fc.constantFrom('X', 'x')), number, fc.oneof(number, fc.constantFrom('X')), fc.option(number, { nil: '' }))
        .map(([a, b, c, d]) => `tempo ${[a, b, c, d].filter(Boolean).join('-')}`),
    fc.constantFrom('tempo 31X1', 'tempo 3-1', 'tempo', 'rest 400m jog', 'rest 200m walk', 'rest 90s walk'),
    duration.map(every => `every ${every}`),
    quoted
);
/** What comes before the name: an amount or a range, `max`, a rep scheme, an AMRAP set, a pair. */
const amount = fc.oneof(
    { weight: 6, arbitrary: range },
    { weight: 1, arbitrary: fc.constantFrom('max', 'lap') },
    { weight: 1, arbitrary: fc.array(number, { minLength: 3, maxLength: 5 }).map(steps => steps.join('-')) },
    { weight: 1, arbitrary: fc.tuple(number, fc.constantFrom('+', '-3-1+')).map(([value, more]) => value + more) },
    { weight: 1, arbitrary: fc.tuple(number, number, fc.constantFrom('', ' cal')).map(([a, b, unit]) => `${a}/${b}${unit}`) }
);
/** An EMOM label before an entry (`odd:`, `min 3:`), sometimes. */
const slot = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('odd: ', 'even: ', 'minute 2: '), number.map(minute => `min ${minute}: `)) });
/** Runs are entries too: a distance or a time of a run exercise, with a run target. */
const runName = fc.constantFrom('run', 'easy-run', 'interval-run', 'long-run', 'strides', 'jog', 'tempo-run');
export const entry = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(slot, fc.option(sets, { nil: '' }), amount, name, fc.array(modifier, { maxLength: 3 }))
        .map(([label, count, written, exercise, modifiers]) => [label + count + written, exercise, ...modifiers].join(' ')) },
    { weight: 1, arbitrary: fc.tuple(fc.option(sets, { nil: '' }), fc.oneof(distance, duration), runName, fc.array(modifier, { maxLength: 2 }))
        .map(([count, written, run, modifiers]) => [count + written, run, ...modifiers].join(' ')) }
);
const restItem = range.map(value => `rest ${value}`);

// ---- blocks, workouts, definitions, plans -----------------------------------------------------

const blockHeader = fc.oneof(
    fc.constantFrom('amrap', 'emom', 'for-time', 'superset', 'tabata', 'warmup', 'warm-up', 'cooldown', 'cool-down'),
    duration.map(cap => `amrap ${cap}`),
    duration.map(cap => `emom ${cap}`),
    fc.tuple(duration, duration).map(([every, cap]) => `every ${every} for ${cap}`),
    duration.map(cap => `for-time cap ${cap}`),
    fc.tuple(number, fc.constantFrom('rounds', 'round', 'sets', 'set'), fc.option(range, { nil: undefined }))
        .map(([count, word, rest]) => `${count} ${word}${rest ? ` rest ${rest}` : ''}`),
    range.map(rest => `superset rest ${rest}`),
    fc.tuple(number, fc.option(range, { nil: undefined })).map(([count, rest]) => `${count} x complex${rest ? ` rest ${rest}` : ''}`),
    fc.constantFrom('complex', 'repeat 3', 'repeat', 'alternating emom 12min'),
    number.map(count => `repeat ${count}`),
    duration.map(cap => `repeat until ${cap}`),
    fc.tuple(fc.array(number, { minLength: 2, maxLength: 4 }), fc.option(duration, { nil: undefined })).map(([steps, cap]) => `for-time ${steps.join('-')}${cap ? ` cap ${cap}` : ''}`),
    fc.tuple(number, duration, duration).map(([count, on, off]) => `intervals ${count} x ${on} on ${off} off`),
    quoted.map(title => `section ${title}`)
);

/** A layout choice for one document: its line ending, indentation and separators. */
export interface Layout {
    eol: string;
    indent: string;
    /** A `;` instead of a newline between items, sometimes. */
    semicolons: boolean;
}

type Tree = { header: string; items: Array<string | Tree> };

const itemTree: fc.Arbitrary<Array<string | Tree>> = fc.letrec<{ items: Array<string | Tree>; block: Tree }>(tie => ({
    items: fc.array(fc.oneof(
        { weight: 6, arbitrary: entry },
        { weight: 1, arbitrary: restItem },
        { weight: 1, arbitrary: fc.constantFrom('// a comment', '/* block */', '', ';') },
        { weight: 2, arbitrary: tie('block') as fc.Arbitrary<Tree> }
    ), { maxLength: 4, depthIdentifier: 'blocks' }) as fc.Arbitrary<Array<string | Tree>>,
    block: fc.record({ header: blockHeader, items: tie('items') as fc.Arbitrary<Array<string | Tree>> })
})).items;

function layoutItems(items: Array<string | Tree>, depth: number, layout: Layout, close: string): string {
    const pad = layout.indent.repeat(depth);
    const lines = items.map(item => (typeof item === 'string' ? pad + item
        : `${pad}${item.header} <${layout.eol}${layoutItems(item.items, depth + 1, layout, '>')}`));
    const separator = layout.semicolons ? '; ' : layout.eol;
    return lines.join(separator) + layout.eol + layout.indent.repeat(Math.max(depth - 1, 0)) + close;
}

const workout = fc.tuple(name, fc.option(quoted, { nil: '' }), fc.constantFrom(' ', ' \n', ''), itemTree)
    .map(([id, title, gap, items]) => (layout: Layout) => `workout ${id}${title ? ` ${title}` : ''}${gap}<${layout.eol}${layoutItems(items, 1, layout, '>')}`);

const exerciseProp = fc.oneof(
    fc.array(fc.constantFrom('quads', 'glutes', 'core', 'shoulders', 'hamstrings', 'calves', 'chest', 'lats', 'nonsense'), { minLength: 1, maxLength: 3 }).map(muscles => `muscles: ${muscles.join(', ')}`),
    fc.constantFrom('secondary: core', 'equipment: kettlebell', 'equipment: none', 'kind: reps', 'kind: hold', 'kind: cardio', 'kind: flying', 'unilateral: yes', 'unilateral: no'),
    duration.map(time => `per-rep: ${time}`),
    fc.tuple(idWord, quantity).map(([key, value]) => `${key}: ${value}`)
);
const definition = fc.tuple(name, fc.option(quoted, { nil: '' }), fc.array(exerciseProp, { maxLength: 4 }))
    .map(([id, title, props]) => (layout: Layout) => `exercise ${id}${title ? ` ${title}` : ''} <${layout.eol}${props.map(prop => layout.indent + prop).join(layout.eol)}${layout.eol}>`);

const weekday = fc.constantFrom('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
const dayItem = fc.oneof(entry, idWord, quoted, fc.constantFrom('strength-a', 'cross-training', 'rest'));
const day = fc.tuple(weekday, fc.oneof({ weight: 4, arbitrary: fc.array(dayItem, { minLength: 1, maxLength: 3 }).map(items => items.join('; ')) }, { weight: 1, arbitrary: fc.constantFrom('rest', '') }))
    .map(([weekdayName, items]) => `${weekdayName}: ${items}`.trimEnd());
/** `monday`, `monday am`, `daily pm`: the day and, sometimes, its morning or evening. */
const dayWord = fc.tuple(fc.oneof({ weight: 6, arbitrary: weekday }, { weight: 1, arbitrary: fc.constant('daily') }), fc.constantFrom('', '', '', ' am', ' pm'))
    .map(([dayName, slotWord]) => dayName + slotWord);
const slottedDay = fc.tuple(dayWord, fc.array(dayItem, { minLength: 1, maxLength: 3 })).map(([dayName, items]) => `${dayName}: ${items.join('; ')}`);
const weekNumber = fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: fc.tuple(number, number).map(([first, last]) => `${first}-${last}`) });
const week = fc.tuple(fc.constantFrom('week', 'week', 'weeks'), weekNumber, fc.option(quoted, { nil: '' }), fc.array(fc.oneof({ weight: 3, arbitrary: day }, { weight: 1, arbitrary: slottedDay }), { maxLength: 5 }))
    .map(([word, count, title, days]) => (layout: Layout) => `${layout.indent}${word} ${count}${title ? ` ${title}` : ''} <${layout.eol}${days.map(line => layout.indent.repeat(2) + line).join(layout.eol)}${layout.eol}${layout.indent}>`);
const plan = fc.tuple(name, fc.option(quoted, { nil: '' }), fc.option(fc.constantFrom('beginner', 'intermediate', 'advanced', 'elite'), { nil: undefined }),
    fc.option(fc.oneof(load, number), { nil: undefined }), fc.option(fc.constantFrom('runner', 'strength', 'rehab', 'hybrid', 'swimmer'), { nil: undefined }),
    fc.option(name, { nil: undefined }), fc.array(week, { maxLength: 3 }))
    .map(([id, title, level, progression, focus, athlete, weeks]) => (layout: Layout) => [
        `plan ${id}${title ? ` ${title}` : ''} <`,
        ...(level ? [`${layout.indent}level ${level}`] : []),
        ...(progression ? [`${layout.indent}progression ${progression}`] : []),
        ...(focus ? [`${layout.indent}focus ${focus}`] : []),
        ...(athlete ? [`${layout.indent}athlete ${athlete}`] : []),
        ...weeks.map(render => render(layout)),
        '>'
    ].join(layout.eol));

/** An athlete's profile: races, paces, heart rates, power, maxes, as coaches write them, and wrong. */
const athleteFact = fc.oneof(
    fc.tuple(fc.constantFrom('5k', '10k', 'half-marathon', 'marathon', 'mile', '1500m', '3 km'), number, fc.constantFrom(':30', ':00:00', 'min', '')).map(([race, time, tail]) => `${race}: ${time}${tail}`),
    fc.tuple(fc.constantFrom('max-hr', 'lthr', 'resting-hr', 'ftp', 'bodyweight'), number, fc.constantFrom('', 'bpm', 'w', 'kg')).map(([key, value, unit]) => `${key}: ${value}${unit}`),
    fc.tuple(fc.constantFrom('1rm', 'tm', 'training-max'), name, load).map(([kind, exercise, weight]) => `${kind} ${exercise}: ${weight}`),
    fc.tuple(fc.constantFrom('threshold-pace', 'easy-pace', '5k-pace'), number).map(([key, minutes]) => `${key}: ${minutes}:30/km`),
    fc.tuple(number, number).map(([distance, minutes]) => `recent-race: ${distance}k ${minutes}:10`),
    fc.constantFrom('units: km', 'units: furlongs', 'level: intermediate', 'level: godlike', 'shoe-size: 44', '5k: 22:30', 'max-hr: 188')
);
const athlete = fc.tuple(name, fc.option(quoted, { nil: '' }), fc.array(athleteFact, { maxLength: 5 }), fc.boolean())
    .map(([id, title, facts, oneLine]) => (layout: Layout) => (oneLine
        ? `athlete ${id}${title ? ` ${title}` : ''} < ${facts.join('; ')} >`
        : `athlete ${id}${title ? ` ${title}` : ''} <${layout.eol}${facts.map(fact => layout.indent + fact).join(layout.eol)}${layout.eol}>`));

const importLine = fc.constantFrom('import "runner-strength-a.workout"', 'import "missing.workout"', 'import ""', 'import "../../etc/passwd"', 'import');
const loose = fc.oneof(entry, restItem, blockHeader.map(header => `${header} < 10 squats >`));

const topElement = fc.oneof(
    { weight: 5, arbitrary: workout },
    { weight: 2, arbitrary: definition },
    { weight: 2, arbitrary: plan },
    { weight: 1, arbitrary: athlete },
    { weight: 1, arbitrary: importLine.map(line => () => line) },
    { weight: 1, arbitrary: loose.map(line => () => line) },
    { weight: 1, arbitrary: fc.constantFrom('// comment', '/* multi\nline */', '/* never closed', '') .map(line => () => line) }
);

const layout: fc.Arbitrary<Layout> = fc.record({
    eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\u2028'),
    indent: fc.constantFrom('  ', '    ', '\t', '', ' \f'),
    semicolons: fc.boolean()
});

/** A whole document from the grammar's pieces. */
export const grammarDocument: fc.Arbitrary<string> = fc.tuple(layout, fc.array(topElement, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', '', '\uFEFF'), fc.constantFrom('', '\n', '\r\n', '\n\n'))
    .map(([chosen, elements, bom, end]) => bom + elements.map(render => render(chosen)).join(chosen.eol + chosen.eol) + end);

/**
 * Blocks nested `depth` deep (`section "x" <` … `>`): the class of input that overflowed the
 * stack of the parser and the checks (issue 10, language side).
 */
export const deepDocument: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 20, max: 600 }), fc.constantFrom('section "x"', '2 rounds', 'superset', 'warmup'), fc.boolean())
    .map(([depth, header, wrapped]) => {
        const body = `${`${header} <\n`.repeat(depth)}10 squats\n${'>\n'.repeat(depth)}`;
        return wrapped ? `workout deep <\n${body}>\n` : body;
    });

// ---- mutations --------------------------------------------------------------------------------

const INSERTS = ['<', '>', ';', '"', "'", '\n', '\r', '\r\n', '-', '@', 'x', '0', ' ', '/*', '*/', '//', '…', '\u2028', '\uFEFF', '\u202E', '\t', ':', ',', '9'.repeat(400), '1s'.repeat(30)];

type Mutation = (text: string) => string;

const at = (text: string, position: number) => position % (text.length + 1);

const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.nat().map(position => (text: string) => { const i = at(text, position); return text.slice(0, i) + text.slice(i + 1); }),
    fc.tuple(fc.nat(), fc.constantFrom(...INSERTS)).map(([position, insert]) => (text: string) => { const i = at(text, position); return text.slice(0, i) + insert + text.slice(i); }),
    fc.tuple(fc.nat(), fc.nat({ max: 60 })).map(([position, length]) => (text: string) => { const i = at(text, position); return text.slice(0, i) + text.slice(i, i + length) + text.slice(i); }),
    fc.tuple(fc.nat(), fc.nat({ max: 80 })).map(([position, length]) => (text: string) => { const i = at(text, position); return text.slice(0, i) + text.slice(i + length); }),
    fc.nat().map(position => (text: string) => text.slice(0, at(text, position))),
    fc.tuple(fc.nat(), fc.nat()).map(([from, to]) => (text: string) => {
        const lines = text.split('\n');
        lines.splice(to % (lines.length + 1), 0, lines[from % lines.length]);
        return lines.join('\n');
    }),
    fc.constantFrom<Mutation>(text => text.replace(/\n/g, '\r'), text => text.replace(/\n/g, '\r\n'), text => `\uFEFF${text}`, text => text.replace(/ /g, '\t'))
);

/** Bytes flipped, dropped or inserted in the UTF-8 encoding, decoded again (bad sequences become U+FFFD). */
const byteMutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'insert'))
    .map(([position, byte, how]) => (text: string) => {
        const bytes = Buffer.from(text, 'utf8');
        const i = position % (bytes.length + 1);
        const changed = how === 'insert' ? Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)])
            : how === 'drop' ? Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)])
            : Buffer.concat([bytes.subarray(0, i), Buffer.from([(bytes[i] ?? 0) ^ (1 << (byte % 8))]), bytes.subarray(i + 1)]);
        return changed.toString('utf8');
    });

const mutation = fc.oneof({ weight: 3, arbitrary: textMutation }, { weight: 1, arbitrary: byteMutation });

/** A whole example, or (as often) a run of its lines: a workout or a week cut out of a file. */
const exampleText = fc.tuple(fc.constantFrom(...EXAMPLES.map(example => example.text)), fc.boolean(), fc.nat(), fc.integer({ min: 3, max: 20 }))
    .map(([text, whole, from, length]) => {
        if (whole) {
            return text;
        }
        const lines = text.split('\n');
        const start = from % lines.length;
        return lines.slice(start, start + length).join('\n');
    });

export const mutatedExample: fc.Arbitrary<string> = fc.tuple(exampleText, fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([text, mutations]) => mutations.reduce((current, mutate) => mutate(current), text));

export const mutatedGrammarDocument: fc.Arbitrary<string> = fc.tuple(grammarDocument, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([text, mutations]) => mutations.reduce((current, mutate) => mutate(current), text));

/** Soups of the language's tokens with random gaps. */
const SOUP = ['workout', 'exercise', 'plan', 'week', 'monday:', 'amrap', 'emom', 'every', 'for', 'cap', 'rounds', 'intervals', 'on', 'off', 'section',
    'rest', 'max', 'per', 'side', '@', 'rpe', 'bw', 'optional', '<', '>', ';', ':', ',', '-', 'x', '3 x', '10', '30s', '5km', '12kg', '70%', '"note"',
    '"open', 'squats', 'burpess', 'import', '//', '/*', '*/', '\n', '\r', '\r\n', '\t', 'é'];
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.tuple(fc.constantFrom(...SOUP), fc.constantFrom(' ', '', '\n', '  ')), { maxLength: 80 })
    .map(parts => parts.map(([word, gap]) => word + gap).join(''));

export type DocumentKind = 'grammar' | 'mutated-example' | 'mutated-grammar' | 'soup' | 'binary' | 'deep';

/** Every kind of document, tagged with its kind (for the figures). */
export const anyDocument: fc.Arbitrary<{ kind: DocumentKind; text: string }> = fc.oneof(
    { weight: 20, arbitrary: grammarDocument.map(text => ({ kind: 'grammar' as const, text })) },
    { weight: 10, arbitrary: mutatedExample.map(text => ({ kind: 'mutated-example' as const, text })) },
    { weight: 8, arbitrary: mutatedGrammarDocument.map(text => ({ kind: 'mutated-grammar' as const, text })) },
    { weight: 4, arbitrary: tokenSoup.map(text => ({ kind: 'soup' as const, text })) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map(text => ({ kind: 'binary' as const, text })) },
    { weight: 1, arbitrary: deepDocument.map(text => ({ kind: 'deep' as const, text })) }
);

/** The document of one seed: what `npm run fuzz -- --seed N` replays. */
export function documentOfSeed(seed: number): { kind: DocumentKind; text: string } {
    return fc.sample(anyDocument, { seed, numRuns: 1 })[0];
}
