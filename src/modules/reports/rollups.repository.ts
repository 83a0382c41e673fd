// Indicator tallies and rollups (R-IND-*): plain statements over indicator_tally (one row per
// person and year with a non-empty tally), indicator_rollup (their sum per CPAS and year),
// rollup_dirty (persons whose facts changed, marked by triggers) and rollup_coverage (the last
// year the tallies of a CPAS go to). Queries name their CPAS besides row-level security.
import { type CompiledQuery, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { RawRow } from '../../db/database.js';
import { emptyTally, TALLY_COUNTS, type IndicatorTally, type TallyCount } from '../../rules/indicators.js';
import type { SubsidyTotals } from './subsidy.compute.js';
import type { Lang } from '../../i18n/catalogue.js';

const column = (key: TallyCount) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = TALLY_COUNTS.map(column);
const columnList = sql.raw(COLUMNS.join(', '));

export type TallyRow = Record<string, number | number[] | string>;

/** A stored row (snake-cased counts, signature_delays) as a tally. */
export function toTally(row: TallyRow): IndicatorTally {
  const t = emptyTally();
  TALLY_COUNTS.forEach((k, i) => (t[k] = Number(row[COLUMNS[i]!] ?? 0)));
  t.signatureDelays = ((row['signature_delays'] as number[] | null) ?? []).map(Number);
  return t;
}

/** Serialises one CPAS's refreshes: two would each sum the tallies without the other's. */
export function lockCpasRollups(tx: Tx, cpasId: string): Promise<unknown> {
  return sql`select pg_advisory_xact_lock(hashtextextended(${`piis-rollup:${cpasId}`}, 0))`.execute(tx);
}

export async function coverageOf(tx: Tx, cpasId: string): Promise<number | null> {
  const row = await tx
    .selectFrom('rollup_coverage')
    .select('through_year')
    .where('cpas_id', '=', cpasId)
    .executeTakeFirst();
  return row ? Number(row.through_year) : null;
}

/** A new year to cover: every person of the CPAS gets tallied again, through that year. */
export async function extendCoverage(tx: Tx, cpasId: string, throughYear: number): Promise<void> {
  await sql`insert into rollup_dirty (cpas_id, beneficiary_id, subsidy) select cpas_id, id, true from beneficiary
    where cpas_id = ${cpasId}
    on conflict (cpas_id, beneficiary_id) do update set subsidy = true where not rollup_dirty.subsidy`.execute(tx);
  await sql`insert into rollup_coverage (cpas_id, through_year) values (${cpasId}, ${throughYear})
    on conflict (cpas_id) do update set through_year = excluded.through_year`.execute(tx);
}

/**
 * Takes up to `limit` marked persons off the list (their marks go when this transaction commits),
 * each with whether their subsidy months need recomputing too.
 * The pick is an array computed once: as a joined subquery the planner may rescan it per row
 * (with stale statistics it did), and a locking LIMIT rescanned picks other rows each time.
 */
export async function takeDirty(
  tx: Tx,
  cpasId: string,
  limit: number,
): Promise<Array<{ id: string; subsidy: boolean }>> {
  const { rows } = await sql<{ beneficiary_id: string; subsidy: boolean }>`
    delete from rollup_dirty where cpas_id = ${cpasId} and beneficiary_id = any(array(
      select beneficiary_id from rollup_dirty where cpas_id = ${cpasId} order by beneficiary_id limit ${limit}
      for update skip locked))
    returning beneficiary_id, subsidy`.execute(tx);
  return rows.map((r) => ({ id: r.beneficiary_id, subsidy: r.subsidy }));
}

/** Replaces these persons' tallies; returns every year whose sum changes (old rows' and new rows'). */
export async function replaceTallies(
  tx: Tx,
  cpasId: string,
  beneficiaryIds: readonly string[],
  tallies: ReadonlyArray<{ beneficiaryId: string; year: number; tally: IndicatorTally }>,
): Promise<number[]> {
  const years = new Set(tallies.map((t) => t.year));
  const { rows } = await sql<{ year: number }>`
    delete from indicator_tally where cpas_id = ${cpasId} and beneficiary_id = any(${[...beneficiaryIds]}::uuid[])
      returning year`.execute(tx);
  for (const r of rows) years.add(Number(r.year));
  for (let i = 0; i < tallies.length; i += 1000) {
    const values = tallies.slice(i, i + 1000).map(
      (t) =>
        sql`(${cpasId}::uuid, ${t.beneficiaryId}::uuid, ${t.year},
            ${sql.join(TALLY_COUNTS.map((k) => sql`${t.tally[k]}`))}, ${t.tally.signatureDelays}::integer[])`,
    );
    await sql`insert into indicator_tally (cpas_id, beneficiary_id, year, ${columnList}, signature_delays) values
      ${sql.join(values)}`.execute(tx);
  }
  return [...years].sort();
}

/** Sums the tallies of these years into the CPAS's rollup rows (a year without tallies sums to zeros). */
export async function sumIntoRollup(tx: Tx, cpasId: string, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  const sums = sql.raw(COLUMNS.map((c) => `coalesce(sum(t.${c}), 0)`).join(', '));
  const updates = sql.raw([...COLUMNS, 'signature_delays'].map((c) => `${c} = excluded.${c}`).join(', '));
  await sql`
    insert into indicator_rollup (cpas_id, year, ${columnList}, signature_delays)
    select ${cpasId}::uuid, y.year, ${sums},
      coalesce((select array_agg(d order by d) from indicator_tally x cross join unnest(x.signature_delays) d
        where x.cpas_id = ${cpasId} and x.year = y.year), '{}')
    from unnest(${[...years]}::smallint[]) y(year)
    left join indicator_tally t on t.cpas_id = ${cpasId} and t.year = y.year
    group by y.year
    on conflict (cpas_id, year) do update set ${updates}`.execute(tx);
}

/** The CPAS's rollup of a year with what a reader needs to know first: marked persons waiting, and the coverage. */
export function rollupQuery(
  tx: Tx,
  cpasId: string,
  year: number,
): CompiledQuery<TallyRow & { dirty: boolean; through_year: number | null; found: boolean }> {
  return sql<TallyRow & { dirty: boolean; through_year: number | null; found: boolean }>`
    select exists (select 1 from rollup_dirty d where d.cpas_id = ${cpasId}) as dirty,
      (select v.through_year from rollup_coverage v where v.cpas_id = ${cpasId}) as through_year,
      r.cpas_id is not null as found, r.*
    from (select 1) one left join indicator_rollup r on r.cpas_id = ${cpasId} and r.year = ${year}`.compile(tx);
}

/** Every CPAS with persons waiting or tallies short of a year (the narrow owner function: ids and counts only). */
export async function backlog(tx: Tx): Promise<Array<{ cpasId: string; dirty: number; throughYear: number | null }>> {
  const { rows } = await sql<{
    cpas_id: string;
    dirty: number;
    through_year: number | null;
  }>`select * from piis_rollup_backlog()`.execute(tx);
  return rows.map((r) => ({
    cpasId: r.cpas_id,
    dirty: Number(r.dirty),
    throughYear: r.through_year === null ? null : Number(r.through_year),
  }));
}

/** Every registered CPAS's summed tally of a year (the narrow owner function: counts only). */
export async function nationalRollups(
  tx: Tx,
  year: number,
): Promise<
  Array<{ cpasId: string; kboNumber: string; name: { fr: string; nl: string; de: string }; tally: IndicatorTally }>
> {
  const { rows } = await sql<
    TallyRow & { cpas_id: string; kbo_number: string; name: { fr: string; nl: string; de: string } }
  >`
    select * from piis_national_indicator_rollups(${year})`.execute(tx);
  return rows.map((r) => ({ cpasId: r.cpas_id, kboNumber: r.kbo_number, name: r.name, tally: toTally(r) }));
}

/** The version of a year's national figures: changes with any write to a CPAS or to its rollup of the year. */
export async function nationalIndicatorVersion(tx: Tx, year: number): Promise<string> {
  const { rows } = await sql<{
    version: string | null;
  }>`select piis_national_indicator_version(${year}) as version`.execute(tx);
  return rows[0]?.version ?? 'none';
}

export interface SubsidyTallyRow {
  beneficiaryId: string;
  year: number;
  /** the person's items of the year as JSON, their explanations messages (any language) */
  items: string;
  /** the same items as JSON, said in the CPAS's language (the common reader's) */
  said: string;
  saidLang: Lang;
  totals: SubsidyTotals;
}

/** Replaces these persons' subsidy tallies. */
export async function replaceSubsidyTallies(
  tx: Tx,
  cpasId: string,
  beneficiaryIds: readonly string[],
  tallies: readonly SubsidyTallyRow[],
): Promise<void> {
  await sql`delete from subsidy_tally
    where cpas_id = ${cpasId} and beneficiary_id = any(${[...beneficiaryIds]}::uuid[])`.execute(tx);
  for (let i = 0; i < tallies.length; i += 500) {
    const values = tallies.slice(i, i + 500).map(
      ({ beneficiaryId, year, items, said, saidLang, totals: t }) =>
        sql`(${cpasId}::uuid, ${year}, ${beneficiaryId}::uuid, ${items}, ${said}, ${saidLang}, ${t.months},
          ${t.riCents}, ${t.subsidyCents}, ${t.code11.months}, ${t.code11.riCents}, ${t.code11.subsidyCents},
        ${t.code17.months}, ${t.code17.riCents}, ${t.code17.subsidyCents}, ${t.student.months}, ${t.student.riCents},
          ${t.exemptedMonths})`,
    );
    await sql`insert into subsidy_tally (cpas_id, year, beneficiary_id, items, said, said_lang, months, ri_cents,
      subsidy_cents, code11_months, code11_ri_cents, code11_subsidy_cents,
      code17_months, code17_ri_cents, code17_subsidy_cents, student_months, student_ri_cents, exempted_months) values
        ${sql.join(values)}`.execute(tx);
  }
}

/** The report's totals of a year (one person's with `beneficiaryId`), summed from the tallies. */
export function subsidyTotalsQuery(
  tx: Tx,
  cpasId: string,
  year: number,
  beneficiaryId?: string,
): CompiledQuery<Record<string, number | string | null>> {
  return sql<Record<string, number | string | null>>`
    select count(*) as persons, sum(months) as months, sum(ri_cents) as ri_cents, sum(subsidy_cents) as subsidy_cents,
      sum(code11_months) as code11_months, sum(code11_ri_cents) as code11_ri_cents,
      sum(code11_subsidy_cents) as code11_subsidy_cents,
      sum(code17_months) as code17_months, sum(code17_ri_cents) as code17_ri_cents,
      sum(code17_subsidy_cents) as code17_subsidy_cents,
      sum(student_months) as student_months, sum(student_ri_cents) as student_ri_cents,
      sum(exempted_months) as exempted_months
    from subsidy_tally where cpas_id = ${cpasId} and year = ${year} ${
      beneficiaryId
        ? sql`and beneficiary_id =
      ${beneficiaryId}::uuid`
        : sql``
    }`.compile(tx);
}

export function toSubsidyTotals(r: Record<string, number | string | null>): SubsidyTotals {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    months: n('months'),
    riCents: n('ri_cents'),
    subsidyCents: n('subsidy_cents'),
    code11: { months: n('code11_months'), riCents: n('code11_ri_cents'), subsidyCents: n('code11_subsidy_cents') },
    code17: { months: n('code17_months'), riCents: n('code17_ri_cents'), subsidyCents: n('code17_subsidy_cents') },
    student: { months: n('student_months'), riCents: n('student_ri_cents') },
    exemptedMonths: n('exempted_months'),
  };
}

/** A person's stored months of a year, as they are streamed: the months as JSON bytes. */
export interface SubsidyItemsRow {
  beneficiary_id: string;
  /** a JSON array of months, as UTF-8 bytes */
  items: Buffer;
  /** true when the months' explanations are already said in the reader's language */
  said: boolean;
  /** with `identity`: who the person is, for the CPAS's own files */
  niss?: string | null;
  family_name?: string | null;
  given_name?: string | null;
}

/**
 * The stored items of a year, by beneficiary, every column as text and every parameter cast (a
 * statement streamed as bytes: copy-out.ts): already said when stored in `lang`; with
 * `identity`, each person's NISS and name. Read with toSubsidyItems.
 */
export function subsidyItemsQuery(
  tx: Tx,
  cpasId: string,
  year: number,
  lang: Lang,
  options: { beneficiaryId?: string; identity?: boolean } = {},
): CompiledQuery {
  const { beneficiaryId, identity } = options;
  return sql`
    select t.beneficiary_id::text, case when t.said_lang = ${lang}::text then t.said else t.items end as items,
      coalesce(t.said_lang = ${lang}::text, false)::text as said
      ${identity ? sql`, b.niss::text, b.family_name::text, b.given_name::text` : sql``}
    from subsidy_tally t
      ${identity ? sql`join beneficiary b on b.cpas_id = t.cpas_id and b.id = t.beneficiary_id` : sql``}
    where t.cpas_id = ${cpasId}::uuid and t.year = ${year}::int
      ${beneficiaryId ? sql`and t.beneficiary_id = ${beneficiaryId}::uuid` : sql``}
    order by t.beneficiary_id`.compile(tx);
}

/** A row of subsidyItemsQuery, its fields in the order selected. */
export function toSubsidyItems(row: RawRow): SubsidyItemsRow {
  const text = (field: Buffer | null | undefined) => (field ? field.toString('utf8') : null);
  return {
    beneficiary_id: text(row[0])!,
    items: row[1]!,
    said: text(row[2]) === 'true',
    ...(row.length > 3 ? { niss: text(row[3]), family_name: text(row[4]), given_name: text(row[5]) } : {}),
  };
}

/** Who these persons are (NISS and name), for the CPAS's own exports. */
export async function identitiesOf(
  tx: Tx,
  cpasId: string,
  ids: readonly string[],
): Promise<Map<string, { niss: string; familyName: string; givenName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('beneficiary')
    .select(['id', 'niss', 'family_name', 'given_name'])
    .where('cpas_id', '=', cpasId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { niss: r.niss, familyName: r.family_name, givenName: r.given_name }]));
}

/** The language a CPAS works in: its subsidy months are kept said in it. */
export async function cpasLanguage(tx: Tx, cpasId: string): Promise<Lang> {
  const row = await tx.selectFrom('cpas').select('language').where('id', '=', cpasId).executeTakeFirst();
  return row?.language ?? 'fr';
}
