// The one error catalogue (contract §2 "Errors"): every problem code and its status; its title in
// each language is the message `problem.<code>` (src/i18n). Domain code throws AppError(code, …); the error handler
// turns it — and anything
// else — into application/problem+json.
import { msg, render, type Lang, type MessageId, type Text } from '../i18n/catalogue.js';

export type { Lang };

interface CatalogueEntry {
  readonly status: number;
}

export const catalogue = {
  'validation-failed': { status: 400 },
  'invalid-niss': { status: 400 },
  'invalid-kbo': { status: 400 },
  'invalid-cursor': { status: 400 },
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  'not-found': { status: 404 },
  'method-not-allowed': { status: 405 },
  'not-acceptable': { status: 406 },
  'invalid-state': { status: 409 },
  'duplicate-beneficiary': { status: 409 },
  'duplicate-external-ref': { status: 409 },
  'duplicate-nis-code': { status: 409 },
  'duplicate-kbo': { status: 409 },
  'idempotency-key-in-flight': { status: 409 },
  'precondition-failed': { status: 412 },
  'content-removed': { status: 410 },
  'payload-too-large': { status: 413 },
  'uri-too-long': { status: 414 },
  'request-timeout': { status: 408 },
  'header-fields-too-large': { status: 431 },
  'unsupported-media-type': { status: 415 },
  'idempotency-key-reused': { status: 422 },
  'date-in-future': { status: 422 },
  'birth-date-mismatch': { status: 422 },
  'invalid-partner': { status: 422 },
  'invalid-period': { status: 422 },
  'invalid-reference': { status: 422 },
  'content-incomplete': { status: 422 },
  'assessment-missing': { status: 422 },
  'reflection-period-not-elapsed': { status: 422 },
  'waiver-not-allowed': { status: 422 },
  'hearing-pending': { status: 422 },
  'signature-before-grant': { status: 422 },
  'obligation-not-applicable': { status: 422 },
  'notice-missing': { status: 422 },
  'hearing-not-held': { status: 422 },
  'sanction-not-applicable': { status: 422 },
  'sanction-too-long': { status: 422 },
  'sanction-start-outside-window': { status: 422 },
  'category-not-allowed': { status: 422 },
  'no-convention': { status: 422 },
  'activation-mark-missing': { status: 422 },
  'amendment-not-agreed': { status: 422 },
  'precondition-required': { status: 428 },
  'rate-limited': { status: 429 },
  'internal-error': { status: 500 },
  unavailable: { status: 503 },
  timeout: { status: 504 },
} as const satisfies Record<string, CatalogueEntry>;

export type ProblemCode = keyof typeof catalogue;

export interface FieldError {
  path: string;
  message: Text;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: Text,
    readonly extra: {
      rule?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      [k: string]: unknown;
    } = {},
  ) {
    super(typeof detail === 'string' ? detail : render('en', detail));
    this.status = catalogue[code].status;
  }
}

export function problemType(code: ProblemCode): string {
  return `urn:piis:problem:${code}`;
}

export function problemTitle(code: ProblemCode, lang: Lang): string {
  return render(lang, msg(`problem.${code}` satisfies MessageId));
}

export function codesForStatus(status: number): ProblemCode[] {
  return (Object.keys(catalogue) as ProblemCode[]).filter((c) => catalogue[c].status === status);
}
