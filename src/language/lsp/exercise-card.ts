/**
 * The exercise card shown on hover and in completion details. Markdown built from catalog
 * facts and the coach's own definitions: every piece of text is escaped, so a name like
 * `[x](command:…)` shows as text and never becomes a link.
 */
import type { ExerciseInfo } from '../../core/exercise.js';
import { formatSeconds } from '../../core/quantities.js';

/**
 * User text as Markdown text. Besides the characters that make Markdown, `:`, `/`, `@` and `.`
 * are escaped: an editor that turns URLs into links (markdown-it's `linkify`, GitHub-style
 * autolinks) sees `https\:\/\/…`, `mailto\:`, `evil\.com`, no URL, so a name never becomes a link.
 */
export function escapeMarkdownText(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:/@]/g, match => `\\${match}`).replace(/[\r\n]+/g, ' ');
}

/** Inline code for user text: shown verbatim (no escapes inside code), fenced by more backticks than it holds. */
export function codeSpan(text: string): string {
    const flat = text.replace(/[\r\n]+/g, ' ');
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}

export function exerciseDetail(info: ExerciseInfo): string {
    const muscles = info.primaryMuscles.join(', ') || 'no muscle listed';
    const equipment = info.equipment.length ? info.equipment.join(', ') : 'bodyweight';
    return `${muscles} · ${equipment}`;
}

export function exerciseCard(info: ExerciseInfo): string {
    const e = escapeMarkdownText;
    const lines = [`**${e(info.name)}** ${codeSpan(info.id)}`, ''];
    const aliases = info.catalogEntry?.aliases ?? [];
    if (aliases.length) {
        lines.push(`Also: ${aliases.map(e).join(', ')}`, '');
    }
    lines.push(`- Muscles: ${info.primaryMuscles.map(e).join(', ') || '—'}`);
    if (info.secondaryMuscles.length) {
        lines.push(`- Also works: ${info.secondaryMuscles.map(e).join(', ')}`);
    }
    lines.push(`- Equipment: ${info.equipment.length ? info.equipment.map(e).join(', ') : 'none (bodyweight)'}`);
    if (info.catalogEntry?.level) {
        lines.push(`- Level: ${e(info.catalogEntry.level)}`);
    }
    lines.push(`- ${info.unilateral ? 'One side at a time: write `per side`, `left` or `right`' : 'Both sides together'}`);
    lines.push(info.kind === 'reps' ? `- About ${formatSeconds(info.secondsPerRep)} per rep` : `- Written in ${info.kind === 'hold' ? 'time held' : 'time or distance'}`);
    lines.push('', info.source === 'catalog' ? '_From the exercise catalog_' : '_Defined in this workspace_');
    return lines.join('\n');
}
