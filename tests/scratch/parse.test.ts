import { test } from 'vitest';
import { checkText } from '../helpers.js';
const samples = [
 `6 x 800m interval-run @ 5k-pace rest 400m jog`,
 `workout track "Track" <\n warmup < 15min easy-run @ easy >\n repeat 3 < 800m run @ 4:20-4:30/km; rest 400m jog >\n repeat until 20min < 400m run @ 5k-pace; 200m jog >\n lap easy-run @ z2\n 20min progression-run @ easy to threshold\n 30min run @ 140-150bpm\n 20min run @ 80% hrmax\n 10min run @ 95% lthr\n 10min running-treadmill @ 12kph 2%\n 6 x 20s strides @ mile-pace rest 60s walk\n 8 x 60s hill-repeats @ rpe 9 rest 90s jog\n 5km run @ 7:00/mi\n 20min run @ zone 2\n 10min run @ 250w\n 10min run @ 90% ftp\n 10 squats @ 75%\n>`,
 `athlete jane "Jane Doe" <\n 5k: 22:30\n threshold-pace: 4:35/km\n max-hr: 188\n lthr: 172\n ftp: 250w\n 1rm back-squat: 100kg\n tm bench-press: 80kg\n bodyweight: 62kg\n units: km\n recent-race: 10k 47:10\n>`,
 `plan p "P" <\n athlete jane\n week 1 <\n  monday: 6 x 800m interval-run @ 5k-pace rest 400m jog\n >\n>`,
];
test('parse', async () => {
  for (const s of samples) {
    const d = await checkText(s);
    console.log('----\n' + s + '\n' + (d.diagnostics ?? []).map(x => `${x.range.start.line + 1}:${x.range.start.character} ${x.code ?? (x.data as any)?.code} ${x.message}`).join('\n'));
  }
});
