// Statements as text for the bench's psql and pgbench baselines only, which take SQL scripts: the
// values of a compiled statement written as literals, dollar-quoted with a tag the value does not
// contain. The service never does this — its values always travel as bind parameters
// (src/db/driver/pipeline.ts).
import type { CompiledQuery } from 'kysely';

/** A value as a SQL literal. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    let tag = '$v$';
    for (let n = 0; value.includes(tag); n++) tag = `$v${n}$`;
    return `${tag}${value}${tag}`;
  }
  throw new Error(`bench-sql: cannot write a ${typeof value} as a literal`);
}

/** The compiled statement with its $n parameters written as literals. */
export function inlineParameters(query: CompiledQuery): string {
  return query.sql.replace(/\$([0-9]+)/g, (match, n: string) => {
    const index = Number(n) - 1;
    return index < query.parameters.length ? literal(query.parameters[index]) : match;
  });
}

/** A read as the service sends it, as one psql/pgbench command: begin read only, the binding, the read, commit. */
export function readOnlyScript(cpasId: string, statement: string): string {
  return `begin read only; select set_config('app.cpas_id', '${cpasId}', true); ${statement}; commit`;
}

/** The first statements of a unit of work as one script line. */
export function beginScript(cpasId: string): string {
  return `begin; select set_config('app.cpas_id', '${cpasId}', true)`;
}
