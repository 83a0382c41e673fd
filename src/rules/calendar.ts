// Civil dates in the Belgian calendar. Dates are 'YYYY-MM-DD' strings, never JS Dates at midnight.

const brussels = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let cached = { until: 0, date: '' };

/** Today's date in Europe/Brussels ("which dates decide": facts may not be after it). */
export function todayInBrussels(now: Date = new Date()): string {
  // Formatting with a time zone is costly; the date cannot change within the same second.
  const t = now.getTime();
  if (t < cached.until && t >= cached.until - 1000) return cached.date;
  const date = brussels.format(now);
  cached = { until: t - (t % 1000) + 1000, date };
  return date;
}

/** True when the string is a real calendar date YYYY-MM-DD. */
export function isCivilDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}
