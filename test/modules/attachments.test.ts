// Evidence attachments: a PDF or image proving a PIIS or one of its facts, type checked from its
// bytes, stored with its SHA-256, returned byte for byte; other CPAS and other roles kept out.
import t from 'tap';
import { createHash } from 'node:crypto';
import { bearer, buildHarness } from '../helpers/app.js';
import { piisIn, post } from '../helpers/piis.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

t.test('attachments', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const b = await h.newCpas();
  const worker = await a.token('cpas_manager', 'manager-a');
  const piis = await piisIn(h.app, worker, 'active');
  const notice = (
    await post(h.app, worker, `/v1/piis/${piis.piisId}/notices`, {
      issuedOn: '2026-04-01',
      breach: 'Missed three appointments',
      complyBy: '2026-04-15',
    })
  ).json();
  const upload = (query: string, body: Buffer, type: string, token = worker, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: `/v1/attachments?${query}`,
      headers: { ...bearer(token), 'content-type': type, ...headers },
      payload: body,
    });

  t.test(
    'when a scanned PDF of the signed contract is uploaded, then it is stored with its SHA-256 and comes back byte ' +
      'for byte',
    async (t) => {
      const res = await upload(
        `purpose=signed_contract&piisId=${piis.piisId}&fileName=contract.pdf`,
        PDF,
        'application/pdf',
      );
      t.equal(res.statusCode, 201, res.body);
      const body = res.json();
      t.same(
        { ...body, id: undefined, uploadedAt: undefined },
        {
          id: undefined,
          uploadedAt: undefined,
          piisId: piis.piisId,
          factId: null,
          purpose: 'signed_contract',
          mediaType: 'application/pdf',
          size: PDF.length,
          sha256: sha(PDF),
          fileName: 'contract.pdf',
          uploadedBy: 'manager-a',
          externalRef: null,
          contentAvailable: true,
        },
      );
      t.equal(res.headers.location, `/v1/attachments/${body.id}`);
      const got = await h.app.inject({ method: 'GET', url: `/v1/attachments/${body.id}`, headers: bearer(worker) });
      t.same(got.json(), body);
      const content = await h.app.inject({
        method: 'GET',
        url: `/v1/attachments/${body.id}/content`,
        headers: bearer(worker),
      });
      t.equal(content.statusCode, 200);
      t.equal(content.headers['content-type'], 'application/pdf');
      t.same(content.rawPayload, PDF);
      t.equal(content.headers['repr-digest'], `sha-256=:${createHash('sha256').update(PDF).digest('base64')}:`);
      t.match(content.headers['content-disposition'], /filename="contract.pdf"/);
      const list = await h.app.inject({
        method: 'GET',
        url: `/v1/piis/${piis.piisId}/attachments`,
        headers: bearer(worker),
      });
      t.same(
        list.json().items.map((x: { id: string }) => x.id),
        [body.id],
      );
      const timeline = await h.app.inject({
        method: 'GET',
        url: `/v1/piis/${piis.piisId}/timeline?limit=100`,
        headers: bearer(worker),
      });
      t.ok(
        timeline.json().items.some((e: { type: string }) => e.type === 'piis.attachment_added'),
        'on the PIIS timeline',
      );
    },
  );

  t.test('when images prove a notice delivery and a hearing, then they are linked to those facts', async (t) => {
    const png = await upload(`purpose=notice_delivery&piisId=${piis.piisId}&factId=${notice.id}`, PNG, 'image/png');
    t.equal(png.statusCode, 201, png.body);
    t.equal(png.json().factId, notice.id);
    const reflecting = await piisIn(h.app, worker, 'in_reflection');
    const hearing = (
      await post(h.app, worker, `/v1/piis/${reflecting.piisId}/hearing-requests`, { requestedOn: '2026-03-04' })
    ).json();
    const jpeg = await upload(
      `purpose=hearing_minutes&piisId=${reflecting.piisId}&factId=${hearing.id}`,
      JPEG,
      'image/jpeg',
    );
    t.equal(jpeg.statusCode, 201, jpeg.body);
    t.equal(jpeg.json().mediaType, 'image/jpeg');
  });

  t.test(
    'when the bytes are not what the Content-Type says, or not a PDF or image at all, then 415 and nothing is stored',
    async (t) => {
      const before = (
        await h.db.owner<{ n: number }>(`select count(*)::int as n from attachment where cpas_id = $1`, [a.id])
      )[0]!.n;
      for (const [body, type] of [
        [PNG, 'application/pdf'],
        [PDF, 'image/jpeg'],
        [Buffer.from('MZ\x90\x00 an executable'), 'application/pdf'],
        [Buffer.from('<html>'), 'image/png'],
      ] as const) {
        const res = await upload(`purpose=signed_contract&piisId=${piis.piisId}`, body, type);
        t.equal(res.statusCode, 415, type);
        t.equal(res.json().code, 'unsupported-media-type');
      }
      const other = await h.app.inject({
        method: 'POST',
        url: `/v1/attachments?purpose=signed_contract&piisId=${piis.piisId}`,
        headers: { ...bearer(worker), 'content-type': 'image/gif' },
        payload: Buffer.from('GIF89a'),
      });
      t.equal(other.statusCode, 415);
      const after = (
        await h.db.owner<{ n: number }>(`select count(*)::int as n from attachment where cpas_id = $1`, [a.id])
      )[0]!.n;
      t.equal(after, before);
    },
  );

  t.test('when the file passes 10 MB, then 413', async (t) => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(`purpose=signed_contract&piisId=${piis.piisId}`, big, 'application/pdf');
    t.equal(res.statusCode, 413);
    t.equal(res.json().code, 'payload-too-large');
    const exactly = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length)]);
    t.equal(
      (await upload(`purpose=signed_contract&piisId=${piis.piisId}`, exactly, 'application/pdf')).statusCode,
      201,
      'exactly 10 MB is accepted',
    );
  });

  t.test('when the link is wrong, then 400 or 404', async (t) => {
    t.equal(
      (await upload(`purpose=notice_delivery&piisId=${piis.piisId}`, PDF, 'application/pdf')).statusCode,
      400,
      'a notice delivery names its notice',
    );
    t.equal(
      (await upload(`purpose=reflection_waiver&piisId=${piis.piisId}&factId=${notice.id}`, PDF, 'application/pdf'))
        .statusCode,
      400,
      'a waiver names no fact',
    );
    t.equal(
      (await upload(`purpose=hearing_minutes&piisId=${piis.piisId}&factId=${notice.id}`, PDF, 'application/pdf'))
        .statusCode,
      404,
      'a notice is not a hearing',
    );
    t.equal((await upload(`purpose=signed_contract&piisId=${notice.id}`, PDF, 'application/pdf')).statusCode, 404);
    t.equal((await upload(`purpose=stolen&piisId=${piis.piisId}`, PDF, 'application/pdf')).statusCode, 400);
    t.equal(
      (await upload(`purpose=signed_contract&piisId=${piis.piisId}&fileName=..%2Fetc%2Fpasswd`, PDF, 'application/pdf'))
        .statusCode,
      400,
    );
    t.equal(
      (await upload(`purpose=signed_contract&piisId=${piis.piisId}`, Buffer.alloc(0), 'application/pdf')).statusCode,
      400,
    );
  });

  t.test(
    'when the same upload is retried with its Idempotency-Key, then one attachment; the key with other bytes is 422',
    async (t) => {
      const first = await upload(`purpose=reflection_waiver&piisId=${piis.piisId}`, PDF, 'application/pdf', worker, {
        'idempotency-key': 'upload-1',
      });
      const again = await upload(`purpose=reflection_waiver&piisId=${piis.piisId}`, PDF, 'application/pdf', worker, {
        'idempotency-key': 'upload-1',
      });
      t.equal(again.statusCode, 201);
      t.equal(again.json().id, first.json().id);
      const other = await upload(
        `purpose=reflection_waiver&piisId=${piis.piisId}`,
        Buffer.concat([PDF, Buffer.from('x')]),
        'application/pdf',
        worker,
        { 'idempotency-key': 'upload-1' },
      );
      t.equal(other.statusCode, 422);
    },
  );

  t.test(
    "when another CPAS's token asks for an attachment or uploads to its PIIS, then 404; other roles 403",
    async (t) => {
      const id = (await upload(`purpose=signed_contract&piisId=${piis.piisId}`, PDF, 'application/pdf')).json().id;
      const theirs = await b.token('cpas_manager');
      for (const url of [
        `/v1/attachments/${id}`,
        `/v1/attachments/${id}/content`,
        `/v1/piis/${piis.piisId}/attachments`,
      ]) {
        t.equal((await h.app.inject({ method: 'GET', url, headers: bearer(theirs) })).statusCode, 404, url);
      }
      t.equal(
        (await upload(`purpose=signed_contract&piisId=${piis.piisId}`, PDF, 'application/pdf', theirs)).statusCode,
        404,
      );
      for (const role of ['cpas_auditor']) {
        const tok = await a.token(role);
        t.equal(
          (await h.app.inject({ method: 'GET', url: `/v1/attachments/${id}`, headers: bearer(tok) })).statusCode,
          403,
        );
        t.equal(
          (await upload(`purpose=signed_contract&piisId=${piis.piisId}`, PDF, 'application/pdf', tok)).statusCode,
          403,
        );
      }
      const analyst = await h.keys.token({ sub: 'x', roles: ['spp_analyst'] });
      t.equal(
        (await h.app.inject({ method: 'GET', url: `/v1/attachments/${id}/content`, headers: bearer(analyst) }))
          .statusCode,
        403,
      );
    },
  );

  t.test('when a JSON body is sent to another route with a file type, then 415 there', async (t) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: { ...bearer(worker), 'content-type': 'application/pdf' },
      payload: PDF,
    });
    t.equal(res.statusCode, 415);
  });
});
