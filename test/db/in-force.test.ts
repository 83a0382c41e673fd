// R-CORRECT once in SQL (src/db/in-force.ts, which every repository reading facts in force uses) and
// once in TypeScript (src/rules/corrections.ts, which the PIIS file uses): on the same facts, stored
// as the owner writes them, the two name the same facts in force.
import t from 'tap';
import { inForceSql } from '../../src/db/in-force.js';
import { uuidv7 } from '../../src/db/ids.js';
import { withCorrections } from '../../src/rules/corrections.js';
import { buildHarness, newBeneficiary } from '../helpers/app.js';

/** A chain of facts: each names the fact it corrects (by letter) and whether it is voided. */
type Chain = Record<string, { corrects?: string; voided?: boolean }>;

const CASES: Array<{ name: string; chain: Chain; inForce: string[] }> = [
  { name: 'a fact alone is in force', chain: { A: {} }, inForce: ['A'] },
  { name: 'a voided fact is not', chain: { A: { voided: true } }, inForce: [] },
  { name: 'a corrected fact gives way to its correction', chain: { A: {}, B: { corrects: 'A' } }, inForce: ['B'] },
  {
    name: 'voiding the correction puts the corrected fact back in force',
    chain: { A: {}, B: { corrects: 'A', voided: true } },
    inForce: ['A'],
  },
  {
    name: 'a correction of a correction leaves only the last in force',
    chain: { A: {}, B: { corrects: 'A' }, C: { corrects: 'B' } },
    inForce: ['C'],
  },
  {
    name: 'voiding the last correction of a chain puts the one before back',
    chain: { A: {}, B: { corrects: 'A' }, C: { corrects: 'B', voided: true } },
    inForce: ['B'],
  },
  {
    name: 'a fact both voided and corrected is not in force, its correction is',
    chain: { A: { voided: true }, B: { corrects: 'A' } },
    inForce: ['B'],
  },
  {
    name: 'one standing correction among voided ones keeps the fact out of force',
    chain: { A: {}, B: { corrects: 'A', voided: true }, C: { corrects: 'A' } },
    inForce: ['C'],
  },
  {
    name: 'two standing corrections of one fact are both in force, the fact is not',
    chain: { A: {}, B: { corrects: 'A' }, C: { corrects: 'A' } },
    inForce: ['B', 'C'],
  },
];

t.test('R-CORRECT: facts in force, the SQL and its TypeScript twin', async (t) => {
  const h = await buildHarness(t);
  const cpas = await h.newCpas();
  const token = await cpas.token();

  for (const c of CASES)
    t.test(`R-CORRECT: when ${c.name}, then SQL and TypeScript agree`, async (t) => {
      const person = await newBeneficiary(h.app, token);
      const ids = Object.fromEntries(Object.keys(c.chain).map((letter) => [letter, uuidv7()]));
      for (const [letter, fact] of Object.entries(c.chain))
        await h.db.owner(
          `insert into right_decision (cpas_id, id, beneficiary_id, kind, category, decided_on, starts_on,
             monthly_amount_cents, supersedes_id, voided_at, recorded_by)
           values ($1, $2, $3, 'ri', 'isolated', '2026-01-05', '2026-01-05', 130000, $4,
             case when $5 then now() end, 'test')`,
          [cpas.id, ids[letter], person.id, fact.corrects ? ids[fact.corrects] : null, fact.voided === true],
        );
      const letterOf = new Map(Object.entries(ids).map(([letter, id]) => [id, letter]));
      const rows = await h.db.owner<{
        id: string;
        supersedes_id: string | null;
        voided_at: string | null;
        sql: boolean;
      }>(
        `select rd.id, rd.supersedes_id, rd.voided_at::text, ${inForceSql('right_decision', 'rd')} as sql
         from right_decision rd where rd.cpas_id = $1 and rd.beneficiary_id = $2`,
        [cpas.id, person.id],
      );
      const bySql = rows.filter((r) => r.sql).map((r) => letterOf.get(r.id)!);
      const byTs = withCorrections(rows)
        .filter((f) => f.inForce)
        .map((f) => letterOf.get(f.fact.id)!);
      t.same(bySql.sort(), c.inForce, 'SQL');
      t.same(byTs.sort(), c.inForce, 'TypeScript');
    });
});

t.test('R-CORRECT: only identifiers become SQL text', async (t) => {
  t.throws(() => inForceSql('right_decision', 'r; drop table x'), /not an identifier/);
  t.throws(() => inForceSql('right_decision x' as 'right_decision', 'r'), /not an identifier/);
});
