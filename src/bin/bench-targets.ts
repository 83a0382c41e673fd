// The two baselines of npm run bench, each run as its own process:
//   toy  — a naive Fastify + pg route reading the same row by primary key: no auth, no RLS, no audit
//   http — a bare Fastify route returning the same JSON without a database
import Fastify from 'fastify';
import pg from 'pg';

async function main() {
  const [kind, port, arg1, arg2, arg3] = process.argv.slice(2);
  const app = Fastify({ logger: false });
  if (kind === 'toy') {
    const pool = new pg.Pool({ connectionString: arg1, max: 10 });
    const [cpasId, id] = [arg2!, arg3!];
    app.get('/row', async () => {
      const { rows } = await pool.query('select * from beneficiary where cpas_id = $1 and id = $2', [cpasId, id]);
      return rows[0];
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
