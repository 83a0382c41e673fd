// The national data generator (npm run seed -- --scale national): about 580 CPAS whose sizes
// follow a Zipf-like skew (the largest ~20,000 beneficiaries over ten years, the smallest a few
// hundred), each person with an RI grant, assessments and one to four consecutive PIIS over
// 2016–2026 with about five evaluations a year, interview requests, closings with their
// outcomes, the end of the right for many. ~1,000,000 PIIS and ~5,000,000 evaluations at full
// scale; `--scale` takes a fraction (or small / medium / large). Deterministic: ids, names and
// dates come from (CPAS, person) through a seeded generator, so two runs give the same rows.
// Written as piis_app in units bound to each CPAS (row-level security holds; triggers mark the
// indicator rollups); then each CPAS's deadlines and indicator tallies are computed as the
// service would.
import { bothSignatures } from './seed-rows.js';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/types.js';
import type { Database } from '../src/db/database.js';
import { inTenant } from '../src/db/tenant.js';
import { addDays, addMonths } from '../src/rules/dates.js';
import { refreshDeadlines } from '../src/modules/deadlines/deadlines.engine.js';
import { refreshRollups } from '../src/modules/reports/rollups.service.js';

import { uuidOf, random, GIVEN, FAMILY, CATEGORY, OUTCOMES, niss, content } from './national-seed-data.js';
export const SCALES: Record<string, number> = { national: 1, large: 0.25, medium: 0.1, small: 0.01, tiny: 0.001 };

const CPAS_COUNT = 580;
const LARGEST = 20_000;
/** Zipf exponent: with 580 CPAS and 20,000 at the top, ~395,000 persons in all */
const SKEW = 0.7;
const FIRST_GRANT = '2016-06-01';

/** Beneficiaries of the CPAS of this rank (0 the largest) at this scale. */
export function cpasSize(rank: number, scale: number): number {
  return Math.max(1, Math.round(scale * LARGEST * Math.pow(rank + 1, -SKEW)));
}

export function nationalPlan(scale: number): { cpas: number; persons: number } {
  let persons = 0;
  for (let r = 0; r < CPAS_COUNT; r++) persons += cpasSize(r, scale);
  return { cpas: CPAS_COUNT, persons };
}

/** A valid KBO number for the CPAS of this rank (R-ID-KBO), distinct from the demo CPAS's. */
export function nationalKbo(rank: number): string {
  const base = 2_010_000 + rank * 101;
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
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
] as const;
type Rows = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

/** What the rows of one seeded person are made with: their ids, their random draws, the CPAS. */
interface Seeded {
  cpasId: string;
  j: number;
  today: string;
  rows: Rows;
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  id: (kind: string, n?: number) => string;
  who: string;
  beneficiaryId: string;
}

/** Person j of the CPAS of this rank, with their whole history up to `today`. */
function addPerson(cpasId: string, rank: number, j: number, today: string, rows: Rows): void {
  const rnd = random((rank * 1_000_003 + j * 7_919 + 17) >>> 0);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const who = 'system:seed-national';
  const id = (kind: string, n = 0) => uuidOf(cpasId, kind, j, n);
  const beneficiaryId = id('beneficiary');
  const person: Seeded = { cpasId, j, today, rows, rnd, pick, id, who, beneficiaryId };
  const birth = addDays('1958-01-01', (j * 7_919 + rank * 31) % 17_500);
  rows.beneficiary.push({
    cpas_id: cpasId,
    id: beneficiaryId,
    niss: niss(birth, 1 + Math.floor(j / 17_500)),
    given_name: pick(GIVEN),
    family_name: `${pick(FAMILY)}-${j}`,
    birth_date: rnd() < 0.95 ? birth : null,
    language: rank % 10 < 6 ? 'nl' : rank % 10 < 9 ? 'fr' : 'de',
    partner_id: null,
    external_ref: `national-${j}`,
    created_by: who,
  });
  const span = 3_770; // days from FIRST_GRANT to the end of September 2026
  const grantOn = addDays(FIRST_GRANT, Math.floor(rnd() * span));
  if (grantOn > today) return;
  addGrant(person, grantOn);
  const count = [2, 2, 3, 3, 3, 4, 4, 3, 2, 1][Math.floor(rnd() * 10)]!;
  const student = rnd() < 0.08;
  let draftedOn = addDays(grantOn, 12 + Math.floor(rnd() * 30));
  let lastEnd: string | null = null;
  for (let p = 0; p < count && draftedOn <= today; p++) {
    const contract = addPiis(person, p, draftedOn, student);
    if (!contract.signed) break;
    addFollowUp(person, p, contract);
    lastEnd = contract.endedOn ?? contract.endsOn;
    draftedOn = addDays(lastEnd, 1 + Math.floor(rnd() * 20));
  }
  // the right ends for those whose last PIIS ended more than a few months ago
  if (lastEnd && lastEnd < addDays(today, -120) && rnd() < 0.8) {
    const endOn = addDays(lastEnd, 1);
    rows.right_decision.push({
      cpas_id: cpasId,
      id: id('right', 1),
      beneficiary_id: beneficiaryId,
      kind: 'end',
      category: null,
      decided_on: endOn,
      starts_on: endOn,
      monthly_amount_cents: null,
      recorded_by: who,
    });
  }
}

/** The RI grant and the initial bilan social ten days later. */
function addGrant({ cpasId, rows, rnd, pick, id, who, beneficiaryId }: Seeded, grantOn: string): void {
  const { category, cents } = pick(CATEGORY);
  rows.right_decision.push({
    cpas_id: cpasId,
    id: id('right'),
    beneficiary_id: beneficiaryId,
    kind: 'ri',
    category,
    decided_on: grantOn,
    starts_on: grantOn,
    monthly_amount_cents: cents,
    recorded_by: who,
  });
  rows.assessment.push({
    cpas_id: cpasId,
    id: id('assessment'),
    beneficiary_id: beneficiaryId,
    performed_on: addDays(grantOn, 10),
    kind: 'initial',
    instrument: 'default',
    domain_scores: JSON.stringify([
      { domain: 'employment', score: 1 + Math.floor(rnd() * 3) },
      { domain: 'language', score: 1 + Math.floor(rnd() * 4) },
    ]),
    participation_rung: 1 + Math.floor(rnd() * 3),
    barriers: '[]',
    recorded_by: who,
  });
}

interface SeededPiis {
  piisId: string;
  signed: boolean;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
}

/** PIIS p of the person, drafted on that day: handed over, signed and closed as far as `today` reaches. */
function addPiis(person: Seeded, p: number, draftedOn: string, student: boolean): SeededPiis {
  const { cpasId, j, today, rows, rnd, pick, id, who, beneficiaryId } = person;
  const piisId = id('piis', p);
  const handedOverOn = addDays(draftedOn, 2);
  const signedOn = addDays(handedOverOn, 8 + Math.floor(rnd() * 5));
  const startsOn = addDays(signedOn, 1);
  const endsOn = addDays(addMonths(startsOn, 12), -1);
  const category =
    rnd() < 0.4 ? (draftedOn < '2018-07-26' && rnd() < 0.1 ? '2.3' : rnd() < 0.75 ? '2.1' : '2.2') : null;
  const signed = signedOn <= today;
  const closedEarly = rnd() < 0.12 ? addDays(startsOn, 60 + Math.floor(rnd() * 240)) : null;
  const endedOn = signed
    ? ([closedEarly, endsOn].filter((d): d is string => d !== null && d <= today).sort()[0] ?? null)
    : null;
  rows.piis.push({
    cpas_id: cpasId,
    id: piisId,
    beneficiary_id: beneficiaryId,
    track: student ? 'student' : 'general',
    obligation: 'compulsory',
    drafted_on: draftedOn,
    stage: endedOn ? 'closed' : signed ? 'signed' : handedOverOn <= today ? 'in_reflection' : 'draft',
    starts_on: startsOn,
    ends_on: endsOn,
    handed_over_on: handedOverOn <= today ? handedOverOn : null,
    informed_on: handedOverOn <= today ? handedOverOn : null,
    assisted_by: handedOverOn <= today ? 'null' : null,
    signed_on: signed ? signedOn : null,
    ended_on: endedOn,
    close_outcome: endedOn ? pick(OUTCOMES) : null,
    external_ref: `national-piis-${j}-${p}`,
    created_by: who,
  });
  rows.piis_version.push({
    cpas_id: cpasId,
    id: id('version', p),
    piis_id: piisId,
    version: 1,
    kind: 'initial',
    content: content(startsOn, endsOn, category),
    created_by: who,
  });
  return { piisId, signed, signedOn, startsOn, endsOn, endedOn };
}

/** A signed PIIS's two signatures, its evaluations until it ends, now and then an interview. */
function addFollowUp(person: Seeded, p: number, contract: SeededPiis): void {
  const { cpasId, today, rows, rnd, id, who } = person;
  const { piisId, signedOn, startsOn, endedOn } = contract;
  rows.piis_signature.push(
    ...bothSignatures(cpasId, piisId, signedOn, [id('signature', 2 * p), id('signature', 2 * p + 1)], who),
  );
  const until = endedOn ?? today;
  for (let e = 1; e <= 6; e++) {
    const heldOn = addDays(startsOn, Math.round(e * 58 + rnd() * 6));
    if (heldOn > until) break;
    rows.piis_evaluation.push({
      cpas_id: cpasId,
      id: id('evaluation', p * 10 + e),
      piis_id: piisId,
      version: 1,
      held_on: heldOn,
      mode: e % 3 === 2 ? 'remote' : 'in_person',
      objectives: '[]',
      commitments_kept: JSON.stringify({ beneficiary: rnd() < 0.85, cpas: true }),
      recorded_by: who,
    });
  }
  if (rnd() < 0.1) {
    const requestedOn = addDays(startsOn, 30 + Math.floor(rnd() * 200));
    if (requestedOn <= until)
      rows.piis_interview_request.push({
        cpas_id: cpasId,
        id: id('interview', p),
        piis_id: piisId,
        requested_on: requestedOn,
        held_on: rnd() < 0.8 && addDays(requestedOn, 5) <= today ? addDays(requestedOn, 5) : null,
        recorded_by: who,
      });
  }
}

export interface NationalSeedOptions {
  scale: number;
  today: string;
  /** called after each batch with persons written so far */
  onProgress?: (done: number, total: number) => void;
  /** refreshes the planner's statistics (ANALYZE, as the owner) now and then */
  analyze?: () => Promise<void>;
}

/**
 * Registers the CPAS and writes every person, their deadlines and their indicator tallies; CPAS already complete are
 * skipped.
 */
export async function seedNational(
  database: Database,
  options: NationalSeedOptions,
): Promise<{ cpas: number; persons: number }> {
  const { scale, today, onProgress = () => {}, analyze } = options;
  const db: Kysely<DB> = database.db;
  const plan = nationalPlan(scale);
  let done = 0;
  let nextAnalyze = 2_000;
  let analyzing: Promise<void> | null = null;
  const seedCpas = async (rank: number) => {
    const size = cpasSize(rank, scale);
    const kbo = nationalKbo(rank);
    const cpasId = uuidOf('national-cpas', rank);
    const existing = await db.selectFrom('cpas').select('id').where('kbo_number', '=', kbo).executeTakeFirst();
    if (!existing) {
      await db
        .insertInto('cpas')
        .values({
          id: cpasId,
          kbo_number: kbo,
          name: {
            fr: `CPAS de la commune ${rank + 1}`,
            nl: `OCMW van gemeente ${rank + 1}`,
            de: `ÖSHZ der Gemeinde ${rank + 1}`,
          },
          language: rank % 10 < 6 ? 'nl' : rank % 10 < 9 ? 'fr' : 'de',
          created_by: 'system:seed-national',
        })
        .execute();
    }
    const batch = 500;
    for (let start = 0; start < size; start += batch) {
      const end = Math.min(size, start + batch);
      await inTenant(db, cpasId, async (tx) => {
        const rows = Object.fromEntries(TABLES.map((t) => [t, [] as Record<string, unknown>[]])) as Rows;
        for (let j = start; j < end; j++) addPerson(cpasId, rank, j, today, rows);
        for (const table of TABLES) {
          const list = rows[table];
          for (let k = 0; k < list.length; k += 1000)
            await tx
              .insertInto(table)
              .values(list.slice(k, k + 1000) as never)
              .onConflict((oc) => oc.doNothing())
              .execute();
        }
        await refreshDeadlines(
          tx,
          cpasId,
          today,
          rows.beneficiary.map((b) => String(b['id'])),
        );
      });
      done += end - start;
      onProgress(done, plan.persons);
      if (analyze && done >= nextAnalyze && !analyzing) {
        nextAnalyze = Math.ceil(done * 1.5);
        analyzing = analyze().finally(() => (analyzing = null));
        await analyzing;
      }
    }
    await refreshRollups(database, cpasId, today);
  };
  // Two CPAS at a time: one alone left a core idle (this process generating rows while
  // PostgreSQL inserted them, in turn). Every row follows from its CPAS's rank, so the data set
  // does not depend on the order.
  let nextRank = 0;
  const lane = async () => {
    for (let rank = nextRank++; rank < CPAS_COUNT; rank = nextRank++) await seedCpas(rank);
  };
  await Promise.all([lane(), lane()]);
  return plan;
}
