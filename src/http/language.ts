// Accept-Language → one of the languages the service speaks (labels, problem titles, headers).
import type { Lang } from './problem.js';

const SUPPORTED: readonly Lang[] = ['fr', 'nl', 'de', 'en'];

export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((r) => (SUPPORTED as string[]).includes(r.lang))?.lang as Lang) ?? 'en';
}
