// Indicator rollups (R-IND-*): each person's contribution to the indicators of each year
// (indicator_tally) and their sum per CPAS and year (indicator_rollup), so that a CPAS's
// indicators and the national view read a few rows instead of recomputing every file. Triggers
// on every table the indicators follow from mark the person in rollup_dirty in the writing
// transaction itself — no write path can forget it; the service recomputes marked persons before
// it reads (and in the background). The SPP IS reads the per-CPAS sums of every CPAS through one
// narrow owner function: counts only, never a person, and row-level security stays on.
import { type Kysely, sql } from 'kysely';

// the counts of a tally, in the order of TALLY_COUNTS (src/rules/indicators.ts), snake-cased
const COUNTS = [
  'assessed', 'path21', 'path22', 'path23', 'socio_professional', 'autonomy', 'volunteering', 'employment', 'progressed', 'progress_measured',
  'entitled', 'entitled_ri', 'entitled_in_path', 'conclusion_cases', 'concluded_in_time', 'concluded_handed', 'full_reflection', 'reflection_waivers',
  'evaluation_periods', 'evaluation_periods_met', 'interviews', 'interviews_in_time',
];
const tables = ['indicator_tally', 'indicator_rollup', 'rollup_dirty', 'rollup_coverage'];
const byBeneficiary = ['right_decision', 'exemption', 'assessment', 'piis'];
const byPiis = ['piis_version', 'piis_signature', 'piis_evaluation', 'piis_interview_request'];

export async function up(db: Kysely<any>): Promise<void> {
  const columns = COUNTS.map((c) => `${c} integer not null default 0 check (${c} >= 0)`).join(',\n        ');
  await sql
    .raw(
      `create table indicator_tally (
        cpas_id uuid not null,
        beneficiary_id uuid not null,
        year smallint not null check (year between 2002 and 2100),
        ${columns},
        signature_delays integer[] not null default '{}',
        primary key (cpas_id, beneficiary_id, year),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id)
      );
      create index indicator_tally_year on indicator_tally (cpas_id, year);
      create table indicator_rollup (
        cpas_id uuid not null references cpas (id),
        year smallint not null check (year between 2002 and 2100),
        ${columns},
        signature_delays integer[] not null default '{}',
        primary key (cpas_id, year)
      );
      create table rollup_dirty (
        cpas_id uuid not null,
        beneficiary_id uuid not null,
        primary key (cpas_id, beneficiary_id)
      );
      create table rollup_coverage (
        cpas_id uuid primary key references cpas (id),
        through_year smallint not null
      );
      grant select, insert, update, delete on ${tables.join(', ')} to piis_app;`,
    )
    .execute(db);
  for (const table of tables) {
    await sql
      .raw(
        `alter table ${table} enable row level security;
         create policy tenant_isolation on ${table}
           using (cpas_id = piis_current_cpas())
           with check (cpas_id = piis_current_cpas());`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `create function piis_rollup_mark_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id)
           select distinct c.cpas_id, c.id from changed c
           on conflict do nothing;
         return null;
       end $$;
       create function piis_rollup_mark_by_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id)
           select distinct c.cpas_id, c.beneficiary_id from changed c
           on conflict do nothing;
         return null;
       end $$;
       create function piis_rollup_mark_by_piis() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id)
           select distinct p.cpas_id, p.beneficiary_id from changed c join piis p on p.cpas_id = c.cpas_id and p.id = c.piis_id
           on conflict do nothing;
         return null;
       end $$;`,
    )
    .execute(db);
  const mark = (table: string, fn: string) =>
    `create trigger ${table}_rollup_insert after insert on ${table} referencing new table as changed for each statement execute function ${fn}();
     create trigger ${table}_rollup_update after update on ${table} referencing new table as changed for each statement execute function ${fn}();`;
  await sql
    .raw(
      [
        mark('beneficiary', 'piis_rollup_mark_beneficiary'),
        ...byBeneficiary.map((t) => mark(t, 'piis_rollup_mark_by_beneficiary')),
        ...byPiis.map((t) => mark(t, 'piis_rollup_mark_by_piis')),
      ].join('\n'),
    )
    .execute(db);
  await sql
    .raw(
      `-- The SPP IS view: every registered CPAS with its summed counts of the year (zeros when it
       -- has none). Counts only; the service suppresses small cells before anything leaves.
       create function piis_national_indicator_rollups(p_year integer)
       returns table (cpas_id uuid, kbo_number text, name jsonb, ${COUNTS.map((c) => `${c} integer`).join(', ')}, signature_delays integer[])
       language sql stable security definer set search_path = public, pg_temp set jit = off as $$
         select c.id, c.kbo_number, c.name, ${COUNTS.map((col) => `coalesce(r.${col}, 0)`).join(', ')}, coalesce(r.signature_delays, '{}')
         from cpas c left join indicator_rollup r on r.cpas_id = c.id and r.year = p_year
         where c.id <> '00000000-0000-0000-0000-000000000000'
         order by c.kbo_number
       $$;
       -- Which CPAS have persons waiting to be tallied, and through which year their tallies go:
       -- ids and counts, nothing about a person.
       create function piis_rollup_backlog()
       returns table (cpas_id uuid, dirty bigint, through_year smallint)
       language sql stable security definer set search_path = public, pg_temp set jit = off as $$
         -- one pass over the marks (a count per CPAS would scan them 580 times)
         select c.id, coalesce(d.n, 0), v.through_year
         from cpas c
         left join (select x.cpas_id, count(*) as n from rollup_dirty x group by x.cpas_id) d on d.cpas_id = c.id
         left join rollup_coverage v on v.cpas_id = c.id
         where c.id <> '00000000-0000-0000-0000-000000000000'
       $$;
       -- marks come and go with every write: vacuum them often, or readers wade through dead rows
       alter table rollup_dirty set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_insert_threshold = 1000);
       revoke all on function piis_national_indicator_rollups(integer), piis_rollup_backlog() from public;
       grant execute on function piis_national_indicator_rollups(integer), piis_rollup_backlog() to piis_app;

       -- The SPP IS statistical extract (R-IND-PRIVACY): one row per PIIS and year from p_from to
       -- p_to (a year where it was drafted, or concluded and in force on a day), every CPAS.
       -- Persons and PIIS are named by a keyed pseudonym, HMAC-SHA256 of the internal id under
       -- the purpose's key (the caller passes that key's inner and outer padded blocks), cut to
       -- 128 bits; no name, no NISS, no free text, no health data (no domain, no score); dates to
       -- the month, age as a band. Facts in force only (R-CORRECT).
       create function piis_statistical_extract(p_from integer, p_to integer, p_inner bytea, p_outer bytea)
       returns table (person text, piis text, cpas_kbo text, year integer, track text, obligation text,
         activation_category text, age_band text, drafted_month text, signed_month text, ended_month text,
         close_outcome text, evaluations integer, evaluations_in_person integer, interviews integer, sanctions integer)
       language sql stable security definer set search_path = public, pg_temp set jit = off as $$
         select
           substr(encode(sha256(p_outer || sha256(p_inner || convert_to(p.beneficiary_id::text, 'UTF8'))), 'hex'), 1, 32),
           substr(encode(sha256(p_outer || sha256(p_inner || convert_to(p.id::text, 'UTF8'))), 'hex'), 1, 32),
           c.kbo_number, y.year, p.track, p.obligation,
           (select v.content ->> 'activationCategory' from piis_version v
              where v.cpas_id = p.cpas_id and v.piis_id = p.id and v.version = p.current_version),
           case
             when b.birth_date is null then null
             else (select case when a < 25 then 'under-25' when a < 35 then '25-34' when a < 45 then '35-44'
                               when a < 55 then '45-54' when a < 65 then '55-64' else '65-plus' end
                   from (select extract(year from age(y.y1, b.birth_date))::int as a) age)
           end,
           to_char(p.drafted_on, 'YYYY-MM'), to_char(p.signed_on, 'YYYY-MM'), to_char(p.ended_on, 'YYYY-MM'), p.close_outcome,
           (select count(*) from piis_evaluation e where e.cpas_id = p.cpas_id and e.piis_id = p.id
              and e.held_on between y.y0 and y.y1 and e.voided_at is null
              and not exists (select 1 from piis_evaluation s where s.cpas_id = e.cpas_id and s.supersedes_id = e.id and s.voided_at is null))::int,
           (select count(*) from piis_evaluation e where e.cpas_id = p.cpas_id and e.piis_id = p.id and e.mode = 'in_person'
              and e.held_on between y.y0 and y.y1 and e.voided_at is null
              and not exists (select 1 from piis_evaluation s where s.cpas_id = e.cpas_id and s.supersedes_id = e.id and s.voided_at is null))::int,
           (select count(*) from piis_interview_request i where i.cpas_id = p.cpas_id and i.piis_id = p.id
              and i.requested_on between y.y0 and y.y1 and i.voided_at is null
              and not exists (select 1 from piis_interview_request s where s.cpas_id = i.cpas_id and s.supersedes_id = i.id and s.voided_at is null))::int,
           (select count(*) from piis_sanction x where x.cpas_id = p.cpas_id and x.piis_id = p.id
              and x.decided_on between y.y0 and y.y1 and x.voided_at is null
              and not exists (select 1 from piis_sanction s where s.cpas_id = x.cpas_id and s.supersedes_id = x.id and s.voided_at is null))::int
         from piis p
         join beneficiary b on b.cpas_id = p.cpas_id and b.id = p.beneficiary_id
         join cpas c on c.id = p.cpas_id
         -- the years the PIIS can belong to: from its draft to its end (a draft: its own year)
         cross join lateral (
           select g as year, make_date(g, 1, 1) as y0, make_date(g, 12, 31) as y1
           from generate_series(
             greatest(p_from, extract(year from p.drafted_on)::int),
             least(p_to, case when p.signed_on is null then extract(year from p.drafted_on)::int
                              else extract(year from coalesce(p.ended_on, p.ends_on, make_date(p_to, 12, 31)))::int end)) g
         ) y
         where p.drafted_on between y.y0 and y.y1
            or (p.signed_on <= y.y1 and coalesce(p.ended_on, p.ends_on, 'infinity'::date) >= y.y0)
       $$;
       revoke all on function piis_statistical_extract(integer, integer, bytea, bytea) from public;
       grant execute on function piis_statistical_extract(integer, integer, bytea, bytea) to piis_app;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `drop function if exists piis_statistical_extract(integer, integer, bytea, bytea);
       drop function if exists piis_national_indicator_rollups(integer);
       drop function if exists piis_rollup_backlog();
       ${['beneficiary', ...byBeneficiary, ...byPiis].map((t) => `drop trigger if exists ${t}_rollup_insert on ${t}; drop trigger if exists ${t}_rollup_update on ${t};`).join('\n')}
       drop function if exists piis_rollup_mark_beneficiary();
       drop function if exists piis_rollup_mark_by_beneficiary();
       drop function if exists piis_rollup_mark_by_piis();
       drop table if exists ${[...tables].reverse().join(', ')} cascade;`,
    )
    .execute(db);
}
