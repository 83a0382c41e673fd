// The SPP IS's reads across CPAS: only through the narrow owner functions of the rollup
// migration (counts per CPAS; pseudonymised rows), never by lifting row-level security.
import { type CompiledQuery, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { ExtractRow } from './national.schemas.js';

/** The rows of the years from `from` to `to`, by year. */
export function extractQuery(
  tx: Tx,
  years: { from: number; to: number },
  blocks: { inner: string; outer: string },
): CompiledQuery<ExtractRow> {
  return sql<ExtractRow>`
    select person, piis, cpas_kbo as "cpasKbo", year, track, obligation,
      activation_category as "activationCategory", age_band as "ageBand",
      drafted_month as "draftedMonth", signed_month as "signedMonth", ended_month as "endedMonth",
      close_outcome as "closeOutcome",
      evaluations, evaluations_in_person as "evaluationsInPerson", interviews, sanctions
    from piis_statistical_extract(${years.from}, ${years.to}, decode(${blocks.inner}::text, 'hex'),
      decode(${blocks.outer}::text, 'hex'))`.compile(tx);
}
