// R-REFLECT: 5 calendar days of reflection after handover, counted the way Belgian law counts
// time limits (the handover day is not counted, the 5th day is, and the person has the whole of
// it): the period is handover+1 … handover+5 and the earliest signature is handover + 6 days.
// Weekends and holidays count.
import { addDays, describeDate } from './dates.js';
import { explained, refuse, type Explained, type Refusal } from './explained.js';
import { numberParameter } from './rule-table.js';

export interface ReflectionPeriod {
  endsOn: Explained<string>;
  earliestSignatureOn: Explained<string>;
}

export function reflectionPeriod(handedOverOn: string): ReflectionPeriod {
  const days = numberParameter('R-REFLECT', handedOverOn, 'reflectionDays');
  const endsOn = addDays(handedOverOn, days);
  const earliest = addDays(endsOn, 1);
  const period = `handed over on ${describeDate(handedOverOn)}: the ${days}-day reflection period runs from ${addDays(handedOverOn, 1)} to ${describeDate(endsOn)} (the handover day is not counted, weekends and holidays are)`;
  return {
    endsOn: explained(endsOn, 'R-REFLECT', () => `${period}; its last day is ${endsOn}`),
    earliestSignatureOn: explained(earliest, 'R-REFLECT', () => `${period}; the person has the whole period, so the earliest signature date is ${describeDate(earliest)}`),
  };
}

/**
 * A signature dated inside the reflection period is refused, unless the deployment allows a
 * waiver and the person's written waiver is recorded.
 */
export function checkReflection(input: { handedOverOn: string; signedOn: string; waiverRecorded: boolean; waiverAllowed: boolean }): Refusal | null {
  const { earliestSignatureOn } = reflectionPeriod(input.handedOverOn);
  if (input.signedOn >= earliestSignatureOn.value!) return null;
  if (input.waiverAllowed && input.waiverRecorded) return null;
  const waiver = input.waiverAllowed ? ' and no written waiver of the person was recorded at handover' : '; this deployment does not allow a waiver';
  return refuse(
    'reflection-period-not-elapsed',
    'R-REFLECT',
    `A signature on ${input.signedOn} falls inside the reflection period: ${earliestSignatureOn.explanation}${waiver}`,
    '/body/signedOn',
  );
}
