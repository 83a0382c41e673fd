// R-ID-NISS, R-ID-KBO, R-ID-NIS: Belgian identifiers. Pure functions.
import { date, msg, type Message } from '../i18n/catalogue.js';

export type NissCheck =
  | { valid: false; reason: Message; rule: 'R-ID-NISS' }
  | {
      valid: true;
      rule: 'R-ID-NISS';
      bis: boolean;
      /** null when the number carries an unknown month or day (00) */
      birthDate: string | null;
      birthYear: number;
      sex: 'male' | 'female' | null;
      explanation: Message;
    };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * R-ID-NISS: 11 digits YYMMDDSSSCC, CC = 97 − (first 9 digits mod 97); for births from 2000 the
 * modulo is taken over '2' + the 9 digits. The century is the one whose check validates. BIS
 * numbers add 20 (sex unknown) or 40 (sex known) to the month. Month and day may be 00.
 */
export function checkNiss(input: string): NissCheck {
  const invalid = (reason: Message): NissCheck => ({ valid: false, reason, rule: 'R-ID-NISS' });
  if (!/^[0-9]{11}$/.test(input)) return invalid(msg('niss.eleven-digits'));
  const base = Number(input.slice(0, 9));
  const check = Number(input.slice(9));
  if (check < 1 || check > 97) return invalid(msg('niss.check-range'));
  let century: 1900 | 2000;
  if (97 - (base % 97) === check) century = 1900;
  else if (97 - ((2_000_000_000 + base) % 97) === check) century = 2000;
  else return invalid(msg('niss.check-mismatch'));

  const yy = Number(input.slice(0, 2));
  let month = Number(input.slice(2, 4));
  const day = Number(input.slice(4, 6));
  const serial = Number(input.slice(6, 9));
  let bis = false;
  let sexKnown = true;
  if (month >= 40) {
    bis = true;
    month -= 40;
  } else if (month >= 20) {
    bis = true;
    sexKnown = false;
    month -= 20;
  }
  if (month > 12) return invalid(msg('niss.month'));
  if (day > 31) return invalid(msg('niss.day'));
  const year = century + yy;
  if (month > 0 && day > 0 && !isRealDate(year, month, day)) return invalid(msg('niss.no-such-date'));
  const birthDate = month > 0 && day > 0 ? `${year}-${pad(month)}-${pad(day)}` : null;
  const sex = sexKnown ? (serial % 2 === 1 ? 'male' : 'female') : null;
  return {
    valid: true,
    rule: 'R-ID-NISS',
    bis,
    birthDate,
    birthYear: year,
    sex,
    explanation: msg('niss.explained', {
      bis: bis ? 'yes' : 'no',
      check: pad(check),
      century: century === 2000 ? 'c2000' : 'c1900',
      born: birthDate
        ? msg('niss.born-on', { date: date(birthDate) })
        : msg('niss.born-in-year', { year: String(year) }),
    }),
  };
}

/** R-ID-KBO: 10 digits, check = 97 − (first 8 digits mod 97) equals the last 2. */
export function isValidKbo(input: string): boolean {
  if (!/^[0-9]{10}$/.test(input)) return false;
  return 97 - (Number(input.slice(0, 8)) % 97) === Number(input.slice(8));
}

/** R-ID-NIS: a municipality NIS code is 5 digits. */
export function isValidNisCode(input: string): boolean {
  return /^[0-9]{5}$/.test(input);
}
