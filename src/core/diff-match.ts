/**
 * How the diff pairs the items of two versions (workouts, plans, weeks, a day's sessions, a
 * block's entries), in time and memory that grow with their number, not its square: a program
 * of tens of thousands of entries, or of thousands of weeks, is compared in moments.
 */

export interface Pairing<T> {
    /** Items found on both sides, in the order of the first. */
    pairs: Array<[T, T]>;
    /** Items of the first side without a counterpart, in its order. */
    removed: T[];
    /** Items of the second side without a counterpart, in its order. */
    added: T[];
}

/**
 * Pairs the items that share a key, by position among equals: the first `a` before with the
 * first `a` after, the second with the second. Two workouts of a file that share an id (an
 * error the checks report) are each compared with their own counterpart, so a file diffed
 * with itself is no change.
 */
export function pairByKey<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string | number): Pairing<T> {
    const waiting = new Map<string | number, { items: T[]; next: number }>();
    for (const item of after) {
        const key = keyOf(item);
        const queue = waiting.get(key) ?? { items: [], next: 0 };
        queue.items.push(item);
        waiting.set(key, queue);
    }
    const pairs: Array<[T, T]> = [];
    const removed: T[] = [];
    const paired = new Set<T>();
    for (const item of before) {
        const queue = waiting.get(keyOf(item));
        if (queue && queue.next < queue.items.length) {
            const counterpart = queue.items[queue.next++];
            paired.add(counterpart);
            pairs.push([item, counterpart]);
        } else {
            removed.push(item);
        }
    }
    return { pairs, removed, added: after.filter(item => !paired.has(item)) };
}

/**
 * The work the shortest edit may take, in steps: (entries before + after) × edits. 20 million
 * steps take about 0.1 s: a block of 5,000 entries may differ by 2,000 edits, one of 40,000
 * entries by 250 (insertions and deletions; a swap is two).
 */
export const MATCH_WORK_LIMIT = 20_000_000;
/** The trace of the search keeps about edits² numbers: 2,000 edits are 16 MB. */
const MAX_EDITS = 2_000;

/**
 * Index pairs `[i, j]` of equal keys, increasing in both lists: what stayed in place. The
 * common start and end are matched as they are; what differs between them by the shortest
 * edit (Myers' O((n + m)·d) algorithm: fast when few entries changed, whatever the size). A
 * rewrite of more edits than `MATCH_WORK_LIMIT` allows pairs equal keys where they stand
 * (linear, but a shift of many entries is then told as changes of each).
 */
export function matchInOrder(a: readonly string[], b: readonly string[]): Array<[number, number]> {
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) {
        start++;
    }
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const middleA = a.slice(start, endA);
    const middleB = b.slice(start, endB);
    const maxEdits = Math.min(MAX_EDITS, Math.floor(MATCH_WORK_LIMIT / Math.max(1, middleA.length + middleB.length)));
    const middle = shortestEdit(middleA, middleB, maxEdits) ?? inPlace(middleA, middleB);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < start; i++) {
        pairs.push([i, i]);
    }
    for (const [i, j] of middle) {
        pairs.push([start + i, start + j]);
    }
    for (let k = 0; k < a.length - endA; k++) {
        pairs.push([endA + k, endB + k]);
    }
    return pairs;
}

/**
 * The pairs of a longest common subsequence, found as the shortest edit script (Myers 1986),
 * or undefined when it takes more than `maxEdits` insertions and deletions. `trace[d]` keeps
 * the furthest point of each diagonal k ∈ [-d, d] after d edits, to walk back from the end.
 */
function shortestEdit(a: readonly string[], b: readonly string[], maxEdits: number): Array<[number, number]> | undefined {
    const offset = maxEdits + 1;
    const furthest = new Int32Array(2 * maxEdits + 3);
    const trace: Int32Array[] = [];
    for (let d = 0; d <= maxEdits; d++) {
        for (let k = -d; k <= d; k += 2) {
            const down = k === -d || (k !== d && furthest[offset + k - 1] < furthest[offset + k + 1]);
            let x = down ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1;
            let y = x - k;
            while (x < a.length && y < b.length && a[x] === b[y]) {
                x++;
                y++;
            }
            furthest[offset + k] = x;
            if (x >= a.length && y >= b.length) {
                trace.push(furthest.slice(offset - d, offset + d + 1));
                return walkBack(trace, a.length, b.length);
            }
        }
        trace.push(furthest.slice(offset - d, offset + d + 1));
    }
    return undefined;
}

/** The matched pairs along the path `shortestEdit` found, from (n, m) back to the start. */
function walkBack(trace: Int32Array[], n: number, m: number): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    let x = n, y = m;
    for (let d = trace.length - 1; d > 0; d--) {
        // After d - 1 edits, diagonal k was at index k + d - 1.
        const before = trace[d - 1];
        const k = x - y;
        const down = k === -d || (k !== d && before[k - 1 + d - 1] < before[k + 1 + d - 1]);
        const fromK = down ? k + 1 : k - 1;
        const fromX = before[fromK + d - 1];
        const snakeX = down ? fromX : fromX + 1;
        while (x > snakeX) {
            pairs.push([--x, --y]);
        }
        x = fromX;
        y = fromX - fromK;
    }
    while (x > 0 && y > 0) {
        pairs.push([--x, --y]);
    }
    return pairs.reverse();
}

/** Equal keys at the same place: the linear answer for a rewrite too large to search. */
function inPlace(a: readonly string[], b: readonly string[]): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] === b[i]) {
            pairs.push([i, i]);
        }
    }
    return pairs;
}
