// Every code list of the API with its labels in fr, nl, de (and en). Codes never change with the
// language; labels do.
import { Type, type TLiteral, type TUnion } from 'typebox';
import type { Lang } from '../../http/problem.js';

type Labels = Readonly<Record<Lang, string>>;
const l = (en: string, fr: string, nl: string, de: string): Labels => ({ en, fr, nl, de });

export const codeLists: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  language: {
    fr: l('French', 'Français', 'Frans', 'Französisch'),
    nl: l('Dutch', 'Néerlandais', 'Nederlands', 'Niederländisch'),
    de: l('German', 'Allemand', 'Duits', 'Deutsch'),
  },
  rightKind: {
    ri: l('Integration income (RI)', 'Revenu d’intégration', 'Leefloon', 'Eingliederungseinkommen'),
    equivalent_aid: l('Equivalent social aid', 'Aide sociale équivalente', 'Equivalent leefloon', 'Gleichwertige Sozialhilfe'),
    end: l('End of the right', 'Fin du droit', 'Einde van het recht', 'Ende des Anspruchs'),
  },
  rightCategory: {
    cohabitant: l('Cohabitant (category 1)', 'Cohabitant (catégorie 1)', 'Samenwonende (categorie 1)', 'Zusammenwohnend (Kategorie 1)'),
    isolated: l('Living alone (category 2)', 'Isolé (catégorie 2)', 'Alleenstaande (categorie 2)', 'Alleinstehend (Kategorie 2)'),
    family: l('With family in charge (category 3)', 'Famille à charge (catégorie 3)', 'Gezin ten laste (categorie 3)', 'Mit Familie zu Lasten (Kategorie 3)'),
  },
  situationKind: {
    employment: l('Employment', 'Emploi', 'Tewerkstelling', 'Beschäftigung'),
    studies: l('Studies', 'Études', 'Studies', 'Studium'),
    training: l('Training', 'Formation', 'Opleiding', 'Ausbildung'),
  },
  exemptionReason: {
    health: l('Health reasons', 'Raisons de santé', 'Gezondheidsredenen', 'Gesundheitliche Gründe'),
    equity: l('Equity reasons', 'Raisons d’équité', 'Billijkheidsredenen', 'Billigkeitsgründe'),
  },
  domain: {
    finances: l('Finances', 'Finances', 'Financiën', 'Finanzen'),
    daily_activities: l('Daily activities', 'Activités quotidiennes', 'Dagbesteding', 'Tagesaktivitäten'),
    housing: l('Housing', 'Logement', 'Huisvesting', 'Wohnen'),
    family_relations: l('Family relations', 'Relations familiales', 'Gezinsrelaties', 'Familienbeziehungen'),
    mental_health: l('Mental health', 'Santé mentale', 'Geestelijke gezondheid', 'Psychische Gesundheit'),
    physical_health: l('Physical health', 'Santé physique', 'Lichamelijke gezondheid', 'Körperliche Gesundheit'),
    addiction: l('Addiction', 'Assuétudes', 'Verslaving', 'Sucht'),
    basic_daily_living: l('Basic activities of daily living', 'Activités de base de la vie quotidienne', 'Algemene dagelijkse levensverrichtingen', 'Grundlegende Alltagsaktivitäten'),
    instrumental_daily_living: l('Instrumental activities of daily living', 'Activités instrumentales de la vie quotidienne', 'Instrumentele dagelijkse levensverrichtingen', 'Instrumentelle Alltagsaktivitäten'),
    social_network: l('Social network', 'Réseau social', 'Sociaal netwerk', 'Soziales Netzwerk'),
    social_participation: l('Social participation', 'Participation sociale', 'Maatschappelijke participatie', 'Gesellschaftliche Teilhabe'),
    justice: l('Justice', 'Justice', 'Justitie', 'Justiz'),
    language: l('Language', 'Langue', 'Taal', 'Sprache'),
    mobility: l('Mobility', 'Mobilité', 'Mobiliteit', 'Mobilität'),
    digital_skills: l('Digital skills', 'Compétences numériques', 'Digitale vaardigheden', 'Digitale Kompetenzen'),
    administration: l('Administration', 'Administration', 'Administratie', 'Verwaltung'),
    employment: l('Employment', 'Emploi', 'Werk', 'Beschäftigung'),
    training: l('Training', 'Formation', 'Opleiding', 'Ausbildung'),
  },
  participationRung: {
    '1': l('Isolated', 'Isolé', 'Geïsoleerd', 'Isoliert'),
    '2': l('Social contacts outside the home', 'Contacts sociaux hors du domicile', 'Sociale contacten buitenshuis', 'Soziale Kontakte außer Haus'),
    '3': l('Organised activities', 'Activités organisées', 'Georganiseerde activiteiten', 'Organisierte Aktivitäten'),
    '4': l('Unpaid work', 'Travail non rémunéré', 'Onbetaald werk', 'Unbezahlte Arbeit'),
    '5': l('Paid work with support', 'Travail rémunéré avec soutien', 'Betaald werk met ondersteuning', 'Bezahlte Arbeit mit Unterstützung'),
    '6': l('Paid work', 'Travail rémunéré', 'Betaald werk', 'Bezahlte Arbeit'),
  },
  assessmentKind: {
    initial: l('Initial', 'Initial', 'Initieel', 'Erstmalig'),
    intermediate: l('Intermediate', 'Intermédiaire', 'Tussentijds', 'Zwischenzeitlich'),
    final: l('Final', 'Final', 'Eind', 'Abschließend'),
  },
  track: {
    general: l('General (federal code 11)', 'Général (code fédéral 11)', 'Algemeen (federale code 11)', 'Allgemein (föderaler Code 11)'),
    student: l('Student (federal codes 9/10)', 'Étudiant (codes fédéraux 9/10)', 'Student (federale codes 9/10)', 'Student (föderale Codes 9/10)'),
  },
  obligation: {
    compulsory: l('Compulsory', 'Obligatoire', 'Verplicht', 'Verpflichtend'),
    optional: l('Optional', 'Facultatif', 'Facultatief', 'Fakultativ'),
    coaching: l('Coaching tool', 'Outil d’accompagnement', 'Begeleidingsinstrument', 'Begleitinstrument'),
  },
  activationCategory: {
    '2.1': l('Preparing a socio-professional path', 'Préparation d’un trajet socioprofessionnel', 'Voorbereiding socioprofessioneel traject', 'Vorbereitung eines sozialberuflichen Weges'),
    '2.2': l('Workshops and dynamising modules', 'Ateliers et modules de dynamisation', 'Workshops en dynamiseringsmodules', 'Workshops und Aktivierungsmodule'),
    '2.3': l('Volunteering', 'Volontariat', 'Vrijwilligerswerk', 'Ehrenamt'),
    community_service: l('Community service (2016-11-01 to 2018-09-30 only)', 'Service communautaire (du 2016-11-01 au 2018-09-30 seulement)', 'Gemeenschapsdienst (enkel 2016-11-01 tot 2018-09-30)', 'Gemeinschaftsdienst (nur 2016-11-01 bis 2018-09-30)'),
  },
  party: {
    beneficiary: l('Beneficiary', 'Bénéficiaire', 'Begunstigde', 'Leistungsempfänger'),
    cpas: l('CPAS', 'CPAS', 'OCMW', 'ÖSHZ'),
    third_party: l('Third party', 'Tiers', 'Derde', 'Dritter'),
  },
  assessmentInstrument: {
    default: l('Default instrument (domain scores and participation ladder)', 'Instrument par défaut (scores par domaine et échelle de participation)', 'Standaardinstrument (domeinscores en participatieladder)', 'Standardinstrument (Bereichswerte und Teilhabeleiter)'),
  },
  piisStatus: {
    draft: l('Draft', 'Projet', 'Ontwerp', 'Entwurf'),
    in_reflection: l('In reflection period', 'En période de réflexion', 'In bedenktijd', 'In Bedenkzeit'),
    signed: l('Signed (not started yet)', 'Signé (pas encore commencé)', 'Ondertekend (nog niet gestart)', 'Unterzeichnet (noch nicht begonnen)'),
    active: l('Active', 'En cours', 'Lopend', 'Laufend'),
    closed: l('Closed', 'Clôturé', 'Afgesloten', 'Abgeschlossen'),
  },
  versionKind: {
    initial: l('Initial contract', 'Contrat initial', 'Oorspronkelijk contract', 'Ursprünglicher Vertrag'),
    amendment: l('Amendment', 'Avenant', 'Aanhangsel', 'Nachtrag'),
    prolongation: l('Prolongation', 'Prolongation', 'Verlenging', 'Verlängerung'),
  },
  evaluationMode: {
    in_person: l('In person', 'En personne', 'Persoonlijk', 'Persönlich'),
    remote: l('Remote', 'À distance', 'Op afstand', 'Aus der Ferne'),
    written: l('Written', 'Écrit', 'Schriftelijk', 'Schriftlich'),
  },
  objectiveStatus: {
    achieved: l('Achieved', 'Atteint', 'Bereikt', 'Erreicht'),
    progressing: l('Progressing', 'En cours', 'In uitvoering', 'In Arbeit'),
    not_started: l('Not started', 'Non commencé', 'Niet gestart', 'Nicht begonnen'),
    abandoned: l('Abandoned', 'Abandonné', 'Stopgezet', 'Aufgegeben'),
  },
  closeOutcome: {
    employment: l('Employment', 'Emploi', 'Tewerkstelling', 'Beschäftigung'),
    training_started: l('Training started', 'Formation commencée', 'Opleiding gestart', 'Ausbildung begonnen'),
    studies_completed: l('Studies completed', 'Études terminées', 'Studies voltooid', 'Studium abgeschlossen'),
    socio_professional_path: l('Socio-professional path', 'Trajet socioprofessionnel', 'Socioprofessioneel traject', 'Sozialberuflicher Weg'),
    reinforced_autonomy: l('Reinforced autonomy', 'Autonomie renforcée', 'Versterkte zelfredzaamheid', 'Gestärkte Selbstständigkeit'),
    volunteering: l('Volunteering', 'Volontariat', 'Vrijwilligerswerk', 'Ehrenamt'),
    moved: l('Moved to another CPAS', 'Déménagé vers un autre CPAS', 'Verhuisd naar een ander OCMW', 'Umzug zu einem anderen ÖSHZ'),
    ri_ended: l('RI right ended', 'Fin du droit au RI', 'Einde leefloonrecht', 'Ende des EE-Anspruchs'),
    abandoned: l('Abandoned', 'Abandonné', 'Stopgezet', 'Abgebrochen'),
    deceased: l('Deceased', 'Décédé', 'Overleden', 'Verstorben'),
    other: l('Other', 'Autre', 'Andere', 'Sonstiges'),
  },
  role: {
    social_worker: l('Social worker', 'Assistant social', 'Maatschappelijk werker', 'Sozialarbeiter'),
    cpas_manager: l('CPAS manager', 'Responsable CPAS', 'OCMW-verantwoordelijke', 'ÖSHZ-Verantwortlicher'),
    cpas_auditor: l('CPAS auditor', 'Auditeur CPAS', 'OCMW-auditor', 'ÖSHZ-Prüfer'),
    integration: l('Vendor integration', 'Intégration logicielle', 'Software-integratie', 'Software-Integration'),
    spp_analyst: l('SPP IS analyst', 'Analyste SPP IS', 'POD MI-analist', 'ÖPD SI-Analyst'),
    platform_admin: l('Platform administrator', 'Administrateur de la plateforme', 'Platformbeheerder', 'Plattformadministrator'),
  },
};

/** A schema accepting exactly the codes of one list (the code lists are the one source of truth). */
export function codeUnion(list: keyof typeof codeLists & string, description: string): TUnion<TLiteral<string>[]> {
  const codes = codeLists[list];
  if (!codes) throw new Error(`no code list ${list}`);
  return Type.Union(Object.keys(codes).map((c) => Type.Literal(c)), { description });
}
