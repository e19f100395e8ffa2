/**
 * Finding one's way in a coach's repository: the outline and breadcrumbs, folding, go to
 * definition, find references and rename, for exercises and workouts defined in one file and
 * used in another.
 */
import { expectFoldings, expectSymbols } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol, type Location, type Position } from 'vscode-languageserver';
import type { WorkoutServices } from '../../../src/language/workout-module.js';
import { applyEdits, changeFile, editsFor, newWorkspace, openFiles, uriOf } from './lsp-kit.js';

const EXERCISES = [
    '// Our own moves',
    'exercise kb-halo "Kettlebell halo" <',
    '  muscles: shoulders, core',
    '  equipment: kettlebell',
    '>',
    'workout strength-a "Strength A" <',
    '  warmup < 5min dynamic-stretching >',
    '  3 rounds rest 60s <',
    '    10 kb-halo',
    '    superset <',
    '      10 squats',
    '      10 push-ups',
    '    >',
    '  >',
    '  amrap 5min < 10 burpees >',
    '>',
    ''
].join('\n');

const PLAN = [
    'workout easy-day <',
    '  10 kb-halo per side',
    '  10 KB-Halo left',
    '>',
    'plan base "Base block" <',
    '  level intermediate',
    '  week 1 <',
    '    monday: 30min easy-run; strength-a',
    '    thursday: strength-a',
    '  >',
    '  week 2 <',
    '    tuesday: strength-a; easy-day',
    '  >',
    '>',
    ''
].join('\n');

async function workspace(): Promise<WorkoutServices> {
    const services = newWorkspace();
    await openFiles(services, { 'exercises.workout': EXERCISES, 'plan.workout': PLAN });
    return services;
}

function documentOf(services: WorkoutServices, name: string) {
    return services.shared.workspace.LangiumDocuments.all.find(document => document.uri.toString() === uriOf(name))!;
}

/** The position of the n-th occurrence (0-based) of `word` in a file, plus `into` characters. */
function positionOf(text: string, word: string, occurrence = 0, into = 1): Position {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(word, offset + 1);
        if (offset < 0) {
            throw new Error(`\`${word}\` occurs fewer than ${occurrence + 1} times`);
        }
    }
    const before = text.slice(0, offset + into).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** `file:line:text` for each location, sorted, so a failure reads like a search result. */
function describeLocations(locations: Location[], texts: Record<string, string>): string[] {
    return locations.map(location => {
        const name = Object.keys(texts).find(candidate => uriOf(candidate) === location.uri)!;
        const line = texts[name].split('\n')[location.range.start.line];
        return `${name}:${location.range.start.line}:${line.slice(location.range.start.character, location.range.end.character)}`;
    }).sort();
}

const TEXTS = { 'exercises.workout': EXERCISES, 'plan.workout': PLAN };

describe('outline and breadcrumbs', () => {
    it('lists exercise definitions and workouts with their blocks nested as written', async () => {
        const services = await workspace();
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(documentOf(services, 'exercises.workout'), { textDocument: { uri: uriOf('exercises.workout') } });
        const tree = (list: DocumentSymbol[] = []): unknown[] => list.map(symbol => symbol.children?.length ? [symbol.name, tree(symbol.children)] : symbol.name);
        expect(tree(symbols)).toEqual([
            'kb-halo',
            ['strength-a', ['Warm-up', ['3 rounds, rest 1min between', ['Superset']], 'AMRAP 5min']]
        ]);
        const [halo, workout] = symbols;
        expect(halo.kind).toBe(SymbolKind.Class);
        expect(halo.detail).toBe('Kettlebell halo');
        expect(workout.kind).toBe(SymbolKind.Function);
        expect(workout.detail).toBe('Strength A');
        // Blocks carry their estimate; the AMRAP is its cap.
        expect(workout.children![2].detail).toBe('5min');
    });

    it('selects the name of a workout, and a block by its header, inside the whole range', async () => {
        const services = await workspace();
        const [halo, workout] = await services.lsp.DocumentSymbolProvider!.getSymbols(documentOf(services, 'exercises.workout'), { textDocument: { uri: uriOf('exercises.workout') } });
        const lines = EXERCISES.split('\n');
        const textOf = (range: DocumentSymbol['range']) => lines[range.start.line].slice(range.start.character, range.start.line === range.end.line ? range.end.character : undefined);
        expect(textOf(halo.selectionRange)).toBe('kb-halo');
        expect(textOf(workout.selectionRange)).toBe('strength-a');
        expect(workout.range).toEqual({ start: { line: 5, character: 0 }, end: { line: 15, character: 1 } });
        const rounds = workout.children![1];
        expect(textOf(rounds.selectionRange)).toBe('3 rounds rest 60s <');
        expect(rounds.range.end.line).toBe(13);
    });

    it('lists a plan with its weeks, and workouts in the same file', async () => {
        await expectSymbols(newWorkspace())({
            text: PLAN,
            assert: symbols => {
                expect(symbols.map(symbol => [symbol.name, symbol.kind, symbol.detail])).toEqual([
                    ['easy-day', SymbolKind.Function, undefined],
                    ['base', SymbolKind.Module, 'Base block']
                ]);
                expect(symbols[1].children!.map(week => [week.name, week.detail])).toEqual([['Week 1', '2 days'], ['Week 2', '1 day']]);
            }
        });
    });

    it('names a repeated week by its range', async () => {
        await expectSymbols(newWorkspace())({
            text: 'plan p <\n  weeks 2-12 <\n    daily: 10min foam-rolling\n  >\n>\n',
            assert: symbols => expect(symbols[0].children!.map(week => week.name)).toEqual(['Weeks 2–12'])
        });
    });

    it('keeps the outline inside the text when a half-typed element ends with its line break', async () => {
        // The line break's token ends past its line (`\n` at 1:9 ends at 1:10; `\r\n` at 1:12 at 1:14):
        // an editor revealing such a range asked for a column the line does not have.
        const cases: Array<[string, DocumentSymbol['range']]> = [
            ['exercise\nintervals\n', { start: { line: 0, character: 0 }, end: { line: 1, character: 9 } }],
            ['workout w\r\n<  10 squats\r\n', { start: { line: 0, character: 0 }, end: { line: 1, character: 12 } }]
        ];
        for (const [text, range] of cases) {
            await expectSymbols(newWorkspace())({
                text,
                assert: symbols => {
                    expect(symbols[0].range).toEqual(range);
                    expect(symbols[0].selectionRange.end.line).toBeLessThanOrEqual(range.end.line);
                }
            });
        }
    });

    it('lists loose top-level blocks (the one-line form)', async () => {
        await expectSymbols(newWorkspace())({
            text: 'amrap 20min < 30 mountain-climbers; 10 burpees >\n',
            expectedSymbols: ['AMRAP 20min']
        });
    });
});

describe('folding', () => {
    it('folds every block that spans lines: definitions, workouts, nested blocks, plans and weeks', async () => {
        await expectFoldings(newWorkspace())({
            text: [
                '«exercise kb-halo <',
                '  muscles: shoulders',
                '»>',
                '«workout w <',
                '  warmup < 5min dynamic-stretching >',
                '  «3 rounds <',
                '    10 kb-halo',
                '    «superset <',
                '      10 squats',
                '      10 push-ups',
                '    »>',
                '  »>',
                '»>',
                '«plan p <',
                '  «week 1 <',
                '    monday: w',
                '  »>',
                '»>',
                ''
            ].join('\n'),
            rangeStartMarker: '«',
            rangeEndMarker: '»',
            indexMarker: '¦'
        });
    });
});

describe('go to definition', () => {
    it('goes from an exercise name to its definition in another file, whatever the case', async () => {
        const services = await workspace();
        const plan = documentOf(services, 'plan.workout');
        for (const [word, occurrence] of [['kb-halo', 0], ['KB-Halo', 0]] as const) {
            const links = await services.lsp.DefinitionProvider!.getDefinition(plan, { textDocument: { uri: uriOf('plan.workout') }, position: positionOf(PLAN, word, occurrence) });
            expect(links, word).toHaveLength(1);
            expect(links![0].targetUri).toBe(uriOf('exercises.workout'));
            expect(links![0].targetSelectionRange).toEqual({ start: { line: 1, character: 9 }, end: { line: 1, character: 16 } });
        }
    });

    it('goes from a workout named in a plan to the workout', async () => {
        const services = await workspace();
        const links = await services.lsp.DefinitionProvider!.getDefinition(documentOf(services, 'plan.workout'), { textDocument: { uri: uriOf('plan.workout') }, position: positionOf(PLAN, 'strength-a', 1) });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe(uriOf('exercises.workout'));
        expect(links![0].targetSelectionRange).toEqual({ start: { line: 5, character: 8 }, end: { line: 5, character: 18 } });
    });

    it('has nowhere to go for a catalog exercise', async () => {
        const services = await workspace();
        const links = await services.lsp.DefinitionProvider!.getDefinition(documentOf(services, 'exercises.workout'), { textDocument: { uri: uriOf('exercises.workout') }, position: positionOf(EXERCISES, 'squats') });
        expect(links ?? []).toEqual([]);
    });
});

describe('find references', () => {
    it('finds every use of an exercise across files, from the definition or from a use', async () => {
        const services = await workspace();
        const expected = ['exercises.workout:1:kb-halo', 'exercises.workout:8:kb-halo', 'plan.workout:1:kb-halo', 'plan.workout:2:KB-Halo'];
        const fromDefinition = await services.lsp.ReferencesProvider!.findReferences(documentOf(services, 'exercises.workout'), {
            textDocument: { uri: uriOf('exercises.workout') }, position: positionOf(EXERCISES, 'kb-halo'), context: { includeDeclaration: true }
        });
        expect(describeLocations(fromDefinition, TEXTS)).toEqual(expected);
        const fromUse = await services.lsp.ReferencesProvider!.findReferences(documentOf(services, 'plan.workout'), {
            textDocument: { uri: uriOf('plan.workout') }, position: positionOf(PLAN, 'KB-Halo'), context: { includeDeclaration: false }
        });
        expect(describeLocations(fromUse, TEXTS)).toEqual(expected.filter(location => location !== 'exercises.workout:1:kb-halo'));
    });

    it('finds every day a workout is planned', async () => {
        const services = await workspace();
        const references = await services.lsp.ReferencesProvider!.findReferences(documentOf(services, 'exercises.workout'), {
            textDocument: { uri: uriOf('exercises.workout') }, position: positionOf(EXERCISES, 'strength-a'), context: { includeDeclaration: true }
        });
        expect(describeLocations(references, TEXTS)).toEqual(['exercises.workout:5:strength-a', 'plan.workout:11:strength-a', 'plan.workout:7:strength-a', 'plan.workout:8:strength-a']);
    });
});

describe('rename', () => {
    async function renameAndRecheck(file: string, text: string, word: string, newName: string) {
        const services = await workspace();
        const position = positionOf(text, word);
        const range = await services.lsp.RenameProvider!.prepareRename(documentOf(services, file), { textDocument: { uri: uriOf(file) }, position });
        expect(range, `${word} can be renamed`).toBeDefined();
        const edit = await services.lsp.RenameProvider!.rename(documentOf(services, file), { textDocument: { uri: uriOf(file) }, position, newName });
        const exercises = applyEdits(EXERCISES, editsFor(edit ?? undefined, 'exercises.workout'));
        const plan = applyEdits(PLAN, editsFor(edit ?? undefined, 'plan.workout'));
        // The renamed workspace still links: nothing unknown, nothing new to fix.
        const after = await changeFile(services, 'exercises.workout', exercises);
        const planAfter = await changeFile(services, 'plan.workout', plan);
        expect(after.diagnostics, 'checked again').toBeDefined();
        expect(planAfter.diagnostics, 'checked again').toBeDefined();
        const errors = [...after.diagnostics!, ...planAfter.diagnostics!].filter(d => d.severity === 1).map(d => d.message);
        return { exercises, plan, errors };
    }

    it('renames a user-defined exercise in both files, from its definition', async () => {
        const { exercises, plan, errors } = await renameAndRecheck('exercises.workout', EXERCISES, 'kb-halo', 'kettlebell-halo');
        expect(exercises).toContain('exercise kettlebell-halo "Kettlebell halo" <');
        expect(exercises).toContain('    10 kettlebell-halo\n');
        expect(plan).toContain('  10 kettlebell-halo per side\n  10 kettlebell-halo left\n');
        expect(exercises + plan).not.toMatch(/kb-halo/i);
        expect(errors).toEqual([]);
    });

    it('renames a workout in both files, from a plan day', async () => {
        const { exercises, plan, errors } = await renameAndRecheck('plan.workout', PLAN, 'strength-a', 'legs-and-core');
        expect(exercises).toContain('workout legs-and-core "Strength A" <');
        expect(plan.match(/legs-and-core/g)).toHaveLength(3);
        expect(plan).not.toContain('strength-a');
        expect(errors).toEqual([]);
    });

    it('does not rename a catalog exercise (it is not defined in the workspace)', async () => {
        const services = await workspace();
        const range = await services.lsp.RenameProvider!.prepareRename(documentOf(services, 'exercises.workout'), {
            textDocument: { uri: uriOf('exercises.workout') }, position: positionOf(EXERCISES, 'squats')
        });
        expect(range).toBeUndefined();
    });
});
