// The words of the contract document in the three national languages. Code labels (domains,
// parties, tracks…) come from the code lists; these are the document's own phrases.
export type DocLang = 'fr' | 'nl' | 'de';

export interface DocumentTexts {
  title: string;
  version(n: number, kind: string): string;
  parties: string;
  cpas: string;
  kbo: string;
  person: string;
  niss: string;
  born(date: string): string;
  language: string;
  thirdParties: string;
  contract: string;
  track: string;
  obligation: string;
  draftedOn: string;
  duration: string;
  period(from: string, to: string): string;
  notSet: string;
  effective(date: string): string;
  reason: string;
  domains: string;
  activationCategory: string;
  objectives: string;
  due(date: string): string;
  commitments: string;
  commitmentsOf: Record<'beneficiary' | 'cpas', string>;
  commitmentsOfThird(name: string): string;
  forObjectives(keys: string): string;
  evaluation: string;
  evaluationRule(quarterly: boolean): string;
  supplementaryAid: string;
  rights: string;
  assistance: string;
  assistedBy(name: string, relation: string): string;
  notAssisted: string;
  reflection: string;
  handedOver(date: string, earliest: string): string;
  hearing: string;
  interview: string;
  signatures: string;
  signed(party: string, name: string, date: string): string;
  notSigned: string;
  reference(id: string): string;
  page(n: number, of: number): string;
}

const civil = (sep: string) => (d: string) => `${d.slice(8, 10)}${sep}${d.slice(5, 7)}${sep}${d.slice(0, 4)}`;
export const formatDate: Record<DocLang, (d: string) => string> = { fr: civil('/'), nl: civil('/'), de: civil('.') };

export const TEXTS: Record<DocLang, DocumentTexts> = {
  fr: {
    title: 'Projet individualisé d’intégration sociale (PIIS)',
    version: (n, kind) => `Version ${n} — ${kind}`,
    parties: 'Parties',
    cpas: 'Le CPAS',
    kbo: 'numéro d’entreprise',
    person: 'La personne',
    niss: 'NISS',
    born: (d) => `née ou né le ${d}`,
    language: 'langue',
    thirdParties: 'Tiers',
    contract: 'Le projet',
    track: 'Type de projet',
    obligation: 'Caractère',
    draftedOn: 'Rédigé le',
    duration: 'Durée',
    period: (a, b) => `du ${a} au ${b}`,
    notSet: 'non fixée',
    effective: (d) => `En vigueur à partir du ${d}`,
    reason: 'Motif',
    domains: 'Domaines',
    activationCategory: 'Parcours d’activation sociale',
    objectives: 'Objectifs',
    due: (d) => `échéance : ${d}`,
    commitments: 'Engagements',
    commitmentsOf: { beneficiary: 'Engagements de la personne', cpas: 'Engagements du CPAS' },
    commitmentsOfThird: (n) => `Engagements de ${n} (tiers)`,
    forObjectives: (k) => `objectifs : ${k}`,
    evaluation: 'Modalités d’évaluation',
    evaluationRule: (q) =>
      q
        ? 'Le projet est évalué au moins une fois par trimestre.'
        : 'Le projet est évalué au moins trois fois par période de douze mois, dont au moins deux fois lors d’un entretien personnel.',
    supplementaryAid: 'Aide complémentaire',
    rights: 'Vos droits',
    assistance: 'Pendant la négociation du projet, vous pouvez vous faire assister par une personne de votre choix.',
    assistedBy: (n, r) => `Vous avez été assisté(e) par ${n} (${r}).`,
    notAssisted: 'Vous n’avez pas été assisté(e).',
    reflection: 'Vous disposez d’un délai de réflexion de 5 jours calendrier avant de signer le projet.',
    handedOver: (d, e) => `Le projet vous a été remis le ${d} : vous pouvez le signer à partir du ${e}.`,
    hearing: 'Vous pouvez demander à être entendu(e) par le conseil ou le comité du CPAS avant de signer.',
    interview: 'Pendant le projet, vous pouvez demander un entretien : le CPAS vous l’accorde dans les 5 jours ouvrables.',
    signatures: 'Signatures',
    signed: (p, n, d) => `${p} : ${n}, le ${d}`,
    notSigned: 'Cette version n’est pas encore signée.',
    reference: (id) => `Référence ${id}`,
    page: (n, of) => `page ${n} / ${of}`,
  },
  nl: {
    title: 'Geïndividualiseerd project voor maatschappelijke integratie (GPMI)',
    version: (n, kind) => `Versie ${n} — ${kind}`,
    parties: 'Partijen',
    cpas: 'Het OCMW',
    kbo: 'ondernemingsnummer',
    person: 'De persoon',
    niss: 'INSZ',
    born: (d) => `geboren op ${d}`,
    language: 'taal',
    thirdParties: 'Derden',
    contract: 'Het project',
    track: 'Soort project',
    obligation: 'Aard',
    draftedOn: 'Opgesteld op',
    duration: 'Looptijd',
    period: (a, b) => `van ${a} tot ${b}`,
    notSet: 'niet vastgelegd',
    effective: (d) => `Van kracht vanaf ${d}`,
    reason: 'Reden',
    domains: 'Domeinen',
    activationCategory: 'Traject maatschappelijke activering',
    objectives: 'Doelstellingen',
    due: (d) => `uiterlijk: ${d}`,
    commitments: 'Verbintenissen',
    commitmentsOf: { beneficiary: 'Verbintenissen van de persoon', cpas: 'Verbintenissen van het OCMW' },
    commitmentsOfThird: (n) => `Verbintenissen van ${n} (derde)`,
    forObjectives: (k) => `doelstellingen: ${k}`,
    evaluation: 'Evaluatieregeling',
    evaluationRule: (q) =>
      q
        ? 'Het project wordt minstens eenmaal per kwartaal geëvalueerd.'
        : 'Het project wordt minstens drie keer per periode van twaalf maanden geëvalueerd, waarvan minstens twee keer in een persoonlijk gesprek.',
    supplementaryAid: 'Bijkomende steun',
    rights: 'Uw rechten',
    assistance: 'Tijdens de onderhandeling over het project mag u zich laten bijstaan door een persoon van uw keuze.',
    assistedBy: (n, r) => `U werd bijgestaan door ${n} (${r}).`,
    notAssisted: 'U werd niet bijgestaan.',
    reflection: 'U beschikt over een bedenktijd van 5 kalenderdagen voordat u het project ondertekent.',
    handedOver: (d, e) => `Het project werd u overhandigd op ${d}: u kunt het ondertekenen vanaf ${e}.`,
    hearing: 'U kunt vragen om gehoord te worden door de raad of het comité van het OCMW voordat u ondertekent.',
    interview: 'Tijdens het project kunt u om een gesprek vragen: het OCMW staat het toe binnen 5 werkdagen.',
    signatures: 'Handtekeningen',
    signed: (p, n, d) => `${p}: ${n}, op ${d}`,
    notSigned: 'Deze versie is nog niet ondertekend.',
    reference: (id) => `Referentie ${id}`,
    page: (n, of) => `pagina ${n} / ${of}`,
  },
  de: {
    title: 'Individuelles Projekt zur sozialen Eingliederung (IPSE)',
    version: (n, kind) => `Version ${n} — ${kind}`,
    parties: 'Parteien',
    cpas: 'Das ÖSHZ',
    kbo: 'Unternehmensnummer',
    person: 'Die Person',
    niss: 'NISS',
    born: (d) => `geboren am ${d}`,
    language: 'Sprache',
    thirdParties: 'Dritte',
    contract: 'Das Projekt',
    track: 'Art des Projekts',
    obligation: 'Charakter',
    draftedOn: 'Erstellt am',
    duration: 'Laufzeit',
    period: (a, b) => `vom ${a} bis zum ${b}`,
    notSet: 'nicht festgelegt',
    effective: (d) => `Wirksam ab dem ${d}`,
    reason: 'Grund',
    domains: 'Bereiche',
    activationCategory: 'Weg der sozialen Aktivierung',
    objectives: 'Ziele',
    due: (d) => `bis: ${d}`,
    commitments: 'Verpflichtungen',
    commitmentsOf: { beneficiary: 'Verpflichtungen der Person', cpas: 'Verpflichtungen des ÖSHZ' },
    commitmentsOfThird: (n) => `Verpflichtungen von ${n} (Dritter)`,
    forObjectives: (k) => `Ziele: ${k}`,
    evaluation: 'Evaluierungsmodalitäten',
    evaluationRule: (q) =>
      q
        ? 'Das Projekt wird mindestens einmal pro Quartal evaluiert.'
        : 'Das Projekt wird mindestens dreimal pro Zeitraum von zwölf Monaten evaluiert, davon mindestens zweimal in einem persönlichen Gespräch.',
    supplementaryAid: 'Zusätzliche Hilfe',
    rights: 'Ihre Rechte',
    assistance: 'Während der Verhandlung über das Projekt können Sie sich von einer Person Ihrer Wahl beistehen lassen.',
    assistedBy: (n, r) => `Ihr Beistand war ${n} (${r}).`,
    notAssisted: 'Sie hatten keinen Beistand.',
    reflection: 'Sie haben eine Bedenkzeit von 5 Kalendertagen, bevor Sie das Projekt unterzeichnen.',
    handedOver: (d, e) => `Das Projekt wurde Ihnen am ${d} ausgehändigt: Sie können es ab dem ${e} unterzeichnen.`,
    hearing: 'Sie können beantragen, vor der Unterzeichnung vom Rat oder Ausschuss des ÖSHZ angehört zu werden.',
    interview: 'Während des Projekts können Sie ein Gespräch beantragen: Das ÖSHZ gewährt es innerhalb von 5 Werktagen.',
    signatures: 'Unterschriften',
    signed: (p, n, d) => `${p}: ${n}, am ${d}`,
    notSigned: 'Diese Version ist noch nicht unterzeichnet.',
    reference: (id) => `Referenz ${id}`,
    page: (n, of) => `Seite ${n} / ${of}`,
  },
};
