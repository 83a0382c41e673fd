// R-CORRECT in SQL: a fact with legal effect is in force while it is not voided and no correction
// of it stands — a correction that is itself voided puts the fact back in force. Every repository
// query that reads facts in force takes it from here; its TypeScript twin is
// src/rules/corrections.ts, and test/db/in-force.test.ts shows the two agree on the same facts.
// The SQL functions of landed migrations keep their own copy (migrations are frozen).
import { sql, type RawBuilder } from 'kysely';
import type { CorrectionColumns, DB } from './types.js';

/** The tables of facts that are corrected and voided, never edited. */
export type CorrectedTable = {
  [K in keyof DB]: DB[K] extends CorrectionColumns ? K : never;
}[keyof DB];

// identifiers written in code, never values: checked anyway, since they become SQL text
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The condition, as SQL text, that the row `alias` of `table` is in force. */
export function inForceSql(table: CorrectedTable, alias: string): string {
  if (!IDENTIFIER.test(table) || !IDENTIFIER.test(alias)) throw new Error(`not an identifier: ${table} ${alias}`);
  return (
    `(${alias}.voided_at is null and not exists (select 1 from ${table} in_force_c ` +
    `where in_force_c.cpas_id = ${alias}.cpas_id and in_force_c.supersedes_id = ${alias}.id ` +
    `and in_force_c.voided_at is null))`
  );
}

/** The condition that the row `alias` of `table` is in force, for a Kysely query. */
export const inForce = (table: CorrectedTable, alias: string): RawBuilder<boolean> =>
  sql.raw<boolean>(inForceSql(table, alias));
