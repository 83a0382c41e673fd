// Recomputes every CPAS's audit hash chain from the raw entries, independently of the database's
// own sealing function, and reports each break: an edited entry, a deleted entry, a gap in the
// chain, or newest entries deleted behind the last checkpoint (in the database or in the log).
import { createHash } from 'node:crypto';

export type { OwnerQuery } from '../../db/owner.js';
import type { OwnerQuery } from '../../db/owner.js';

export interface Checkpoint {
  cpasId: string;
  position: number;
  hash: string;
}

export interface VerifyReport {
  chains: number;
  entries: number;
  /** chains checked against at least one checkpoint copy from outside the database (a log) */
  anchoredChains: number;
  problems: string[];
}

interface ChainRow {
  cpas_id: string;
  position: string | number;
  prev_hash: string;
  hash: string;
  entry_id: string;
  e_id: string | null;
  at_us: string | null;
  actor: string | null;
  action: string | null;
  entity: string | null;
  entity_id: string | null;
  entity_ids: string | null;
  request_id: string | null;
  outcome: string | null;
}

const GENESIS = '0'.repeat(64);

export function canonicalEntry(e: {
  cpasId: string;
  id: string;
  atMicros: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  entityIds: string | null;
  requestId: string;
  outcome: string;
}): string {
  return [
    e.cpasId,
    e.id,
    e.atMicros,
    e.actor,
    e.action,
    e.entity,
    e.entityId ?? '',
    e.entityIds ?? '',
    e.requestId,
    e.outcome,
  ].join('\u001f');
}

export function chainHash(prev: string, canonical: string): string {
  return createHash('sha256').update(`${prev}\n${canonical}`, 'utf8').digest('hex');
}

export async function verifyAudit(query: OwnerQuery, external: Checkpoint[] = []): Promise<VerifyReport> {
  const problems: string[] = [];
  const rows = await query<ChainRow>(`
    select c.cpas_id::text, c.position, c.prev_hash, c.hash, c.entry_id::text,
           e.id::text as e_id, (extract(epoch from e.at) * 1000000)::bigint::text as at_us,
           e.actor, e.action, e.entity, e.entity_id::text, array_to_string(e.entity_ids, ',') as entity_ids,
           e.request_id, e.outcome
    from audit_chain c
    left join audit_entry e on e.cpas_id = c.cpas_id and e.id = c.entry_id
    order by c.cpas_id, c.position`);
  const heads = new Map<string, { position: number; hashes: Map<number, string> }>();
  let entries = 0;
  for (const r of rows) {
    const position = Number(r.position);
    let head = heads.get(r.cpas_id);
    if (!head) {
      head = { position: 0, hashes: new Map() };
      heads.set(r.cpas_id, head);
    }
    const expectedPrev = head.position === 0 ? GENESIS : head.hashes.get(head.position)!;
    if (position !== head.position + 1)
      problems.push(`CPAS ${r.cpas_id}: chain links ${head.position + 1}…${position - 1} are missing`);
    if (r.prev_hash !== expectedPrev)
      problems.push(`CPAS ${r.cpas_id}: link ${position} does not follow link ${head.position}`);
    if (r.e_id === null) {
      problems.push(`CPAS ${r.cpas_id}: entry ${r.entry_id} (link ${position}) was deleted`);
    } else {
      entries++;
      const canonical = canonicalEntry({
        cpasId: r.cpas_id,
        id: r.e_id,
        atMicros: r.at_us!,
        actor: r.actor!,
        action: r.action!,
        entity: r.entity!,
        entityId: r.entity_id,
        entityIds: r.entity_ids,
        requestId: r.request_id!,
        outcome: r.outcome!,
      });
      if (chainHash(r.prev_hash, canonical) !== r.hash)
        problems.push(`CPAS ${r.cpas_id}: entry ${r.entry_id} (link ${position}) was edited`);
    }
    head.position = position;
    head.hashes.set(position, r.hash);
  }

  const stored = await query<{ cpas_id: string; position: string | number; hash: string }>(
    `select cpas_id::text, position, hash from audit_checkpoint`,
  );
  const checkpoints: Checkpoint[] = [
    ...stored.map((c) => ({ cpasId: c.cpas_id, position: Number(c.position), hash: c.hash })),
    ...external,
  ];
  for (const c of checkpoints) {
    const head = heads.get(c.cpasId);
    const at = head?.hashes.get(c.position);
    if (!head || c.position > head.position) {
      problems.push(
        `CPAS ${c.cpasId}: the chain ends at ${head?.position ?? 0} but a checkpoint saw link ${c.position}: newest ` +
          `entries were deleted`,
      );
    } else if (at !== c.hash) {
      problems.push(`CPAS ${c.cpasId}: link ${c.position} differs from its checkpoint`);
    }
  }

  // Entries never sealed although the sealer ran long after them: inserted behind its back.
  const unsealed = await query<{ cpas_id: string; id: string }>(`
    select e.cpas_id::text, e.id::text from audit_entry e
    where e.at < now() - interval '5 minutes'
      and not exists (select 1 from audit_chain c where c.cpas_id = e.cpas_id and c.entry_id = e.id)`);
  for (const u of unsealed)
    problems.push(`CPAS ${u.cpas_id}: entry ${u.id} is older than 5 minutes and was never sealed`);

  const anchoredChains = new Set(external.map((c) => c.cpasId).filter((id) => heads.has(id))).size;
  return { chains: heads.size, entries, anchoredChains, problems: [...new Set(problems)] };
}

/**
 * What a verification could and could not prove, said plainly. Without copies from outside the
 * database, whoever can write the database as its owner could have rewritten entries, chain and
 * checkpoints together: the check then proves the chain is whole, not that it is the original.
 */
export function anchoringNote(report: VerifyReport, logsGiven: number): string {
  if (logsGiven === 0) {
    return (
      'NOTE: checked against the database only (no --log given). The chain is whole, but the database owner could ' +
      'have rewritten entries, chain and checkpoints together; give --log with the service log or a checkpoint ' +
      'export kept outside the database to rule that out.'
    );
  }
  if (report.anchoredChains < report.chains) {
    return (
      `NOTE: ${report.chains - report.anchoredChains} of ${report.chains} chain(s) have no checkpoint in the ` +
      `given log(s): those were checked against the database only.`
    );
  }
  return `All ${report.chains} chain(s) were checked against checkpoint copies from outside the database.`;
}

/** Checkpoints written to the service log (pino JSON lines with auditCheckpoint). */
export function checkpointsFromLog(text: string): Checkpoint[] {
  const found: Checkpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('auditCheckpoint')) continue;
    try {
      const c = (JSON.parse(line) as { auditCheckpoint?: Checkpoint }).auditCheckpoint;
      if (c && typeof c.cpasId === 'string' && typeof c.position === 'number' && typeof c.hash === 'string')
        found.push(c);
    } catch {
      // not a JSON log line
    }
  }
  return found;
}
