// Meta operations: codes, rules, health, metrics, readiness and compression (the OpenAPI
// document's completeness is in openapi-document.test.ts).
import t from 'tap';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildHarness } from '../helpers/app.js';

t.test('meta', async (t) => {
  const h = await buildHarness(t);

  t.test('when the codes are listed in Dutch, then every list carries its nl label and all labels', async (t) => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/codes', headers: { 'accept-language': 'nl' } });
    t.equal(res.statusCode, 200);
    const lists = res.json().items as Array<{
      name: string;
      codes: Array<{ code: string; label: string; labels: Record<string, string> }>;
    }>;
    const category = lists.find((l) => l.name === 'rightCategory')!;
    t.same(
      category.codes.find((c) => c.code === 'family'),
      {
        code: 'family',
        label: 'Gezin ten laste (categorie 3)',
        labels: {
          en: 'With family in charge (category 3)',
          fr: 'Famille à charge (catégorie 3)',
          nl: 'Gezin ten laste (categorie 3)',
          de: 'Mit Familie zu Lasten (Kategorie 3)',
        },
      },
    );
    for (const list of lists)
      for (const c of list.codes)
        t.ok(c.labels.fr && c.labels.nl && c.labels.de, `${list.name}.${c.code} has fr/nl/de labels`);
    t.equal(lists.find((l) => l.name === 'domain')!.codes.length, 18, 'the 18 assessment domains of the rulebook');
  });

  t.test('when the rules are listed, then the identifier rules come with their versions', async (t) => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/rules' });
    const ids = res.json().items.map((r: { id: string }) => r.id);
    for (const id of ['R-ID-NISS', 'R-ID-KBO', 'R-ID-NIS', 'R-RIGHT', 'R-EXEMPT', 'R-CORRECT'])
      t.ok(ids.includes(id), id);
    t.match(res.json().items[0], { id: 'R-ID-NISS', versions: [{ effectiveFrom: '1983-08-08', effectiveTo: null }] });
  });

  t.test(
    'when the rules are listed, then every rule of rulebook sections 1–7 is enforced, computed or recorded',
    async (t) => {
      const items = (await h.app.inject({ method: 'GET', url: '/v1/rules' })).json().items as Array<{
        id: string;
        handling: string[];
        versions: Array<{ effectiveTo: string | null; parameters: Record<string, unknown> }>;
      }>;
      const sections1to7 = [
        'R-OBLIG-NEW',
        'R-OBLIG-DEADLINE',
        'R-EXEMPT',
        'R-OPT-EMPLOYED',
        'R-OPT-OTHER-USERS',
        'R-STUDENT',
        'R-REUSE',
        'R-COUPLE',
        'R-RIGHT',
        'R-CORRECT',
        'R-ASSESS-FIRST',
        'R-ASSESS-BASELINE',
        'R-ASSIST',
        'R-INFORM',
        'R-REFLECT',
        'R-HEARING',
        'R-CONTENT',
        'R-PARTIES',
        'R-SIGNED-VERSION',
        'R-KIND',
        'R-SOCIAL-ACTIVATION',
        'R-COMMUNITY-SERVICE',
        'R-VOLUNTEERING',
        'R-EVAL-FREQ',
        'R-EVAL-INTERVIEW',
        'R-EVAL-CONTENT',
        'R-PROGRESS',
        'R-DURATION',
        'R-AMEND',
        'R-PROLONG',
        'R-CLOSE',
        'R-SANCTION-SCOPE',
        'R-SANCTION-NOTICE',
        'R-SANCTION-LENGTH',
        'R-SANCTION-START',
        'R-SANCTION-APPEAL',
      ];
      for (const id of sections1to7) {
        const rule = items.find((r) => r.id === id);
        t.ok(
          rule && rule.handling.length > 0 && rule.versions.length > 0,
          `${id} is in the table with its handling and versions`,
        );
      }
      const freq = items.find((r) => r.id === 'R-EVAL-FREQ')!;
      t.match(
        freq.versions,
        [
          { effectiveTo: '2016-10-31', parameters: { rule: 'quarterly' } },
          { effectiveTo: null, parameters: { rule: '3-per-12-months', inPersonMinimumPer12Months: 2 } },
        ],
        'R-EVAL-FREQ: two versions',
      );
      t.equal(
        items.find((r) => r.id === 'R-REFLECT')!.versions[0]!.parameters['reflectionWaiverAllowed'],
        false,
        'the deployment’s REFLECTION_WAIVER_ALLOWED',
      );
    },
  );

  t.test(
    'when the rules are listed, then the computed rules of rulebook section 8 (the 10% subsidy) are there with their ' +
      'parameters',
    async (t) => {
      const items = (await h.app.inject({ method: 'GET', url: '/v1/rules' })).json().items as Array<{
        id: string;
        handling: string[];
        versions: Array<{ parameters: Record<string, unknown> }>;
      }>;
      for (const id of [
        'R-SUB-RATE',
        'R-SUB-START',
        'R-SUB-FIRST',
        'R-SUB-SECOND',
        'R-SUB-INTERRUPT',
        'R-SUB-COUPLE',
        'R-SUB-STUDENT',
        'R-SUB-EXPLAIN',
      ]) {
        const rule = items.find((r) => r.id === id);
        t.ok(rule && rule.handling.includes('computed'), `${id} is computed`);
      }
      t.match(items.find((r) => r.id === 'R-SUB-RATE')!.versions[0]!.parameters, { rate: 0.1 });
      t.match(items.find((r) => r.id === 'R-SUB-FIRST')!.versions[0]!.parameters, { firstPeriodMonths: 12 });
      t.match(items.find((r) => r.id === 'R-SUB-INTERRUPT')!.versions[0]!.parameters, { interruptionMonths: 3 });
    },
  );

  t.test('when the rules are listed, then every rule of rulebook sections 8 and 9 is there', async (t) => {
    const items = (await h.app.inject({ method: 'GET', url: '/v1/rules' })).json().items as Array<{
      id: string;
      handling: string[];
    }>;
    // the ids of rulebook sections 8 and 9, as the rulebook lists them
    const ids = [
      'R-SUB-RATE',
      'R-SUB-START',
      'R-SUB-FIRST',
      'R-SUB-SECOND',
      'R-SUB-INTERRUPT',
      'R-SUB-COUPLE',
      'R-SUB-STUDENT',
      'R-SUB-COSTS',
      'R-SUB-EXPLAIN',
      'R-PAS-COSTS',
      'R-PAS-MODULES',
      'R-IND-2015',
      'R-IND-OUTCOMES',
      'R-IND-ENTITLED',
      'R-IND-COMPLIANCE',
      'R-IND-PRIVACY',
    ];
    for (const id of ids) t.ok(items.find((r) => r.id === id)?.handling.length, `${id} is listed with its handling`);
    t.match(
      items.find((r) => r.id === 'R-IND-PRIVACY'),
      { handling: ['enforced', 'computed'] },
    );
  });

  t.test('when health is asked, then live and ready answer 200; metrics count requests', async (t) => {
    t.same((await h.app.inject({ method: 'GET', url: '/health/live' })).json(), { status: 'ok' });
    t.same((await h.app.inject({ method: 'GET', url: '/health/ready' })).json(), { status: 'ready' });
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    t.equal(metrics.statusCode, 200);
    t.match(metrics.headers['content-type'], /^text\/plain/);
    t.match(metrics.body, /http_requests_total\{method="GET",route="\/health\/live",status="200"\} 1/);
    t.match(metrics.body, /# TYPE process_cpu_user_seconds_total counter/, 'the process defaults too');
    // the duration histogram: cumulative buckets, +Inf equal to the count, a sum
    await h.app.inject({ method: 'GET', url: '/health/live' });
    const body = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    const labels = 'method="GET",route="/health/live"';
    const buckets = [
      ...body.matchAll(
        /^http_request_duration_seconds_bucket\{le="([^"]+)",method="GET",route="\/health\/live"\} (\d+)$/gm,
      ),
    ].map((m) => [m[1], Number(m[2])] as const);
    t.equal(buckets.length, 13, 'twelve bounds and +Inf');
    t.equal(buckets.at(-1)![0], '+Inf');
    t.ok(
      buckets.every(([, n], i) => i === 0 || n >= buckets[i - 1]![1]),
      'cumulative',
    );
    t.equal(buckets.at(-1)![1], 2, 'every request under +Inf');
    t.match(body, new RegExp(`^http_request_duration_seconds_count\\{${labels}\\} 2$`, 'm'));
    t.match(body, new RegExp(`^http_request_duration_seconds_sum\\{${labels}\\} [0-9.e-]+$`, 'm'));
    t.match(body, /http_requests_total\{method="GET",route="\/health\/live",status="200"\} 2/);
  });

  t.test('when Accept excludes JSON, then 406 not-acceptable', async (t) => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/codes', headers: { accept: 'text/csv' } });
    t.equal(res.statusCode, 406);
    t.equal(res.json().code, 'not-acceptable');
    t.equal(
      (await h.app.inject({ method: 'GET', url: '/v1/codes', headers: { accept: 'application/*;q=0.5, text/html' } }))
        .statusCode,
      200,
    );
  });

  t.test('when the database is unreachable, then ready is 503 and back to 200 by itself', async (t) => {
    const ping = h.app.deps.database.ping;
    (h.app.deps.database as { ping: () => Promise<boolean> }).ping = async () => false;
    const down = await h.app.inject({ method: 'GET', url: '/health/ready' });
    (h.app.deps.database as { ping: () => Promise<boolean> }).ping = ping;
    t.equal(down.statusCode, 503);
    t.equal(down.json().code, 'unavailable');
    t.equal((await h.app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 200);
  });

  t.test('when the service is draining, then ready is 503 while live stays 200', async (t) => {
    h.app.deps.shuttingDown = true;
    const ready = await h.app.inject({ method: 'GET', url: '/health/ready' });
    const live = await h.app.inject({ method: 'GET', url: '/health/live' });
    h.app.deps.shuttingDown = false;
    t.equal(ready.statusCode, 503);
    t.equal(live.statusCode, 200);
  });

  t.test(
    'when the docs are read with Accept-Encoding, then the document and Swagger UI come compressed, API answers not',
    async (t) => {
      const plain = await h.app.inject({ method: 'GET', url: '/openapi.json' });
      const br = await h.app.inject({
        method: 'GET',
        url: '/openapi.json',
        headers: { 'accept-encoding': 'br, gzip' },
      });
      t.equal(br.headers['content-encoding'], 'br');
      t.match(String(br.headers['vary']), /accept-encoding/i);
      t.same(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8')), plain.json(), 'the same document');
      t.ok(
        br.rawPayload.length * 5 < plain.rawPayload.length,
        `${plain.rawPayload.length} bytes sent as ${br.rawPayload.length}`,
      );
      const gz = await h.app.inject({ method: 'GET', url: '/docs/json', headers: { 'accept-encoding': 'gzip' } });
      t.equal(gz.headers['content-encoding'], 'gzip');
      t.same(
        JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')),
        plain.json(),
        'Swagger UI reads the same document',
      );
      const script = await h.app.inject({
        method: 'GET',
        url: '/docs/static/swagger-ui-bundle.js',
        headers: { 'accept-encoding': 'gzip' },
      });
      t.equal(script.statusCode, 200);
      t.equal(script.headers['content-encoding'], 'gzip', 'Swagger UI’s script');
      const api = await h.app.inject({ method: 'GET', url: '/v1/codes', headers: { 'accept-encoding': 'gzip, br' } });
      t.equal(api.statusCode, 200);
      t.equal(api.headers['content-encoding'], undefined, 'API answers are sent as they are');
    },
  );
});
