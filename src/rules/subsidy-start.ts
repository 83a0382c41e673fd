// R-SUB-START / R-SUB-FIRST: from when the 10% PIIS subsidy is due, and its first period. Due from
// the 1st day of the signature month when RI was already granted; from the RI grant day when both
// fall in the same month; from 2016-11-01 for a PIIS existing then. The council's taking note
// (notedByCouncilOn) replaces the signature date when it was signed in a later month than the RI
// decision. Student PIIS follow their own regime (R-SUB-STUDENT).
import { addMonths, describeDate, firstOfMonth } from './dates.js';
import { explained, type Explained } from './explained.js';
import { numberParameter } from './rule-table.js';
import { openingGrant, rightSegments, type RightDecisionFact } from './rights.js';

const REFORM_DAY = '2016-11-01';

export function subsidyStart(input: { signedOn: string | null; notedByCouncilOn: string | null; track: 'general' | 'student'; rights: readonly RightDecisionFact[] }): Explained<string> {
  if (input.track === 'student') {
    return explained<string>(null, 'R-SUB-STUDENT', 'A student PIIS (federal codes 9/10) follows its own subsidy regime: it is reported separately, without the code 11/17 logic');
  }
  if (!input.signedOn) return explained<string>(null, 'R-SUB-START', 'The 10% subsidy is due from the signature of the PIIS; it is not signed');
  const opening = openingGrant(rightSegments(input.rights), input.signedOn, ['ri']);
  if (!opening) return explained<string>(null, 'R-SUB-START', () => `No RI right is in force on or before the signature (${input.signedOn}): the 10% subsidy is computed on the RI granted`);
  const months = numberParameter('R-SUB-FIRST', input.signedOn, 'firstPeriodMonths');
  const grantDay = opening.from;
  const period = (from: string) => `; the first period (code 11) runs ${months} months: ${from.slice(0, 7)} to ${addMonths(firstOfMonth(from), months - 1).slice(0, 7)} (R-SUB-FIRST)`;
  if (input.signedOn < REFORM_DAY) {
    return explained(REFORM_DAY, 'R-SUB-START', () => `A PIIS existing on ${REFORM_DAY} (signed on ${input.signedOn}): the 10% subsidy is due from ${REFORM_DAY}${period(REFORM_DAY)}`);
  }
  const laterMonth = input.signedOn.slice(0, 7) > opening.grant.decidedOn.slice(0, 7);
  const reference = laterMonth && input.notedByCouncilOn ? input.notedByCouncilOn : input.signedOn;
  const refName = reference === input.signedOn ? `signed on ${describeDate(input.signedOn)}` : `signed on ${input.signedOn} in a later month than the RI decision (${opening.grant.decidedOn}); the council took note on ${describeDate(reference)}, the date the federal form uses`;
  if (reference.slice(0, 7) === grantDay.slice(0, 7)) {
    return explained(grantDay, 'R-SUB-START', () => `RI granted from ${grantDay} and the PIIS ${refName} in the same month: due from the grant day${period(grantDay)}`);
  }
  const from = firstOfMonth(reference);
  if (grantDay > from) {
    return explained(grantDay, 'R-SUB-START', () => `The PIIS ${refName}, RI granted only from ${grantDay}: due from the grant day${period(grantDay)}`);
  }
  return explained(from, 'R-SUB-START', () => `RI granted from ${grantDay}, the PIIS ${refName}: due from the 1st day of that month${period(from)}`);
}
