// Tenancy that cannot leak: row-level security on every tenant table, enforced by the database
// for the role requests run as — not by the queries remembering a where clause.
import t from 'tap';
import { sql } from 'kysely';
import { inTenant } from '../../src/db/tenant.js';
import { uuidv7 } from '../../src/db/ids.js';
import { send } from '../../src/db/driver/send.js';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { onPostgres } from '../helpers/database.js';

t.test('tenancy', async (t) => {
  const h = await buildHarness(t, { poolSize: 4 });
  const a = await h.newCpas();
  const b = await h.newCpas();
  const tokenA = await a.token();
  const tokenB = await b.token();
  const mine = await newBeneficiary(h.app, tokenA);
  await newBeneficiary(h.app, tokenB);
  const db = h.db.database.db;

  t.test('when no tenant is bound, then a query of a tenant table returns nothing', async (t) => {
    const rows = await db.selectFrom('beneficiary').selectAll().execute();
    t.same(rows, []);
    const audit = await db.selectFrom('audit_entry').selectAll().execute();
    t.same(audit, []);
  });

  t.test('when a tenant is bound, then only its rows are visible', async (t) => {
    const rows = await inTenant(db, a.id, (tx) => tx.selectFrom('beneficiary').select('id').execute());
    t.same(
      rows.map((r) => r.id),
      [mine.id],
    );
  });

  t.test('when a unit of work writes a row for another tenant, then the database refuses it', async (t) => {
    await t.rejects(
      inTenant(db, a.id, (tx) =>
        tx
          .insertInto('beneficiary')
          .values({
            cpas_id: b.id,
            id: uuidv7(),
            niss: '85073003328',
            given_name: 'X',
            family_name: 'Y',
            birth_date: null,
            language: 'fr',
            partner_id: null,
            external_ref: null,
            created_by: 'test',
          })
          .execute(),
      ),
      /row-level security/,
    );
    await t.rejects(
      inTenant(db, a.id, (tx) => sql`update beneficiary set cpas_id = ${b.id} where id = ${mine.id}`.execute(tx)),
      /row-level security/,
      'moving a row to another tenant',
    );
    const theirs = await inTenant(db, a.id, (tx) =>
      sql`update beneficiary set given_name = 'hacked' where cpas_id = ${b.id}`.execute(tx),
    );
    t.equal(Number(theirs.numAffectedRows ?? 0), 0, 'another tenant’s rows cannot be updated: they are invisible');
  });

  t.test(
    'when the catalogue is read, then every tenant table has row-level security and a tenant policy',
    async (t) => {
      const tables = await h.db.owner<{ table_name: string; rls: boolean; policies: string }>(
        `
      select c.relname as table_name, c.relrowsecurity as rls,
             (select count(*) from pg_policy p where p.polrelid = c.oid)::text as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'cpas_id' and not
          a.attisdropped)
        and c.relname <> 'cpas_nis_code'
      order by 1`,
      );
      t.ok(tables.length >= 9, `found ${tables.length} tenant tables`);
      for (const row of tables) {
        t.ok(row.rls, `${row.table_name} has row-level security`);
        t.ok(Number(row.policies) >= 1, `${row.table_name} has a policy`);
      }
      const keys = await h.db.owner<{ table_name: string; first: string }>(`
      select c.relname as table_name, a.attname as first
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
      where k.contype = 'p' and c.relnamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute x where x.attrelid = c.oid and x.attname = 'cpas_id')
        and c.relname <> 'cpas_nis_code'`);
      for (const k of keys) t.equal(k.first, 'cpas_id', `${k.table_name}: cpas_id leads the primary key`);
    },
  );

  t.test('when the service role is inspected, then it owns nothing and cannot bypass row-level security', async (t) => {
    const [role] = await h.db.owner<{ rolsuper: boolean; rolbypassrls: boolean }>(
      `select rolsuper, rolbypassrls from pg_roles where rolname = 'piis_app'`,
    );
    t.same(role, { rolsuper: false, rolbypassrls: false });
    const owned = await h.db.owner(`select relname from pg_class where relowner = 'piis_app'::regrole`);
    t.same(owned, [], 'piis_app owns no relation');
    const [current] = await db
      .executeQuery<{ r: string }>(sql`select current_user as r`.compile(db))
      .then((x) => x.rows);
    t.equal(current!.r, 'piis_app', 'requests run as piis_app');
  });

  t.test(
    'when a read binds its tenant in its own transaction, then the binding ends with it, also when the read fails',
    async (t) => {
      const database = h.db.database;
      const query = db.selectFrom('beneficiary').select('id').compile();
      // every pooled connection carries a read, a failed read among them
      const reads = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          i % 3 === 2
            ? database.read<{ id: string }>(a.id, sql<{ id: string }>`select 1 / 0 as id`.compile(db))
            : database.read(a.id, query),
        ),
      );
      t.equal(reads.filter((r) => r.status === 'rejected').length, 4, 'the failing reads failed');
      t.same(
        reads.find((r) => r.status === 'fulfilled')?.value.map((r) => r.id),
        [mine.id],
        'a read sees its tenant',
      );
      const after = await Promise.all(
        Array.from({ length: 12 }, () =>
          send(database.db, [
            sql`select coalesce(current_setting('app.cpas_id', true), '') as bound`.compile(db),
            sql`select count(*)::int as n from beneficiary`.compile(db),
          ]),
        ),
      );
      t.same(
        after.map(([bound, count]) => [bound!.rows[0]!['bound'], count!.rows[0]!['n']]),
        Array.from({ length: 12 }, () => ['', 0]),
        'the next messages see no tenant and no row',
      );
    },
  );

  t.test(
    'when reads of two CPAS arrive together, then each sees its own record only, a failing one fails alone ' +
      'and none may write',
    async (t) => {
      const database = h.db.database;
      const theirs = (await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(tokenB) })).json()
        .items[0].id as string;
      const byId = (id: string) => db.selectFrom('beneficiary').select('id').where('id', '=', id).compile();
      const reads = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          i % 10 === 9
            ? database.read(a.id, sql<{ id: string }>`select 1 / 0 as id`.compile(db))
            : database.read(i % 2 ? b.id : a.id, byId(i % 4 < 2 ? mine.id : theirs)),
        ),
      );
      const seen = reads.map((r, i) =>
        i % 10 === 9 ? r.status : r.status === 'fulfilled' ? r.value.map((x) => x.id) : 'failed',
      );
      const expected = Array.from({ length: 40 }, (_, i) =>
        i % 10 === 9 ? 'rejected' : (i % 2 ? b : a) === (i % 4 < 2 ? a : b) ? [i % 4 < 2 ? mine.id : theirs] : [],
      );
      t.same(seen, expected, 'own records found, the other CPAS’s invisible, the failing reads failed');
      await t.rejects(
        database.read(
          a.id,
          sql<{
            id: string;
          }>`insert into audit_entry (cpas_id, id, actor, action, entity, request_id) values (${a.id}, ${uuidv7()},
            'x', 'read', 'x', 'x') returning id`.compile(db),
        ),
        'a read cannot write',
      );
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          h.app.inject({
            method: 'GET',
            url: `/v1/beneficiaries/${i % 3 ? mine.id : theirs}`,
            headers: bearer(i % 2 ? tokenA : tokenB),
          }),
        ),
      );
      t.same(
        responses.map((r) => r.statusCode),
        Array.from({ length: 60 }, (_, i) => ((i % 3 ? 'a' : 'b') === (i % 2 ? 'a' : 'b') ? 200 : 404)),
        'over HTTP: 200 for a CPAS’s own person, 404 for the other’s',
      );
    },
  );

  t.test(
    'when 10,000 requests alternate between two CPAS tokens, with failing transactions among them, then each sees ' +
      'only its own data',
    { timeout: 600_000 },
    async (t) => {
      const total = onPostgres ? 10_000 : 2_000;
      const concurrency = onPostgres ? 16 : 1;
      const bIds = new Set(
        (await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(tokenB) }))
          .json()
          .items.map((i: { id: string }) => i.id),
      );
      let leaks = 0;
      let wrong = 0;
      let next = 0;
      const worker = async () => {
        while (next < total) {
          const i = next++;
          if (i % 50 === 7) {
            // a request that fails mid-transaction (a unique violation after the tenant was bound)
            const res = await h.app.inject({
              method: 'POST',
              url: '/v1/beneficiaries',
              headers: bearer(tokenA),
              payload: { niss: mine.niss, givenName: 'D', familyName: 'D', language: 'fr' },
            });
            if (res.statusCode !== 409) wrong++;
            continue;
          }
          const useA = i % 2 === 0;
          const res = await h.app.inject({
            method: 'GET',
            url: '/v1/beneficiaries',
            headers: bearer(useA ? tokenA : tokenB),
          });
          if (res.statusCode !== 200) {
            wrong++;
            continue;
          }
          const ids: string[] = res.json().items.map((x: { id: string }) => x.id);
          const foreign = useA ? ids.filter((id) => bIds.has(id)) : ids.filter((id) => !bIds.has(id));
          if (foreign.length > 0) leaks++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      t.equal(leaks, 0, `no response among ${total} carried the other CPAS’s data`);
      t.equal(wrong, 0, 'every request answered as expected');
    },
  );
});
