// How a deadline stands on a date (contract "Deadlines"): met once its fact is recorded; otherwise
// upcoming before its day, due on it, overdue after. And the end of the first subsidy period, by
// which a second year must be asked for (R-SUB-SECOND).
import { addDays, addMonths, firstOfMonth } from './dates.js';
import { explained, type Explained } from './explained.js';
import { numberParameter } from './rule-table.js';
import { date, msg } from '../i18n/catalogue.js';

export type DeadlineStatus = 'upcoming' | 'due' | 'overdue' | 'met';

export function deadlineStatus(dueOn: string, today: string, met: boolean): DeadlineStatus {
  if (met) return 'met';
  return dueOn > today ? 'upcoming' : dueOn === today ? 'due' : 'overdue';
}

/** R-SUB-SECOND: a second subsidy year is asked for before the first period (R-SUB-FIRST) ends. */
export function subsidyExtensionDue(subsidyStart: string): Explained<string> {
  const months = numberParameter('R-SUB-FIRST', subsidyStart, 'firstPeriodMonths');
  const last = addDays(addMonths(firstOfMonth(subsidyStart), months), -1);
  return explained(last, 'R-SUB-SECOND', () =>
    msg('subsidy.second-year-due', { start: date(subsidyStart), months, last: date(last) }),
  );
}
