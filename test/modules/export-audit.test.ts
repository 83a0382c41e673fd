// Downloads are audited as exports: a CSV or XLSX report, the contract PDF and a stored file each
// leave one `export` entry naming the records it carried, with the format and what was sent.
import t from 'tap';
import { bearer, buildHarness } from '../helpers/app.js';
import { piisIn } from '../helpers/piis.js';
import { auditEntries, type AuditEntry as Entry } from '../helpers/audit.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

t.test('export audit', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const worker = await a.token('social_worker', 'worker-x');
  const manager = await a.token('cpas_manager', 'manager-x');
  const auditor = await a.token('cpas_auditor', 'adviser-x');
  const piis = await piisIn(h.app, worker, 'active');
  const get = (url: string, token: string, requestId: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers: { ...bearer(token), 'x-request-id': requestId, ...headers } });
  const entriesOf = async (requestId: string) =>
    (await auditEntries(h.app, auditor)).items.filter((e) => e.requestId === requestId);
  const names = (e: Entry) => (e.entityId ? [e.entityId] : e.entityIds);

  t.test(
    'when a manager downloads the subsidy report as CSV, then one export entry names its persons, the format and the ' +
      'rows',
    async (t) => {
      const res = await get(
        `/v1/reports/subsidy?year=2026&beneficiaryId=${piis.beneficiaryId}&format=csv`,
        manager,
        'export-csv-0001',
      );
      t.equal(res.statusCode, 200, res.body.slice(0, 200));
      const entries = await entriesOf('export-csv-0001');
      t.equal(entries.length, 1, 'one entry, not a read as well');
      t.match(entries[0], { actor: 'manager-x', action: 'export', entity: 'beneficiary', outcome: 'csv; rows=12' });
      t.same(names(entries[0]!), [piis.beneficiaryId]);
    },
  );

  t.test('when the same report is read as JSON, then it stays a read', async (t) => {
    t.equal(
      (await get(`/v1/reports/subsidy?year=2026&beneficiaryId=${piis.beneficiaryId}`, manager, 'export-json-0001'))
        .statusCode,
      200,
    );
    t.same(
      (await entriesOf('export-json-0001')).map((e) => e.action),
      ['read'],
    );
  });

  t.test(
    'when a manager downloads the indicators as XLSX, then an export entry of the report says the format and the rows',
    async (t) => {
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const res = await get('/v1/reports/indicators?year=2026', manager, 'export-xlsx-0001', { accept: xlsx });
      t.equal(res.statusCode, 200);
      const entries = await entriesOf('export-xlsx-0001');
      t.equal(entries.length, 1);
      t.match(entries[0], {
        action: 'export',
        entity: 'report/indicators-2026',
        entityId: null,
        outcome: /^xlsx; rows=\d+$/,
      });
    },
  );

  t.test(
    'when a worker downloads the contract PDF, then an export entry names the PIIS, version, language and size',
    async (t) => {
      const res = await get(`/v1/piis/${piis.piisId}/versions/1/document?lang=nl`, worker, 'export-pdf-0001');
      t.equal(res.statusCode, 200);
      const entries = await entriesOf('export-pdf-0001');
      t.same(
        entries.map((e) => ({ action: e.action, entity: e.entity, entityId: e.entityId, outcome: e.outcome })),
        [
          {
            action: 'export',
            entity: 'piis',
            entityId: piis.piisId,
            outcome: `pdf; version=1; lang=nl; bytes=${res.rawPayload.length}`,
          },
        ],
      );
    },
  );

  t.test(
    'when a worker downloads a stored file, then an export entry names the attachment, its type and size',
    async (t) => {
      const up = await h.app.inject({
        method: 'POST',
        url: `/v1/attachments?purpose=signed_contract&piisId=${piis.piisId}`,
        headers: { ...bearer(worker), 'content-type': 'application/pdf' },
        payload: PDF,
      });
      t.equal(up.statusCode, 201, up.body);
      const id = up.json<{ id: string }>().id;
      t.equal((await get(`/v1/attachments/${id}/content`, worker, 'export-file-0001')).statusCode, 200);
      t.same(
        (await entriesOf('export-file-0001')).map((e) => ({
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          outcome: e.outcome,
        })),
        [{ action: 'export', entity: 'attachment', entityId: id, outcome: `application/pdf; bytes=${PDF.length}` }],
      );
      t.same((await entriesOf('export-file-0001')).length, 1);
    },
  );

  t.test('when the auditor filters on exports, then only downloads come', async (t) => {
    const { items } = await auditEntries(h.app, auditor, 'action=export');
    t.ok(items.length >= 4);
    t.ok(items.every((e) => e.action === 'export'));
  });
});
