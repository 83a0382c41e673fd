// Accept-Language → one of the languages the service speaks (contract §2 "Language"): ranges by
// quality (RFC 9110 §12.5.4), a region subtag ignored (nl-BE → nl), `*` or nothing known → the
// fallback (the caller's CPAS language, `fr` without a CPAS). Never an error: a malformed header
// falls back.
import { rankedRanges } from '../http/accept.js';
import { LANGUAGES, type Lang } from './catalogue.js';

export function negotiateLanguage(header: string | undefined, fallback: Lang = 'fr'): Lang {
  if (!header) return fallback;
  for (const { range } of rankedRanges(header, 500)) {
    if (range === '*') return fallback;
    const primary = range.split('-')[0];
    const found = LANGUAGES.find((lang) => lang === primary);
    if (found) return found;
  }
  return fallback;
}
