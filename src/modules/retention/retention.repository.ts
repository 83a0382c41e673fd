// Who is due for anonymisation, across every CPAS (run by the owner: npm run purge). A person is
// due when nothing of their file is in force — no PIIS still open, no RI right in force (their
// latest right decision in force is an end, or there is none) — and their last activity lies
// more than the CPAS's retention period back (default 10 years).
import { inForceSql } from '../../db/in-force.js';
import type { OwnerQuery } from '../audit/index.js';

export const DEFAULT_RETENTION_YEARS = 10;

export function duePersons(
  query: OwnerQuery,
  today: string,
  cpasId: string | null = null,
): Promise<Array<{ cpas_id: string; id: string; last_activity: string }>> {
  return query<{ cpas_id: string; id: string; last_activity: string }>(
    `
    select b.cpas_id, b.id, a.last_activity::text as last_activity
    from beneficiary b
    left join retention_policy r on r.cpas_id = b.cpas_id
    -- the dates of the facts (a file loaded today from an older system is as old as its facts);
    -- a person without any fact, from when they were registered
    cross join lateral (select coalesce(greatest(
        b.transferred_out_at::date,
        (select max(greatest(p.drafted_on, p.ended_on, p.signed_on)) from piis p where p.cpas_id = b.cpas_id and
          p.beneficiary_id = b.id),
        (select max(e.held_on) from piis_evaluation e join piis p on p.cpas_id = e.cpas_id and p.id = e.piis_id where
          p.cpas_id = b.cpas_id and p.beneficiary_id = b.id),
        (select max(greatest(rd.decided_on, rd.starts_on)) from right_decision rd where rd.cpas_id = b.cpas_id and
          rd.beneficiary_id = b.id),
        (select max(s.performed_on) from assessment s where s.cpas_id = b.cpas_id and s.beneficiary_id = b.id),
        (select max(coalesce(s.ends_on, s.starts_on)) from situation s where s.cpas_id = b.cpas_id and
          s.beneficiary_id = b.id),
        (select max(x.decided_on) from exemption x where x.cpas_id = b.cpas_id and x.beneficiary_id = b.id)
      ), b.created_at::date) as last_activity) a
    where b.anonymised_at is null
      and ($2::uuid is null or b.cpas_id = $2::uuid)
      and not exists (select 1 from piis p where p.cpas_id = b.cpas_id and p.beneficiary_id = b.id and p.stage <>
        'closed')
      and coalesce((select rd.kind from right_decision rd where rd.cpas_id = b.cpas_id and rd.beneficiary_id = b.id
        and ${inForceSql('right_decision', 'rd')}
                    order by rd.starts_on desc, rd.decided_on desc limit 1), 'end') = 'end'
      and a.last_activity + make_interval(years => coalesce(r.anonymise_after_years, ${DEFAULT_RETENTION_YEARS})) <
        $1::date
    order by b.cpas_id, b.id`,
    [today, cpasId],
  );
}

/** One person anonymised in one transaction (the function audits it). */
export async function anonymise(query: OwnerQuery, cpasId: string, personId: string): Promise<void> {
  await query('select piis_anonymise_person($1::uuid, $2::uuid)', [cpasId, personId]);
}
