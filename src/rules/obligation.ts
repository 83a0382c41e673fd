// R-OBLIG-NEW, R-STUDENT: is a PIIS compulsory on its signature date? R-OBLIG-DEADLINE: by when
// must it be concluded, and it can never be signed before the RI grant decision.
import { addDays, addMonths, describeDate } from './dates.js';
import { explained, refuse, type Explained, type Refusal } from './explained.js';
import { parametersOn } from './rule-table.js';
import { openingGrant, riPaidBetween, rightSegments, type RightDecisionFact } from './rights.js';

export type Obligation = 'compulsory' | 'optional' | 'coaching';
export type Track = 'general' | 'student';

/** Age in whole years on a date (null when the birth date is unknown). */
export function ageOn(birthDate: string | null, date: string): number | null {
  if (!birthDate) return null;
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * Whether a rule makes the PIIS compulsory on `on` (the signature date): R-STUDENT for a student
 * PIIS; from 2016-11-01 R-OBLIG-NEW for a new RI beneficiary (no RI paid in the 3 months before
 * the start of the current RI right — interpretation: the grant's start, since a grant usually
 * applies from the application date); before, R-OBLIG-NEW for under-25s.
 */
export function compulsoryOn(input: { on: string; track: Track; birthDate: string | null; rights: readonly RightDecisionFact[] }): Explained<boolean> {
  if (input.track === 'student') {
    return explained(true, 'R-STUDENT', 'A student PIIS is compulsory when the CPAS accepts full-time studies for equity reasons');
  }
  const params = parametersOn('R-OBLIG-NEW', input.on);
  const segments = rightSegments(input.rights);
  const opening = openingGrant(segments, input.on, ['ri']);
  if (params['noRiMonthsBeforeGrant'] !== null) {
    if (!opening) {
      return explained(false, 'R-OBLIG-NEW', () => `No RI grant is recorded on or before ${input.on}: the PIIS is compulsory only for a new RI beneficiary`);
    }
    const months = Number(params['noRiMonthsBeforeGrant']);
    const windowFrom = addMonths(opening.from, -months);
    const isNew = opening.from >= '2016-11-01' && !riPaidBetween(segments, windowFrom, dayBefore(opening.from));
    return isNew
      ? explained(true, 'R-OBLIG-NEW', () => `The RI right in force since ${opening.from} (decided on ${opening.grant.decidedOn}) follows ${months} months without RI (${windowFrom} to ${dayBefore(opening.from)}): a new beneficiary, the PIIS is compulsory`)
      : explained(false, 'R-OBLIG-NEW', opening.from < '2016-11-01'
          ? `The RI right in force since ${opening.from} began before 2016-11-01: the person is not a new beneficiary under the 2016 reform`
          : `RI was paid in the ${months} months before the right in force since ${opening.from} (${windowFrom} to ${dayBefore(opening.from)}): not a new beneficiary`);
  }
  const ageLimit = Number(params['ageLimit']);
  const age = ageOn(input.birthDate, input.on);
  if (age === null) return explained(false, 'R-OBLIG-NEW', () => `Before 2016-11-01 a PIIS was compulsory only under ${ageLimit}; the birth date is unknown`);
  return age < ageLimit
    ? explained(true, 'R-OBLIG-NEW', () => `Before 2016-11-01 a PIIS was compulsory for a person under ${ageLimit}; the person is ${age} on ${input.on}`)
    : explained(false, 'R-OBLIG-NEW', () => `Before 2016-11-01 a PIIS was compulsory only under ${ageLimit}; the person is ${age} on ${input.on}`);
}

const dayBefore = (date: string) => addDays(date, -1);

/** `compulsory` is refused where no rule makes it compulsory on the signature date. */
export function checkObligation(input: { obligation: Obligation; on: string; track: Track; birthDate: string | null; rights: readonly RightDecisionFact[] }): Refusal | null {
  if (input.obligation !== 'compulsory') return null;
  const verdict = compulsoryOn(input);
  if (verdict.value) return null;
  return refuse('obligation-not-applicable', 'R-OBLIG-NEW', `The PIIS is recorded as compulsory, but no rule makes it compulsory on ${input.on}: ${verdict.explanation}. Record it as optional or coaching.`, '/obligation');
}

/** The latest RI or equivalent-aid grant decided on or before a date. */
export function grantDecidedBy(rights: readonly RightDecisionFact[], on: string): RightDecisionFact | undefined {
  return rights
    .filter((r) => r.kind !== 'end' && r.decidedOn <= on)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : 0))[0];
}

/** R-OBLIG-DEADLINE: a PIIS of an RI beneficiary can only be signed on or after the grant decision. */
export function checkSignatureAfterGrant(input: { obligation: Obligation; signedOn: string; rights: readonly RightDecisionFact[] }): Refusal | null {
  if (input.obligation === 'coaching') return null;
  if (grantDecidedBy(input.rights, input.signedOn)) return null;
  const later = input.rights.filter((r) => r.kind !== 'end').map((r) => r.decidedOn).sort()[0];
  return refuse(
    'signature-before-grant',
    'R-OBLIG-DEADLINE',
    later
      ? `A PIIS can only be signed on or after the RI grant decision (the PIIS may not be a precondition of the grant): signed on ${input.signedOn}, the grant was decided on ${later}`
      : `A PIIS can only be signed on or after the RI grant decision, and no grant decision is recorded for this person (a PIIS without RI is a coaching PIIS)`,
    '/body/signedOn',
  );
}

/** R-OBLIG-DEADLINE: the date the PIIS must be concluded by, from the grant decision (or its notification, by parameter). */
export function conclusionDeadline(grant: RightDecisionFact): Explained<string> {
  const params = parametersOn('R-OBLIG-DEADLINE', grant.decidedOn);
  const months = Number(params['concludeWithinMonths']);
  const fromNotification = params['deadlineFrom'] === 'notification' && grant.notifiedOn !== null;
  const start = fromNotification ? grant.notifiedOn! : grant.decidedOn;
  const due = addMonths(start, months);
  return explained(due, 'R-OBLIG-DEADLINE', () => `The PIIS must be concluded within ${months} months of the RI grant ${fromNotification ? 'notification' : 'decision'} of ${describeDate(start)}: by ${describeDate(due)}`);
}
