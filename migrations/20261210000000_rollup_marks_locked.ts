// A write of an indicator-only fact (an assessment, an evaluation, an interview request, a
// version) marked its person with `on conflict do nothing`: when a mark was already there, the
// write left it unlocked, and a refresh could take that mark, read the facts before the write
// committed and so recompute the person without it — the mark gone, the tally stale (two servers
// under load showed it). `do update … where false` updates nothing but locks the existing mark
// until the write ends: a refresh skips a locked mark (`skip locked`) and takes it on a later
// round, after the write. The marks that also concern the subsidy already took that lock.
import { type Kysely, sql } from 'kysely';

const marking = (conflict: string) => `
       create or replace function piis_rollup_mark_indicators_by_beneficiary() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct c.cpas_id, c.beneficiary_id, false from changed c
           ${conflict};
         return null;
       end $$;
       create or replace function piis_rollup_mark_indicators_by_piis() returns trigger language plpgsql as $$
       begin
         insert into rollup_dirty (cpas_id, beneficiary_id, subsidy)
           select distinct p.cpas_id, p.beneficiary_id, false from changed c join piis p on p.cpas_id = c.cpas_id and p.id = c.piis_id
           ${conflict};
         return null;
       end $$;`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(marking('on conflict (cpas_id, beneficiary_id) do update set subsidy = rollup_dirty.subsidy where false'))
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(marking('on conflict do nothing')).execute(db);
}
