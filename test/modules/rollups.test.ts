// Indicator rollups stay exact: after every kind of write (facts, the PIIS lifecycle, corrections,
// a later year's conclusion of an earlier grant, a new calendar year), a CPAS's indicators read
// from its rollup equal a recomputation from the facts, and every stored tally equals its
// recomputation. The triggers mark whoever a write touches; nothing else has to remember to.
import t from 'tap';
import pg from 'pg';
import { bearer, buildHarness, json } from '../helpers/app.js';
import { draft, piisIn, post, rightfulBeneficiary } from '../helpers/piis.js';
import { indicatorInputs, indicatorsFrom, subsidyInputs } from '../../src/modules/reports/reports.service.js';
import { subsidyReportFrom } from '../../src/modules/reports/subsidy.compute.js';
import { indicatorFactsQuery, toIndicatorPerson } from '../../src/modules/reports/reports.repository.js';
import { refreshBacklog, refreshRollups } from '../../src/modules/reports/rollups.service.js';
import { tallyYears } from '../../src/rules/indicators.js';
import type { RequestContext } from '../../src/core/context.js';

t.test('indicator rollups', async (t) => {
  let today = '2026-11-23';
  const h = await buildHarness(t, { clock: { today: () => today } });
  const cpas = await h.newCpas();
  const other = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const app = h.app;
  const ctx = () =>
    ({
      db: h.db.database.db,
      database: h.db.database,
      cpasId: cpas.id,
      today,
      actor: 'test',
      requestId: 'test-request',
      lang: 'fr',
      accessLog: { record: async () => {} },
    }) as unknown as RequestContext;
  const fromRollup = async (year: number) =>
    json(await app.inject({ method: 'GET', url: `/v1/reports/indicators?year=${year}`, headers: bearer(manager) }));

  /** the CPAS's indicators through the rollup against a recomputation from the facts, for each year */
  async function exact(
    t: { same(a: unknown, b: unknown, m: string): unknown; strictSame(a: unknown, b: unknown, m: string): unknown },
    what: string,
    years = [2025, 2026],
  ) {
    const facts = await indicatorInputs(ctx());
    for (const year of years) {
      t.same(await fromRollup(year), indicatorsFrom(facts, year, 'fr'), `${what}: ${year} equals a recomputation`);
      const subsidy = await app.inject({
        method: 'GET',
        url: `/v1/reports/subsidy?year=${year}`,
        headers: bearer(manager),
      });
      t.strictSame(
        json(subsidy),
        subsidyReportFrom(await subsidyInputs(ctx(), year), year, 'fr'),
        `${what}: the ${year} subsidy report (streamed from the tallies) equals a recomputation`,
      );
      // in another language than the CPAS's, the stored messages are said on the way out
      const dutch = await app.inject({
        method: 'GET',
        url: `/v1/reports/subsidy?year=${year}`,
        headers: { ...bearer(manager), 'accept-language': 'nl' },
      });
      t.strictSame(
        json(dutch),
        subsidyReportFrom(await subsidyInputs(ctx(), year), year, 'nl'),
        `${what}: the ${year} subsidy report in Dutch equals a recomputation in Dutch`,
      );
    }
    // and every stored tally equals its recomputation
    const stored = await h.db.owner<{ beneficiary_id: string; year: number }>(
      `select beneficiary_id, year from indicator_tally where cpas_id = $1 order by 1, 2`,
      [cpas.id],
    );
    const rows = await h.db.database.unit(
      cpas.id,
      async (tx) => (await tx.executeQuery(indicatorFactsQuery(tx, cpas.id))).rows,
    );
    const expected = rows
      .flatMap((r) =>
        tallyYears(toIndicatorPerson(r), Number(today.slice(0, 4))).map((y) => ({
          beneficiary_id: r.id,
          year: y.year,
        })),
      )
      .sort((a, b) =>
        a.beneficiary_id < b.beneficiary_id ? -1 : a.beneficiary_id > b.beneficiary_id ? 1 : a.year - b.year,
      );
    t.same(
      stored.map((s) => ({ ...s, year: Number(s.year) })),
      expected,
      `${what}: the stored tallies are the persons' non-empty years`,
    );
  }

  t.test(
    'when facts and the lifecycle change, then the rollup read equals a recomputation after each step',
    async (t) => {
      await exact(t, 'an empty CPAS');
      const active = await piisIn(app, manager, 'active');
      await piisIn(app, manager, 'closed');
      await piisIn(app, manager, 'in_reflection');
      await exact(t, 'three files');
      const evaluation = await post(app, manager, `/v1/piis/${active.piisId}/evaluations`, {
        heldOn: '2026-07-01',
        mode: 'in_person',
        objectives: [],
        commitmentsKept: { beneficiary: true, cpas: true },
      });
      t.equal(evaluation.statusCode, 201, evaluation.body);
      await post(app, manager, `/v1/piis/${active.piisId}/interview-requests`, { requestedOn: '2026-08-01' });
      await exact(t, 'an evaluation and an interview request');
      const voided = await post(app, manager, `/v1/piis/${active.piisId}/evaluations/${json(evaluation).id}/void`, {
        reason: 'Not held after all',
      });
      t.equal(voided.statusCode, 200, voided.body);
      await exact(t, 'a voided evaluation (R-CORRECT)');
      const b = await rightfulBeneficiary(app, manager, { grantOn: '2025-12-10', assessedOn: '2025-12-12' });
      await exact(t, 'a December grant without a PIIS');
      const d = await draft(app, manager, b, { draftedOn: '2026-01-05' });
      await post(app, manager, `/v1/piis/${d.piisId}/handover`, {
        handedOverOn: '2026-01-06',
        informedOn: '2026-01-06',
        assistedBy: null,
      });
      await post(app, manager, `/v1/piis/${d.piisId}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-01-12',
        signatoryName: 'The person',
      });
      const signed = await post(app, manager, `/v1/piis/${d.piisId}/signatures`, {
        party: 'cpas',
        signedOn: '2026-01-13',
        signatoryName: 'The president',
      });
      t.equal(signed.statusCode, 201, signed.body);
      const items2025 = (await fromRollup(2025)).items;
      t.match(
        items2025.find((i: any) => i.key === 'compliance.concludedInTime'),
        { value: 100 },
        'a 2025 grant concluded in January 2026, within 3 months, counts in time for 2025',
      );
      await exact(t, 'a 2025 grant concluded in 2026 (R-OBLIG-DEADLINE)');
      const partnered = await app.inject({
        method: 'PATCH',
        url: `/v1/beneficiaries/${b}`,
        headers: { ...bearer(manager), 'if-match': '"1"' },
        payload: { partnerId: active.beneficiaryId },
      });
      t.equal(partnered.statusCode, 200, partnered.body);
      await exact(t, 'a couple (R-SUB-COUPLE settles the two together)');
      for (const who of [b, active.beneficiaryId]) {
        const share = await post(app, manager, `/v1/beneficiaries/${who}/rights`, {
          kind: 'ri',
          category: 'family',
          decidedOn: '2026-05-01',
          startsOn: '2026-05-01',
          monthlyAmountCents: 85_005,
          householdAmountCents: 170_010,
        });
        t.equal(share.statusCode, 201, share.body);
      }
      await exact(t, 'a couple paid in shares of the household’s category-3 amount (R-SUB-COUPLE)');
      const end = await post(app, manager, `/v1/beneficiaries/${active.beneficiaryId}/rights`, {
        kind: 'end',
        decidedOn: '2026-10-01',
        startsOn: '2026-10-01',
      });
      t.equal(end.statusCode, 201, end.body);
      await exact(t, 'a right ended');
      // an evaluation marks its person for the indicators only; a PIIS whose dates change (its
      // closing, a change of the PIIS row alone) marks the subsidy too, even over that mark
      const evaluated = await post(app, manager, `/v1/piis/${d.piisId}/evaluations`, {
        heldOn: '2026-06-01',
        mode: 'in_person',
        objectives: [],
        commitmentsKept: { beneficiary: true, cpas: true },
      });
      t.equal(evaluated.statusCode, 201, evaluated.body);
      t.same(
        await h.db.owner(`select subsidy from rollup_dirty where cpas_id = $1 and beneficiary_id = $2`, [cpas.id, b]),
        [{ subsidy: false }],
        'an evaluation: indicators only',
      );
      const closed = await post(app, manager, `/v1/piis/${d.piisId}/close`, {
        endedOn: '2026-09-15',
        outcome: 'training_started',
      });
      t.equal(closed.statusCode, 200, closed.body);
      t.same(
        await h.db.owner(`select subsidy from rollup_dirty where cpas_id = $1 and beneficiary_id = $2`, [cpas.id, b]),
        [{ subsidy: true }],
        'the closing: the subsidy too',
      );
      await exact(t, 'an evaluation, then the PIIS closed');
      // another CPAS's writes never touch this CPAS's rollup
      await piisIn(app, await other.token('cpas_manager'), 'active');
      await exact(t, 'another CPAS wrote');
    },
  );

  t.test(
    'when a new calendar year begins, then every person is tallied through it and the new year reads exact',
    async (t) => {
      today = '2027-01-04';
      await exact(t, 'the new year', [2025, 2026, 2027]);
      const coverage = await h.db.owner<{ through_year: number }>(
        `select through_year from rollup_coverage where cpas_id = $1`,
        [cpas.id],
      );
      t.same(
        coverage.map((c) => Number(c.through_year)),
        [2027],
      );
      today = '2026-11-23';
    },
  );

  t.test(
    'when the background refresh runs, then no marks are left and the rollups equal a recomputation',
    async (t) => {
      await piisIn(app, manager, 'active');
      t.ok(
        (await h.db.owner(`select 1 from rollup_dirty where cpas_id = $1`, [cpas.id])).length > 0,
        'the write marked its person',
      );
      t.ok((await refreshBacklog(h.db.database, today)) >= 1, 'the backlog named this CPAS');
      t.same(await h.db.owner(`select 1 from rollup_dirty`), [], 'no marks left in any CPAS');
      await exact(t, 'after the background refresh');
    },
  );

  t.test(
    'when more persons are marked than a pass takes, then the refresh goes on until a pass takes fewer',
    async (t) => {
      const marked = await h.db.owner<{ n: number }>(
        `with m as (insert into rollup_dirty (cpas_id, beneficiary_id, subsidy) select cpas_id, id, true from
  beneficiary where cpas_id = $1
         on conflict (cpas_id, beneficiary_id) do nothing returning 1) select count(*)::int as n from m`,
        [cpas.id],
      );
      const persons = marked[0]!.n;
      t.ok(persons >= 5, `${persons} persons marked`);
      // passes of 2: full passes go round again, the last (short) one ends the refresh
      t.equal(await refreshRollups(h.db.database, cpas.id, today, 2), persons, 'every marked person recomputed');
      t.same(await h.db.owner(`select 1 from rollup_dirty where cpas_id = $1`, [cpas.id]), [], 'no marks left');
      await exact(t, 'after a refresh in passes of 2');
      // one mark, passes of 2: a single short pass
      await h.db.owner(
        `insert into rollup_dirty (cpas_id, beneficiary_id, subsidy) select cpas_id, id, false from beneficiary ` +
          `where cpas_id = $1 order by id limit 1`,
        [cpas.id],
      );
      t.equal(await refreshRollups(h.db.database, cpas.id, today, 2), 1, 'one mark, one pass');
    },
  );
  t.test(
    'when a refresh runs while a write of an already marked person is in flight, then the mark outlives it',
    { skip: h.db.url ? false : 'two transactions at once: PostgreSQL only (the embedded database has one connection)' },
    async (t) => {
      await refreshRollups(h.db.database, cpas.id, today);
      const person = await rightfulBeneficiary(app, manager, { assessedOn: null });
      const assessed = await rightfulBeneficiary(app, manager);
      await refreshRollups(h.db.database, cpas.id, today);
      // the person is marked already (an earlier write not yet refreshed)
      await h.db.owner(`insert into rollup_dirty (cpas_id, beneficiary_id, subsidy) values ($1, $2, false)`, [
        cpas.id,
        person,
      ]);
      // a write of an assessment for that person, held open while a refresh runs
      const writer = new pg.Client({ connectionString: h.db.url! });
      await writer.connect();
      t.teardown(() => writer.end());
      const columns = (
        await h.db.owner<{ c: string }>(
          `select column_name as c from information_schema.columns where table_name = 'assessment' order by ` +
            `ordinal_position`,
        )
      ).map((r) => r.c);
      const copied = columns.map((c) => (c === 'id' ? 'gen_random_uuid()' : c === 'beneficiary_id' ? '$2::uuid' : c));
      await writer.query('begin');
      await writer.query(
        `insert into assessment (${columns.join(', ')}) select ${copied.join(', ')} from assessment where ` +
          `beneficiary_id = $1`,
        [assessed, person],
      );
      await refreshRollups(h.db.database, cpas.id, today);
      await writer.query('commit');
      t.ok(
        (await h.db.owner(`select 1 from rollup_dirty where beneficiary_id = $1`, [person])).length > 0,
        'the mark is still there once the write has committed',
      );
      await refreshRollups(h.db.database, cpas.id, today);
      await exact(t, 'after a refresh that ran beside a write');
    },
  );
});
