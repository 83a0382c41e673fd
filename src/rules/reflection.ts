// R-REFLECT: 5 calendar days of reflection after handover, counted the way Belgian law counts
// time limits (the handover day is not counted, the 5th day is, and the person has the whole of
// it): the period is handover+1 … handover+5 and the earliest signature is handover + 6 days.
// Weekends and holidays count.
import { addDays } from './dates.js';
import { date, msg } from '../i18n/catalogue.js';
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
  const period = () =>
    msg('reflect.period', {
      handedOverOn: date(handedOverOn),
      days,
      from: date(addDays(handedOverOn, 1)),
      to: date(endsOn),
    });
  return {
    endsOn: explained(endsOn, 'R-REFLECT', () => msg('reflect.ends-on', { period: period(), last: date(endsOn) })),
    earliestSignatureOn: explained(earliest, 'R-REFLECT', () =>
      msg('reflect.earliest', { period: period(), earliest: date(earliest) }),
    ),
  };
}

/**
 * A signature dated inside the reflection period is refused, unless the deployment allows a
 * waiver and the person's written waiver is recorded.
 */
export function checkReflection(input: {
  handedOverOn: string;
  signedOn: string;
  waiverRecorded: boolean;
  waiverAllowed: boolean;
}): Refusal | null {
  const { earliestSignatureOn } = reflectionPeriod(input.handedOverOn);
  if (input.signedOn >= earliestSignatureOn.value!) return null;
  if (input.waiverAllowed && input.waiverRecorded) return null;
  return refuse(
    'reflection-period-not-elapsed',
    'R-REFLECT',
    msg('reflect.refused', {
      signedOn: date(input.signedOn),
      why: earliestSignatureOn.explanation,
      waiver: input.waiverAllowed ? 'allowed' : 'refused',
    }),
    '/body/signedOn',
  );
}
