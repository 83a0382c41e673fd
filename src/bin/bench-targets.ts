// The two baselines of npm run bench, each run as its own process:
//   toy    — a naive Fastify + pg route reading the same row by primary key: no auth, no RLS, no audit
//   insert — a naive Fastify + pg route inserting one evaluation row: no auth, no rules, no audit
//   http   — a bare Fastify route returning the same JSON without a database
import Fastify from 'fastify';
import pg from 'pg';

async function main() {
  const [kind, port, arg1, arg2, arg3] = process.argv.slice(2);
  const app = Fastify({ logger: false });
  if (kind === 'toy') {
    const pool = new pg.Pool({ connectionString: arg1, max: 10 });
    const [cpasId, id] = [arg2!, arg3!];
    const table = process.argv[7] === 'piis' ? 'piis' : 'beneficiary';
    app.get('/row', async () => {
      const { rows } = await pool.query(`select * from ${table} where cpas_id = $1 and id = $2`, [cpasId, id]);
      return rows[0];
    });
  } else if (kind === 'insert') {
    const pool = new pg.Pool({ connectionString: arg1, max: 10 });
    const cpasId = arg2!;
    app.post<{ Params: { piisId: string }; Body: { heldOn: string; mode: string } }>('/piis/:piisId/evaluations', async (request, reply) => {
      const { rows } = await pool.query(
        `insert into piis_evaluation (cpas_id, id, piis_id, version, held_on, mode, objectives, commitments_kept, recorded_by)
         values ($1, gen_random_uuid(), $2, 1, $3, $4, '[]', '{"beneficiary":true,"cpas":true}', 'toy') returning *`,
        [cpasId, request.params.piisId, request.body.heldOn, request.body.mode],
      );
      return reply.code(201).send(rows[0]);
    });
  } else if (kind === 'http') {
    const body = JSON.parse(arg1!);
    app.get('/row', async () => body);
  } else {
    throw new Error('usage: bench-targets toy|http <port> …');
  }
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.stdout.write('listening\n');
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
