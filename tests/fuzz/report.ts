/**
 * Failures collected over a run, grouped so that a report lists each kind once, with how often
 * it happened, the seed that replays its first occurrence and an excerpt of that document.
 */
import type { Failure } from './document-check.js';
import { KNOWN_OPEN } from './known-open.js';

export interface Occurrence extends Failure {
    /** What replays it: `--seed N` for a document, `server seed N edit M`, a stress case's name. */
    where: string;
    /** The start of the input, for the report. */
    excerpt?: string;
}

export interface Group {
    key: string;
    count: number;
    first: Occurrence;
}

/** Numbers, positions and seeds vary between occurrences of one failure: leave them out of its key. */
function keyOf(failure: Failure): string {
    return [failure.known ?? 'new', failure.property, failure.feature, failure.message.replace(/[0-9]+/g, 'N').slice(0, 100)].join(' | ');
}

export class FailureLog {
    private readonly groups = new Map<string, Group>();
    total = 0;
    known = 0;

    add(occurrence: Occurrence): void {
        this.total++;
        if (occurrence.known) {
            this.known++;
        }
        const key = keyOf(occurrence);
        const group = this.groups.get(key);
        if (group) {
            group.count++;
        } else {
            this.groups.set(key, { key, count: 1, first: occurrence });
        }
    }

    get newFailures(): number {
        return this.total - this.known;
    }

    all(): Group[] {
        return [...this.groups.values()].sort((a, b) => Number(!!a.first.known) - Number(!!b.first.known) || b.count - a.count);
    }

    /** The report's lines: new failures first, then the known-open ones by issue item. */
    lines(limit = 40): string[] {
        const lines: string[] = [];
        const groups = this.all();
        const fresh = groups.filter(group => !group.first.known);
        if (fresh.length > 0) {
            lines.push(`NEW failures (${this.newFailures}):`);
            for (const group of fresh.slice(0, limit)) {
                lines.push(`  ${group.count}× ${group.first.property} in ${group.first.feature}: ${oneLine(group.first.message, 240)}`,
                    `     replay: ${group.first.where}${group.first.excerpt ? `  input: ${JSON.stringify(group.first.excerpt)}` : ''}`);
            }
        }
        for (const known of KNOWN_OPEN) {
            const mine = groups.filter(group => group.first.known === known.id);
            if (mine.length === 0) {
                continue;
            }
            const count = mine.reduce((sum, group) => sum + group.count, 0);
            lines.push(`known-open ${known.id} (${count}): ${known.issue}`);
            for (const group of mine.slice(0, 4)) {
                lines.push(`  ${group.count}× ${group.first.property} in ${group.first.feature}: ${oneLine(group.first.message, 160)}`,
                    `     replay: ${group.first.where}`);
            }
        }
        return lines;
    }
}

/** A message on one line, cut to `length`. */
export function oneLine(text: string, length: number): string {
    return text.replace(/\s+/g, ' ').slice(0, length);
}

export function excerpt(text: string, length = 160): string {
    return text.length <= length ? text : `${text.slice(0, length)}… (${text.length} characters)`;
}
