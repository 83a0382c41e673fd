// The version of what the national indicators of a year are made of: the registered CPAS (their
// KBO number and name) and their rollups of that year. Every committed change of one of those
// rows gives it a new xmin, so the digest changes with any write, rename or new CPAS; a reader
// keeping the computed answer (src/modules/national/indicators-cache.ts) asks this first and
// computes again only when it differs. A digest of transaction ids: nothing about a person.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function piis_national_indicator_version(p_year integer)
       returns text
       language sql stable security definer set search_path = public, pg_temp set jit = off as $$
         select md5(string_agg(c.id::text || ':' || c.xmin::text || ':' || coalesce(r.xmin::text, '-'), ',' order by c.id))
         from cpas c left join indicator_rollup r on r.cpas_id = c.id and r.year = p_year
         where c.id <> '00000000-0000-0000-0000-000000000000'
       $$;
       revoke all on function piis_national_indicator_version(integer) from public;
       grant execute on function piis_national_indicator_version(integer) to piis_app;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop function if exists piis_national_indicator_version(integer);`).execute(db);
}
