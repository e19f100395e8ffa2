/**
 * The follow-along timer the exported page inlines (src/webview/timer.ts, bundled by
 * esbuild.mjs to dist/webview/timer.js). The bundled command line finds it beside itself
 * (dist/cli.cjs → dist/webview/timer.js); run from the sources (tests), in the project's dist/.
 * When it is not there (not built), the page is rendered without its Play buttons.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Far more than the bundle (about 10 KB); a larger file is not ours. */
const MAX_BYTES = 512 * 1024;

/** Where the bundle may be, nearest first. */
export function timerScriptCandidates(): string[] {
    const here = path.dirname(fileURLToPath(import.meta.url));
    return [path.join(here, 'webview', 'timer.js'), path.join(here, '..', '..', 'dist', 'webview', 'timer.js')];
}

/** The timer's script, or undefined when none of the candidates is a readable file of sane size. */
export async function readTimerScript(candidates: readonly string[] = timerScriptCandidates()): Promise<string | undefined> {
    for (const candidate of candidates) {
        try {
            const stat = await fs.stat(candidate);
            if (stat.isFile() && stat.size > 0 && stat.size <= MAX_BYTES) {
                return await fs.readFile(candidate, 'utf8');
            }
        } catch {
            // Not built there: try the next place.
        }
    }
    return undefined;
}
