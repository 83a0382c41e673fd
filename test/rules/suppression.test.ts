// R-IND-PRIVACY: small cells (1–4 persons) suppressed, with complementary suppression so that no
// suppressed cell can be recomputed from the published totals or the other cells of its group.
import t from 'tap';
import { suppressSmallCells, type SuppressedTable, type SuppressionTable } from '../../src/rules/suppression.js';

/**
 * Every suppressed cell must have a partner: another suppressed cell in its column (or a hidden total), and in each row
 * group it belongs to.
 */
function recomputable(table: SuppressionTable, out: SuppressedTable): string[] {
  const leaks: string[] = [];
  const keys = Object.keys(out.totals);
  for (const key of keys) {
    const hidden = out.rows.filter((r) => r.cells[key] === null);
    if (hidden.length === 1 && out.totals[key] !== null) leaks.push(`${hidden[0]!.id}/${key} = total − visible cells`);
  }
  for (const group of table.groups ?? []) {
    for (const r of out.rows) {
      const members = [group.total, ...group.parts].filter((k) => k in r.cells);
      const hidden = members.filter((k) => r.cells[k] === null);
      if (hidden.length === 1) leaks.push(`${r.id}/${hidden[0]} = from its group`);
    }
  }
  return leaks;
}

t.test('R-IND-PRIVACY: when cells count 1–4 persons, then they are suppressed; 0 and 5 are shown', async (t) => {
  const table = {
    rows: [
      { id: 'A', cells: { n: 0 } },
      { id: 'B', cells: { n: 1 } },
      { id: 'C', cells: { n: 4 } },
      { id: 'D', cells: { n: 5 } },
    ],
  };
  const out = suppressSmallCells(table);
  t.same(
    out.rows.map((r) => r.cells['n']),
    [0, null, null, 5],
    'boundaries: 0 shown, 1 and 4 suppressed, 5 shown',
  );
  t.same(
    out.rows.map((r) => r.suppressed['n'] ?? null),
    [null, 'primary', 'primary', null],
  );
  t.equal(out.totals['n'], 10);
  t.same(recomputable(table, out), []);
});

t.test(
  'R-IND-PRIVACY: when a column has one small cell, then the smallest other non-zero cell is suppressed too (the ' +
    'total is published)',
  async (t) => {
    const table = {
      rows: [
        { id: 'A', cells: { n: 3 } },
        { id: 'B', cells: { n: 50 } },
        { id: 'C', cells: { n: 12 } },
        { id: 'D', cells: { n: 0 } },
      ],
    };
    const out = suppressSmallCells(table);
    t.same(
      out.rows.map((r) => r.cells['n']),
      [null, 50, null, 0],
      'C (12), the smallest non-zero, complements A',
    );
    t.equal(out.rows[2]!.suppressed['n'], 'complementary');
    t.same(recomputable(table, out), []);
    const alone = suppressSmallCells({
      rows: [
        { id: 'A', cells: { n: 3 } },
        { id: 'B', cells: { n: 0 } },
      ],
    });
    t.equal(alone.totals['n'], null, 'no cell can complement it: the total is suppressed instead');
  },
);

t.test(
  'R-IND-PRIVACY: when a row group adds up (2 = 2.1 + 2.2 + 2.3), then one suppressed part gets a complement in its ' +
    'row, and columns are settled again',
  async (t) => {
    const groups = [{ total: 'p', parts: ['p1', 'p2', 'p3'] }];
    const table = {
      groups,
      rows: [
        { id: 'A', cells: { p: 30, p1: 2, p2: 8, p3: 20 } },
        { id: 'B', cells: { p: 40, p1: 10, p2: 15, p3: 15 } },
        { id: 'C', cells: { p: 25, p1: 9, p2: 6, p3: 10 } },
      ],
    };
    const out = suppressSmallCells(table);
    t.equal(out.rows[0]!.suppressed['p1'], 'primary');
    t.equal(out.rows[0]!.suppressed['p2'], 'complementary', 'A/p2 (8) complements A/p1 in its row');
    t.same(recomputable(table, out), [], 'no suppressed cell can be recomputed from totals or its group');
    t.ok(
      Object.values(out.rows[2]!.suppressed).length + Object.values(out.rows[1]!.suppressed).length >= 2,
      'the columns p1 and p2 got complements in other rows',
    );
  },
);

t.test('R-IND-PRIVACY: when a national table of many CPAS is suppressed, then nothing can be recomputed', async (t) => {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const groups = [{ total: 'paths', parts: ['paths.2.1', 'paths.2.2', 'paths.2.3'] }];
  const rows = Array.from({ length: 60 }, (_, i) => {
    const parts = [0, 1, 2].map(() => Math.floor(random() * (random() < 0.4 ? 6 : 60)));
    return {
      id: `CPAS${i}`,
      cells: {
        assessments: Math.floor(random() * 30),
        paths: parts[0]! + parts[1]! + parts[2]!,
        'paths.2.1': parts[0]!,
        'paths.2.2': parts[1]!,
        'paths.2.3': parts[2]!,
      },
    };
  });
  const table = { rows, groups };
  const out = suppressSmallCells(table);
  t.same(recomputable(table, out), []);
  t.ok(
    out.rows.some((r) => Object.values(r.suppressed).includes('complementary')),
    'complements were needed',
  );
  for (const r of out.rows) {
    for (const [k, v] of Object.entries(r.cells))
      if (v !== null) t.notOk(v >= 1 && v <= 4, `${r.id}/${k}: no visible cell of 1–4`);
  }
});
