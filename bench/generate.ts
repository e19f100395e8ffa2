/**
 * Generated `.workout` programs for the benchmarks: what a coach's repository looks like when it
 * grows large. Every block kind, entries with sets, ranges, durations, distances, sides, loads,
 * rests and notes, comments of both kinds, `;` separators, the one-line form, catalog names
 * written as ids, aliases and quoted display names, and the coach's own `exercise` definitions.
 *
 * The output is deterministic (a seeded generator) and meant to be clean: the benchmark checks
 * that it has no errors, so the timings are those of a valid program, not of error recovery.
 */
import { bundledCatalog, Catalog, type CatalogEntry } from '../src/core/catalog.js';

/** mulberry32: a small, fast, seeded pseudo-random generator (same program on every machine). */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const NOTES = [
    'knees track over the toes', 'brace before each rep', 'slow on the way down, 3 seconds',
    'stop two reps short of failure', 'breathe out on the effort', 'hips stay level',
    'chest up, back flat', 'full range before adding load', 'easy pace, you should be able to talk',
    'drop to the knees if form breaks', 'pause one second at the top', 'land softly'
];

const COMMENTS = [
    'keep the first weeks light', 'swap for the bike if the knee complains', 'from the strength plan, week 3',
    'optional if short on time', 'coach: check the hinge on video', 'athlete prefers mornings',
    'progress the load when all sets feel easy', 'hold times build by 5s a week'
];

const SECTIONS = ['Legs', 'Hips', 'Core', 'Upper body', 'Power', 'Balance', 'Mobility', 'Posterior chain'];

interface Pools {
    reps: CatalogEntry[];
    holds: CatalogEntry[];
    cardio: CatalogEntry[];
    /** Reps exercises quick enough for an EMOM minute. */
    quick: CatalogEntry[];
}

function pools(catalog: Catalog): Pools {
    const usable = catalog.entries().filter(entry => NAME.test(entry.id));
    const reps = usable.filter(entry => entry.kind === 'reps');
    return {
        reps,
        holds: usable.filter(entry => entry.kind === 'hold'),
        cardio: usable.filter(entry => entry.kind === 'cardio'),
        quick: reps.filter(entry => entry.secondsPerRep <= 3 && !entry.unilateral)
    };
}

class Writer {
    readonly lines: string[] = [];
    bytes = 0;

    line(text: string): void {
        this.lines.push(text);
        this.bytes += Buffer.byteLength(text) + 1;
    }
}

class ProgramGenerator {
    private readonly next: () => number;
    private readonly pools: Pools;
    private definitions: string[] = [];
    private definitionCount = 0;
    private workoutCount = 0;
    /** Names of the workouts written, in order (the workspace generator reads them for plans). */
    readonly workoutNames: string[] = [];
    /** How often a strength entry names one of the coach's own exercises, once there are some. */
    definitionChance = 0.08;

    constructor(seed: number, catalog: Catalog = bundledCatalog()) {
        this.next = random(seed);
        this.pools = pools(catalog);
    }

    private int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    private chance(p: number): boolean {
        return this.next() < p;
    }

    private pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** The name as coaches write it: mostly the id, sometimes an alias or the quoted display name. */
    private nameOf(entry: CatalogEntry): string {
        const roll = this.next();
        const alias = entry.aliases.find(candidate => NAME.test(candidate));
        if (roll < 0.1 && alias) {
            return alias;
        }
        if (roll < 0.18 && !entry.name.includes('"') && !entry.name.includes('\\')) {
            return `"${entry.name}"`;
        }
        return entry.id;
    }

    private side(entry: CatalogEntry | undefined): string {
        if (!entry?.unilateral) {
            return '';
        }
        return ' ' + this.pick(['per side', 'per leg', 'per arm', 'each side', 'left', 'right']);
    }

    private load(): string {
        const roll = this.next();
        if (roll < 0.45) return '';
        if (roll < 0.65) return ` @ ${this.int(4, 40) * 2}kg`;
        if (roll < 0.72) return ` @ ${this.int(5, 60) * 5}lb`;
        if (roll < 0.82) return ` @ ${this.int(12, 17) * 5}%`;
        if (roll < 0.9) return ` @ rpe ${this.int(5, 9)}`;
        if (roll < 0.95) return ` @ ${this.int(2, 10)}kg optional`;
        return ' @ bw';
    }

    private extras(): string {
        let text = '';
        if (this.chance(0.35)) text += ` rest ${this.pick(['30s', '45s', '60s', '90s', '2min'])}`;
        if (this.chance(0.25)) text += ` "${this.pick(NOTES)}"`;
        if (this.chance(0.08)) text += ` // ${this.pick(COMMENTS)}`;
        return text;
    }

    /** A strength entry: sets, reps or a rep range, side, load, rest, note. */
    private repsEntry(): string {
        if (this.definitions.length > 0 && this.chance(this.definitionChance)) {
            return `${this.int(2, 4)} x ${this.int(6, 12)} ${this.pick(this.definitions)}${this.extras()}`;
        }
        const entry = this.pick(this.pools.reps);
        const sets = this.chance(0.6) ? `${this.int(2, 5)}${this.chance(0.5) ? ' x ' : 'x'}` : '';
        const amount = this.chance(0.1) ? 'max' : this.chance(0.3) ? `${this.int(5, 8)}-${this.int(10, 15)}` : `${this.int(5, 20)}`;
        return `${sets}${amount} ${this.nameOf(entry)}${this.side(entry)}${this.load()}${this.extras()}`;
    }

    /** A timed hold: `30s plank`, `2 x 20-30s side-plank per side`. */
    private holdEntry(maxSeconds = 60): string {
        const entry = this.pick(this.pools.holds);
        const sets = this.chance(0.5) ? `${this.int(2, 3)} x ` : '';
        const low = this.int(2, Math.max(2, maxSeconds / 10 - 1)) * 5;
        const amount = this.chance(0.3) ? `${low}-${low + 10}s` : `${low}s`;
        return `${sets}${amount} ${this.nameOf(entry)}${this.side(entry)}${this.chance(0.2) ? ` "${this.pick(NOTES)}"` : ''}`;
    }

    /** Cardio by time or distance: `400m run`, `20min easy-run`, `1.5km rowing`. */
    private cardioEntry(): string {
        const entry = this.pick(this.pools.cardio);
        const amount = this.pick([`${this.int(2, 8) * 100}m`, `${this.int(1, 5)}km`, `${this.int(2, 10)}min`, `${this.int(3, 9) * 10}s`]);
        return `${amount} ${this.nameOf(entry)}${this.chance(0.15) ? ` "${this.pick(NOTES)}"` : ''}`;
    }

    /** A short entry that fits an EMOM minute or an AMRAP round without timed work. */
    private quickEntry(): string {
        const entry = this.pick(this.pools.quick);
        return `${this.int(5, 8)} ${this.nameOf(entry)}${this.chance(0.3) ? this.load() : ''}`;
    }

    private block(out: Writer, indent: string, header: string, items: string[]): void {
        out.line(`${indent}${header} <`);
        for (const item of items) {
            out.line(`${indent}  ${item}`);
        }
        out.line(`${indent}>`);
    }

    private definition(out: Writer): void {
        const name = `coach-move-${++this.definitionCount}`;
        out.line(`exercise ${name} "Coach move ${this.definitionCount}" <`);
        out.line(`  muscles: ${this.pick(['quads, glutes', 'glutes, hamstrings', 'core', 'shoulders, triceps', 'lats, biceps'])}`);
        if (this.chance(0.5)) out.line(`  secondary: ${this.pick(['core', 'calves', 'forearms', 'lower-back'])}`);
        out.line(`  equipment: ${this.pick(['kettlebell', 'dumbbell', 'band', 'none', 'box'])}`);
        out.line(`  per-rep: ${this.int(2, 5)}s`);
        if (this.chance(0.3)) out.line(`  kind: reps`);
        out.line('>');
        out.line('');
        this.definitions.push(name);
    }

    private repeat(count: number, make: () => string): string[] {
        return Array.from({ length: count }, make);
    }

    /** One workout: a warm-up, three to five main blocks of different kinds, a cool-down. */
    workout(out: Writer): void {
        const n = ++this.workoutCount;
        if (this.chance(0.5)) out.line(`// Session ${n}: ${this.pick(COMMENTS)}`);
        out.line(`workout session-${n} "Session ${n}" <`);
        this.workoutNames.push(`session-${n}`);
        this.block(out, '  ', 'warmup', [`${this.int(3, 8)}min ${this.pick(['dynamic-stretching', 'jumping-jacks', 'easy-run', 'jump-rope'])}`, ...this.repeat(this.int(0, 2), () => this.quickEntry())]);
        const kinds = ['section', 'rounds', 'superset', 'amrap', 'emom', 'every', 'for-time', 'tabata', 'intervals', 'one-line', 'loose'];
        const count = this.int(3, 5);
        for (let i = 0; i < count; i++) {
            const kind = kinds[(n * 3 + i * 5) % kinds.length];
            this.mainBlock(out, kind);
            if (this.chance(0.3)) out.line(`  rest ${this.pick(['1min', '2min', '90s', '3min'])}`);
        }
        if (this.chance(0.3)) out.line(`  /* ${this.pick(COMMENTS)} */`);
        this.block(out, '  ', 'cooldown', [`${this.int(3, 8)}min ${this.pick(['foam-rolling', 'static-stretching', 'walk'])}`, ...this.repeat(this.int(0, 2), () => this.holdEntry(45))]);
        out.line('>');
        out.line('');
    }

    private mainBlock(out: Writer, kind: string): void {
        switch (kind) {
            case 'section':
                out.line(`  section "${this.pick(SECTIONS)}" <`);
                for (const entry of this.repeat(this.int(2, 4), () => this.repsEntry())) out.line(`    ${entry}`);
                this.block(out, '    ', 'superset', this.repeat(2, () => this.repsEntry()));
                out.line(`    ${this.holdEntry()}`);
                out.line('  >');
                break;
            case 'rounds':
                this.block(out, '  ', `${this.int(2, 5)} ${this.pick(['rounds', 'sets'])}${this.chance(0.6) ? ` rest ${this.pick(['60s', '90s', '2min'])}` : ''}`,
                    [...this.repeat(this.int(3, 6), () => this.repsEntry()), this.holdEntry(), this.cardioEntry()]);
                break;
            case 'superset':
                this.block(out, '  ', `superset${this.chance(0.5) ? ' rest 90s' : ''}`, this.repeat(this.int(2, 3), () => this.repsEntry()));
                break;
            case 'amrap':
                this.block(out, '  ', `amrap ${this.int(8, 20)}min`, [...this.repeat(this.int(3, 6), () => this.quickEntry()), this.holdEntry(30)]);
                break;
            case 'emom':
                this.block(out, '  ', `emom ${this.int(8, 16)}min`, this.repeat(this.int(1, 2), () => this.quickEntry()));
                break;
            case 'every':
                this.block(out, '  ', `every 2min for ${this.int(5, 8) * 2}min`, [...this.repeat(this.int(2, 3), () => this.quickEntry()), `100m ${this.pick(['run', 'rowing'])}`]);
                break;
            case 'for-time':
                this.block(out, '  ', this.chance(0.5) ? `for-time cap ${this.int(12, 25)}min` : 'for-time',
                    [...this.repeat(this.int(3, 5), () => this.repsEntry().replace(/ rest [0-9a-z]+/, '')), `${this.int(4, 8) * 100}m run`]);
                break;
            case 'tabata':
                this.block(out, '  ', 'tabata', this.repeat(2, () => `20s ${this.nameOf(this.pick(this.pools.quick))}`));
                break;
            case 'intervals':
                this.block(out, '  ', `intervals ${this.int(6, 10)} x ${this.pick(['20s', '30s', '40s'])} on ${this.pick(['10s', '20s', '30s'])} off`,
                    this.repeat(this.int(2, 3), () => `max ${this.nameOf(this.pick(this.pools.quick))}`));
                break;
            case 'one-line':
                out.line(`  amrap ${this.int(5, 12)}min < ${this.repeat(this.int(2, 3), () => this.quickEntry()).join('; ')} >`);
                break;
            default:
                // Entries written straight in the workout, some `;`-separated on one line.
                out.line(`  ${this.repsEntry().replace(/ \/\/.*$/, '')}; ${this.quickEntry()}`);
                out.line(`  ${this.cardioEntry()}`);
                out.line(`  ${this.repsEntry()}`);
        }
    }

    /** `count` exercise definitions, the shared file of a workspace; later entries use them. */
    sharedDefinitions(out: Writer, count: number): void {
        out.line('// The coach\'s own exercises, shared by every session of the workspace.');
        out.line('');
        for (let i = 0; i < count; i++) {
            this.definition(out);
        }
    }

    /** Whole workouts until the file has at least `lines` lines. */
    workouts(out: Writer, lines: number): void {
        while (out.lines.length < lines) {
            this.workout(out);
        }
    }

    /** Workouts (and every few, an exercise definition) until the writer is full. */
    fill(out: Writer, full: (out: Writer) => boolean): void {
        out.line('// Generated by bench/generate.ts: a large training program for the benchmarks.');
        out.line('');
        while (!full(out)) {
            if (this.workoutCount % 8 === 0) {
                this.definition(out);
            }
            this.workout(out);
        }
    }
}

export interface GeneratedProgram {
    text: string;
    lines: number;
    bytes: number;
    workouts: number;
}

function finish(out: Writer): GeneratedProgram {
    const text = out.lines.join('\n') + '\n';
    return { text, lines: out.lines.length, bytes: Buffer.byteLength(text), workouts: out.lines.filter(line => line.startsWith('workout ')).length };
}

/**
 * A program of exactly `lines` lines: whole workouts while they fit, then one last workout of
 * loose entries that fills the remaining lines.
 */
export function programOfLines(lines: number, seed = 2000): GeneratedProgram {
    const generator = new ProgramGenerator(seed);
    const out = new Writer();
    generator.fill(out, current => current.lines.length >= lines - 80);
    const remaining = lines - out.lines.length;
    out.line('workout the-rest "Accessory work" <');
    for (let i = 0; i < remaining - 2; i++) {
        out.line(`  ${i % 2 === 0 ? '3 x 12' : '2 x 30s'} ${i % 2 === 0 ? 'glute-bridges' : 'plank'}`);
    }
    out.line('>');
    return finish(out);
}

/** A program of at least `bytes` bytes (whole workouts). */
export function programOfBytes(bytes: number, seed = 1000000): GeneratedProgram {
    const generator = new ProgramGenerator(seed);
    const out = new Writer();
    generator.fill(out, current => current.bytes >= bytes);
    return finish(out);
}

/** A coach's repository: one shared file of exercises, plans, and many short session files. */
export interface GeneratedWorkspace {
    /** Path relative to the workspace folder → text. */
    files: Map<string, string>;
    /** The shared exercise definitions' file and the names it defines. */
    exercisesFile: string;
    exerciseNames: string[];
    /** Which files use each shared exercise (by path). */
    usersOf: Map<string, string[]>;
    /** Which plans name a workout of each session file (by path). */
    plansOf: Map<string, string[]>;
    sessionFiles: string[];
    planFiles: string[];
    lines: number;
    bytes: number;
}

export const SHARED_EXERCISES = 40;

/**
 * A workspace of `count` files as a coach's repository grows: `exercises.workout` with 40 shared
 * exercise definitions, a tenth of the files (at most 50) plans that schedule the workspace's
 * workouts, the rest session files of 30–60 lines (one or two workouts each) in folders of 100,
 * whose entries name catalog exercises and, about one strength entry in seven, a shared one.
 */
export function workspaceOf(count: number, seed = 3000): GeneratedWorkspace {
    const generator = new ProgramGenerator(seed);
    generator.definitionChance = 0.15;
    const next = random(seed + 1);
    const files = new Map<string, string>();
    const exercisesFile = 'exercises.workout';
    const shared = new Writer();
    generator.sharedDefinitions(shared, SHARED_EXERCISES);
    const exerciseNames = Array.from({ length: SHARED_EXERCISES }, (_, i) => `coach-move-${i + 1}`);
    files.set(exercisesFile, finish(shared).text);

    const planCount = Math.min(50, Math.max(1, Math.round(count / 10)));
    const sessionCount = count - 1 - planCount;
    const sessionFiles: string[] = [];
    const workoutsOf = new Map<string, string>();
    for (let i = 0; i < sessionCount; i++) {
        const file = `sessions/${String(Math.floor(i / 100)).padStart(2, '0')}/session-${String(i + 1).padStart(4, '0')}.workout`;
        const out = new Writer();
        out.line(`// Sessions for group ${Math.floor(i / 100) + 1}.`);
        // Whole workouts while the file stays within 60 lines, until it has 30.
        for (let tries = 0; out.lines.length < 30 && tries < 10; tries++) {
            const piece = new Writer();
            generator.workouts(piece, 1);
            const name = generator.workoutNames[generator.workoutNames.length - 1];
            if (out.lines.length + piece.lines.length <= 60 || out.lines.length === 1) {
                piece.lines.forEach(line => out.line(line));
                workoutsOf.set(name, file);
            }
        }
        files.set(file, finish(out).text);
        sessionFiles.push(file);
    }

    const workoutNames = [...workoutsOf.keys()];
    const planFiles: string[] = [];
    const plansOf = new Map<string, string[]>();
    for (let p = 1; p <= planCount; p++) {
        const file = `plans/plan-${String(p).padStart(2, '0')}.workout`;
        const a = workoutNames[Math.floor(next() * workoutNames.length)];
        const b = workoutNames[Math.floor(next() * workoutNames.length)];
        const weeks = 4 + Math.floor(next() * 3);
        const out = new Writer();
        out.line(`plan plan-${p} "Plan ${p}" <`);
        out.line(`  level ${next() < 0.5 ? 'beginner' : 'intermediate'}`);
        out.line('  progression 10%');
        for (let w = 1; w <= weeks; w++) {
            out.line(`  week ${w} <`);
            out.line(`    monday: 30min easy-run; ${a}`);
            out.line('    wednesday: 6 x 400m interval-run rest 90s');
            out.line(`    thursday: 30min easy-run; ${b}`);
            out.line(`    sunday: ${50 + w * 5}min long-run`);
            out.line('  >');
        }
        out.line('>');
        files.set(file, finish(out).text);
        planFiles.push(file);
        for (const name of new Set([a, b])) {
            const session = workoutsOf.get(name)!;
            plansOf.set(session, [...plansOf.get(session) ?? [], file]);
        }
    }

    const usersOf = new Map<string, string[]>(exerciseNames.map(name => [name, []]));
    for (const [file, text] of files) {
        if (file === exercisesFile) continue;
        for (const name of exerciseNames) {
            if (new RegExp(`\\s${name}(\\s|$)`, 'm').test(text)) {
                usersOf.get(name)!.push(file);
            }
        }
    }
    let lines = 0;
    let bytes = 0;
    for (const text of files.values()) {
        lines += text.split('\n').length - 1;
        bytes += Buffer.byteLength(text);
    }
    return { files, exercisesFile, exerciseNames, usersOf, plansOf, sessionFiles, planFiles, lines, bytes };
}
