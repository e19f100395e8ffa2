// Types of scripts/browser.mjs for the TypeScript tests (tests/browser/).
import type { Browser } from 'playwright-core';

/** The flags every launch gets. */
export declare const QUIET_ARGS: readonly string[];

/** The Chromium to launch (WORKOUT_E2E_CHROMIUM, else the one of @sparticuz/chromium, unpacked when needed). */
export declare function findChromium(): Promise<{ executablePath: string; source: string; env?: Record<string, string> }>;

/** Launches that Chromium headless with the quiet flags. */
export declare function launchBrowser(): Promise<Browser>;
