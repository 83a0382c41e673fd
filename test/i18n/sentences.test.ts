// Every sentence an answer carries, in the reader's language (contract §2 "Language"): with
// Accept-Language fr, nl or de, the refusals (422), validation errors (400), unknown records
// (404), a PIIS, the deadlines, the subsidy report, the indicators and the national views carry
// no English sentence, no raw message id or placeholder, and say their language in
// Content-Language.
import t from 'tap';
import { bearer, buildHarness, json } from '../helpers/app.js';
import { piisIn, post } from '../helpers/piis.js';

/** Words of English sentences that no French, Dutch or German sentence of ours contains. */
const ENGLISH_WORDS = [
  ...['the', 'and', 'which', 'with', 'before', 'after', 'signed', 'granted', 'within', 'months', 'days', 'must'],
  ...['been', 'has', 'cannot', 'request(ed)?', 'subsidy', 'deadline', 'between', 'until', 'only', 'against'],
  ...['none', 'every', 'people'],
];
const ENGLISH = new RegExp(`\\b(${ENGLISH_WORDS.join('|')})\\b`, 'i');

/** Every string under the keys people read: explanation, detail, title, message. */
function sentences(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) sentences(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && ['explanation', 'detail', 'title', 'message'].includes(k)) out.push(v);
      else sentences(v, out);
    }
  }
  return out;
}

t.test('sentences in the reader’s language', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const worker = await cpas.token('social_worker');
  const analyst = await h.keys.token({ sub: 'spp-analyst-1', roles: ['spp_analyst'] });
  const app = h.app;
  const active = await piisIn(app, manager, 'active');
  const reflecting = await piisIn(app, manager, 'in_reflection');
  await piisIn(app, manager, 'closed');
  await post(app, worker, `/v1/piis/${active.piisId}/interview-requests`, { requestedOn: '2026-11-06' });
  await post(app, worker, `/v1/piis/${reflecting.piisId}/hearing-requests`, { requestedOn: '2026-03-05' });
  await post(app, manager, `/v1/piis/${active.piisId}/subsidy-extension-requests`, {
    requestedOn: '2026-11-20',
    motivation: 'Far from integration',
  });

  const answers = (lang: string) => {
    const headers = (token: string) => ({ ...bearer(token), 'accept-language': lang });
    const get = (url: string, token = manager) => app.inject({ method: 'GET', url, headers: headers(token) });
    return [
      ['GET /v1/piis/{id}', () => get(`/v1/piis/${active.piisId}`)],
      ['GET /v1/piis/{id} (in reflection)', () => get(`/v1/piis/${reflecting.piisId}`)],
      ['GET /v1/deadlines', () => get('/v1/deadlines?limit=500')],
      ['GET /v1/reports/subsidy', () => get('/v1/reports/subsidy?year=2026')],
      ['GET /v1/reports/indicators', () => get('/v1/reports/indicators?year=2026')],
      ['GET /v1/reports/national/indicators', () => get('/v1/reports/national/indicators?year=2026', analyst)],
      ['GET /v1/reports/national/extract', () => get('/v1/reports/national/extract?year=2026', analyst)],
      [
        '422 early signature',
        () =>
          app.inject({
            method: 'POST',
            url: `/v1/piis/${reflecting.piisId}/signatures`,
            headers: headers(manager),
            payload: { party: 'beneficiary', signedOn: '2026-03-04', signatoryName: 'X' },
          }),
      ],
      [
        '400 bad body',
        () =>
          app.inject({
            method: 'POST',
            url: '/v1/beneficiaries',
            headers: headers(manager),
            payload: { niss: '85073003329', givenName: 7, nickname: 'x' },
          }),
      ],
      [
        '400 bad NISS',
        () =>
          app.inject({
            method: 'POST',
            url: '/v1/beneficiaries',
            headers: headers(manager),
            payload: { niss: '85073003329', givenName: 'A', familyName: 'B', language: 'fr' },
          }),
      ],
      ['404 unknown PIIS', () => get('/v1/piis/00000000-0000-7000-8000-000000000001')],
      ['GET /v1/rules', () => app.inject({ method: 'GET', url: '/v1/rules', headers: { 'accept-language': lang } })],
      [
        '401 without token',
        () => app.inject({ method: 'GET', url: '/v1/deadlines', headers: { 'accept-language': lang } }),
      ],
    ] as const;
  };

  for (const lang of ['fr', 'nl', 'de'] as const) {
    t.test(`when Accept-Language is ${lang}, then no answer carries an English sentence`, async (t) => {
      let counted = 0;
      for (const [name, call] of answers(lang)) {
        const res = await call();
        t.equal(res.headers['content-language'], lang, `${name}: Content-Language ${lang}`);
        t.match(String(res.headers['vary']), /Accept-Language/, `${name}: varies on Accept-Language`);
        const said = sentences(json(res));
        t.ok(said.length > 0, `${name}: carries sentences (${res.statusCode})`);
        for (const s of said) {
          counted += 1;
          // rule ids (R-OBLIG-DEADLINE) are codes, the same in every language
          t.notMatch(s.replace(/R-[A-Z0-9-]+/g, ''), ENGLISH, `${name} [${lang}]: “${s.slice(0, 120)}” is not English`);
          t.notMatch(s, /[{}]|"kind":"message"/, `${name} [${lang}]: no placeholder or raw message`);
        }
      }
      t.ok(counted > 50, `${counted} sentences checked`);
    });
  }

  t.test(
    'when Accept-Language names a region and a quality, or nothing known, then the language follows HTTP',
    async (t) => {
      const lang = async (header?: string) =>
        (
          await app.inject({
            method: 'GET',
            url: `/v1/piis/${active.piisId}`,
            headers: { ...bearer(manager), ...(header === undefined ? {} : { 'accept-language': header }) },
          })
        ).headers['content-language'];
      t.equal(await lang('nl-BE,nl;q=0.9'), 'nl');
      t.equal(await lang('it, de;q=0.9'), 'de');
      t.equal(await lang('it'), 'fr', 'nothing known: the CPAS’s language');
      t.equal(await lang(undefined), 'fr', 'no header: the CPAS’s language');
      t.equal(await lang('en'), 'en', 'English only when asked');
      t.equal(await lang(';;;q=abc,'), 'fr', 'malformed: the fallback, never a 4xx');
      t.equal(await lang(`${'x-long,'.repeat(200)}de`), 'fr', 'past what is read: the fallback');
      const codes = await app.inject({
        method: 'GET',
        url: '/v1/codes',
        headers: { 'accept-language': `${'zz;q=0.1,'.repeat(100)}nl` },
      });
      t.equal(codes.statusCode, 200, 'a long Accept-Language is never a 4xx');
    },
  );

  t.test('when the CPAS works in Dutch, then its answers without Accept-Language are Dutch', async (t) => {
    const kbo = '0207437468';
    const platform = await h.keys.token({ sub: 'platform', roles: ['platform_admin'] });
    const created = await app.inject({
      method: 'POST',
      url: '/v1/cpas',
      headers: bearer(platform),
      payload: {
        kboNumber: kbo,
        name: { fr: 'CPAS de Gand', nl: 'OCMW Gent', de: 'ÖSHZ Gent' },
        language: 'nl',
        nisCodes: [],
      },
    });
    t.equal(created.statusCode, 201, created.body);
    const token = await h.keys.token({ sub: 'gent-worker', roles: ['social_worker'], cpas: kbo });
    const res = await app.inject({
      method: 'GET',
      url: '/v1/piis/00000000-0000-7000-8000-000000000001',
      headers: bearer(token),
    });
    t.equal(res.headers['content-language'], 'nl');
    t.equal(json(res).detail, 'Geen dergelijk GPMI in uw OCMW');
  });
});
