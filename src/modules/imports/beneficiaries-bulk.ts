// The fast lane of a beneficiaries import: rows that create a new person — valid, no partner, a
// NISS and an externalRef that no other row of the batch names and no beneficiary of the CPAS
// holds — are inserted together, with their audit entries and events in one statement: exactly
// what createBeneficiary writes for each, without a round trip per row. Every other row takes the
// ordinary lane (one savepoint and the service per row), so a verdict never depends on the lane.
import { sql } from 'kysely';
import type { ValidateFunction } from 'ajv';
import type { Tx } from '../../db/tenant.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../core/audit-append.js';
import { appendChangesQuery } from '../../core/audit-append.js';
import { birthDateFor, normaliseNiss, validNiss } from '../beneficiaries/index.js';
import type { ParsedRow } from './import-formats.js';

interface Candidate {
  rowNumber: number;
  id: string;
  niss: string;
  externalRef: string;
  value: Record<string, unknown>;
  birthDate: string | null;
}

const normalise = (s: unknown) => (typeof s === 'string' ? normaliseNiss(s) : '');

export async function createNewBeneficiaries(
  tx: Tx,
  actor: Actor,
  today: string,
  rows: ParsedRow[],
  validate: ValidateFunction,
): Promise<{ created: Map<number, { id: string; externalRef: string }>; rest: ParsedRow[] }> {
  const nissCount = new Map<string, number>();
  const refCount = new Map<string, number>();
  for (const r of rows) {
    if ('error' in r) continue;
    const n = normalise(r.value['niss']);
    const ref = String(r.value['externalRef'] ?? '');
    nissCount.set(n, (nissCount.get(n) ?? 0) + 1);
    refCount.set(ref, (refCount.get(ref) ?? 0) + 1);
  }
  const candidates: Candidate[] = [];
  for (const r of rows) {
    if ('error' in r || r.value['partnerId'] !== undefined || !validate(r.value)) continue;
    const ref = r.value['externalRef'] as string;
    try {
      const { niss, check } = validNiss(r.value['niss'] as string);
      if (nissCount.get(niss) !== 1 || refCount.get(ref) !== 1) continue;
      const birthDate = birthDateFor(check, r.value['birthDate'] as string | undefined, today);
      candidates.push({ rowNumber: r.rowNumber, id: uuidv7(), niss, externalRef: ref, value: r.value, birthDate });
    } catch {
      // refused: the ordinary lane gives the verdict
    }
  }
  const created = new Map<number, { id: string; externalRef: string }>();
  if (candidates.length > 0) {
    const { rows: taken } = await sql<{ niss: string; external_ref: string | null }>`
      select niss, external_ref from beneficiary
      where cpas_id = ${actor.cpasId}
        and (niss = any(${candidates.map((c) => c.niss)}::text[]) or external_ref =
          any(${candidates.map((c) => c.externalRef)}::text[]))`.execute(tx);
    const takenNiss = new Set(taken.map((t) => t.niss));
    const takenRef = new Set(taken.map((t) => t.external_ref));
    const fresh = candidates.filter((c) => !takenNiss.has(c.niss) && !takenRef.has(c.externalRef));
    for (let i = 0; i < fresh.length; i += 1000) {
      const chunk = fresh.slice(i, i + 1000);
      await tx
        .insertInto('beneficiary')
        .values(
          chunk.map((c) => ({
            cpas_id: actor.cpasId,
            id: c.id,
            niss: c.niss,
            given_name: c.value['givenName'] as string,
            family_name: c.value['familyName'] as string,
            birth_date: c.birthDate,
            language: c.value['language'] as 'fr' | 'nl' | 'de',
            partner_id: null,
            external_ref: c.externalRef,
            created_by: actor.actor,
          })),
        )
        .execute();
      await tx.executeQuery(
        appendChangesQuery(
          tx,
          actor,
          chunk.map((c) => ({
            action: 'create' as const,
            entity: 'beneficiary',
            entityId: c.id,
            event: { type: 'beneficiary.created', data: { id: c.id } },
          })),
        ),
      );
    }
    for (const c of fresh) created.set(c.rowNumber, { id: c.id, externalRef: c.externalRef });
  }
  return { created, rest: rows.filter((r) => !created.has(r.rowNumber)) };
}
