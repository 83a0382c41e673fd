// Date arithmetic of the rulebook and the Belgian calendar: month ends, leap years, Easter-based
// holidays, working days — the arithmetic every rule below stands on.
import t from 'tap';
import path from 'node:path';
import { addDays, addMonths, daysBetween, firstOfMonth, isoWeekday } from '../../src/rules/dates.js';
import { addWorkingDays, belgianHolidays, easterSunday, isWorkingDay } from '../../src/rules/holidays.js';
import { ruleCases as cases } from '../helpers/rule-cases.js';
import { root } from '../helpers/root.js';

t.test('date arithmetic: when months are added, then the day is clamped to the month end', async (t) => {
  const table: Array<[string, number, string]> = [
    ['2025-11-30', 3, '2026-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 3, '2026-06-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-03-15', -3, '2025-12-15'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-08-31', 3, '2026-11-30'],
  ];
  for (const [d, n, want] of table) t.equal(addMonths(d, n), want, `${d} + ${n} months = ${want}`);
  t.equal(addDays('2026-02-28', 1), '2026-03-01', 'day after 28 Feb 2026');
  t.equal(addDays('2024-02-28', 1), '2024-02-29', 'leap day 2024');
  t.equal(addDays('2026-03-28', 2), '2026-03-30', 'across the March DST change, no day lost');
  t.equal(addDays('2026-10-24', 2), '2026-10-26', 'across the October DST change, no day gained');
  t.equal(daysBetween('2026-03-02', '2026-03-08'), 6);
  t.equal(firstOfMonth('2026-12-31', 3), '2027-03-01');
  t.equal(isoWeekday('2026-03-02'), 1, '2 March 2026 is a Monday');
});

t.test(
  'Belgian holidays: when a year is computed, then the ten holidays match the rulebook list (Easter-based ones ' +
    'included)',
  async (t) => {
    t.equal(easterSunday(2026), '2026-04-05');
    t.equal(easterSunday(2024), '2024-03-31');
    t.equal(easterSunday(2019), '2019-04-21');
    t.equal(easterSunday(2038), '2038-04-25', 'latest possible Easter');
    t.equal(easterSunday(2285), '2285-03-22', 'earliest possible Easter');
    for (const [year, dates] of Object.entries(cases.holidays)) {
      t.same(
        belgianHolidays(Number(year)).map((h) => h.date),
        dates,
        `holidays of ${year}`,
      );
    }
    t.notOk(isWorkingDay('2026-04-06'), 'Easter Monday 2026');
    t.notOk(isWorkingDay('2026-03-07'), 'a Saturday');
    t.ok(isWorkingDay('2026-04-07'), 'the Tuesday after Easter');
    t.equal(addWorkingDays('2026-04-02', 5).date, '2026-04-10');
  },
);

// The SHA-256 of shared/domain/rule-cases.json when it was copied into test/fixtures: the copy is
// checked against it on every run (a CI clone has no shared/ beside it), and against the shared
// file itself where it is there — so an edit of either side fails a test.
const SHARED_RULE_CASES_SHA256 = '4d48a0968195d63be0fa6b8ec74a696d39ca2c3fd77f9e937a30e79632b5fb2b';

t.test('the rulebook fixture is the shared one, unchanged', async (t) => {
  const fs = await import('node:fs');
  const { createHash } = await import('node:crypto');
  const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  t.equal(
    digest(path.join(root, 'test/fixtures/rule-cases.json')),
    SHARED_RULE_CASES_SHA256,
    'test/fixtures/rule-cases.json is the copy of the shared file, byte for byte',
  );
  const shared = path.join(root, '../shared/domain/rule-cases.json');
  if (fs.existsSync(shared))
    t.equal(
      digest(shared),
      SHARED_RULE_CASES_SHA256,
      'shared/domain/rule-cases.json has not changed since it was copied',
    );
});
