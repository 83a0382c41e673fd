// R-DURATION and R-CLOSE on the file: a contract past its end date with no close recorded, and
// the one-year maximum of a social-activation path started under the 2015–2016 convention. Both
// are flags for the social worker and the reports, never refusals: the law sets no general
// maximum, and a contract past its end is closed or prolonged by the CPAS, not by the service.
import { addDays, addMonths, daysBetween } from './dates.js';
import { explained, type Explained } from './explained.js';
import { parametersOn } from './rule-table.js';
import { date, msg } from '../i18n/catalogue.js';

const SOCIAL_ACTIVATION = ['2.1', '2.2', '2.3'];

/** R-CLOSE: true when a concluded contract's end date is before `today` and no close is recorded. */
export function pastEnd(input: {
  signedOn: string | null;
  endsOn: string | null;
  endedOn: string | null;
  today: string;
}): Explained<boolean> {
  const { signedOn, endsOn, endedOn, today } = input;
  if (signedOn === null || endsOn === null) return explained<boolean>(null, 'R-CLOSE', msg('duration.not-concluded'));
  if (endedOn !== null) return explained(false, 'R-CLOSE', msg('duration.closed', { endedOn: date(endedOn) }));
  if (today <= endsOn) return explained(false, 'R-CLOSE', msg('duration.running', { endsOn: date(endsOn) }));
  return explained(
    true,
    'R-CLOSE',
    msg('duration.past-end', { endsOn: date(endsOn), days: daysBetween(endsOn, today) }),
  );
}

/**
 * R-DURATION: a social-activation path (2.1–2.3) starting within the 2015–2016 convention lasts at
 * most `conventionPathMonths`: it ends at the latest the day before the same date a year later.
 * Null (no maximum) for any other contract.
 */
export function conventionPathWithinMaximum(input: {
  activationCategory: string | null;
  startsOn: string | null;
  endsOn: string | null;
}): Explained<boolean> {
  const { activationCategory, startsOn, endsOn } = input;
  if (!startsOn || !endsOn) return explained<boolean>(null, 'R-DURATION', msg('duration.no-dates'));
  const p = parametersOn('R-DURATION', startsOn);
  const inConvention = startsOn >= String(p['conventionFrom']) && startsOn <= String(p['conventionTo']);
  if (!SOCIAL_ACTIVATION.includes(activationCategory ?? '') || !inConvention) {
    return explained<boolean>(null, 'R-DURATION', msg('duration.no-maximum'));
  }
  const months = Number(p['conventionPathMonths']);
  const latest = addDays(addMonths(startsOn, months), -1);
  return explained(
    endsOn <= latest,
    'R-DURATION',
    msg('duration.convention-path', {
      startsOn: date(startsOn),
      endsOn: date(endsOn),
      latest: date(latest),
      months,
      within: endsOn <= latest ? 'yes' : 'no',
    }),
  );
}
