/**
 * The dependency-injection module of the workout language: the parts that differ from
 * Langium's defaults are swapped in here, and only here.
 */
import { inject, type LangiumCoreServices, type Module, type PartialLangiumCoreServices } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices } from 'langium/lsp';
import { WorkoutGeneratedSharedModule, WorkoutLanguageGeneratedModule } from './generated/module.js';
import { WorkoutScopeProvider } from './workout-scope-provider.js';
import { WorkoutDocumentValidator } from './workout-document-validator.js';
import { SingleTraversalLinker, SingleTraversalReferenceDescriptions, TopLevelScopeComputation } from './workout-single-traversal.js';
import { WorkoutLexerErrorMessageProvider, WorkoutParserErrorMessageProvider } from './workout-parser-messages.js';
import { registerWorkoutChecks } from './validation/workout-validator.js';
import { relinkWhenNamesAppear } from './workout-relinker.js';
import { WorkoutCompletionProvider } from './lsp/workout-completion-provider.js';
import { WorkoutHoverProvider } from './lsp/workout-hover-provider.js';
import { WorkoutCodeActionProvider } from './lsp/workout-code-actions.js';
import { WorkoutFormatter } from './lsp/workout-formatter.js';
import { WorkoutDocumentSymbolProvider } from './lsp/workout-symbols.js';
import { WorkoutSemanticTokenProvider } from './lsp/workout-semantic-tokens.js';
import { WorkoutInlayHintProvider } from './lsp/workout-inlay-hints.js';

export type WorkoutServices = LangiumServices;

/** Core overrides, independent of any editor: the CLI and the language server both use them. */
export const WorkoutCoreModule: Module<LangiumCoreServices, PartialLangiumCoreServices> = {
    parser: {
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
        DocumentValidator: services => new WorkoutDocumentValidator(services as LangiumServices)
    }
};

/** Editor features: what the language server adds on top of the core. */
export const WorkoutLspModule: Module<LangiumServices, PartialLangiumServices> = {
    lsp: {
        CompletionProvider: services => new WorkoutCompletionProvider(services),
        HoverProvider: () => new WorkoutHoverProvider(),
        CodeActionProvider: () => new WorkoutCodeActionProvider(),
        Formatter: services => new WorkoutFormatter(services),
        DocumentSymbolProvider: () => new WorkoutDocumentSymbolProvider(),
        SemanticTokenProvider: services => new WorkoutSemanticTokenProvider(services),
        InlayHintProvider: services => new WorkoutInlayHintProvider(services)
    }
};

export function createWorkoutServices(
    context: DefaultSharedModuleContext,
    ...extraModules: Array<Module<WorkoutServices, PartialLangiumServices>>
): { shared: LangiumSharedServices; Workout: WorkoutServices } {
    const shared = inject(createDefaultSharedModule(context), WorkoutGeneratedSharedModule);
    const Workout = inject(
        createDefaultModule({ shared }),
        WorkoutLanguageGeneratedModule,
        WorkoutCoreModule as Module<WorkoutServices, PartialLangiumServices>,
        WorkoutLspModule,
        ...extraModules
    );
    shared.ServiceRegistry.register(Workout);
    registerWorkoutChecks(Workout);
    relinkWhenNamesAppear(Workout);
    if (!context.connection) {
        // Outside a language server nobody sends a configuration: start with the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Workout };
}
