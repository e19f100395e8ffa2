/**
 * What the tools know about the exercise an entry names: from the workspace's own `exercise`
 * definition when there is one (a coach's own word wins), else from the catalog. A Langium
 * service: several checks, the compiler and the editor features ask about each entry, so the
 * answer is kept per entry until its link changes (another file may define the name later).
 */
import type { Catalog } from '../core/catalog.js';
import { muscleName } from '../core/catalog.js';
import { DEFAULT_SECONDS_PER_REP, exerciseInfoFromCatalog, type ExerciseInfo } from '../core/exercise.js';
import { AMOUNT_LIMITS, parseQuantity, withinLimit } from '../core/quantities.js';
import { GrammarUtils, type Reference } from 'langium';
import type { Entry, ExerciseDef, ExerciseProp } from './generated/ast.js';

/**
 * The reference an entry's name makes, or `undefined` while the name is not typed yet: `3 x 10`,
 * `max` and `5s` are entries too, half-typed, and the parser leaves their reference out although
 * the generated type says it is always there. Every reader of an entry's name goes through here
 * (semantic tokens, hover and a check once read `entry.exercise.ref` and failed on such lines).
 */
export function exerciseReference(entry: Entry): Reference<ExerciseDef> | undefined {
    return (entry as Partial<Pick<Entry, 'exercise'>>).exercise;
}

/** The name as written; empty while the coach has not typed it yet (the parser reports that). */
export function entryName(entry: Entry): string {
    return exerciseReference(entry)?.$refText ?? '';
}

export class ExerciseResolver {
    private readonly resolved = new WeakMap<Entry, { definition: ExerciseDef | undefined; info: ExerciseInfo | undefined }>();

    constructor(readonly catalog: Catalog) {}

    resolve(entry: Entry): ExerciseInfo | undefined {
        const definition = exerciseReference(entry)?.ref;
        const cached = this.resolved.get(entry);
        if (cached && cached.definition === definition) {
            return cached.info;
        }
        let info: ExerciseInfo | undefined;
        if (definition) {
            info = this.fromDefinition(definition);
        } else {
            const found = this.catalog.find(unquote(entryName(entry)));
            info = found ? exerciseInfoFromCatalog(found) : undefined;
        }
        this.resolved.set(entry, { definition, info });
        return info;
    }

    fromDefinition(definition: ExerciseDef): ExerciseInfo {
        return exerciseInfoFromDefinition(definition, this.catalog);
    }
}

export function exerciseInfoFromDefinition(definition: ExerciseDef, catalog: Catalog): ExerciseInfo {
    const values = (key: string): string[] =>
        definition.props.filter(prop => prop.key === key).flatMap(propertyValues);
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
        secondsPerRep: perRep?.kind === 'seconds' && perRep.value > 0 ? withinLimit(perRep.value, AMOUNT_LIMITS.seconds) : base?.secondsPerRep ?? DEFAULT_SECONDS_PER_REP
    };
}

/**
 * A property's values as written: `middle back` and `pull-up bar` are one value of two words
 * (the parser joins a value's words without their space, so they are read from the text).
 */
export function propertyValues(prop: ExerciseProp): string[] {
    const nodes = prop.$cstNode ? GrammarUtils.findNodesForProperty(prop.$cstNode, 'values') : [];
    if (nodes.length !== prop.values.length) {
        return prop.values.map(unquote);
    }
    return nodes.map(node => unquote(node.text.replace(/\s+/g, ' ').trim()));
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
