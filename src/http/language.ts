// Accept-Language → one of the languages the service speaks (labels, problem titles, headers).
import type { Lang } from './problem.js';
import { rankedRanges } from './accept.js';

const SUPPORTED: readonly Lang[] = ['fr', 'nl', 'de', 'en'];

export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = rankedRanges(header, 500).map((r) => r.range.slice(0, 2));
  return (ranked.find((lang) => (SUPPORTED as string[]).includes(lang)) as Lang | undefined) ?? 'en';
}
