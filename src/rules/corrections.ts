// R-CORRECT: a fact with legal effect is corrected (a new fact names the one it supersedes) or
// voided, never edited. A fact is in force while it is not voided and no correction of it stands;
// voiding a correction puts the fact it corrected back in force. The SQL twin of this test is
// src/db/in-force.ts; test/db/in-force.test.ts shows the two agree on the same facts.

/** What R-CORRECT looks at in a fact. */
export interface Correctable {
  id: string;
  supersedes_id?: string | null;
  voided_at?: string | null;
}

export interface Corrected<T> {
  fact: T;
  inForce: boolean;
  /** the standing correction of this fact (the first by id), if any */
  supersededBy: string | null;
}

/** Each fact with whether it is in force, among the facts of one table that may correct each other. */
export function withCorrections<T extends Correctable>(facts: readonly T[]): Corrected<T>[] {
  const supersededBy = new Map<string, string>();
  for (const f of [...facts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    if (f.supersedes_id && !f.voided_at && !supersededBy.has(f.supersedes_id)) supersededBy.set(f.supersedes_id, f.id);
  return facts.map((f) => ({
    fact: f,
    inForce: !f.voided_at && !supersededBy.has(f.id),
    supersededBy: supersededBy.get(f.id) ?? null,
  }));
}
