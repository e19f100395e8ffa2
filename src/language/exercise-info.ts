/**
 * What the tools know about the exercise an entry names: from the file's own `exercise`
 * definition when there is one (a coach's own word wins), else from the catalog.
 */
import type { Entry, ExerciseDef } from './generated/ast.js';
import { Catalog, muscleName, type CatalogEntry, type ExerciseKind } from './catalog.js';
import { parseQuantity } from './quantities.js';

export interface ExerciseInfo {
    id: string;
    name: string;
    source: 'catalog' | 'definition';
    primaryMuscles: string[];
    secondaryMuscles: string[];
    equipment: string[];
    unilateral: boolean;
    kind: ExerciseKind;
    secondsPerRep: number;
    catalogEntry?: CatalogEntry;
}

/** Per-rep time when a definition does not say (the catalog's documented default for reps). */
export const DEFAULT_SECONDS_PER_REP = 3;

/** Keys an `exercise` definition understands, with what each expects. */
export const EXERCISE_PROPERTIES: Record<string, string> = {
    muscles: 'the muscles it works most, e.g. `muscles: quads, glutes`',
    secondary: 'muscles it works less, e.g. `secondary: core`',
    equipment: 'what to bring, e.g. `equipment: kettlebell`',
    'per-rep': 'the time one rep takes, e.g. `per-rep: 4s`',
    kind: '`reps`, `hold` or `cardio`',
    unilateral: '`yes` when it works one side at a time'
};

/** The name as written; empty while the coach has not typed it yet (the parser reports that). */
export function entryName(entry: Entry): string {
    return entry.exercise?.$refText ?? '';
}

/**
 * Each entry is resolved by several checks, the compiler and the editor features; the answer is
 * kept per entry until its link changes (another file may define the name later).
 */
const resolved = new WeakMap<Entry, { definition: ExerciseDef | undefined; info: ExerciseInfo | undefined }>();

export function resolveExercise(entry: Entry, catalog: Catalog = Catalog.default): ExerciseInfo | undefined {
    const definition = entry.exercise?.ref;
    const cached = catalog === Catalog.default ? resolved.get(entry) : undefined;
    if (cached && cached.definition === definition) {
        return cached.info;
    }
    let info: ExerciseInfo | undefined;
    if (definition) {
        info = exerciseInfoFromDefinition(definition, catalog);
    } else {
        const found = catalog.find(unquote(entryName(entry)));
        info = found ? exerciseInfoFromCatalog(found) : undefined;
    }
    if (catalog === Catalog.default) {
        resolved.set(entry, { definition, info });
    }
    return info;
}

export function exerciseInfoFromCatalog(entry: CatalogEntry): ExerciseInfo {
    return {
        id: entry.id,
        name: entry.name,
        source: 'catalog',
        primaryMuscles: [...entry.primaryMuscles],
        secondaryMuscles: [...entry.secondaryMuscles],
        equipment: [...entry.equipment],
        unilateral: entry.unilateral,
        kind: entry.kind,
        secondsPerRep: entry.secondsPerRep,
        catalogEntry: entry
    };
}

export function exerciseInfoFromDefinition(definition: ExerciseDef, catalog: Catalog = Catalog.default): ExerciseInfo {
    const values = (key: string): string[] =>
        definition.props.filter(prop => prop.key === key).flatMap(prop => prop.values.map(unquote));
    // Coaches write `quads` and `core`; the catalog says `quadriceps` and `abdominals`.
    const muscles = (key: string) => values(key).map(word => muscleName(word) ?? word);
    const perRep = parseQuantity(values('per-rep')[0] ?? '');
    const kind = values('kind')[0];
    // A definition that shadows a catalog exercise keeps the catalog's facts it does not restate.
    const base = catalog.find(unquote(definition.name));
    return {
        id: unquote(definition.name),
        name: definition.title ? definition.title : unquote(definition.name),
        source: 'definition',
        primaryMuscles: values('muscles').length ? muscles('muscles') : [...base?.primaryMuscles ?? []],
        secondaryMuscles: values('secondary').length ? muscles('secondary') : [...base?.secondaryMuscles ?? []],
        equipment: values('equipment').length ? values('equipment').filter(item => item !== 'none') : [...base?.equipment ?? []],
        unilateral: values('unilateral').length ? ['yes', 'true'].includes(values('unilateral')[0]) : base?.unilateral ?? false,
        kind: kind === 'hold' || kind === 'cardio' || kind === 'reps' ? kind : base?.kind ?? 'reps',
        secondsPerRep: perRep?.kind === 'seconds' && perRep.value > 0 ? perRep.value : base?.secondsPerRep ?? DEFAULT_SECONDS_PER_REP
    };
}

/** Quoted names and titles arrive with their quotes from the parser. */
export function unquote(text: string | undefined): string {
    if (text === undefined) {
        // A half-typed file parses into nodes with parts missing; the parser reports what is missing.
        return '';
    }
    if (/^(["']).*\1$/s.test(text) && text.length >= 2) {
        return text.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    // A quote left open (reported as a syntax error) still names what it holds.
    return /^["']/.test(text) ? text.slice(1).replace(/\\(.)/g, '$1') : text;
}
