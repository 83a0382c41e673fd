// The contract version as a PDF (getPiisDocument): A4, DejaVu Sans (every name's letters, not
// only Latin-1), the parties, the content, the rights of the person and the signatures recorded.
// Pure and deterministic: the same input gives the same bytes (the creation date is the
// version's), which is what lets a stored document be checked against a fresh rendering.
import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';
import { codeLabel } from '../meta/index.js';
import { documentTexts, formatDate, type DocLang } from './document.texts.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface DocumentInput {
  piisId: string;
  lang: DocLang;
  cpas: {
    name: string;
    kbo: string;
    address: { street: string; postalCode: string; municipality: string } | null;
    contact: { phone?: string; email?: string; website?: string } | null;
  };
  person: { givenName: string; familyName: string; niss: string; birthDate: string | null; language: string };
  track: string;
  obligation: string;
  draftedOn: string;
  version: {
    number: number;
    kind: string;
    createdAt: string;
    effectiveOn: string | null;
    reason: string | null;
    content: {
      domains: string[];
      activationCategory: string | null;
      objectives: Array<{ key: string; domain: string; description: string; dueOn?: string | null }>;
      commitments: Array<{
        party: string;
        thirdPartyName?: string | null;
        description: string;
        objectiveKeys: string[];
      }>;
      startsOn: string | null;
      endsOn: string | null;
      evaluationArrangements: string | null;
      supplementaryAid: string | null;
    };
  };
  handover: {
    handedOverOn: string;
    earliestSignatureOn: string | null;
    assistedBy: { name: string; relation: string } | null;
  } | null;
  signatures: Array<{ party: string; thirdPartyName: string | null; signatoryName: string; signedOn: string }>;
  /** R-EVAL-FREQ's version for this PIIS: quarterly before 2016-11-01 */
  quarterlyEvaluations: boolean;
}

const label = (list: string, code: string, lang: DocLang) => codeLabel(lang, list, code);

/**
 * pdfkit is loaded on the first document, not with the server: with fontkit it decompresses its
 * Unicode tables when loaded, a few hundred milliseconds of every start-up otherwise.
 */
let pdfkit: Promise<typeof PDFKit> | undefined;

type Texts = ReturnType<typeof documentTexts>;
type Content = DocumentInput['version']['content'];

/** The document being written, with the few ways this layout writes text. */
interface Page {
  doc: PDFKit.PDFDocument;
  /** the width between the margins */
  width: number;
  t: Texts;
  lang: DocLang;
  date: (d: string) => string;
  heading(text: string): void;
  para(text: string): void;
  field(name: string, value: string): void;
  /** a bullet with a hanging indent: wrapped lines align with the text, not the bullet */
  bullet(text: string, sub?: string): void;
}

export async function renderDocument(input: DocumentInput): Promise<Buffer> {
  const PDFDocument = await (pdfkit ??= import('pdfkit').then((module) => module.default));
  const t = documentTexts(input.lang);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: `${input.lang}-BE`,
    displayTitle: true,
    info: {
      Title: `${t.title} — ${input.person.givenName} ${input.person.familyName}`,
      Author: input.cpas.name,
      Subject: t.version(input.version.number, label('versionKind', input.version.kind, input.lang)),
      Creator: 'piis-backend',
      Producer: 'piis-backend',
      CreationDate: new Date(input.version.createdAt),
      ModDate: new Date(input.version.createdAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const page = pageOf(doc, t, input.lang);
  const thirds = thirdParties(input.version.content);
  titleBlock(page, input);
  partiesSection(page, input, thirds);
  contractSection(page, input);
  commitmentsSection(page, input.version.content, thirds);
  rightsSection(page, input);
  signaturesSection(page, input, thirds);
  footers(page, input.piisId);
  doc.end();
  return done;
}

function pageOf(doc: PDFKit.PDFDocument, t: Texts, lang: DocLang): Page {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  return {
    doc,
    width,
    t,
    lang,
    date: formatDate[lang],
    heading(text) {
      doc.moveDown(0.8).font('bold').fontSize(12).fillColor('#1f3a5f').text(text, { width });
      doc.moveDown(0.2).fillColor('black');
    },
    para: (text) => void doc.font('body').fontSize(10).text(text, { width, align: 'left' }),
    field(name, value) {
      doc.font('bold').fontSize(10).text(`${name}: `, { continued: true }).font('body').text(value, { width });
    },
    bullet(text, sub) {
      const left = doc.page.margins.left;
      const y = doc.y;
      doc.font('body').fontSize(10).text('•', left, y, { width: 12, lineBreak: false });
      doc.text(text, left + 12, y, { width: width - 12 });
      if (sub)
        doc
          .fontSize(8.5)
          .fillColor('#555555')
          .text(sub, left + 12, doc.y, { width: width - 12 })
          .fillColor('black');
      doc.x = left;
    },
  };
}

/** The third parties that commit, each once, in the order of their first commitment. */
const thirdParties = (c: Content) => [
  ...new Set(c.commitments.filter((x) => x.party === 'third_party' && x.thirdPartyName).map((x) => x.thirdPartyName!)),
];

function titleBlock({ doc, width, t, lang, date, para, field }: Page, input: DocumentInput): void {
  doc.font('bold').fontSize(16).fillColor('#1f3a5f').text(t.title, { width });
  doc
    .moveDown(0.3)
    .font('body')
    .fontSize(11)
    .fillColor('black')
    .text(t.version(input.version.number, label('versionKind', input.version.kind, lang)));
  if (input.version.effectiveOn) para(t.effective(date(input.version.effectiveOn)));
  if (input.version.reason) field(t.reason, input.version.reason);
  doc
    .moveDown(0.5)
    .moveTo(doc.page.margins.left, doc.y)
    .lineTo(doc.page.margins.left + width, doc.y)
    .strokeColor('#1f3a5f')
    .lineWidth(1)
    .stroke();
}

function partiesSection({ t, date, heading, field }: Page, input: DocumentInput, thirds: string[]): void {
  heading(t.parties);
  field(t.cpas, `${input.cpas.name} (${t.kbo} ${input.cpas.kbo})`);
  const a = input.cpas.address;
  field(t.address, a ? `${a.street}, ${a.postalCode} ${a.municipality}` : t.notRecorded);
  const k = input.cpas.contact;
  const contact = k
    ? [k.phone ? t.phone(k.phone) : null, k.email ?? null, k.website ?? null].filter(Boolean).join(' — ')
    : '';
  field(t.contact, contact || t.notRecorded);
  const born = input.person.birthDate ? `, ${t.born(date(input.person.birthDate))}` : '';
  field(t.person, `${input.person.givenName} ${input.person.familyName} (${t.niss} ${input.person.niss}${born})`);
  if (thirds.length > 0) field(t.thirdParties, thirds.join(', '));
}

function contractSection({ t, lang, date, heading, field, bullet, para }: Page, input: DocumentInput): void {
  const c = input.version.content;
  heading(t.contract);
  field(t.track, label('track', input.track, lang));
  field(t.obligation, label('obligation', input.obligation, lang));
  field(t.draftedOn, date(input.draftedOn));
  field(t.duration, c.startsOn && c.endsOn ? t.period(date(c.startsOn), date(c.endsOn)) : t.notSet);
  field(t.domains, c.domains.map((d) => label('domain', d, lang)).join(', ') || '—');
  if (c.activationCategory) field(t.activationCategory, label('activationCategory', c.activationCategory, lang));

  heading(t.objectives);
  for (const o of c.objectives)
    bullet(
      `${o.key}. ${o.description}`,
      [label('domain', o.domain, lang), o.dueOn ? t.due(date(o.dueOn)) : null].filter(Boolean).join(' — '),
    );
  if (c.objectives.length === 0) para('—');
}

function commitmentsSection({ doc, width, t, heading, bullet }: Page, c: Content, thirds: string[]): void {
  heading(t.commitments);
  const groups: Array<[string, Content['commitments']]> = [
    [t.commitmentsOf.beneficiary, c.commitments.filter((x) => x.party === 'beneficiary')],
    [t.commitmentsOf.cpas, c.commitments.filter((x) => x.party === 'cpas')],
    ...thirds.map((name): [string, Content['commitments']] => [
      t.commitmentsOfThird(name),
      c.commitments.filter((x) => x.party === 'third_party' && x.thirdPartyName === name),
    ]),
  ];
  for (const [title, items] of groups) {
    if (items.length === 0) continue;
    doc.moveDown(0.3).font('bold').fontSize(10).text(title, { width });
    for (const x of items) bullet(x.description, t.forObjectives(x.objectiveKeys.join(', ')));
  }
}

function rightsSection({ t, date, heading, para, bullet }: Page, input: DocumentInput): void {
  const c = input.version.content;
  heading(t.evaluation);
  if (c.evaluationArrangements) para(c.evaluationArrangements);
  para(t.evaluationRule(input.quarterlyEvaluations));

  heading(t.supplementaryAid);
  para(c.supplementaryAid ?? '—');

  heading(t.rights);
  bullet(t.assistance);
  if (input.handover)
    bullet(
      input.handover.assistedBy
        ? t.assistedBy(input.handover.assistedBy.name, input.handover.assistedBy.relation)
        : t.notAssisted,
    );
  bullet(t.reflection);
  if (input.handover?.earliestSignatureOn)
    bullet(t.handedOver(date(input.handover.handedOverOn), date(input.handover.earliestSignatureOn)));
  bullet(t.hearing);
  bullet(t.interview);

  // R-INFORM: what follows when the commitments are not kept, and the rights that go with it
  heading(t.consequencesTitle);
  bullet(t.consequences);
  bullet(t.heardBeforeSanction);
  bullet(t.appeal);
}

function signaturesSection(page: Page, input: DocumentInput, thirds: string[]): void {
  const { t, lang, date, heading, para, bullet } = page;
  heading(t.signatures);
  if (input.signatures.length === 0) para(t.notSigned);
  for (const s of input.signatures) {
    const party =
      s.party === 'third_party' && s.thirdPartyName
        ? `${label('party', s.party, lang)} (${s.thirdPartyName})`
        : label('party', s.party, lang);
    bullet(t.signed(party, s.signatoryName, date(s.signedOn)));
  }
  // a block for each party: the person, the CPAS and every third party that commits
  signatureBlocks(page, [
    { party: label('party', 'beneficiary', lang), signed: input.signatures.find((s) => s.party === 'beneficiary') },
    {
      party: `${label('party', 'cpas', lang)} — ${input.cpas.name}`,
      signed: input.signatures.find((s) => s.party === 'cpas'),
    },
    ...thirds.map((name) => ({
      party: `${label('party', 'third_party', lang)} — ${name}`,
      signed: input.signatures.find((s) => s.party === 'third_party' && s.thirdPartyName === name),
    })),
  ]);
}

/** Two signature boxes a row: the party, the name and date recorded, room to sign. */
function signatureBlocks(
  { doc, width, t, date }: Page,
  blocks: Array<{ party: string; signed: DocumentInput['signatures'][number] | undefined }>,
): void {
  doc.moveDown(0.6);
  const blockWidth = (width - 12) / 2;
  const blockHeight = 96;
  for (let i = 0; i < blocks.length; i += 2) {
    if (doc.y + blockHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    for (const [j, b] of blocks.slice(i, i + 2).entries()) {
      const x = doc.page.margins.left + j * (blockWidth + 12);
      doc.rect(x, top, blockWidth, blockHeight).strokeColor('#999999').lineWidth(0.5).stroke();
      doc
        .font('bold')
        .fontSize(9.5)
        .fillColor('black')
        .text(b.party, x + 6, top + 6, { width: blockWidth - 12 });
      doc.font('body').fontSize(9);
      doc.text(t.field(t.signatureName, b.signed?.signatoryName ?? ''), x + 6, top + 30, { width: blockWidth - 12 });
      doc.text(t.field(t.signatureDate, b.signed ? date(b.signed.signedOn) : ''), x + 6, top + 44, {
        width: blockWidth - 12,
      });
      doc
        .fontSize(8)
        .fillColor('#555555')
        .text(t.readAndApproved, x + 6, top + 60, { width: blockWidth - 12 });
      doc.text(t.signature, x + 6, top + 74, { width: blockWidth - 12 }).fillColor('black');
    }
    doc.x = doc.page.margins.left;
    doc.y = top + blockHeight + 10;
  }
}

/** On every page: the reference and the page number. */
function footers({ doc, width, t }: Page, piisId: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#777777');
    doc.text(`${t.reference(piisId)} — ${t.page(i + 1, range.count)}`, doc.page.margins.left, doc.page.height - 40, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
