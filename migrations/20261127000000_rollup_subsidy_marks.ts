// Marks say whether a person's subsidy months need recomputing too. The subsidy follows from
// fewer facts than the indicators (rights, situations, exemptions, sanctions, the council's
// noting, extension requests and a PIIS's track and dates — never an evaluation, an interview,
// an assessment or a version's content), and recomputing it is the larger part of a refresh:
// an evaluation, the commonest write, now marks the person for the indicators only. A mark
// that needs the subsidy keeps needing it whatever marks follow (the flag only ever turns on
// until the refresh takes the mark).
import { type Kysely, sql } from 'kysely';

/** the facts the indicators follow from but the subsidy does not */
const indicatorOnlyByBeneficiary = ['assessment'];
const indicatorOnlyByPiis = ['piis_version', 'piis_evaluation', 'piis_interview_request'];
const UPSERT = `on conflict (cpas_id, beneficiary_id) do update set subsidy = true
           where excluded.subsidy and not rollup_dirty.subsidy`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table rollup_dirty add column subsidy boolean not null default true;

       -- the marks of the first rollup migration, now turning the flag on when a mark is there
       create or replace function piis_rollup_mark_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct c.cpas_id, c.id, true from changed c
           ${UPSERT};
         return null;
       end $$;
       create or replace function piis_rollup_mark_by_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct c.cpas_id, c.beneficiary_id, true from changed c
           ${UPSERT};
         return null;
       end $$;
       create or replace function piis_rollup_mark_by_piis() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct p.cpas_id, p.beneficiary_id, true from changed c join piis p on p.cpas_id = c.cpas_id and p.id = c.piis_id
           ${UPSERT};
         return null;
       end $$;

       -- indicator-only facts: a mark without the subsidy (an existing mark keeps its flag)
       create function piis_rollup_mark_indicators_by_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct c.cpas_id, c.beneficiary_id, false from changed c
           on conflict do nothing;
         return null;
       end $$;
       create function piis_rollup_mark_indicators_by_piis() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct p.cpas_id, p.beneficiary_id, false from changed c join piis p on p.cpas_id = c.cpas_id and p.id = c.piis_id
           on conflict do nothing;
         return null;
       end $$;

       -- a PIIS row changes with every action (its revision, its rendered file): the subsidy only
       -- when its person, track or dates do
       create function piis_rollup_mark_piis_update() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select n.cpas_id, n.beneficiary_id,
             bool_or(o.beneficiary_id is distinct from n.beneficiary_id or o.track is distinct from n.track
               or o.signed_on is distinct from n.signed_on or o.ended_on is distinct from n.ended_on or o.ends_on is distinct from n.ends_on)
           from changed n join old_rows o on o.cpas_id = n.cpas_id and o.id = n.id
           group by n.cpas_id, n.beneficiary_id
           ${UPSERT};
         -- a PIIS that changed person leaves the former person to recompute as well
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct o.cpas_id, o.beneficiary_id, true
           from old_rows o join changed n on n.cpas_id = o.cpas_id and n.id = o.id
           where o.beneficiary_id is distinct from n.beneficiary_id
           ${UPSERT};
         return null;
       end $$;
       drop trigger piis_rollup_update on piis;
       create trigger piis_rollup_update after update on piis referencing old table as old_rows new table as changed
         for each statement execute function piis_rollup_mark_piis_update();
       ${[
         ...indicatorOnlyByBeneficiary.map((t) => [t, 'piis_rollup_mark_indicators_by_beneficiary']),
         ...indicatorOnlyByPiis.map((t) => [t, 'piis_rollup_mark_indicators_by_piis']),
       ]
         .map(
           ([t, fn]) => `drop trigger ${t}_rollup_insert on ${t};
       drop trigger ${t}_rollup_update on ${t};
       create trigger ${t}_rollup_insert after insert on ${t} referencing new table as changed for each statement execute function ${fn}();
       create trigger ${t}_rollup_update after update on ${t} referencing new table as changed for each statement execute function ${fn}();`,
         )
         .join('\n       ')}`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `${[
        ['piis', 'piis_rollup_mark_by_beneficiary'],
        ...indicatorOnlyByBeneficiary.map((t) => [t, 'piis_rollup_mark_by_beneficiary']),
        ...indicatorOnlyByPiis.map((t) => [t, 'piis_rollup_mark_by_piis']),
      ]
        .map(
          ([t, fn]) => `drop trigger if exists ${t}_rollup_insert on ${t};
       drop trigger if exists ${t}_rollup_update on ${t};
       create trigger ${t}_rollup_insert after insert on ${t} referencing new table as changed for each statement execute function ${fn}();
       create trigger ${t}_rollup_update after update on ${t} referencing new table as changed for each statement execute function ${fn}();`,
        )
        .join('\n       ')}
       create or replace function piis_rollup_mark_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id) select distinct c.cpas_id, c.id from changed c on conflict do nothing;
         return null;
       end $$;
       create or replace function piis_rollup_mark_by_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id) select distinct c.cpas_id, c.beneficiary_id from changed c on conflict do nothing;
         return null;
       end $$;
       create or replace function piis_rollup_mark_by_piis() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id)
           select distinct p.cpas_id, p.beneficiary_id from changed c join piis p on p.cpas_id = c.cpas_id and p.id = c.piis_id
           on conflict do nothing;
         return null;
       end $$;
       drop function if exists piis_rollup_mark_piis_update();
       drop function if exists piis_rollup_mark_indicators_by_piis();
       drop function if exists piis_rollup_mark_indicators_by_beneficiary();
       alter table rollup_dirty drop column subsidy;`,
    )
    .execute(db);
}
