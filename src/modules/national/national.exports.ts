// The columns of the SPP IS views as CSV or XLSX: the national indicators one figure per row
// (the totals first, then each CPAS), the extract one PIIS-year per row.
import type { ExportColumn } from '../../http/export.js';
import type { Lang } from '../../http/problem.js';
import type { ExtractRow, NationalIndicators } from './national.schemas.js';

const h = (fr: string, nl: string, de: string, en: string): Record<Lang, string> => ({ fr, nl, de, en });

export interface NationalFigureRow {
  cpas: string;
  name: string;
  key: string;
  value: number | null;
  suppressed: string | null;
  rule: string;
}

const TOTAL = h('Belgique', 'België', 'Belgien', 'Belgium');

/** The figures as rows, names in the caller's language (English readers get the French name). */
export function nationalFigureRows(report: NationalIndicators, lang: Lang): NationalFigureRow[] {
  const nameLang = lang === 'en' ? 'fr' : lang;
  return [
    ...report.totals.map((i) => ({ cpas: 'total', name: TOTAL[lang], key: i.key, value: i.value, suppressed: i.suppressed, rule: i.rule })),
    ...report.rows.flatMap((r) => r.items.map((i) => ({ cpas: r.kboNumber, name: r.name[nameLang], key: i.key, value: i.value, suppressed: i.suppressed, rule: i.rule }))),
  ];
}

export const nationalColumns: ExportColumn<NationalFigureRow>[] = [
  { header: h('CPAS (BCE)', 'OCMW (KBO)', 'ÖSHZ (ZDU)', 'CPAS (KBO)'), type: 'text', value: (r) => r.cpas },
  { header: h('Nom', 'Naam', 'Name', 'Name'), type: 'text', value: (r) => r.name },
  { header: h('Indicateur', 'Indicator', 'Indikator', 'Indicator'), type: 'text', value: (r) => r.key },
  { header: h('Valeur', 'Waarde', 'Wert', 'Value'), type: 'number', value: (r) => r.value },
  { header: h('Secret statistique', 'Statistisch geheim', 'Statistische Geheimhaltung', 'Suppressed'), type: 'text', value: (r) => r.suppressed },
  { header: h('Règle', 'Regel', 'Regel', 'Rule'), type: 'text', value: (r) => r.rule },
];

export const extractColumns: ExportColumn<ExtractRow>[] = [
  { header: h('Personne (pseudonyme)', 'Persoon (pseudoniem)', 'Person (Pseudonym)', 'Person (pseudonym)'), type: 'text', value: (r) => r.person },
  { header: h('PIIS (pseudonyme)', 'GPMI (pseudoniem)', 'IPSI (Pseudonym)', 'PIIS (pseudonym)'), type: 'text', value: (r) => r.piis },
  { header: h('CPAS (BCE)', 'OCMW (KBO)', 'ÖSHZ (ZDU)', 'CPAS (KBO)'), type: 'text', value: (r) => r.cpasKbo },
  { header: h('Année', 'Jaar', 'Jahr', 'Year'), type: 'integer', value: (r) => r.year },
  { header: h('Volet', 'Luik', 'Bereich', 'Track'), type: 'text', value: (r) => r.track },
  { header: h('Obligation', 'Verplichting', 'Verpflichtung', 'Obligation'), type: 'text', value: (r) => r.obligation },
  { header: h('Catégorie d’activation', 'Activeringscategorie', 'Aktivierungskategorie', 'Activation category'), type: 'text', value: (r) => r.activationCategory },
  { header: h('Âge', 'Leeftijd', 'Alter', 'Age band'), type: 'text', value: (r) => r.ageBand },
  { header: h('Rédigé', 'Opgesteld', 'Erstellt', 'Drafted'), type: 'month', value: (r) => r.draftedMonth },
  { header: h('Conclu', 'Gesloten', 'Geschlossen', 'Concluded'), type: 'month', value: (r) => r.signedMonth },
  { header: h('Clôturé', 'Beëindigd', 'Beendet', 'Closed'), type: 'month', value: (r) => r.endedMonth },
  { header: h('Résultat', 'Resultaat', 'Ergebnis', 'Outcome'), type: 'text', value: (r) => r.closeOutcome },
  { header: h('Évaluations', 'Evaluaties', 'Bewertungen', 'Evaluations'), type: 'integer', value: (r) => r.evaluations },
  { header: h('Dont en personne', 'Waarvan persoonlijk', 'Davon persönlich', 'Of them in person'), type: 'integer', value: (r) => r.evaluationsInPerson },
  { header: h('Entretiens demandés', 'Gevraagde gesprekken', 'Beantragte Gespräche', 'Interviews requested'), type: 'integer', value: (r) => r.interviews },
  { header: h('Sanctions', 'Sancties', 'Sanktionen', 'Sanctions'), type: 'integer', value: (r) => r.sanctions },
];
