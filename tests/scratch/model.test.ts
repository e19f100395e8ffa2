import { test } from 'vitest';
import { checkText, compileDocument } from '../helpers.js';
import { forAthlete } from '../../src/core/athlete.js';
import { readFileSync } from 'node:fs';
test('model', async () => {
  const text = readFileSync(process.env.SCRATCH ?? 'tests/scratch/a.workout', 'utf8');
  const d = await checkText(text);
  console.log((d.diagnostics ?? []).map(x => `${x.range.start.line + 1}:${x.range.start.character} ${x.code ?? (x.data as any)?.code} ${x.message}`).join('\n'));
  const m = compileDocument(d.parseResult.value);
  console.log(JSON.stringify(m, null, 1));
  if (m.athletes?.length) { const r = forAthlete(m, m.athletes[0]); console.log(JSON.stringify(r.problems), JSON.stringify(r.session.workouts.map(w => [w.estimatedSeconds, w.run]))); }
});
