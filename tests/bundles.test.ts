/**
 * What the shipped bundles are made of (dist/*.cjs: the command line, the language server and
 * the extension, which the .vsix carries). Garmin's FIT SDK must never be in them: its licence
 * forbids passing it on (docs/fit.md), so it is a devDependency the tests alone use to decode.
 * The FIT writer we ship instead must be there. Read from the source maps esbuild writes beside
 * each bundle; `npm test` builds them first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(__dirname, '../dist');
const bundles = existsSync(DIST) ? readdirSync(DIST).filter(name => name.endsWith('.cjs')) : [];

function sourcesOf(bundle: string): string[] {
    const map = JSON.parse(readFileSync(path.join(DIST, `${bundle}.map`), 'utf8')) as { sources: string[] };
    return map.sources;
}

describe('the bundles in dist/', () => {
    it('exist (run `npm run build` first)', () => {
        expect(bundles.sort()).toEqual(['cli.cjs', 'extension.cjs', 'server.cjs']);
    });

    it.each(bundles)('%s holds nothing of Garmin\'s FIT SDK, nor the test-only decoder', bundle => {
        expect(sourcesOf(bundle).filter(source => /@garmin[\\/]fitsdk|fit-file-parser/.test(source))).toEqual([]);
        // The SDK's files each start with its copyright and licence (the CLI's bundled package.json
        // names the devDependency, which is why the name alone is no sign).
        const code = readFileSync(path.join(DIST, bundle), 'utf8');
        expect(/Garmin International|Transfer \(FIT\) Protocol License/.exec(code)?.[0]).toBeUndefined();
    });

    it.each(['cli.cjs', 'extension.cjs'])('%s carries the MIT FIT writer that exports workouts', bundle => {
        expect(sourcesOf(bundle).some(source => source.includes('@markw65/fit-file-writer'))).toBe(true);
    });
});
