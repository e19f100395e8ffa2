// Reads and writes data/catalog.json in the one layout both catalog scripts use: a small header,
// then one entry per line, so a change to one exercise is a one-line diff.
//   scripts/build-catalog.mjs          builds the entries from the dataset and the additions
//   scripts/map-garmin-exercises.mjs   adds each entry's Garmin exercise (docs/fit.md)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** `{ header, entries }` of a catalog file; the header is every top-level field but `entries`. */
export function readCatalogFile(path) {
    const { entries, ...header } = JSON.parse(readFileSync(path, 'utf8'));
    return { header, entries };
}

/** Writes the header (with `count` last, counted here) and the entries, one per line. */
export function writeCatalogFile(path, header, entries) {
    const { count: _count, ...fields } = header;
    const lines = Object.entries({ ...fields, count: entries.length }).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    const body = entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `{\n${lines.join('\n')}\n  "entries": [\n${body}\n  ]\n}\n`);
}
