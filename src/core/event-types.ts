// The one list of event types: what each says happened, what its `data` carries, and whether it
// carries the record's public shape as of the change (`data.record`, as its GET answers it) or
// why not. Appending an event of a type not listed here is a programming error (audit.repository
// refuses it); the event feed's and the webhooks' documentation are written from this list.
//
// Why a person's records never ride in an event: every read of a person's record leaves an access
// entry naming who read it (contract §2 Audit), and an event is delivered to every subscription
// and kept in the feed — a copy that no access entry would follow. Those events carry ids, dates
// and codes, and the record's Location to GET it.

const PERSONAL =
  'a person’s record: ids, dates and codes only (a read of the record leaves an access entry; a pushed copy would not)';

export interface EventType {
  /** what happened */
  about: string;
  /** the fields of `data`, in words */
  data: string;
  /** the named schema `data.record` follows, when the event carries the record */
  record?: string;
  /** why the event does not carry the record */
  whyNot?: string;
}

const fact = (what: string, data: string): EventType => ({ about: what, data, whyNot: PERSONAL });

export const EVENT_TYPES = {
  'cpas.created': {
    about: 'A CPAS was registered (platform events of the new CPAS)',
    data: 'kboNumber, record',
    record: 'Cpas',
  },
  'beneficiary.created': fact('A beneficiary was registered', 'id'),
  'beneficiary.updated': fact('A beneficiary was changed', 'id, fields (the names of the fields changed)'),
  'beneficiary.anonymised': fact('A beneficiary’s file was anonymised under the retention policy', 'id'),
  'right_decision.recorded': fact(
    'A right decision was recorded (R-RIGHT), possibly correcting another',
    'id, beneficiaryId, supersedes',
  ),
  'right_decision.voided': fact('A right decision was voided (R-CORRECT)', 'id, beneficiaryId'),
  'situation.recorded': fact(
    'A situation (employment, studies, training) was recorded',
    'id, beneficiaryId, supersedes',
  ),
  'situation.voided': fact('A situation was voided (R-CORRECT)', 'id, beneficiaryId'),
  'exemption.recorded': fact('An exemption was recorded (R-EXEMPT)', 'id, beneficiaryId, supersedes'),
  'exemption.voided': fact('An exemption was voided (R-CORRECT)', 'id, beneficiaryId'),
  'assessment.recorded': fact('An assessment (bilan social) was recorded', 'id, beneficiaryId, kind'),
  'piis.created': fact('A PIIS draft was created', 'piisId, beneficiaryId, version'),
  'piis.updated': fact('A PIIS draft was changed', 'piisId, fields'),
  'piis.handed_over': fact('The draft was handed over: the reflection period runs (R-REFLECT)', 'piisId, handedOverOn'),
  'piis.hearing_requested': fact(
    'The person asked to be heard before signing (R-HEARING)',
    'piisId, hearingId, requestedOn',
  ),
  'piis.hearing_held': fact('The hearing was held', 'piisId, hearingId, on'),
  'piis.hearing_withdrawn': fact('The hearing request was withdrawn', 'piisId, hearingId, on'),
  'piis.signature_recorded': fact('One party signed', 'piisId, signatureId, party, signedOn'),
  'piis.signed': fact('Both parties have signed: the contract is concluded', 'piisId, signedOn'),
  'piis.evaluated': fact('An evaluation was recorded (R-EVAL-FREQ)', 'piisId, evaluationId, heldOn, mode, version'),
  'piis.interview_requested': fact(
    'The person asked for an interview (R-EVAL-INTERVIEW)',
    'piisId, interviewId, requestedOn',
  ),
  'piis.interview_held': fact('The interview was held', 'piisId, interviewId, heldOn'),
  'piis.amended': fact('A new version was agreed (R-AMEND)', 'piisId, version, kind, effectiveOn, endsOn'),
  'piis.prolonged': fact('The contract was prolonged (R-PROLONG)', 'piisId, version, kind, effectiveOn, endsOn'),
  'piis.subsidy_extension_requested': fact(
    'A second subsidy year was requested (R-SUB-SECOND)',
    'piisId, requestId, requestedOn',
  ),
  'piis.closed': fact('The PIIS was closed (R-CLOSE)', 'piisId, endedOn, outcome'),
  'piis.notice_issued': fact('A formal notice was issued (R-SANCTION-NOTICE)', 'piisId, noticeId, issuedOn'),
  'piis.sanctioned': fact('A sanction was decided', 'piisId, sanctionId, decidedOn'),
  'piis.hearing_request_voided': fact('A hearing request was voided (R-CORRECT)', 'piisId, id'),
  'piis.signature_voided': fact('A signature was voided (R-CORRECT)', 'piisId, id'),
  'piis.evaluation_voided': fact('An evaluation was voided (R-CORRECT)', 'piisId, id'),
  'piis.interview_request_voided': fact('An interview request was voided (R-CORRECT)', 'piisId, id'),
  'piis.notice_voided': fact('A formal notice was voided (R-CORRECT)', 'piisId, id'),
  'piis.sanction_voided': fact('A sanction was voided (R-CORRECT)', 'piisId, id'),
  'piis.subsidy_extension_request_voided': fact('A subsidy extension request was voided (R-CORRECT)', 'piisId, id'),
  'piis.attachment_added': fact(
    'A document proving the PIIS or one of its facts was stored',
    'piisId, attachmentId, purpose, factId',
  ),
  'transfer.requested': fact('A file was offered to another CPAS', 'id, beneficiaryId, toKbo'),
  'transfer.accepted': fact('An incoming file was accepted and copied', 'id, beneficiaryId, fromKbo'),
  'transfer.refused': fact('An incoming file was refused', 'id, fromKbo'),
  'activation_module.created': {
    about: 'A collective activation module was recorded',
    data: 'id, record',
    record: 'ActivationModule',
  },
  'activation_module.participant_enrolled': fact(
    'A beneficiary was enrolled in a module',
    'moduleId, id, beneficiaryId',
  ),
  'activation_module.session_recorded': fact(
    'A session of a module was recorded with its attendance',
    'moduleId, id, heldOn, attendees (how many)',
  ),
  'expense.recorded': {
    about: 'An expense was recorded against a subsidy',
    data: 'id, year, subsidy',
    whyNot: 'its eligibility verdict is explained in the reader’s language: GET it in yours',
  },
  'import.completed': {
    about: 'An import has processed its last row',
    data: 'id, kind, dryRun, created, updated, unchanged, rejected, record',
    record: 'Import',
  },
  'report.frozen': {
    about: 'A report was frozen as submitted',
    data: 'id, report, year, inputsHash',
    whyNot: 'a frozen report holds the whole report (tens of megabytes for a large CPAS): GET it once',
  },
  'webhook.created': {
    about: 'A webhook subscription was created',
    data: 'id, events, record (never its secret)',
    record: 'Webhook',
  },
  'webhook.deleted': { about: 'A webhook subscription was ended', data: 'id', whyNot: 'the subscription is gone' },
  'webhook.disabled': {
    about: 'A subscription was disabled after failing deliveries for its whole retry window',
    data: 'id, eventId, attempts',
    whyNot: 'GET the subscription for its status',
  },
} as const satisfies Record<string, EventType>;

export type EventTypeName = keyof typeof EVENT_TYPES;

export function isEventType(type: string): type is EventTypeName {
  return Object.hasOwn(EVENT_TYPES, type);
}

/** The event types as a Markdown table, for the feed's and the webhooks' documentation. */
export function eventTypesTable(): string {
  const rows = Object.entries(EVENT_TYPES as Record<string, EventType>).map(
    ([type, e]) => `| \`${type}\` | ${e.about} | ${e.data} | ${e.record ? `\`${e.record}\`` : `no: ${e.whyNot}`} |`,
  );
  return ['| type | what happened | data | data.record |', '|---|---|---|---|', ...rows].join('\n');
}
