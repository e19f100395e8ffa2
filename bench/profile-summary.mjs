// Summarises a V8 CPU profile (from `npm run bench -- --profile`): the functions with the most
// self time, and those with the most total time (self + callees), with their source location.
//   node bench/profile-summary.mjs bench/.out/profiles/<file>.cpuprofile [count]
import * as fs from 'node:fs';

const [file, countArg] = process.argv.slice(2);
if (!file) {
    console.error('Usage: node bench/profile-summary.mjs <file.cpuprofile> [count]');
    process.exit(2);
}
const count = Number(countArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map(node => [node.id, node]));
const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000; // ms per sample
const self = new Map();
const total = new Map();
const parent = new Map();
for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
}
const label = node => {
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}` : '';
    return `${frame.functionName || '(anonymous)'} ${where}`.trim();
};
for (const id of profile.samples) {
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + interval);
    // Total time: count each function once per sample, however deep it recurses.
    const seen = new Set();
    for (let current = id; current !== undefined; current = parent.get(current)) {
        const name = label(byId.get(current));
        if (!seen.has(name)) {
            seen.add(name);
            total.set(name, (total.get(name) ?? 0) + interval);
        }
    }
}
const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
const all = profile.samples.length * interval;
console.log(`Profile of ${all.toFixed(0)} ms.\n\nSelf time:`);
for (const [name, ms] of top(self)) console.log(`${ms.toFixed(0).padStart(8)} ms ${(100 * ms / all).toFixed(1).padStart(5)}%  ${name}`);
console.log('\nTotal time (self + callees):');
for (const [name, ms] of top(total)) console.log(`${ms.toFixed(0).padStart(8)} ms ${(100 * ms / all).toFixed(1).padStart(5)}%  ${name}`);
