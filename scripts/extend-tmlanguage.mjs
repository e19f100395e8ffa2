// Extends the TextMate grammar that `langium generate` writes (syntaxes/workout.tmLanguage.json):
// numbers, durations, distances, loads and sets get their own scopes so themes colour them, and
// keywords only match as whole hyphenated words (`side` in `side-plank` is part of a name).
// Run by `npm run build` right after `langium generate`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../syntaxes/workout.tmLanguage.json', import.meta.url);
const grammar = JSON.parse(readFileSync(file, 'utf8'));

const word = alternatives => `(?<![\\w-])(${alternatives.join('|')})(?![\\w-])`;
const blockWords = ['amrap', 'AMRAP', 'emom', 'EMOM', 'every', 'for-time', 'rounds', 'round', 'sets', 'set', 'superset', 'complex', 'tabata', 'intervals',
    'warmup', 'warm-up', 'cooldown', 'cool-down', 'section', 'workout', 'exercise', 'plan', 'week', 'weeks', 'import'];
const optionWords = ['rest', 'cap', 'for', 'on', 'off', 'per', 'each', 'side', 'leg', 'arm', 'left', 'right', 'max', 'optional',
    'rpe', 'RPE', 'rir', 'RIR', 'tm', 'TM', '1rm', '1RM', 'bw', 'BW', 'bodyweight', 'level', 'progression', 'alternating', 'alternate',
    'as', 'needed', 'odd', 'even', 'min', 'minute', 'tempo', 'Tempo', 'focus'];
const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'daily', 'am', 'pm'];

const amount = '[0-9]+(?:\\.[0-9]+)?';
// The units of the lexer (src/language/workout.langium), glued to the number or after a space.
const unit = words => `(?:${words})(?![\\w%-])`;
const TIME = 'hours|hour|hrs|hr|h|minutes|minute|mins|min|seconds|second|secs|sec|s';
const DISTANCE = 'kilometers|kilometres|kilometer|kilometre|km|miles|mile|mi|meters|metres|meter|metre|m|yards|yard|yd|feet|foot|ft|inches|inch|in|cm';
const LOAD = 'kilos|kilo|kgs|kg|pounds|pound|lbs|lb|poods|pood|%';
const numeric = [
    { name: 'keyword.operator.sets.workout', match: `\\b[0-9]+\\s*[xX×](?=\\s*(?:[0-9]|max\\b|complex\\b))` },
    { name: 'constant.numeric.tempo.workout', match: `(?<![\\w-])[Tt]empo[ \\t]+[0-9xX]+(?:-[0-9xX]+)*(?![\\w%])` },
    { name: 'constant.numeric.duration.workout', match: `\\b(?:${amount}(?:${TIME}))+(?![\\w%])|\\b${amount}[ \\t]+${unit(TIME)}` },
    { name: 'constant.numeric.distance.workout', match: `\\b${amount}[ \\t]*${unit(DISTANCE)}` },
    { name: 'constant.numeric.load.workout', match: `\\b${amount}[ \\t]*${unit(LOAD)}` },
    { name: 'constant.numeric.calories.workout', match: `\\b${amount}[ \\t]*${unit('calories|calorie|cals|cal')}` },
    { name: 'constant.numeric.workout', match: `\\b${amount}\\b` },
    { name: 'keyword.operator.load.workout', match: '@' },
    { name: 'keyword.operator.amount.workout', match: '[+/]' },
    { name: 'punctuation.section.block.workout', match: '[<>]' },
    { name: 'punctuation.separator.workout', match: '[;,:]' }
];

const keywords = [
    { name: 'keyword.control.block.workout', match: word(blockWords) },
    { name: 'storage.modifier.option.workout', match: word(optionWords) },
    { name: 'entity.name.tag.day.workout', match: word(days) }
];

const kept = grammar.patterns.filter(pattern => !(pattern.name ?? '').startsWith('keyword.control'));
const comments = kept.filter(pattern => pattern.include === '#comments');
const strings = kept.filter(pattern => pattern.include !== '#comments');
grammar.patterns = [...comments, ...strings, ...numeric, ...keywords];
writeFileSync(file, JSON.stringify(grammar, null, 2) + '\n');
