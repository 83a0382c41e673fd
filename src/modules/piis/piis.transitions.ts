// The one declarative table of the PIIS lifecycle: for each action, the statuses it is allowed
// in, the access it needs (worker = social_worker, cpas_manager, integration; manager =
// cpas_manager, integration), the rules guarding it, the refusals they answer, and the events it emits. The routes take
// their access from here, the services their status check, and the tests their matrix.
import type { AccessName } from '../../http/auth.js';
import type { ProblemCode } from '../../core/problem.js';
import type { EventTypeName } from '../../core/event-types.js';
import { codeLists, type Code } from '../../rules/code-lists.js';

export type PiisStatus = Code<'piisStatus'>;
export const STATUSES: readonly PiisStatus[] = codeLists.piisStatus;

export interface Transition {
  /** the operationId that performs it */
  operationId: string;
  from: readonly PiisStatus[];
  /** the status it leads to, when it changes the status */
  to?: PiisStatus | 'signed or active when both parties have signed';
  access: Extract<AccessName, 'worker' | 'manager'>;
  rules: readonly string[];
  /** the problem codes of 409 and 422 its states and rules can answer (its inputs bring their own: problem-codes.ts) */
  refusals: readonly ProblemCode[];
  /** the events it emits (core/event-types.ts) */
  events: readonly EventTypeName[];
}

const LIVE: readonly PiisStatus[] = ['signed', 'active'];
const OPEN: readonly PiisStatus[] = ['draft', 'in_reflection', 'signed', 'active'];

export const transitions = {
  updateDraft: {
    operationId: 'updatePiisDraft',
    from: ['draft'],
    access: 'worker',
    rules: ['R-CONTENT', 'R-COMMUNITY-SERVICE', 'R-VOLUNTEERING'],
    refusals: ['category-not-allowed', 'date-in-future', 'invalid-period', 'invalid-state'],
    events: ['piis.updated'],
  },
  handover: {
    operationId: 'handOverPiis',
    from: ['draft'],
    to: 'in_reflection',
    access: 'worker',
    rules: ['R-ASSESS-FIRST', 'R-REUSE', 'R-CONTENT', 'R-ASSIST', 'R-INFORM', 'R-REFLECT'],
    refusals: [
      'assessment-missing',
      'content-incomplete',
      'date-in-future',
      'invalid-period',
      'invalid-state',
      'waiver-not-allowed',
    ],
    events: ['piis.handed_over'],
  },
  requestHearing: {
    operationId: 'requestHearing',
    from: ['draft', 'in_reflection'],
    access: 'worker',
    rules: ['R-HEARING'],
    refusals: ['date-in-future', 'invalid-state'],
    events: ['piis.hearing_requested'],
  },
  recordHearingOutcome: {
    operationId: 'recordHearingOutcome',
    from: ['draft', 'in_reflection'],
    access: 'worker',
    rules: ['R-HEARING'],
    refusals: ['date-in-future', 'invalid-reference', 'invalid-state'],
    events: ['piis.hearing_held', 'piis.hearing_withdrawn'],
  },
  sign: {
    operationId: 'signPiis',
    from: ['in_reflection'],
    to: 'signed or active when both parties have signed',
    access: 'worker',
    rules: ['R-REFLECT', 'R-HEARING', 'R-PARTIES', 'R-OBLIG-DEADLINE', 'R-OBLIG-NEW', 'R-INFORM'],
    refusals: [
      'date-in-future',
      'hearing-pending',
      'invalid-period',
      'invalid-state',
      'obligation-not-applicable',
      'reflection-period-not-elapsed',
      'signature-before-grant',
    ],
    events: ['piis.signature_recorded', 'piis.signed'],
  },
  evaluate: {
    operationId: 'createEvaluation',
    from: LIVE,
    access: 'worker',
    rules: ['R-EVAL-CONTENT', 'R-EVAL-FREQ'],
    refusals: ['date-in-future', 'invalid-period', 'invalid-reference', 'invalid-state'],
    events: ['piis.evaluated'],
  },
  requestInterview: {
    operationId: 'requestInterview',
    from: LIVE,
    access: 'worker',
    rules: ['R-EVAL-INTERVIEW'],
    refusals: ['date-in-future', 'invalid-state'],
    events: ['piis.interview_requested'],
  },
  recordInterviewHeld: {
    operationId: 'recordInterviewHeld',
    from: LIVE,
    access: 'worker',
    rules: ['R-EVAL-INTERVIEW'],
    refusals: ['date-in-future', 'invalid-reference', 'invalid-state'],
    events: ['piis.interview_held'],
  },
  amend: {
    operationId: 'amendPiis',
    from: LIVE,
    access: 'worker',
    rules: ['R-AMEND', 'R-PROLONG', 'R-INFORM', 'R-CONTENT', 'R-SIGNED-VERSION'],
    refusals: [
      'amendment-not-agreed',
      'category-not-allowed',
      'content-incomplete',
      'date-in-future',
      'invalid-period',
      'invalid-state',
    ],
    events: ['piis.amended', 'piis.prolonged'],
  },
  requestSubsidyExtension: {
    operationId: 'requestSubsidyExtension',
    from: LIVE,
    access: 'manager',
    rules: ['R-SUB-SECOND'],
    refusals: ['date-in-future', 'invalid-reference', 'invalid-state'],
    events: ['piis.subsidy_extension_requested'],
  },
  close: {
    operationId: 'closePiis',
    from: OPEN,
    to: 'closed',
    access: 'worker',
    rules: ['R-CLOSE'],
    refusals: ['date-in-future', 'invalid-period', 'invalid-state'],
    events: ['piis.closed'],
  },
  issueNotice: {
    operationId: 'issueNotice',
    from: LIVE,
    access: 'manager',
    rules: ['R-SANCTION-NOTICE'],
    refusals: ['date-in-future', 'invalid-state'],
    events: ['piis.notice_issued'],
  },
  decideSanction: {
    operationId: 'decideSanction',
    from: LIVE,
    access: 'manager',
    rules: ['R-SANCTION-SCOPE', 'R-SANCTION-NOTICE', 'R-SANCTION-LENGTH', 'R-SANCTION-START', 'R-SANCTION-APPEAL'],
    refusals: [
      'date-in-future',
      'hearing-not-held',
      'invalid-period',
      'invalid-state',
      'notice-missing',
      'sanction-not-applicable',
      'sanction-start-outside-window',
      'sanction-too-long',
    ],
    events: ['piis.sanctioned'],
  },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof transitions;

/** Corrections (R-CORRECT) of a record are allowed whatever the status: a mistake is fixed even after closing. */
export const CORRECTION_STATUSES: readonly PiisStatus[] = STATUSES;

export function allowedIn(action: Action, status: PiisStatus): boolean {
  return (transitions[action].from as readonly PiisStatus[]).includes(status);
}
