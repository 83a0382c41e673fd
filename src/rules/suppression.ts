// R-IND-PRIVACY: small-cell suppression for views that cross CPAS boundaries. A table has one row
// per CPAS and one column per count; the national total of each column is published. Cells
// counting 1–4 persons are suppressed (primary); then, so that no suppressed cell can be
// recomputed, complementary cells are suppressed until every column with a suppressed cell has at
// least two (its total is published), and every row group whose parts add up to a published
// figure (2 = 2.1 + 2.2 + 2.3) with a suppressed member has at least two suppressed members.
// Complementary cells are the smallest non-zero counts available (the least information lost).

export interface SuppressionTable {
  /** one row per CPAS: its id and its counts by key */
  rows: ReadonlyArray<{ id: string; cells: Readonly<Record<string, number>> }>;
  /**
   * keys whose parts add up to them within a row, e.g. { total: 'activationPaths', parts: ['activationPaths.2.1', …] }
   */
  groups?: ReadonlyArray<{ total: string; parts: readonly string[] }>;
}

export type Suppression = 'primary' | 'complementary';

export interface SuppressedTable {
  rows: Array<{ id: string; cells: Record<string, number | null>; suppressed: Record<string, Suppression> }>;
  /**
   * national totals: every column's sum (published: the reason for complementary suppression),
   * null when the column has a single non-zero cell, suppressed (the total would be that cell)
   */
  totals: Record<string, number | null>;
}

export const SMALL_CELL = { min: 1, max: 4 } as const;

export function suppressSmallCells(table: SuppressionTable): SuppressedTable {
  const keys = [...new Set(table.rows.flatMap((r) => Object.keys(r.cells)))].sort();
  const marks = table.rows.map(() => new Map<string, Suppression>());
  const value = (row: number, key: string) => table.rows[row]!.cells[key] ?? 0;
  table.rows.forEach((r, i) => {
    for (const key of keys) {
      const v = value(i, key);
      if (v >= SMALL_CELL.min && v <= SMALL_CELL.max) marks[i]!.set(key, 'primary');
    }
  });
  /** suppresses the smallest non-zero visible cell among the candidates; false when there is none */
  const complement = (candidates: Array<[number, string]>): boolean => {
    const open = candidates
      .filter(([row, key]) => !marks[row]!.has(key) && value(row, key) > 0)
      .sort((a, b) => value(a[0], a[1]) - value(b[0], b[1]) || a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
    const pick = open[0];
    if (!pick) return false;
    marks[pick[0]]!.set(pick[1], 'complementary');
    return true;
  };
  const hiddenTotals = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    // columns: the national total is published, so one suppressed cell would be total − the others
    for (const key of keys) {
      if (hiddenTotals.has(key)) continue;
      const suppressed = marks.filter((m) => m.has(key)).length;
      if (suppressed !== 1) continue;
      if (complement(table.rows.map((_, row) => [row, key] as [number, string]))) changed = true;
      else hiddenTotals.add(key);
    }
    // row groups: a total and its parts; one suppressed member would be recomputable from the others
    for (const group of table.groups ?? []) {
      const members = [group.total, ...group.parts];
      table.rows.forEach((_, row) => {
        const suppressed = members.filter((k) => marks[row]!.has(k)).length;
        if (suppressed === 1 && complement(members.map((k) => [row, k] as [number, string]))) changed = true;
      });
    }
  }
  const totals = Object.fromEntries(
    keys.map((k) => [k, hiddenTotals.has(k) ? null : table.rows.reduce((sum, _, i) => sum + value(i, k), 0)]),
  );
  return {
    rows: table.rows.map((r, i) => ({
      id: r.id,
      cells: Object.fromEntries(keys.map((k) => [k, marks[i]!.has(k) ? null : value(i, k)])),
      suppressed: Object.fromEntries(marks[i]!),
    })),
    totals,
  };
}
