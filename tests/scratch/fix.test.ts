import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkText, reported } from '../helpers.js';
test('fixtures', async () => {
  for (const name of (process.env.FIX ?? '').split(',')) {
    const d = await checkText(readFileSync(`tests/fixtures/validation/${name}`, 'utf8'), name);
    console.log('== ' + name + '\n' + reported(d).map(x => `${x.line} ${x.severity} ${x.code} ${x.message}`).join('\n'));
  }
});
