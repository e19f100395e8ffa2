/**
 * Texts a coach might have in the editor: soups of the language's own words and example files
 * mutated the way typing and pasting mutate them. Shared by the robustness properties.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

export const VOCABULARY = [
    'workout', 'exercise', 'import', 'plan', 'week', 'level', 'progression', 'monday:', 'saturday:',
    'amrap', 'emom', 'every', 'for', 'for-time', 'cap', 'rounds', 'round', 'sets', 'set', 'superset', 'tabata',
    'intervals', 'on', 'off', 'warmup', 'warm-up', 'cooldown', 'section', 'rest', 'max', 'left', 'right',
    'per', 'side', 'leg', 'each', 'arm', '@', 'rpe', 'bw', 'bodyweight', 'optional', '<', '>', ';', ':', ',', '-', 'x',
    '3 x', '2x', '10', '0', '8-12', '12-8', '30s', '45sec', '5min', '1h30min', '90s', '400m', '5km', '3mi', '12kg', '25lb',
    '70%', '500', '3h', '"squat to kettlebell press"', '"unclosed', "'goblet squat'", '"note"', '"Hips"',
    'burpees', 'burpess', 'squats', 'lunges', 'plank', 'side-plank', 'run', 'easy-run', 'single-leg-deadlift',
    'muscles:', 'quads', 'per-rep:', '4s', 'kind:', 'hold', '"common/exercises.workout"',
    '//', '// comment', '/*', '*/', '\n', '\n', '\n', '\r\n', '\r', '\r\r\n', '\t', '…', '×', 'é', '\uFEFF',
    // the notation of real programs (issue 12)
    '+', '/', 'tm', 'rir', 'tempo 3-1-1', 'tempo 31X1', 'alternating', 'as', 'needed', 'complex', 'odd:', 'even:', 'min 1:',
    '21-15-9', '5-5-5', '5+', '10/10', '400 m', '2.5 miles', '30 sec', '20 cal', '95/65lb', '2x24kg', '1.5pood', '24in', 'thrusters'
];

export const tokenSoup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 }).chain(words =>
    fc.array(fc.constantFrom(' ', '', '\n'), { minLength: words.length, maxLength: words.length })
        .map(gaps => words.map((word, index) => word + gaps[index]).join('')));

const EXAMPLES = path.resolve(__dirname, '../../../examples');
export const exampleTexts = readdirSync(EXAMPLES).filter(name => name.endsWith('.workout')).map(name => readFileSync(path.join(EXAMPLES, name), 'utf8'));

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.nat().map(at => (text: string) => text.slice(0, at % (text.length + 1)) + text.slice(at % (text.length + 1) + 1)),
    fc.tuple(fc.nat(), fc.constantFrom('<', '>', ';', '"', "'", '\n', '-', '@', 'x', '0', ' ', '/*', '…'))
        .map(([at, insert]) => (text: string) => { const i = at % (text.length + 1); return text.slice(0, i) + insert + text.slice(i); }),
    fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, length]) => (text: string) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + text.slice(i, i + length) + text.slice(i);
    }),
    fc.nat().map(at => (text: string) => {
        const lines = text.split('\n');
        lines.splice(at % lines.length, 1);
        return lines.join('\n');
    }),
    fc.tuple(fc.nat(), fc.nat()).map(([from, to]) => (text: string) => {
        const lines = text.split('\n');
        lines.splice(to % (lines.length + 1), 0, lines[from % lines.length]);
        return lines.join('\n');
    })
);
export const mutatedExample = fc.tuple(fc.constantFrom(...exampleTexts), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, mutations]) => mutations.reduce((current, mutate) => mutate(current), text));
