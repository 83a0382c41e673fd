// The contract document of a version (getPiisDocument): rendered from the facts in force in the
// person's language (or ?lang=), stored with its SHA-256 the first time those facts are rendered,
// and the stored bytes returned every time after. A download is audited as an export of the PIIS.
import { createHash } from 'node:crypto';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { stableStringify } from '../../http/request-context.js';
import { recordExport, writeUnit } from '../../core/work.js';
import { quarterlyEvaluations } from '../../rules/evaluation.js';
import { reflectionPeriod } from '../../rules/reflection.js';
import { conclusion, signaturesOf, readFileUnaudited, normaliseContent } from '../piis/index.js';
import type { DocLang } from './document.texts.js';
import { renderDocument, type DocumentInput } from './document.render.js';
import * as repo from './documents.repository.js';
import { msg } from '../../i18n/catalogue.js';

export async function getPiisDocument(ctx: RequestContext, piisId: string, version: number, lang: DocLang | undefined) {
  const file = await readFileUnaudited(ctx, piisId);
  const v = file.versions.find((x) => x.version === version);
  if (!v) throw new AppError('not-found', msg('not-found.version', { version }));
  const p = file.piis;
  const result = await writeUnit({ ...ctx, idempotency: null }, async (tx) => {
    const who = await repo.beneficiaryAndCpas(tx, ctx.cpasId, p.beneficiary_id);
    if (!who) throw new AppError('not-found', msg('not-found.piis'));
    const docLang = lang ?? who.language;
    const input = documentInput(file, v, who, docLang);
    const key = {
      cpasId: ctx.cpasId,
      piisId,
      version,
      lang: docLang,
      inputSha256: createHash('sha256').update(stableStringify(input)).digest('hex'),
    };
    const stored = await repo.findDocument(tx, key);
    if (stored) return { status: 200, body: stored, headers: {} };
    const bytes = await renderDocument(input);
    await repo.storeDocument(tx, {
      cpas_id: ctx.cpasId,
      piis_id: piisId,
      version,
      lang: docLang,
      input_sha256: key.inputSha256,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      bytes,
    });
    return { status: 200, body: (await repo.findDocument(tx, key))!, headers: {} };
  });
  const doc = result.body;
  if (!doc.bytes) throw new AppError('content-removed', msg('file.document-removed'));
  await recordExport(ctx, 'piis', [p.id], `pdf; version=${version}; lang=${doc.lang}; bytes=${doc.bytes.length}`);
  return {
    bytes: Buffer.from(doc.bytes),
    sha256: doc.sha256,
    lang: doc.lang,
    fileName: `piis-${piisId}-v${version}-${doc.lang}.pdf`,
  };
}

type File = Awaited<ReturnType<typeof readFileUnaudited>>;

/** What the contract document of a version is written from: the parties, the content, the handover, the signatures. */
function documentInput(
  file: File,
  v: File['versions'][number],
  who: NonNullable<Awaited<ReturnType<typeof repo.beneficiaryAndCpas>>>,
  docLang: DocLang,
): DocumentInput {
  const p = file.piis;
  const piisId = p.id;
  const handover = p.handed_over_on
    ? {
        handedOverOn: p.handed_over_on,
        earliestSignatureOn: reflectionPeriod(p.handed_over_on).earliestSignatureOn.value,
        assistedBy: (p.assisted_by as { name: string; relation: string } | null) ?? null,
      }
    : null;
  return {
    piisId,
    lang: docLang,
    cpas: {
      name: who.cpas_name[docLang] ?? who.cpas_name['fr'] ?? '',
      kbo: who.kbo_number,
      address: who.cpas_address,
      contact: who.cpas_contact,
    },
    person: {
      givenName: who.given_name,
      familyName: who.family_name,
      niss: who.niss,
      birthDate: who.birth_date,
      language: who.language,
    },
    track: p.track,
    obligation: p.obligation,
    draftedOn: p.drafted_on,
    version: {
      number: v.version,
      kind: v.kind,
      createdAt: v.createdAt,
      effectiveOn: v.effectiveOn,
      reason: v.reason,
      content: normaliseContent(v.content),
    },
    handover: v.version === 1 ? handover : null,
    signatures: signaturesOf(file, v.version)
      .map((s) => ({
        party: s.row.party,
        thirdPartyName: s.row.third_party_name,
        signatoryName: s.row.signatory_name,
        signedOn: s.row.signed_on,
      }))
      .sort((a, b) => (a.signedOn < b.signedOn ? -1 : a.signedOn > b.signedOn ? 1 : a.party < b.party ? -1 : 1)),
    quarterlyEvaluations: quarterlyEvaluations(conclusion(file) ?? p.drafted_on),
  };
}
