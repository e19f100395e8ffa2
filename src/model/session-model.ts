/**
 * The session model: plain data compiled from a `.workout` file. `workout render --format json`
 * prints it and the preview draws it; its shape is a public contract (docs/language.md).
 */

export interface MinMax {
    min: number;
    max: number;
}

export type Side = 'both' | 'each' | 'left' | 'right';

export interface Load {
    kind: 'weight' | 'percent-1rm' | 'rpe' | 'bodyweight';
    value: number | null;
    unit: 'kg' | 'lb' | '%' | 'rpe' | null;
    optional?: boolean;
}

export interface EntryModel {
    type: 'entry';
    /** Catalog id, or the name of the file's own `exercise` definition. */
    exercise: string;
    /** The name to show a person: the catalog's or the definition's title. */
    name: string;
    /** `false` when the name matched neither the catalog nor a definition. */
    known: boolean;
    sets: number;
    reps?: MinMax;
    seconds?: MinMax;
    meters?: MinMax;
    /** `max pull-ups`: as many reps as possible. */
    maxEffort?: boolean;
    side: Side;
    load?: Load;
    restSeconds?: number;
    note?: string;
    line: number;
    estimatedSeconds: number;
}

export interface RestModel {
    type: 'rest';
    seconds: number;
    line: number;
    estimatedSeconds: number;
}

export type BlockKind = 'amrap' | 'emom' | 'for-time' | 'rounds' | 'superset' | 'intervals' | 'warmup' | 'cooldown' | 'section';

export interface BlockModel {
    type: 'block';
    kind: BlockKind;
    /** The time cap of `amrap`, `emom`, `every … for` and `for-time cap`. */
    capSeconds?: number;
    /** `every 2min for 10min`: 120. `emom` alone means 60. */
    everySeconds?: number;
    /** `3 rounds`: 3; `intervals 8 x …`: 8; `tabata`: 8. */
    rounds?: number;
    /** Rest between rounds (`3 rounds rest 60s`) or after a superset. */
    restSeconds?: number;
    workSeconds?: number;
    offSeconds?: number;
    title?: string;
    entries: ItemModel[];
    line: number;
    estimatedSeconds: number;
}

export type ItemModel = EntryModel | RestModel | BlockModel;

export interface WorkoutModel {
    id: string;
    name: string;
    line: number;
    estimatedSeconds: number;
    blocks: BlockModel[];
    /** Sets per muscle group: 1 for a primary muscle, 0.5 for a secondary one. */
    muscles: Record<string, number>;
    equipment: string[];
}

export interface PlanItemModel {
    type: 'run' | 'workout' | 'entry';
    /** Workout id or exercise id. */
    ref: string;
    name: string;
    resolved: boolean;
    strength: boolean;
    estimatedSeconds: number;
    sets: number;
    line: number;
}

export interface PlanDayModel {
    day: string;
    items: PlanItemModel[];
    line: number;
}

export interface PlanWeekModel {
    week: number;
    line: number;
    days: PlanDayModel[];
    strengthSessions: number;
    strengthSeconds: number;
    strengthSets: number;
    muscles: Record<string, number>;
    runSeconds: number;
}

export interface PlanModel {
    id: string;
    name: string;
    line: number;
    level: 'beginner' | 'intermediate' | 'advanced';
    progressionPercent: number;
    weeks: PlanWeekModel[];
}

export interface SessionModel {
    workouts: WorkoutModel[];
    plans: PlanModel[];
}
