// R-SUB-START / R-SUB-FIRST: from when the 10% PIIS subsidy is due, and its first period. Due from
// the 1st day of the signature month when RI was already granted; from the RI grant day when both
// fall in the same month; from 2016-11-01 for a PIIS existing then. The council's taking note
// (notedByCouncilOn) replaces the signature date when it was signed in a later month than the RI
// decision. Student PIIS follow their own regime (R-SUB-STUDENT).
import { addMonths, firstOfMonth } from './dates.js';
import { explained, type Explained } from './explained.js';
import { numberParameter } from './rule-table.js';
import { openingGrant, rightSegments, type RightDecisionFact } from './rights.js';
import { date, month, msg, type Message } from '../i18n/catalogue.js';

const REFORM_DAY = '2016-11-01';

export function subsidyStart(input: {
  signedOn: string | null;
  notedByCouncilOn: string | null;
  track: 'general' | 'student';
  rights: readonly RightDecisionFact[];
}): Explained<string> {
  if (input.track === 'student') {
    return explained<string>(null, 'R-SUB-STUDENT', msg('start.student'));
  }
  if (!input.signedOn) return explained<string>(null, 'R-SUB-START', msg('start.not-signed'));
  const opening = openingGrant(rightSegments(input.rights), input.signedOn, ['ri']);
  if (!opening)
    return explained<string>(null, 'R-SUB-START', () => msg('start.no-right', { signedOn: date(input.signedOn!) }));
  const months = numberParameter('R-SUB-FIRST', input.signedOn, 'firstPeriodMonths');
  const grantDay = opening.from;
  const period = (base: Message, from: string) =>
    msg('start.period', { base, months, from: month(from), to: month(addMonths(firstOfMonth(from), months - 1)) });
  if (input.signedOn < REFORM_DAY) {
    return explained(REFORM_DAY, 'R-SUB-START', () =>
      period(msg('start.existing', { reform: date(REFORM_DAY), signedOn: date(input.signedOn!) }), REFORM_DAY),
    );
  }
  const laterMonth = input.signedOn.slice(0, 7) > opening.grant.decidedOn.slice(0, 7);
  const reference = laterMonth && input.notedByCouncilOn ? input.notedByCouncilOn : input.signedOn;
  const refName = (): Message =>
    reference === input.signedOn
      ? msg('start.ref-signed', { signedOn: date(input.signedOn) })
      : msg('start.ref-noted', {
          signedOn: date(input.signedOn!),
          decidedOn: date(opening.grant.decidedOn),
          notedOn: date(reference),
        });
  if (reference.slice(0, 7) === grantDay.slice(0, 7)) {
    return explained(grantDay, 'R-SUB-START', () =>
      period(msg('start.same-month', { grantDay: date(grantDay), ref: refName() }), grantDay),
    );
  }
  const from = firstOfMonth(reference);
  if (grantDay > from) {
    return explained(grantDay, 'R-SUB-START', () =>
      period(msg('start.grant-later', { ref: refName(), grantDay: date(grantDay) }), grantDay),
    );
  }
  return explained(from, 'R-SUB-START', () =>
    period(msg('start.first-of-month', { grantDay: date(grantDay), ref: refName() }), from),
  );
}
