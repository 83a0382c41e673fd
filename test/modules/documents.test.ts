// The contract document: a PDF of a version in fr, nl or de with the parties, objectives,
// commitments, duration, evaluation arrangements, supplementary aid, the rights and the
// signatures; stored with its SHA-256 on first rendering and returned byte for byte; a new state
// of the facts renders anew. The text is checked by reading the PDF (our own reader of its text
// operators; pdftotext as well where it is installed) and the first page was looked at as an image.
import t from 'tap';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { bearer, buildHarness } from '../helpers/app.js';
import { piisIn, post } from '../helpers/piis.js';

/**
 * The text a PDF shows: its objects read, each font's ToUnicode map applied to the glyph codes of
 * the text operators that use that font (codes are per font: a subset font numbers its glyphs).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    let stream: string | null = null;
    if (at >= 0) {
      const offset = m.index! + m[0].indexOf(body) + at + body.slice(at).match(/stream\r?\n/)![0].length;
      const end = raw.indexOf('endstream', offset);
      try {
        stream = inflateSync(pdf.subarray(offset, end)).toString('latin1');
      } catch {
        stream = null;
      }
    }
    objects.set(m[1]!, { dict: at >= 0 ? body.slice(0, at) : body, stream });
  }
  const cmapOf = (fontObj: string) => {
    const map = new Map<string, string>();
    const ref = objects.get(fontObj)?.dict.match(/\/ToUnicode (\d+) 0 R/)?.[1];
    const cmap = ref ? (objects.get(ref)?.stream ?? '') : '';
    const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    for (const r of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      // an item may hold several code units (a ligature: <0066 006c>)
      [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((u, i) =>
        map.set((parseInt(r[1]!, 16) + i).toString(16).padStart(4, '0'), utf16(u[1]!.replace(/\s/g, ''))),
      );
    }
    return map;
  };
  const fonts = new Map<string, Map<string, string>>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) if (!fonts.has(m[1]!)) fonts.set(m[1]!, cmapOf(m[2]!));
  const text: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream || !stream.includes('BT')) continue;
    let font = new Map<string, string>();
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[(.*?)\]\s*TJ|\bET\b/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[2] !== undefined) {
        text.push(
          [...op[2].matchAll(/<([0-9a-fA-F]+)>/g)]
            .map((h) => (h[1]!.match(/.{4}/g) ?? []).map((g) => font.get(g.toLowerCase()) ?? '?').join(''))
            .join(''),
        );
      } else text.push('\n');
    }
  }
  return text.join('');
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

t.test('contract documents', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const b = await h.newCpas();
  const worker = await a.token('social_worker');
  const piis = await piisIn(h.app, worker, 'active');
  const get = (url: string, token = worker) => h.app.inject({ method: 'GET', url, headers: bearer(token) });

  const expected = {
    fr: [
      'Projet individualisé d’intégration sociale (PIIS)',
      'Parties',
      'Objectifs',
      'Engagements de la personne',
      'Engagements du CPAS',
      'Durée',
      'Modalités d’évaluation',
      'Aide complémentaire',
      'Vos droits',
      'délai de réflexion de 5 jours calendrier',
      'être entendu',
      'personne de votre choix',
      'Signatures',
      'The president',
      'Registration and travel costs',
      'suspendre tout ou partie de votre revenu d’intégration',
      'le droit d’être entendu(e)',
      'tribunal du travail',
      'Lu et approuvé',
      'non enregistrée au registre des CPAS',
    ],
    nl: [
      'Geïndividualiseerd project voor maatschappelijke integratie (GPMI)',
      'Partijen',
      'Doelstellingen',
      'Verbintenissen van de persoon',
      'Verbintenissen van het OCMW',
      'Looptijd',
      'Evaluatieregeling',
      'Bijkomende steun',
      'Uw rechten',
      'bedenktijd van 5 kalenderdagen',
      'gehoord te worden',
      'persoon van uw keuze',
      'Handtekeningen',
      'The president',
      'leefloon geheel of gedeeltelijk schorsen',
      'recht gehoord te worden',
      'arbeidsrechtbank',
      'Gelezen en goedgekeurd',
    ],
    de: [
      'Individuelles Projekt zur sozialen Eingliederung (IPSE)',
      'Parteien',
      'Ziele',
      'Verpflichtungen der Person',
      'Verpflichtungen des ÖSHZ',
      'Laufzeit',
      'Evaluierungsmodalitäten',
      'Zusätzliche Hilfe',
      'Ihre Rechte',
      'Bedenkzeit von 5 Kalendertagen',
      'angehört zu werden',
      'Person Ihrer Wahl',
      'Unterschriften',
      'The president',
      'Eingliederungseinkommen ganz oder teilweise',
      'angehört zu werden',
      'Arbeitsgericht',
      'Gelesen und genehmigt',
    ],
  } as const;

  for (const lang of ['fr', 'nl', 'de'] as const) {
    t.test(
      `when the signed version is asked in ${lang}, then the PDF shows the parties, content, rights and signatures ` +
        `in ${lang}`,
      async (t) => {
        const res = await get(`/v1/piis/${piis.piisId}/versions/1/document?lang=${lang}`);
        t.equal(res.statusCode, 200);
        t.equal(res.headers['content-type'], 'application/pdf');
        t.equal(res.headers['content-language'], lang);
        const pdf = res.rawPayload;
        t.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        t.equal(res.headers.etag, `"${createHash('sha256').update(pdf).digest('hex')}"`);
        const text = pdfText(pdf).replace(/\s+/g, ' ');
        for (const phrase of expected[lang]) t.ok(text.includes(phrase), `shows "${phrase}"`);
        if (hasPdftotext) {
          const viaPoppler = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf })
            .toString('utf8')
            .replace(/\s+/g, ' ');
          for (const phrase of expected[lang]) t.ok(viaPoppler.includes(phrase), `pdftotext reads "${phrase}"`);
        }
      },
    );
  }

  t.test('when the same document is asked again, then the same bytes come back; its hash is stored once', async (t) => {
    const first = await get(`/v1/piis/${piis.piisId}/versions/1/document?lang=nl`);
    const again = await get(`/v1/piis/${piis.piisId}/versions/1/document?lang=nl`);
    t.same(again.rawPayload, first.rawPayload);
    const stored = await h.db.owner<{ sha256: string }>(
      `select sha256 from piis_document where piis_id = $1 and version = 1 and lang = 'nl'`,
      [piis.piisId],
    );
    t.same(stored, [{ sha256: createHash('sha256').update(first.rawPayload).digest('hex') }]);
  });

  t.test("when no language is asked, then the person's language is used", async (t) => {
    const res = await get(`/v1/piis/${piis.piisId}/versions/1/document`);
    t.equal(res.headers['content-language'], 'fr', 'the test person speaks French');
  });

  t.test('when the facts shown change, then the next document shows them and is stored beside the first', async (t) => {
    const draft = await piisIn(h.app, worker, 'in_reflection');
    const before = await get(`/v1/piis/${draft.piisId}/versions/1/document?lang=fr`);
    t.ok(pdfText(before.rawPayload).includes('pas encore signée'));
    t.equal(
      (
        await post(h.app, worker, `/v1/piis/${draft.piisId}/signatures`, {
          party: 'beneficiary',
          signedOn: '2026-03-08',
          signatoryName: 'Zoë Łukasik-Şahin',
        })
      ).statusCode,
      201,
    );
    const after = await get(`/v1/piis/${draft.piisId}/versions/1/document?lang=fr`);
    t.not(after.headers.etag, before.headers.etag);
    t.ok(pdfText(after.rawPayload).includes('Zoë Łukasik-Şahin'), 'names outside Latin-1 are shown as written');
    t.same((await get(`/v1/piis/${draft.piisId}/versions/1/document?lang=fr`)).rawPayload, after.rawPayload);
  });

  t.test(
    "when another CPAS's token or a wrong version or language is asked, then 404 or 400; other roles 403",
    async (t) => {
      t.equal((await get(`/v1/piis/${piis.piisId}/versions/1/document`, await b.token())).statusCode, 404);
      t.equal((await get(`/v1/piis/${piis.piisId}/versions/9/document`)).statusCode, 404);
      t.equal((await get(`/v1/piis/${piis.piisId}/versions/1/document?lang=en`)).statusCode, 400);
      t.equal(
        (await get(`/v1/piis/${piis.piisId}/versions/1/document`, await a.token('cpas_auditor'))).statusCode,
        403,
      );
      const notPdf = await h.app.inject({
        method: 'GET',
        url: `/v1/piis/${piis.piisId}/versions/1/document`,
        headers: { ...bearer(worker), accept: 'application/json' },
      });
      t.equal(notPdf.statusCode, 406);
    },
  );
});

t.test(
  'R-INFORM: when the CPAS has recorded its address and contact, then the document prints them, with a signature ' +
    'block per party',
  async (t) => {
    const h = await buildHarness(t);
    const kbo = '0212344876';
    const created = await h.app.inject({
      method: 'POST',
      url: '/v1/cpas',
      headers: bearer(h.platformToken),
      payload: {
        kboNumber: kbo,
        name: { fr: 'CPAS de Namur', nl: 'OCMW Namen', de: 'ÖSHZ Namur' },
        language: 'fr',
        nisCodes: [],
        address: { street: 'Rue de Dave 165', postalCode: '5100', municipality: 'Namur' },
        contact: { phone: '+32 81 33 70 11', email: 'accueil@cpasnamur.example' },
      },
    });
    t.equal(created.statusCode, 201, created.body);
    t.match(created.json(), { address: { postalCode: '5100' }, contact: { phone: '+32 81 33 70 11' } });
    const worker = await h.keys.token({ sub: 'namur-worker', roles: ['social_worker'], cpas: kbo });
    const piis = await piisIn(h.app, worker, 'active');
    const res = await h.app.inject({
      method: 'GET',
      url: `/v1/piis/${piis.piisId}/versions/1/document?lang=fr`,
      headers: bearer(worker),
    });
    t.equal(res.statusCode, 200);
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    for (const phrase of [
      'Rue de Dave 165, 5100 Namur',
      'tél. +32 81 33 70 11',
      'accueil@cpasnamur.example',
      'Si les engagements ne sont pas respectés',
      'Lu et approuvé',
      'Bénéficiaire',
      'CPAS de Namur',
    ]) {
      t.ok(text.includes(phrase), `shows "${phrase}"`);
    }
    const bad = await h.app.inject({
      method: 'POST',
      url: '/v1/cpas',
      headers: bearer(h.platformToken),
      payload: {
        kboNumber: '0207437468',
        name: { fr: 'A', nl: 'A', de: 'A' },
        language: 'fr',
        nisCodes: [],
        address: { street: 'x', postalCode: '99999', municipality: 'y' },
      },
    });
    t.equal(bad.statusCode, 400, 'a postal code of 5 digits is refused');
  },
);
