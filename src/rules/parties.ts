// R-PARTIES: the contract is concluded when the beneficiary and the CPAS have signed — on the later
// of their signatures. R-HEARING: a hearing request blocks a signature dated while it was pending
// (requested by then, neither held nor withdrawn by then). R-PROLONG: an amendment that moves the
// end date later is a prolongation. R-INFORM: informed before signing.
import { refuse, type Refusal } from './explained.js';
import { date, msg } from '../i18n/catalogue.js';

export interface SignatureFact {
  party: 'beneficiary' | 'cpas' | 'third_party';
  signedOn: string;
}

/** The conclusion date of a version from its signatures in force, or null while a party is missing. */
export function conclusionDate(signatures: readonly SignatureFact[]): string | null {
  const latest = (party: SignatureFact['party']) =>
    signatures
      .filter((s) => s.party === party)
      .map((s) => s.signedOn)
      .sort()
      .pop();
  const ben = latest('beneficiary');
  const cpas = latest('cpas');
  if (!ben || !cpas) return null;
  return ben > cpas ? ben : cpas;
}

export interface HearingFact {
  requestedOn: string;
  heldOn: string | null;
  withdrawnOn: string | null;
}

/** True when the hearing request was pending on that date. */
export function hearingPendingOn(h: HearingFact, date: string): boolean {
  if (h.requestedOn > date) return false;
  const closedOn = h.heldOn ?? h.withdrawnOn;
  return closedOn === null || closedOn > date;
}

/** R-INFORM: the person is informed of content, scope and consequences before signing or amending. */
export function checkInformed(input: { informedOn: string | null; signedOn: string; path: string }): Refusal | null {
  if (input.informedOn === null || input.signedOn >= input.informedOn) return null;
  return refuse(
    'invalid-period',
    'R-INFORM',
    msg('inform.before-signing', { informedOn: date(input.informedOn), signedOn: date(input.signedOn) }),
    input.path,
  );
}

export function amendmentKind(
  previousEndsOn: string | null | undefined,
  endsOn: string | null | undefined,
): 'prolongation' | 'amendment' {
  return previousEndsOn && endsOn && endsOn > previousEndsOn ? 'prolongation' : 'amendment';
}
