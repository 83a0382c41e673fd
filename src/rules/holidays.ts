// Belgian public holidays and working days (R-EVAL-INTERVIEW and every rule that speaks of
// working days): Monday to Friday except 1 Jan, Easter Monday, 1 May, Ascension, Whit Monday,
// 21 Jul, 15 Aug, 1 Nov, 11 Nov and 25 Dec. Easter by the Gregorian computus (Meeus/Jones/Butcher).
import { addDays, formatCivilDate, isoWeekday, parseCivilDate } from './dates.js';

/** Easter Sunday of a Gregorian year. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatCivilDate(year, month, day);
}

export interface Holiday {
  date: string;
  name: string;
}

const cache = new Map<number, Holiday[]>();

/** The ten Belgian public holidays of a year, in date order. */
export function belgianHolidays(year: number): Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const fixed = (m: number, d: number, name: string) => ({ date: formatCivilDate(year, m, d), name });
  const list = [
    fixed(1, 1, "New Year's Day"),
    { date: addDays(easter, 1), name: 'Easter Monday' },
    fixed(5, 1, 'Labour Day'),
    { date: addDays(easter, 39), name: 'Ascension Day' },
    { date: addDays(easter, 50), name: 'Whit Monday' },
    fixed(7, 21, 'National Day'),
    fixed(8, 15, 'Assumption'),
    fixed(11, 1, "All Saints' Day"),
    fixed(11, 11, 'Armistice Day'),
    fixed(12, 25, 'Christmas Day'),
  ].sort((x, y) => (x.date < y.date ? -1 : 1));
  cache.set(year, list);
  return list;
}

export function holidayOn(date: string): Holiday | undefined {
  return belgianHolidays(parseCivilDate(date)[0]).find((h) => h.date === date);
}

export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && !holidayOn(date);
}

/**
 * The n-th working day after D (counting from the day after D), and the days skipped on the way
 * that were holidays on a weekday (for explanations).
 */
export function addWorkingDays(date: string, n: number): { date: string; holidaysSkipped: Holiday[] } {
  let d = date;
  let left = n;
  const holidaysSkipped: Holiday[] = [];
  while (left > 0) {
    d = addDays(d, 1);
    if (isoWeekday(d) > 5) continue;
    const holiday = holidayOn(d);
    if (holiday) {
      holidaysSkipped.push(holiday);
      continue;
    }
    left -= 1;
  }
  return { date: d, holidaysSkipped };
}
