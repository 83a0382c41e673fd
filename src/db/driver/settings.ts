// The transaction settings every path binds with its statements: the tenant (row-level security
// reads app.cpas_id) and the statement timeout. Both are `set_config(…, true)` with the value as
// a bind parameter: local to the transaction, gone with its commit or rollback.
import { CompiledQuery } from 'kysely';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Binds the tenant for the rest of the current transaction. */
export function bindTenant(cpasId: string): CompiledQuery {
  // not needed for safety (the value is a parameter), but a wrong id is a bug to stop at once
  if (!UUID.test(cpasId)) throw new Error('bindTenant: tenant id is not a UUID');
  return CompiledQuery.raw(`select set_config('app.cpas_id', $1, true)`, [cpasId]);
}

/** Sets the statement timeout for the rest of the current transaction (0: none). */
export function timeoutFor(ms: number): CompiledQuery {
  return CompiledQuery.raw(`select set_config('statement_timeout', $1, true)`, [String(Math.max(0, Math.floor(ms)))]);
}
