// Instants leave the database as PostgreSQL prints them (text or json) and reach clients as
// RFC 3339 in UTC with milliseconds, whichever path the row took: the UTC fast path and the
// general one must agree.
import t from 'tap';
import { toIsoInstant } from '../../src/db/database.js';

const cases: Array<[string, string]> = [
  ['2026-11-24 12:41:07.891279+00', '2026-11-24T12:41:07.891Z'],
  ['2026-11-24T12:41:07.891279+00:00', '2026-11-24T12:41:07.891Z'],
  ['2026-11-24 12:41:07+00', '2026-11-24T12:41:07.000Z'],
  ['2026-11-24 12:41:07.5+00', '2026-11-24T12:41:07.500Z'],
  ['2026-11-24 12:41:07.05+0000', '2026-11-24T12:41:07.050Z'],
  ['2026-11-24T12:41:07.123Z', '2026-11-24T12:41:07.123Z'],
  ['2024-02-29 23:59:59.999999+00', '2024-02-29T23:59:59.999Z'],
  ['2026-11-24 12:41:07.891279+05:30', '2026-11-24T07:11:07.891Z'],
  ['2026-11-24 00:30:00-01', '2026-11-24T01:30:00.000Z'],
  ['infinity', 'infinity'],
];

for (const [printed, expected] of cases) {
  t.test(`when PostgreSQL prints ${printed}, then clients read ${expected}`, async (t) => {
    t.equal(toIsoInstant(printed), expected);
    if (printed !== 'infinity') t.equal(toIsoInstant(printed), new Date(expected).toISOString(), 'as Date renders it');
  });
}

t.test(
  'when instants of any day and time are printed in UTC, then each reads back as the same millisecond',
  async (t) => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const ms = (next() % 2_000_000) * 2_000_000 + (next() % 2_000_000);
      const iso = new Date(ms).toISOString();
      const micros = `${iso.slice(20, 23)}${String(next() % 1000).padStart(3, '0')}`;
      const printed = `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros}+00`;
      if (toIsoInstant(printed) !== iso) t.fail(`${printed} → ${toIsoInstant(printed)}, expected ${iso}`);
    }
    t.pass('2,000 instants');
  },
);
