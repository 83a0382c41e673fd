// The SPP IS's reads across CPAS: only through the narrow owner functions of the rollup
// migration (counts per CPAS; pseudonymised rows), never by lifting row-level security.
import { type CompiledQuery, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { ExtractRow } from './national.schemas.js';
import type { RawRow } from '../../db/copy-out.js';

/** The rows of the years from `from` to `to`, by year: every column as text and every parameter cast (streamed as bytes: copy-out.ts), read with toExtractRow. */
export function extractQuery(tx: Tx, years: { from: number; to: number }, blocks: { inner: string; outer: string }): CompiledQuery {
  return sql`
    select person::text, piis::text, cpas_kbo::text as "cpasKbo", year::text, track::text, obligation::text, activation_category::text as "activationCategory",
      age_band::text as "ageBand", drafted_month::text as "draftedMonth", signed_month::text as "signedMonth", ended_month::text as "endedMonth",
      close_outcome::text as "closeOutcome", evaluations::text, evaluations_in_person::text as "evaluationsInPerson", interviews::text, sanctions::text
    from piis_statistical_extract(${years.from}::int, ${years.to}::int, ${blocks.inner}::bytea, ${blocks.outer}::bytea)`.compile(tx);
}

/** The fields of an extract row as read (text, in the order of extractQuery's select list), typed. */
export function toExtractRow(row: RawRow): ExtractRow {
  const text = (i: number) => (row[i] ? row[i]!.toString('utf8') : null);
  const count = (i: number) => Number(text(i));
  return {
    person: text(0)!,
    piis: text(1)!,
    cpasKbo: text(2)!,
    year: count(3),
    track: text(4) as ExtractRow['track'],
    obligation: text(5) as ExtractRow['obligation'],
    activationCategory: text(6),
    ageBand: text(7) as ExtractRow['ageBand'],
    draftedMonth: text(8),
    signedMonth: text(9),
    endedMonth: text(10),
    closeOutcome: text(11),
    evaluations: count(12),
    evaluationsInPerson: count(13),
    interviews: count(14),
    sanctions: count(15),
  };
}
