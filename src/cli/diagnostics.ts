/**
 * Diagnostics as the command line prints them: `file:line:col severity message [code]`, or
 * the JSON objects of docs/language.md.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { codeOf } from './engine.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface ReportedDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

const SEVERITIES: Severity[] = ['error', 'error', 'warning', 'info', 'hint'];

export function toReported(file: string, diagnostic: Diagnostic): ReportedDiagnostic {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITIES[diagnostic.severity ?? 1],
        code: codeOf(diagnostic),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}

export function sortReported(list: ReportedDiagnostic[]): ReportedDiagnostic[] {
    return list.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function formatText(diagnostic: ReportedDiagnostic): string {
    return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.message} [${diagnostic.code}]`;
}
