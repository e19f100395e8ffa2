/**
 * The dependency-injection module of the workout language: the parts that differ from
 * Langium's defaults are swapped in here, and only here.
 */
import { inject, URI, type LangiumCoreServices, type Module, type PartialLangiumCoreServices } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { bundledCatalog, type Catalog } from '../core/catalog.js';
import { ExerciseResolver } from './exercise-resolver.js';
import { WorkoutCompiler } from './compiler/workout-compiler.js';
import { WorkoutSettingsProvider } from './workout-settings.js';
import type { WorkoutAddedServices, WorkoutServices } from './workout-services.js';
import { WorkoutGeneratedSharedModule, WorkoutLanguageGeneratedModule } from './generated/module.js';
import { WorkoutScopeProvider } from './workout-scope-provider.js';
import { WorkoutDocumentValidator, WorkoutValidationRegistry } from './workout-document-validator.js';
import { SingleTraversalLinker, SingleTraversalReferenceDescriptions, TopLevelScopeComputation } from './workout-single-traversal.js';
import { WorkoutLexer, WorkoutTokenBuilder } from './workout-lexer.js';
import { WorkoutLexerErrorMessageProvider, WorkoutParserErrorMessageProvider } from './workout-parser-messages.js';
import { registerWorkoutChecks } from './validation/workout-validator.js';
import { WorkoutDocumentBuilder } from './workout-relinker.js';
import { WorkoutIndexManager, WorkoutLangiumDocuments } from './workspace-index.js';
import { publishOnlyChangedDiagnostics } from './workout-diagnostics-publisher.js';
import { WorkoutWorkspaceManager } from './workout-startup.js';
import { WorkoutCompletionProvider } from './lsp/workout-completion-provider.js';
import { WorkoutHoverProvider } from './lsp/workout-hover-provider.js';
import { WorkoutCodeActionProvider } from './lsp/workout-code-actions.js';
import { WorkoutFormatter } from './lsp/workout-formatter.js';
import { WorkoutDocumentSymbolProvider } from './lsp/workout-symbols.js';
import { WorkoutSemanticTokenProvider } from './lsp/workout-semantic-tokens.js';
import { WorkoutInlayHintProvider } from './lsp/workout-inlay-hints.js';

/** The added services, built from the bundled catalog unless a test passes its own. */
export function createWorkoutAddedModule(catalog: Catalog = bundledCatalog()): Module<WorkoutServices, WorkoutAddedServices> {
    return {
        catalog: { Catalog: () => catalog },
        exercises: { Resolver: services => new ExerciseResolver(services.catalog.Catalog) },
        compiler: { Compiler: services => new WorkoutCompiler(services.exercises.Resolver) },
        settings: { Settings: services => new WorkoutSettingsProvider(services.shared) }
    };
}

/** Core overrides, independent of any editor: the CLI and the language server both use them. */
export const WorkoutCoreModule: Module<LangiumCoreServices, PartialLangiumCoreServices> = {
    parser: {
        Lexer: services => new WorkoutLexer(services),
        TokenBuilder: () => new WorkoutTokenBuilder(),
        ParserErrorMessageProvider: () => new WorkoutParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new WorkoutLexerErrorMessageProvider()
    },
    references: {
        ScopeProvider: services => new WorkoutScopeProvider(services),
        Linker: services => new SingleTraversalLinker(services),
        ScopeComputation: services => new TopLevelScopeComputation(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new SingleTraversalReferenceDescriptions(services)
    },
    validation: {
        DocumentValidator: services => new WorkoutDocumentValidator(services as WorkoutServices),
        ValidationRegistry: services => new WorkoutValidationRegistry(services)
    }
};

/** Shared services: the workspace index and a builder that does cross-file work in proportion to what changed (workout-relinker.ts). */
export const WorkoutSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        LangiumDocuments: services => new WorkoutLangiumDocuments(services),
        IndexManager: services => new WorkoutIndexManager(services),
        DocumentBuilder: services => new WorkoutDocumentBuilder(services),
        WorkspaceManager: services => new WorkoutWorkspaceManager(services)
    }
};

/** Editor features: what the language server adds on top of the core. */
export const WorkoutLspModule: Module<WorkoutServices, PartialLangiumServices> = {
    lsp: {
        CompletionProvider: services => new WorkoutCompletionProvider(services),
        HoverProvider: services => new WorkoutHoverProvider(services),
        CodeActionProvider: services => new WorkoutCodeActionProvider(services),
        Formatter: services => new WorkoutFormatter(services),
        DocumentSymbolProvider: services => new WorkoutDocumentSymbolProvider(services),
        SemanticTokenProvider: services => new WorkoutSemanticTokenProvider(services),
        InlayHintProvider: services => new WorkoutInlayHintProvider(services)
    }
};

export type { WorkoutServices } from './workout-services.js';

export function createWorkoutServices(
    context: DefaultSharedModuleContext & { catalog?: Catalog },
    ...extraModules: Array<Module<WorkoutServices, PartialLangiumServices>>
): { shared: LangiumSharedServices; Workout: WorkoutServices } {
    const shared = inject(createDefaultSharedModule(context), WorkoutGeneratedSharedModule, WorkoutSharedModule);
    const Workout = inject(
        createDefaultModule({ shared }),
        WorkoutLanguageGeneratedModule,
        createWorkoutAddedModule(context.catalog),
        WorkoutCoreModule as Module<WorkoutServices, PartialLangiumServices>,
        WorkoutLspModule,
        ...extraModules
    );
    shared.ServiceRegistry.register(Workout);
    registerWorkoutChecks(Workout);
    publishOnlyChangedDiagnostics(shared);
    // A `workout.json` created, changed or deleted: the settings read it again (workout-settings.ts).
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params =>
        Workout.settings.Settings.projectFilesChanged(params.changes.map(change => URI.parse(change.uri))));
    if (!context.connection) {
        // Outside a language server nobody sends a configuration: start with the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Workout };
}
