// The words of the contract document in the three national languages: messages of the catalogue
// (`doc.*`, src/i18n). Code labels (domains, parties, tracks…) come from the code lists.
import { msg, render, type MessageId, type Value } from '../../i18n/catalogue.js';

export type DocLang = 'fr' | 'nl' | 'de';

const civil = (sep: string) => (d: string) => `${d.slice(8, 10)}${sep}${d.slice(5, 7)}${sep}${d.slice(0, 4)}`;
export const formatDate: Record<DocLang, (d: string) => string> = { fr: civil('/'), nl: civil('/'), de: civil('.') };

/** The document's phrases in one language. */
export function documentTexts(lang: DocLang) {
  const say = (id: MessageId, values: Record<string, Value> = {}) => render(lang, msg(id, values));
  return {
    title: say('doc.title'),
    version: (n: number, kind: string) => say('doc.version', { n, kind }),
    parties: say('doc.parties'),
    cpas: say('doc.cpas'),
    kbo: say('doc.kbo'),
    address: say('doc.address'),
    contact: say('doc.contact'),
    phone: (phone: string) => say('doc.phone', { phone }),
    notRecorded: say('doc.not-recorded'),
    person: say('doc.person'),
    niss: say('doc.niss'),
    born: (date: string) => say('doc.born', { date }),
    thirdParties: say('doc.third-parties'),
    contract: say('doc.contract'),
    track: say('doc.track'),
    obligation: say('doc.obligation'),
    draftedOn: say('doc.drafted-on'),
    duration: say('doc.duration'),
    period: (from: string, to: string) => say('doc.period', { from, to }),
    notSet: say('doc.not-set'),
    effective: (date: string) => say('doc.effective', { date }),
    reason: say('doc.reason'),
    domains: say('doc.domains'),
    activationCategory: say('doc.activation-category'),
    objectives: say('doc.objectives'),
    due: (date: string) => say('doc.due', { date }),
    commitments: say('doc.commitments'),
    commitmentsOf: { beneficiary: say('doc.commitments-of-person'), cpas: say('doc.commitments-of-cpas') },
    commitmentsOfThird: (name: string) => say('doc.commitments-of-third', { name }),
    forObjectives: (keys: string) => say('doc.for-objectives', { keys }),
    evaluation: say('doc.evaluation'),
    evaluationRule: (quarterly: boolean) => say('doc.evaluation-rule', { quarterly: quarterly ? 'yes' : 'no' }),
    supplementaryAid: say('doc.supplementary-aid'),
    rights: say('doc.rights'),
    assistance: say('doc.assistance'),
    assistedBy: (name: string, relation: string) => say('doc.assisted-by', { name, relation }),
    notAssisted: say('doc.not-assisted'),
    reflection: say('doc.reflection'),
    handedOver: (date: string, earliest: string) => say('doc.handed-over', { date, earliest }),
    hearing: say('doc.hearing'),
    interview: say('doc.interview'),
    consequencesTitle: say('doc.consequences-title'),
    consequences: say('doc.consequences'),
    heardBeforeSanction: say('doc.heard-before-sanction'),
    appeal: say('doc.appeal'),
    signatures: say('doc.signatures'),
    signed: (party: string, name: string, date: string) => say('doc.signed', { party, name, date }),
    notSigned: say('doc.not-signed'),
    field: (label: string, value: string) => say('doc.field', { label, value }),
    signatureName: say('doc.signature-name'),
    signatureDate: say('doc.signature-date'),
    signature: say('doc.signature'),
    readAndApproved: say('doc.read-and-approved'),
    reference: (id: string) => say('doc.reference', { id }),
    page: (n: number, of: number) => say('doc.page', { n, of }),
  };
}
