// Types of what tests import from build-catalog.mjs (the script itself is plain JavaScript).

export interface BuiltEntry {
    readonly id: string;
    readonly name: string;
    readonly aliases: readonly string[];
    readonly equipment: readonly string[];
    readonly category: string;
}

/** One line per name that would change the movement silently; [] when the catalog is clean. */
export function auditCatalog(entries: readonly BuiltEntry[], allowPlain?: readonly string[]): string[];
/** Plain names reviewed as meaning the implement their entry uses. */
export const ALLOWED_PLAIN_NAMES: readonly string[];
export const SECONDS_PER_REP: Readonly<Record<string, number>>;
export const SECONDS_PER_METER: Readonly<Record<string, number>>;
export function displayName(datasetName: string): string;
export function lookupKey(name: string): string;
