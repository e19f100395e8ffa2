/**
 * What the command line uses of the rest of the project: the language (parse, link, check),
 * the session model compiled from a file, and its renderings.
 *
 * Every import the CLI makes from outside src/cli is here, so that moving the language, the
 * model or the renderers to other folders changes this one file.
 */
export { createWorkoutServices } from '../language/workout-module.js';
export { isImport, type Document } from '../language/generated/ast.js';
export { IssueCodes } from '../language/validation/issue-codes.js';
export { blockingErrors, codeOf } from '../language/validation/issue-codes.js';
export { keepRangesInsideText } from '../language/text-ranges.js';
export type { WorkoutServices } from '../language/workout-module.js';
export { projectFileDiagnostics, type ProjectFile, type ProjectFiles } from '../language/workout-settings.js';
export { MAX_SETTINGS_FILE_BYTES } from '../core/settings-file.js';
export { diffSessions } from '../core/diff.js';
export type { AthleteModel, SessionModel } from '../core/session-model.js';
export { forAthlete } from '../core/athlete.js';
export { renderDiffText } from '../render/diff.js';
export { renderSessionFit, type FitFile } from '../render/fit.js';
export { renderSessionHtml } from '../render/html.js';
export { isoDate, parseMonday, renderPlansIcs, type CalendarDate } from '../render/ics.js';
export { renderSessionMarkdown } from '../render/markdown.js';
