/**
 * Parse + check, compile and render timings, in process, through the same services the command
 * line and the language server use (createWorkoutServices), with an in-memory file system.
 *
 * One run = a fresh document made from the text (the parse), added to the workspace and built
 * with validation (index, scopes, linking, checks), then removed again so every run starts from
 * the same workspace. The services (and so the parser) are created once and warmed up first, as
 * they are in a running language server.
 */
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument, type Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import { createWorkoutServices, type WorkoutServices } from '../src/language/workout-module.js';
import type { Document } from '../src/language/generated/ast.js';
import { bundledCatalog } from '../src/core/catalog.js';
import type { SessionModel } from '../src/core/session-model.js';
import { renderSessionHtml } from '../src/render/html.js';
import type { GeneratedProgram } from './generate.js';
import { gc, heapUsed, mean, median } from './stats.js';

/** Main-thread CPU milliseconds of each phase of one build (means over the runs). */
export interface PhaseTimes {
    parse: number;
    indexAndScopes: number;
    link: number;
    indexReferences: number;
    validate: number;
}

export interface CheckResult {
    runs: number;
    times: number[];
    median: number;
    /**
     * Main-thread CPU time of each run (process.threadCpuUsage): the work, whatever else the
     * machine runs. The kernel counts it in ticks of a few milliseconds, so it is averaged.
     */
    cpuTimes: number[];
    cpuMean: number;
    min: number;
    phases: PhaseTimes;
    /** Highest heapUsed seen during a run (sampled after the parse and after each build phase). */
    peakHeap: number;
    /** heapUsed before the run, after a full collection. */
    baseHeap: number;
    /** heapUsed after the run and a full collection, while the checked document is still held. */
    retainedHeap: number;
    diagnostics: Record<string, number>;
    firstErrors: string[];
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export class CheckBench {
    private readonly services: WorkoutServices;
    private readonly marks = new Map<DocumentState, number>();
    private peak = 0;
    private counter = 0;

    /** `modules` replace services, to measure a change before making it in src/. */
    constructor(...modules: Array<Module<WorkoutServices, PartialLangiumServices>>) {
        this.services = createWorkoutServices(EmptyFileSystem, ...modules).Workout;
        const builder = this.services.shared.workspace.DocumentBuilder;
        for (const state of [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
            builder.onDocumentPhase(state, () => {
                this.marks.set(state, threadCpu());
                this.sample();
            });
        }
    }

    private sample(): void {
        this.peak = Math.max(this.peak, heapUsed());
    }

    /** Parses and checks the text as a new document; returns it with its timings. */
    async checkOnce(text: string): Promise<{ document: LangiumDocument<Document>; time: number; cpu: number; phases: PhaseTimes }> {
        const shared = this.services.shared;
        const uri = URI.file(`/bench/program-${++this.counter}.workout`);
        this.marks.clear();
        const cpuStart = threadCpu();
        const start = performance.now();
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
        const parsed = threadCpu();
        this.sample();
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const end = performance.now();
        const cpu = threadCpu() - cpuStart;
        const at = (state: DocumentState) => this.marks.get(state) ?? NaN;
        return {
            document,
            time: end - start,
            cpu,
            phases: {
                parse: parsed - cpuStart,
                indexAndScopes: at(DocumentState.ComputedScopes) - parsed,
                link: at(DocumentState.Linked) - at(DocumentState.ComputedScopes),
                indexReferences: at(DocumentState.IndexedReferences) - at(DocumentState.Linked),
                validate: at(DocumentState.Validated) - at(DocumentState.IndexedReferences)
            }
        };
    }

    /**
     * Takes the document out of the workspace again, as the language server does when a file is
     * deleted: documents, index, build state, and the workspace caches (global scopes).
     */
    async remove(document: LangiumDocument): Promise<void> {
        await this.services.shared.workspace.DocumentBuilder.update([], [document.uri]);
        // The parser keeps the syntax tree of its last input until the next parse: parse an
        // empty text so the removed document can be collected.
        this.services.shared.workspace.LangiumDocumentFactory.fromString('', URI.file('/bench/empty.workout'));
    }

    async measure(program: GeneratedProgram, warmups: number, runs: number): Promise<CheckResult & { document: LangiumDocument<Document> }> {
        for (let i = 0; i < warmups; i++) {
            await this.remove((await this.checkOnce(program.text)).document);
        }
        const times: number[] = [];
        const cpuTimes: number[] = [];
        const phases: PhaseTimes[] = [];
        let peakHeap = 0;
        let baseHeap = Infinity;
        let retainedHeap = 0;
        let last: LangiumDocument<Document> | undefined;
        for (let i = 0; i < runs; i++) {
            if (last) {
                await this.remove(last);
                last = undefined;
            }
            gc();
            const base = heapUsed();
            baseHeap = Math.min(baseHeap, base);
            this.peak = base;
            const run = await this.checkOnce(program.text);
            this.sample();
            times.push(run.time);
            cpuTimes.push(run.cpu);
            phases.push(run.phases);
            peakHeap = Math.max(peakHeap, this.peak);
            last = run.document;
            gc();
            retainedHeap = Math.max(retainedHeap, heapUsed() - base);
        }
        const document = last!;
        const diagnostics: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
        const firstErrors: string[] = [];
        for (const diagnostic of document.diagnostics ?? []) {
            const severity = SEVERITY[diagnostic.severity ?? 1];
            diagnostics[severity] = (diagnostics[severity] ?? 0) + 1;
            if (severity === 'error' && firstErrors.length < 5) {
                const line = diagnostic.range.start.line;
                firstErrors.push(`line ${line + 1}: ${diagnostic.message}\n      ${program.text.split('\n')[line]}`);
            }
        }
        const phaseMean = (key: keyof PhaseTimes) => mean(phases.map(phase => phase[key]));
        return {
            runs,
            times,
            median: median(times),
            cpuTimes,
            cpuMean: mean(cpuTimes),
            min: Math.min(...times),
            phases: {
                parse: phaseMean('parse'),
                indexAndScopes: phaseMean('indexAndScopes'),
                link: phaseMean('link'),
                indexReferences: phaseMean('indexReferences'),
                validate: phaseMean('validate')
            },
            peakHeap,
            baseHeap,
            retainedHeap,
            diagnostics,
            firstErrors,
            document
        };
    }
}

/** Milliseconds of CPU time the main thread has used. */
export function threadCpu(): number {
    const usage = process.threadCpuUsage();
    return (usage.user + usage.system) / 1000;
}

/** Median time of `fn` over `runs` calls after `warmups` calls, with its last result. */
export function timeSync<T>(fn: () => T, warmups: number, runs: number): { median: number; cpuMean: number; min: number; times: number[]; result: T } {
    let result = fn();
    for (let i = 1; i < warmups; i++) {
        result = fn();
    }
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
        const cpuStart = threadCpu();
        const start = performance.now();
        result = fn();
        times.push(performance.now() - start);
        cpuTimes.push(threadCpu() - cpuStart);
    }
    return { median: median(times), cpuMean: mean(cpuTimes), min: Math.min(...times), times, result };
}

export function compileTime(document: LangiumDocument<Document>, runs: number) {
    const compiler = createWorkoutServices(EmptyFileSystem).Workout.compiler.Compiler;
    return timeSync(() => compiler.compileDocument(document.parseResult.value, 'program'), 5, runs);
}

export function renderTime(model: SessionModel, runs: number) {
    return timeSync(() => renderSessionHtml(model, { mode: 'export' }), 5, runs);
}

/** `Catalog.suggest`, as the unknown-exercise check calls it, warmed up first. */
export function suggestTime(names: readonly string[], rounds: number): { perCall: number } {
    const catalog = bundledCatalog();
    names.forEach(name => catalog.suggest(name));
    const start = performance.now();
    for (let round = 0; round < rounds; round++) {
        names.forEach(name => catalog.suggest(name));
    }
    return { perCall: (performance.now() - start) / (rounds * names.length) };
}
