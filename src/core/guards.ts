// Checks shared by every service on the facts a client sends.
import { AppError } from './problem.js';
import { isCivilDate } from '../rules/calendar.js';
import { date as sayable, msg } from '../i18n/catalogue.js';

/**
 * A fact cannot be dated after today (rulebook, "Which dates decide"); a date that does not exist
 * in the calendar (2026-02-30) is a 400 like any malformed field.
 */
export function assertFactDate(date: string | null | undefined, today: string, path: string): void {
  if (date === null || date === undefined) return;
  assertCalendarDate(date, path);
  if (date > today) {
    throw new AppError('date-in-future', msg('date.in-future', { path, date: sayable(date), today: sayable(today) }), {
      errors: [{ path, message: msg('date.not-after', { date: sayable(today) }) }],
    });
  }
}

export function assertCalendarDate(date: string | null | undefined, path: string): void {
  if (date === null || date === undefined) return;
  if (!isCivilDate(date)) {
    throw new AppError('validation-failed', msg('date.field-not-calendar', { path }), {
      errors: [{ path, message: msg('date.not-calendar') }],
    });
  }
}
