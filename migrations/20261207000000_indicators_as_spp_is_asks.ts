// The indicators as the SPP IS asks them (R-IND-*): outcomes and progress now count the persons
// in a social-activation path (2.1–2.3) only, progress is split by the direction of the path,
// "entitled" is every user of the CPAS in its target group, and every PIIS gets its own counts
// (in force, concluded, closed, past its end with no close). The tallies gain those counts, the
// national function returns them, and every CPAS is tallied again once (coverage reset) so that
// no stored tally keeps the former definitions.
import { type Kysely, sql } from 'kysely';

// the counts of a tally, in the order of TALLY_COUNTS (src/rules/indicators.ts), snake-cased
const FORMER = [
  'assessed', 'path21', 'path22', 'path23', 'socio_professional', 'autonomy', 'volunteering', 'employment', 'progressed', 'progress_measured',
  'entitled', 'entitled_ri', 'entitled_in_path', 'conclusion_cases', 'concluded_in_time', 'concluded_handed', 'full_reflection', 'reflection_waivers',
  'evaluation_periods', 'evaluation_periods_met', 'interviews', 'interviews_in_time',
];
const ADDED = ['progress_socio_professional', 'progress_autonomy', 'progress_volunteering', 'piis_in_force', 'piis_concluded', 'piis_closed', 'past_end_open'];

const nationalFunction = (counts: readonly string[]) => `
  create function piis_national_indicator_rollups(p_year integer)
  returns table (cpas_id uuid, kbo_number text, name jsonb, ${counts.map((c) => `${c} integer`).join(', ')}, signature_delays integer[])
  language sql stable security definer set search_path = public, pg_temp set jit = off as $$
    select c.id, c.kbo_number, c.name, ${counts.map((col) => `coalesce(r.${col}, 0)`).join(', ')}, coalesce(r.signature_delays, '{}')
    from cpas c left join indicator_rollup r on r.cpas_id = c.id and r.year = p_year
    where c.id <> '00000000-0000-0000-0000-000000000000'
    order by c.kbo_number
  $$;
  revoke all on function piis_national_indicator_rollups(integer) from public;
  grant execute on function piis_national_indicator_rollups(integer) to piis_app;`;

export async function up(db: Kysely<any>): Promise<void> {
  const columns = ADDED.map((c) => `add column ${c} integer not null default 0 check (${c} >= 0)`).join(', ');
  await sql
    .raw(
      `alter table indicator_tally ${columns};
       alter table indicator_rollup ${columns};
       drop function piis_national_indicator_rollups(integer);
       ${nationalFunction([...FORMER, ...ADDED])}
       delete from rollup_coverage;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const columns = ADDED.map((c) => `drop column ${c}`).join(', ');
  await sql
    .raw(
      `drop function piis_national_indicator_rollups(integer);
       alter table indicator_tally ${columns};
       alter table indicator_rollup ${columns};
       ${nationalFunction(FORMER)}`,
    )
    .execute(db);
}
