// Plain statements over the convention table (one row per CPAS and convention year). Queries name
// their CPAS besides row-level security.
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { ConventionBody } from './convention.schemas.js';

export interface ConventionRow {
  signed_on: string | null;
  grant_cents: ConventionBody['grantCents'] | null;
  targets: ConventionBody['targets'];
  evaluation: ConventionBody['evaluation'] | null;
  updated_at: string;
  updated_by: string;
}

export async function findConvention(tx: Tx, cpasId: string, year: number): Promise<ConventionRow | undefined> {
  const { rows } = await sql<ConventionRow>`
    select signed_on, grant_cents, targets, evaluation, updated_at, updated_by from convention where cpas_id =
      ${cpasId} and year = ${year}`.execute(tx);
  return rows[0];
}

export async function upsertConvention(
  tx: Tx,
  cpasId: string,
  year: number,
  body: ConventionBody,
  actor: string,
): Promise<void> {
  await sql`
    insert into convention (cpas_id, year, signed_on, grant_cents, targets, evaluation, updated_by)
    values (${cpasId}, ${year}, ${body.signedOn ?? null},
      ${body.grantCents ? JSON.stringify(body.grantCents) : null}::jsonb,
      ${JSON.stringify(body.targets)}::jsonb, ${body.evaluation ? JSON.stringify(body.evaluation) : null}::jsonb,
        ${actor})
    on conflict (cpas_id, year) do update set signed_on = excluded.signed_on, grant_cents = excluded.grant_cents,
      targets = excluded.targets,
      evaluation = excluded.evaluation, updated_at = now(), updated_by = excluded.updated_by`.execute(tx);
}
