// The one error catalogue (contract §2 "Errors"): every problem code, its status and its title in
// each language. Domain code throws AppError(code, …); the error handler turns it — and anything
// else — into application/problem+json.
export type Lang = 'fr' | 'nl' | 'de' | 'en';

interface CatalogueEntry {
  readonly status: number;
  readonly title: Readonly<Record<Lang, string>>;
}

const t = (en: string, fr: string, nl: string, de: string) => ({ en, fr, nl, de });

export const catalogue = {
  'validation-failed': { status: 400, title: t('The request is not valid', 'La requête n’est pas valide', 'Het verzoek is ongeldig', 'Die Anfrage ist ungültig') },
  'invalid-niss': { status: 400, title: t('Invalid NISS', 'NISS invalide', 'Ongeldig INSZ', 'Ungültige NISS') },
  'invalid-kbo': { status: 400, title: t('Invalid KBO number', 'Numéro BCE invalide', 'Ongeldig KBO-nummer', 'Ungültige ZDU-Nummer') },
  'invalid-cursor': { status: 400, title: t('Invalid cursor', 'Curseur invalide', 'Ongeldige cursor', 'Ungültiger Cursor') },
  unauthenticated: { status: 401, title: t('Authentication required', 'Authentification requise', 'Authenticatie vereist', 'Authentifizierung erforderlich') },
  forbidden: { status: 403, title: t('Forbidden', 'Accès refusé', 'Geen toegang', 'Zugriff verweigert') },
  'not-found': { status: 404, title: t('Not found', 'Introuvable', 'Niet gevonden', 'Nicht gefunden') },
  'method-not-allowed': { status: 405, title: t('Method not allowed', 'Méthode non autorisée', 'Methode niet toegestaan', 'Methode nicht erlaubt') },
  'not-acceptable': { status: 406, title: t('Not acceptable', 'Format non disponible', 'Formaat niet beschikbaar', 'Format nicht verfügbar') },
  'invalid-state': { status: 409, title: t('Not allowed in the current state', 'Action impossible dans l’état actuel', 'Niet toegestaan in de huidige status', 'Im aktuellen Status nicht erlaubt') },
  'duplicate-beneficiary': { status: 409, title: t('Beneficiary already registered', 'Bénéficiaire déjà enregistré', 'Begunstigde al geregistreerd', 'Leistungsempfänger bereits erfasst') },
  'duplicate-external-ref': { status: 409, title: t('External reference already used', 'Référence externe déjà utilisée', 'Externe referentie al gebruikt', 'Externe Referenz bereits verwendet') },
  'duplicate-nis-code': { status: 409, title: t('NIS code already assigned', 'Code INS déjà attribué', 'NIS-code al toegewezen', 'NIS-Code bereits vergeben') },
  'duplicate-kbo': { status: 409, title: t('CPAS already registered', 'CPAS déjà enregistré', 'OCMW al geregistreerd', 'ÖSHZ bereits erfasst') },
  'idempotency-key-in-flight': { status: 409, title: t('A request with this key is in progress', 'Une requête avec cette clé est en cours', 'Een verzoek met deze sleutel is bezig', 'Eine Anfrage mit diesem Schlüssel läuft') },
  'precondition-failed': { status: 412, title: t('The resource has changed', 'La ressource a changé', 'De resource is gewijzigd', 'Die Ressource wurde geändert') },
  'content-removed': { status: 410, title: t('The content was removed', 'Le contenu a été supprimé', 'De inhoud is verwijderd', 'Der Inhalt wurde entfernt') },
  'payload-too-large': { status: 413, title: t('Request body too large', 'Corps de requête trop volumineux', 'Verzoek te groot', 'Anfrage zu groß') },
  'uri-too-long': { status: 414, title: t('Request URI too long', 'URI de la requête trop longue', 'Verzoek-URI te lang', 'Anfrage-URI zu lang') },
  'request-timeout': { status: 408, title: t('The request was not received in time', 'La requête n’a pas été reçue à temps', 'Het verzoek werd niet op tijd ontvangen', 'Die Anfrage ist nicht rechtzeitig eingegangen') },
  'header-fields-too-large': { status: 431, title: t('Request header fields too large', 'En-têtes de requête trop volumineux', 'Verzoekheaders te groot', 'Anfrage-Header zu groß') },
  'unsupported-media-type': { status: 415, title: t('Unsupported media type', 'Type de contenu non supporté', 'Niet-ondersteund mediatype', 'Nicht unterstützter Medientyp') },
  'idempotency-key-reused': { status: 422, title: t('Idempotency key reused with another request', 'Clé d’idempotence réutilisée pour une autre requête', 'Idempotentiesleutel hergebruikt voor een ander verzoek', 'Idempotenzschlüssel für eine andere Anfrage wiederverwendet') },
  'date-in-future': { status: 422, title: t('Date in the future', 'Date dans le futur', 'Datum in de toekomst', 'Datum in der Zukunft') },
  'birth-date-mismatch': { status: 422, title: t('Birth date does not match the NISS', 'La date de naissance ne correspond pas au NISS', 'Geboortedatum komt niet overeen met het INSZ', 'Geburtsdatum passt nicht zur NISS') },
  'invalid-partner': { status: 422, title: t('Invalid partner', 'Partenaire invalide', 'Ongeldige partner', 'Ungültiger Partner') },
  'invalid-period': { status: 422, title: t('Invalid period', 'Période invalide', 'Ongeldige periode', 'Ungültiger Zeitraum') },
  'invalid-reference': { status: 422, title: t('Invalid reference', 'Référence invalide', 'Ongeldige verwijzing', 'Ungültiger Verweis') },
  'content-incomplete': { status: 422, title: t('The contract content is incomplete', 'Le contenu du contrat est incomplet', 'De inhoud van het contract is onvolledig', 'Der Vertragsinhalt ist unvollständig') },
  'assessment-missing': { status: 422, title: t('No prior assessment', 'Pas de bilan social préalable', 'Geen voorafgaande sociale balans', 'Keine vorherige Sozialbilanz') },
  'reflection-period-not-elapsed': { status: 422, title: t('The reflection period has not elapsed', 'Le délai de réflexion n’est pas écoulé', 'De bedenktijd is niet verstreken', 'Die Bedenkzeit ist nicht abgelaufen') },
  'waiver-not-allowed': { status: 422, title: t('A reflection waiver is not allowed here', 'Une renonciation au délai de réflexion n’est pas admise ici', 'Afstand van bedenktijd is hier niet toegestaan', 'Ein Verzicht auf die Bedenkzeit ist hier nicht zulässig') },
  'hearing-pending': { status: 422, title: t('A hearing request is pending', 'Une demande d’audition est en cours', 'Een verzoek om gehoord te worden is hangende', 'Ein Antrag auf Anhörung ist anhängig') },
  'signature-before-grant': { status: 422, title: t('Signature before the RI grant decision', 'Signature antérieure à la décision d’octroi du RI', 'Ondertekening vóór de toekenningsbeslissing', 'Unterzeichnung vor der Bewilligungsentscheidung') },
  'obligation-not-applicable': { status: 422, title: t('No rule makes this PIIS compulsory', 'Aucune règle ne rend ce PIIS obligatoire', 'Geen regel maakt dit GPMI verplicht', 'Keine Regel macht dieses PIIS verpflichtend') },
  'notice-missing': { status: 422, title: t('No formal notice before the decision', 'Pas de mise en demeure avant la décision', 'Geen ingebrekestelling vóór de beslissing', 'Keine Inverzugsetzung vor der Entscheidung') },
  'hearing-not-held': { status: 422, title: t('The requested hearing was not held', 'L’audition demandée n’a pas eu lieu', 'Het gevraagde verhoor heeft niet plaatsgevonden', 'Die beantragte Anhörung fand nicht statt') },
  'sanction-not-applicable': { status: 422, title: t('No sanction applies', 'Aucune sanction n’est applicable', 'Geen sanctie van toepassing', 'Keine Sanktion anwendbar') },
  'sanction-too-long': { status: 422, title: t('The suspension is too long', 'La suspension est trop longue', 'De schorsing is te lang', 'Die Aussetzung ist zu lang') },
  'sanction-start-outside-window': { status: 422, title: t('The suspension starts outside its window', 'La suspension commence hors de la période admise', 'De schorsing begint buiten de toegelaten periode', 'Die Aussetzung beginnt außerhalb des zulässigen Zeitraums') },
  'category-not-allowed': { status: 422, title: t('Category not allowed on this date', 'Catégorie non admise à cette date', 'Categorie niet toegelaten op deze datum', 'Kategorie an diesem Datum nicht zulässig') },
  'amendment-not-agreed': { status: 422, title: t('The amendment lacks a party’s signature', 'L’avenant n’est pas signé par les deux parties', 'Het aanhangsel is niet door beide partijen ondertekend', 'Dem Nachtrag fehlt eine Unterschrift') },
  'precondition-required': { status: 428, title: t('If-Match required', 'If-Match requis', 'If-Match vereist', 'If-Match erforderlich') },
  'rate-limited': { status: 429, title: t('Too many requests', 'Trop de requêtes', 'Te veel verzoeken', 'Zu viele Anfragen') },
  'internal-error': { status: 500, title: t('Internal error', 'Erreur interne', 'Interne fout', 'Interner Fehler') },
  unavailable: { status: 503, title: t('Service unavailable', 'Service indisponible', 'Dienst niet beschikbaar', 'Dienst nicht verfügbar') },
  timeout: { status: 504, title: t('Request timed out', 'Délai dépassé', 'Time-out', 'Zeitüberschreitung') },
} as const satisfies Record<string, CatalogueEntry>;

export type ProblemCode = keyof typeof catalogue;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { rule?: string; errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(detail);
    this.status = catalogue[code].status;
  }
}

export function problemType(code: ProblemCode): string {
  return `urn:piis:problem:${code}`;
}

export function problemTitle(code: ProblemCode, lang: Lang): string {
  return catalogue[code].title[lang];
}

export function codesForStatus(status: number): ProblemCode[] {
  return (Object.keys(catalogue) as ProblemCode[]).filter((c) => catalogue[c].status === status);
}
