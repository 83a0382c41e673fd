// The one declarative table of the PIIS lifecycle: for each action, the statuses it is allowed
// in, the access it needs (worker = social_worker, cpas_manager, integration; manager =
// cpas_manager, integration), the rules guarding it, and the event it emits. The routes take
// their access from here, the services their status check, and the tests their matrix.
import type { AccessName } from '../../http/auth.js';

export type PiisStatus = 'draft' | 'in_reflection' | 'signed' | 'active' | 'closed';
export const STATUSES: readonly PiisStatus[] = ['draft', 'in_reflection', 'signed', 'active', 'closed'];

export interface Transition {
  /** the operationId that performs it */
  operationId: string;
  from: readonly PiisStatus[];
  /** the status it leads to, when it changes the status */
  to?: PiisStatus | 'signed or active when both parties have signed';
  access: Extract<AccessName, 'worker' | 'manager'>;
  rules: readonly string[];
  event: string;
}

const LIVE: readonly PiisStatus[] = ['signed', 'active'];
const OPEN: readonly PiisStatus[] = ['draft', 'in_reflection', 'signed', 'active'];

export const transitions = {
  updateDraft: { operationId: 'updatePiisDraft', from: ['draft'], access: 'worker', rules: ['R-CONTENT', 'R-COMMUNITY-SERVICE', 'R-VOLUNTEERING'], event: 'piis.updated' },
  handover: {
    operationId: 'handOverPiis',
    from: ['draft'],
    to: 'in_reflection',
    access: 'worker',
    rules: ['R-ASSESS-FIRST', 'R-REUSE', 'R-CONTENT', 'R-ASSIST', 'R-INFORM', 'R-REFLECT'],
    event: 'piis.handed_over',
  },
  requestHearing: { operationId: 'requestHearing', from: ['draft', 'in_reflection'], access: 'worker', rules: ['R-HEARING'], event: 'piis.hearing_requested' },
  recordHearingOutcome: { operationId: 'recordHearingOutcome', from: ['draft', 'in_reflection'], access: 'worker', rules: ['R-HEARING'], event: 'piis.hearing_closed' },
  sign: {
    operationId: 'signPiis',
    from: ['in_reflection'],
    to: 'signed or active when both parties have signed',
    access: 'worker',
    rules: ['R-REFLECT', 'R-HEARING', 'R-PARTIES', 'R-OBLIG-DEADLINE', 'R-OBLIG-NEW', 'R-INFORM'],
    event: 'piis.signature_recorded',
  },
  evaluate: { operationId: 'createEvaluation', from: LIVE, access: 'worker', rules: ['R-EVAL-CONTENT', 'R-EVAL-FREQ'], event: 'piis.evaluated' },
  requestInterview: { operationId: 'requestInterview', from: LIVE, access: 'worker', rules: ['R-EVAL-INTERVIEW'], event: 'piis.interview_requested' },
  recordInterviewHeld: { operationId: 'recordInterviewHeld', from: LIVE, access: 'worker', rules: ['R-EVAL-INTERVIEW'], event: 'piis.interview_held' },
  amend: { operationId: 'amendPiis', from: LIVE, access: 'worker', rules: ['R-AMEND', 'R-PROLONG', 'R-INFORM', 'R-CONTENT', 'R-SIGNED-VERSION'], event: 'piis.amended' },
  requestSubsidyExtension: { operationId: 'requestSubsidyExtension', from: LIVE, access: 'manager', rules: ['R-SUB-SECOND'], event: 'piis.subsidy_extension_requested' },
  close: { operationId: 'closePiis', from: OPEN, to: 'closed', access: 'worker', rules: ['R-CLOSE'], event: 'piis.closed' },
  issueNotice: { operationId: 'issueNotice', from: LIVE, access: 'manager', rules: ['R-SANCTION-NOTICE'], event: 'piis.notice_issued' },
  decideSanction: {
    operationId: 'decideSanction',
    from: LIVE,
    access: 'manager',
    rules: ['R-SANCTION-SCOPE', 'R-SANCTION-NOTICE', 'R-SANCTION-LENGTH', 'R-SANCTION-START', 'R-SANCTION-APPEAL'],
    event: 'piis.sanctioned',
  },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof transitions;

/** Corrections (R-CORRECT) of a record are allowed whatever the status: a mistake is fixed even after closing. */
export const CORRECTION_STATUSES: readonly PiisStatus[] = STATUSES;

export function allowedIn(action: Action, status: PiisStatus): boolean {
  return (transitions[action].from as readonly PiisStatus[]).includes(status);
}
