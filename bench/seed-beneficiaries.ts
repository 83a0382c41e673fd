// A deterministic data generator (npm run seed, npm run bench): N beneficiaries of one CPAS, each
// with an RI grant, an assessment and a PIIS at a stage of its life (10 % drafts, 10 % in
// reflection, 70 % signed with 0–3 evaluations, 10 % closed), some interview and hearing
// requests. The same N gives the same rows (ids included) every time. Written as piis_app through
// units of work bound to the CPAS, so row-level security applies; it is bulk test data, so it
// leaves no audit entries.
import { bothSignatures } from './seed-rows.js';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/types.js';
import { inTenant } from '../src/db/tenant.js';
import { addDays, addMonths } from '../src/rules/dates.js';
import { todayInBrussels } from '../src/rules/calendar.js';
import { refreshDeadlines } from '../src/modules/deadlines/deadlines.engine.js';
import { keepRenderedFiles } from '../src/modules/piis/piis.repository.js';

/** A UUIDv7-shaped id from (kind, index): the same every run, ordered by index. */
export function seededId(cpasId: string, kind: string, index: number): string {
  const b = createHash('sha256').update(`${cpasId}:${kind}:${index}`).digest().subarray(0, 16);
  b.writeUIntBE(1_700_000_000_000 + index, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A valid NISS for the i-th person: a birth date in 1950–1999 and a serial, with its check digits (R-ID-NISS). */
export function seededNiss(i: number): string {
  const day = i % 18000;
  const serial = 1 + Math.floor(i / 18000);
  const birth = addDays('1950-01-01', day);
  const nine = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(serial).padStart(3, '0')}`;
  const check = 97 - (Number(nine) % 97);
  return `${nine}${String(check).padStart(2, '0')}`;
}

const GIVEN = ['Eva', 'Jan', 'Marie', 'Mohamed', 'Sofia', 'Luc', 'Nadia', 'Pieter', 'Fatima', 'Thomas'];
const FAMILY = [
  'Janssens',
  'Peeters',
  'Maes',
  'Dubois',
  'Lambert',
  'El Amrani',
  'Claes',
  'Martin',
  'Willems',
  'Dupont',
];

const content = (startsOn: string, endsOn: string) =>
  JSON.stringify({
    domains: ['employment', 'language'],
    activationCategory: '2.1',
    objectives: [
      { key: 'o1', domain: 'employment', description: 'Find a job' },
      { key: 'o2', domain: 'language', description: 'Reach A2 in Dutch' },
    ],
    commitments: [
      { party: 'beneficiary', description: 'Attend the course', objectiveKeys: ['o2'] },
      { party: 'cpas', description: 'Pay the registration', objectiveKeys: ['o1', 'o2'] },
    ],
    startsOn,
    endsOn,
    evaluationArrangements: 'Every four months, two of them in person',
    supplementaryAid: 'Registration and travel costs',
  });

type Rows = Record<string, Record<string, unknown>[]>;

/** Generated person i: an RI grant, an initial bilan social, one PIIS at a stage that depends on i. */
function addPerson(cpasId: string, i: number, rows: Rows): void {
  const id = (kind: string, n = 0) => seededId(cpasId, kind, i * 8 + n);
  const who = 'system:seed';
  const beneficiaryId = id('beneficiary');
  const grantOn = addDays('2025-01-01', (i * 7) % 540);
  rows['beneficiary']!.push({
    cpas_id: cpasId,
    id: beneficiaryId,
    niss: seededNiss(i),
    given_name: GIVEN[i % 10],
    family_name: `${FAMILY[(i >> 3) % 10]} ${i}`,
    birth_date: null,
    language: (['fr', 'nl', 'de'] as const)[i % 3],
    partner_id: null,
    external_ref: `seed-${i}`,
    created_by: who,
  });
  rows['right_decision']!.push({
    cpas_id: cpasId,
    id: id('right'),
    beneficiary_id: beneficiaryId,
    kind: 'ri',
    category: 'isolated',
    decided_on: grantOn,
    starts_on: grantOn,
    monthly_amount_cents: 130000,
    recorded_by: who,
  });
  rows['assessment']!.push({
    cpas_id: cpasId,
    id: id('assessment'),
    beneficiary_id: beneficiaryId,
    performed_on: addDays(grantOn, 10),
    kind: 'initial',
    instrument: 'default',
    domain_scores: JSON.stringify([{ domain: 'employment', score: 2 }]),
    participation_rung: 2,
    barriers: '[]',
    recorded_by: who,
  });
  const piis = addPiis(cpasId, i, rows, { id, who, beneficiaryId, grantOn });
  if (piis.signed) addFollowUp(cpasId, i, rows, { id, who, ...piis });
}

interface Seeded {
  id: (kind: string, n?: number) => string;
  who: string;
}

/** The person's PIIS and its first version; a hearing requested now and then during the reflection. */
function addPiis(
  cpasId: string,
  i: number,
  rows: Rows,
  { id, who, beneficiaryId, grantOn }: Seeded & { beneficiaryId: string; grantOn: string },
) {
  const stage = i % 10 === 0 ? 'draft' : i % 10 === 1 ? 'in_reflection' : i % 10 === 9 ? 'closed' : 'signed';
  const draftedOn = addDays(grantOn, 20);
  const handedOverOn = addDays(grantOn, 25);
  const signedOn = addDays(handedOverOn, 7);
  const startsOn = addDays(signedOn, 1);
  const endsOn = addDays(addMonths(startsOn, 12), -1);
  const piisId = id('piis');
  const signed = stage === 'signed' || stage === 'closed';
  rows['piis']!.push({
    cpas_id: cpasId,
    id: piisId,
    beneficiary_id: beneficiaryId,
    track: 'general',
    obligation: 'compulsory',
    drafted_on: draftedOn,
    stage,
    starts_on: startsOn,
    ends_on: endsOn,
    handed_over_on: stage === 'draft' ? null : handedOverOn,
    informed_on: stage === 'draft' ? null : handedOverOn,
    assisted_by: stage === 'draft' ? null : 'null',
    signed_on: signed ? signedOn : null,
    ended_on: stage === 'closed' ? addDays(startsOn, 200) : null,
    close_outcome: stage === 'closed' ? 'employment' : null,
    external_ref: `seed-piis-${i}`,
    created_by: who,
  });
  rows['piis_version']!.push({
    cpas_id: cpasId,
    id: id('version'),
    piis_id: piisId,
    version: 1,
    kind: 'initial',
    content: content(startsOn, endsOn),
    created_by: who,
  });
  if (stage === 'in_reflection' && i % 3 === 0)
    rows['piis_hearing_request']!.push({
      cpas_id: cpasId,
      id: id('hearing'),
      piis_id: piisId,
      requested_on: addDays(handedOverOn, 2),
      recorded_by: who,
    });
  return { piisId, signed, signedOn };
}

/** A signed PIIS's two signatures, up to three evaluations and now and then an interview. */
function addFollowUp(
  cpasId: string,
  i: number,
  rows: Rows,
  { id, who, piisId, signedOn }: Seeded & { piisId: string; signedOn: string },
): void {
  rows['piis_signature']!.push(
    ...bothSignatures(cpasId, piisId, signedOn, [id('signature', 0), id('signature', 1)], who),
  );
  for (let e = 0; e < i % 4; e++) {
    const heldOn = addMonths(signedOn, 4 * (e + 1));
    if (heldOn > '2026-11-01') break;
    rows['piis_evaluation']!.push({
      cpas_id: cpasId,
      id: id('evaluation', e),
      piis_id: piisId,
      version: 1,
      held_on: heldOn,
      mode: e === 1 ? 'remote' : 'in_person',
      objectives: '[]',
      commitments_kept: JSON.stringify({ beneficiary: true, cpas: true }),
      recorded_by: who,
    });
  }
  if (i % 17 === 0)
    rows['piis_interview_request']!.push({
      cpas_id: cpasId,
      id: id('interview'),
      piis_id: piisId,
      requested_on: addDays(signedOn, 30),
      held_on: i % 2 ? addDays(signedOn, 33) : null,
      recorded_by: who,
    });
}

const TABLES = [
  'beneficiary',
  'right_decision',
  'assessment',
  'piis',
  'piis_version',
  'piis_signature',
  'piis_evaluation',
  'piis_interview_request',
  'piis_hearing_request',
] as const;

/** Writes the first `count` generated beneficiaries of the CPAS; rows already there are left as they are. */
export interface SeedOptions {
  onProgress?: (done: number) => void;
  /**
   * Refreshes the planner's statistics (ANALYZE, as the owner). Called as the tables double:
   * plans cached on a connection while the tables were nearly empty (foreign-key checks, PL/pgSQL
   * functions, triggers) would otherwise scan whole tables for the rest of the run.
   */
  analyze?: () => Promise<void>;
  batch?: number;
  today?: string;
}

export async function seedBeneficiaries(
  db: Kysely<DB>,
  cpasId: string,
  count: number,
  options: SeedOptions = {},
): Promise<void> {
  const { onProgress = () => {}, analyze, batch = 500, today = todayInBrussels() } = options;
  let nextAnalyze = batch;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch);
    await inTenant(db, cpasId, async (tx) => {
      const rows = Object.fromEntries(TABLES.map((t) => [t, [] as Record<string, unknown>[]]));
      for (let i = start; i < end; i++) addPerson(cpasId, i, rows);
      for (const table of TABLES) {
        const list = rows[table]!;
        for (let k = 0; k < list.length; k += 1000) {
          await tx
            .insertInto(table)
            .values(list.slice(k, k + 1000) as never)
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      }
      const ids = rows['beneficiary']!.map((b) => String(b['id']));
      await refreshDeadlines(tx, cpasId, today, ids);
      await keepRenderedFiles(tx, cpasId, { beneficiaryIds: ids });
    });
    onProgress(end);
    if (analyze && end >= nextAnalyze && end < count) {
      await analyze();
      nextAnalyze *= 2;
    }
  }
}
