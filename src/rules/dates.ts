// Date arithmetic of the rulebook ("Date arithmetic", interpretation I), on civil dates
// 'YYYY-MM-DD'. One implementation for every rule: "N days after D" counts calendar days from
// the day after D; "N months after D" is the same day number N months later, clamped to the
// month's last day (2025-11-30 + 3 months = 2026-02-28). Computed through UTC so that no time
// zone or daylight-saving change can shift a day.

const parse = (date: string): [number, number, number] => [
  Number(date.slice(0, 4)),
  Number(date.slice(5, 7)),
  Number(date.slice(8, 10)),
];

const format = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const toUtc = (date: string): number => {
  const [y, m, d] = parse(date);
  return Date.UTC(y, m - 1, d);
};

const fromUtc = (ms: number): string => {
  const dt = new Date(ms);
  return format(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
};

const DAY = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** D + n calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY);
}

/** D + n months: the same day number, clamped to the last day of the target month. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY);
}

/** 1 Monday … 7 Sunday (ISO). */
export function isoWeekday(date: string): number {
  const w = new Date(toUtc(date)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The first day of the month of D, shifted by n months. */
export function firstOfMonth(date: string, n = 0): string {
  const [y, m] = parse(date);
  const index = y * 12 + (m - 1) + n;
  return format(Math.floor(index / 12), (index % 12) + 1, 1);
}

export function lastOfMonth(date: string): string {
  const [y, m] = parse(date);
  return format(y, m, daysInMonth(y, m));
}

export const minDate = (...dates: string[]): string => dates.reduce((a, b) => (b < a ? b : a));
export const maxDate = (...dates: string[]): string => dates.reduce((a, b) => (b > a ? b : a));

export { parse as parseCivilDate, format as formatCivilDate };
