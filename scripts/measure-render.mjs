// Not part of CI: what saying the subsidy report's months costs when they are not stored in the
// reader's language — some 40,000 synthetic months of 4,000 persons (random grant and signature
// dates, three amounts), each parsed from its stored JSON, said in French and written again.
// Usage: npm run build && node scripts/measure-render.mjs
import { performance } from 'node:perf_hooks';
import { subsidyMonths } from '../dist/rules/subsidy-months.js';
import { personSubsidy, sayMonthItem } from '../dist/modules/reports/subsidy.compute.js';
const rnd = (a, b) => a + Math.floor(Math.random() * (b - a + 1));
const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const stored = [];
for (let p = 0; p < 4000; p++) {
  const gy = rnd(2024, 2026),
    gm = rnd(1, 12),
    gd = rnd(1, 28);
  const grant = iso(gy, gm, gd);
  const sm = Math.min(12, gm + 1);
  const signed = iso(gy, sm, rnd(1, 28));
  const amount = [87000, 130000, 175000][rnd(0, 2)];
  const facts = {
    birthDate: '1990-01-01',
    rights: [
      {
        id: 'r',
        kind: 'ri',
        category: 'isolated',
        decidedOn: grant,
        startsOn: grant,
        endsOn: null,
        monthlyAmountCents: amount,
        notifiedOn: null,
      },
    ],
    piis: [
      {
        id: 'p' + p,
        track: 'general',
        signedOn: signed,
        notedByCouncilOn: null,
        endsOn: iso(gy + 1, sm, 1),
        endedOn: null,
        extensionRequestedOn: [],
      },
    ],
    situations: [],
    exemptions: [],
    suspensions: [],
  };
  const { items } = personSubsidy('b' + p, subsidyMonths(facts, 2026));
  stored.push(JSON.stringify(items));
}
const bytes = stored.reduce((s, x) => s + x.length, 0);
const count = stored.reduce((s, x) => s + JSON.parse(x).length, 0);
console.log(`${count} months, ${(bytes / count).toFixed(0)} bytes stored per month`);
let t0 = performance.now();
let out = 0;
for (const s of stored) for (const m of JSON.parse(s)) out += JSON.stringify(sayMonthItem('fr', m)).length;
let t1 = performance.now();
console.log(
  `parse + render + stringify: ${(((t1 - t0) * 1000) / count).toFixed(1)} µs per month; ` +
    `${(out / count).toFixed(0)} bytes out per month`,
);
t0 = performance.now();
const parsed = stored.map((s) => JSON.parse(s));
t1 = performance.now();
console.log(`parse: ${(((t1 - t0) * 1000) / count).toFixed(1)} µs`);
t0 = performance.now();
for (const ms of parsed) for (const m of ms) JSON.stringify(m.explanation);
t1 = performance.now();
console.log(`stringify explanation: ${(((t1 - t0) * 1000) / count).toFixed(1)} µs`);
t0 = performance.now();
for (const ms of parsed) for (const m of ms) sayMonthItem('fr', m);
t1 = performance.now();
console.log(`render (warm cache): ${(((t1 - t0) * 1000) / count).toFixed(1)} µs`);
