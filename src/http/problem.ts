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
  'payload-too-large': { status: 413, title: t('Request body too large', 'Corps de requête trop volumineux', 'Verzoek te groot', 'Anfrage zu groß') },
  'unsupported-media-type': { status: 415, title: t('Unsupported media type', 'Type de contenu non supporté', 'Niet-ondersteund mediatype', 'Nicht unterstützter Medientyp') },
  'idempotency-key-reused': { status: 422, title: t('Idempotency key reused with another request', 'Clé d’idempotence réutilisée pour une autre requête', 'Idempotentiesleutel hergebruikt voor een ander verzoek', 'Idempotenzschlüssel für eine andere Anfrage wiederverwendet') },
  'date-in-future': { status: 422, title: t('Date in the future', 'Date dans le futur', 'Datum in de toekomst', 'Datum in der Zukunft') },
  'birth-date-mismatch': { status: 422, title: t('Birth date does not match the NISS', 'La date de naissance ne correspond pas au NISS', 'Geboortedatum komt niet overeen met het INSZ', 'Geburtsdatum passt nicht zur NISS') },
  'invalid-partner': { status: 422, title: t('Invalid partner', 'Partenaire invalide', 'Ongeldige partner', 'Ungültiger Partner') },
  'invalid-period': { status: 422, title: t('Invalid period', 'Période invalide', 'Ongeldige periode', 'Ungültiger Zeitraum') },
  'invalid-reference': { status: 422, title: t('Invalid reference', 'Référence invalide', 'Ongeldige verwijzing', 'Ungültiger Verweis') },
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
