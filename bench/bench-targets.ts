// The two baselines of npm run bench, each run as its own process:
//   toy    — a naive Fastify + pg route reading the same row by primary key: no auth, no RLS, no audit
//   insert — a naive Fastify + pg route inserting one evaluation row: no auth, no rules, no audit
//   floor  — the least an evaluation endpoint of the issue could send: in one transaction, the
//            tenant bound, the PIIS locked for its version check, the evaluation inserted, the
//            PIIS's version moved on, the audit entry and the event — in two round trips, written
//            by hand; no auth, no rules, no deadlines, no rendered file (what the target is up against)
//   http   — a bare Fastify route returning the same JSON without a database
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

type App = FastifyInstance;

async function main() {
  const [kind, port, arg1, arg2, arg3] = process.argv.slice(2);
  const app = Fastify({ logger: false });
  const routes: Record<string, () => void> = {
    toy: () => toyRoute(app, arg1!, arg2!, arg3!, process.argv[7] === 'piis' ? 'piis' : 'beneficiary'),
    insert: () => insertRoute(app, arg1!, arg2!),
    floor: () => floorRoute(app, arg1!, arg2!),
    http: () => httpRoute(app, JSON.parse(arg1!)),
  };
  const route = routes[kind ?? ''];
  if (!route) throw new Error('usage: bench-targets toy|insert|floor|http <port> …');
  route();
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.stdout.write('listening\n');
}

/** The bare route: the same JSON, parsed once, without a database. */
function httpRoute(app: App, body: unknown): void {
  app.get('/row', async () => body);
}

/** The naive read: the row by primary key. */
function toyRoute(app: App, url: string, cpasId: string, id: string, table: 'piis' | 'beneficiary'): void {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  app.get('/row', async () => {
    const { rows } = await pool.query(`select * from ${table} where cpas_id = $1 and id = $2`, [cpasId, id]);
    return rows[0];
  });
}

/** The naive insert of one evaluation row. */
function insertRoute(app: App, url: string, cpasId: string): void {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  app.post<{ Params: { piisId: string }; Body: { heldOn: string; mode: string } }>(
    '/piis/:piisId/evaluations',
    async (request, reply) => {
      const { rows } = await pool.query(
        `insert into piis_evaluation (cpas_id, id, piis_id, version, held_on, mode, objectives, commitments_kept,
recorded_by)
       values ($1, gen_random_uuid(), $2, 1, $3, $4, '[]', '{"beneficiary":true,"cpas":true}', 'toy') returning *`,
        [cpasId, request.params.piisId, request.body.heldOn, request.body.mode],
      );
      return reply.code(201).send(rows[0]);
    },
  );
}

/** The floor: the transaction alone, in two round trips, written by hand. */
function floorRoute(app: App, url: string, cpasId: string): void {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const cpas = pg.escapeLiteral(cpasId);
  const body = {
    type: 'object',
    required: ['heldOn', 'mode'],
    properties: {
      heldOn: { type: 'string', format: 'date' },
      mode: { type: 'string', enum: ['in_person', 'remote'] },
    },
  };
  app.post<{ Params: { piisId: string }; Body: { heldOn: string; mode: string } }>(
    '/piis/:piisId/evaluations',
    { schema: { body } },
    async (request, reply) => {
      const client = await pool.connect();
      try {
        const piis = pg.escapeLiteral(request.params.piisId);
        const opened = (await client.query(
          `begin; set local app.cpas_id = ${cpas}; select version from piis where cpas_id = ${cpas} and id = ` +
            `${piis} and stage = 'signed' for update`,
        )) as unknown as pg.QueryResult[];
        const version = opened[2]!.rows[0]?.version as number | undefined;
        if (version === undefined) {
          await client.query('rollback');
          return reply.code(409).send({});
        }
        const id = pg.escapeLiteral(randomUUID());
        const requestId = pg.escapeLiteral(request.id);
        const written = (await client.query(
          `
        insert into piis_evaluation (cpas_id, id, piis_id, version, held_on, mode, objectives, commitments_kept,
          recorded_by)
          values (${cpas}, ${id}, ${piis}, 1, ${pg.escapeLiteral(request.body.heldOn)},
            ${pg.escapeLiteral(request.body.mode)}, '[]', '{"beneficiary":true,"cpas":true}', 'floor') returning *;
        update piis set version = version + 1, updated_at = now() where cpas_id = ${cpas} and id = ${piis} and
          version = ${Number(version)};
        with audit as (insert into audit_entry (cpas_id, id, actor, action, entity, entity_id, request_id)
          values (${cpas}, ${pg.escapeLiteral(randomUUID())}, 'floor', 'create', 'piis_evaluation', ${id},
            ${requestId}))
        insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
          values (${cpas}, ${pg.escapeLiteral(randomUUID())}, 'piis.evaluated', 'piis', ${piis}, 'floor',
            ${pg.escapeLiteral(JSON.stringify({ piisId: request.params.piisId }))}::jsonb, ${requestId});
        commit`,
        )) as unknown as pg.QueryResult[];
        return reply.code(201).send(written[0]!.rows[0]);
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  );
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
