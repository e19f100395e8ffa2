/**
 * A few large documents every run checks once, beside the random ones: the sizes random
 * generation reaches too rarely (a 100 KB line, three thousand entries, a thousand weeks, ten
 * million intervals, a 100,000-character note) and the ones that once failed (deep nesting, tens of
 * thousands of digits), so their figures are in every report. A stress case may take up to
 * `STRESS_SLOW_MS` per feature: it is large on purpose.
 */
export const STRESS_SLOW_MS = 10_000;

export interface StressCase {
    name: string;
    text: () => string;
    /** A feature slower than this is a hang (STRESS_SLOW_MS unless the case is small and only slow if something is quadratic). */
    slowMs?: number;
}

const nested = (depth: number, header = 'section "x"') => `workout deep <\n${`${header} <\n`.repeat(depth)}10 squats\n${'>\n'.repeat(depth)}>\n`;

export const STRESS_CASES: StressCase[] = [
    { name: 'ten million intervals', text: () => 'intervals 10000000 x 20s on 10s off < 10 burpees >\n' },
    { name: 'a 100 KB line', text: () => `workout long < ${'10 squats; '.repeat(9_000)}>\n` },
    { name: 'three thousand entries', text: () => `workout many <\n${'  3 x 10 goblet-squats @ 16kg rest 60s "chest up"\n'.repeat(3_000)}>\n` },
    { name: 'a thousand weeks', text: () => `workout s <\n  10 squats\n>\nplan p <\n${Array.from({ length: 1000 }, (_, i) => `  week ${i + 1} <\n    monday: 30min easy-run; s\n    sunday: 60min long-run\n  >\n`).join('')}>\n` },
    { name: 'a 100,000-character note', text: () => `workout n <\n  10 squats "${'keep going '.repeat(9_100)}"\n>\n` },
    { name: 'five hundred workouts', text: () => Array.from({ length: 500 }, (_, i) => `workout w${i} "W ${i}" <\n  amrap 10min <\n    10 burpees\n  >\n>\n`).join('') },
    { name: 'blocks nested 60 deep', text: () => nested(60, '2 rounds') },
    { name: 'blocks nested 300 deep', text: () => nested(300) },
    { name: 'blocks nested 5,000 deep', text: () => nested(5000) },
    { name: 'a 400-digit amount', text: () => `workout w <\n  ${'9'.repeat(400)} squats\n>\n` },
    { name: 'an 80,000-digit load', text: () => `workout w <\n  10 squats @ ${'9'.repeat(80_000)}kg\n>\n`, slowMs: 2000 },
    { name: 'lone CR line endings', text: () => 'workout w "W" <\r  amrap 20min <\r    30 mountain-climbers\r    10 burpees\r  >\r>\r' }
];
