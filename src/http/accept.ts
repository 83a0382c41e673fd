// Accept negotiation: a request whose Accept header excludes every media type the operation
// produces gets 406 (problems are always acceptable as application/problem+json).

/**
 * The items of an Accept or Accept-Language header, highest quality first (ties in the order
 * given), without those of quality 0; the header is read up to `max` characters.
 */
export function rankedRanges(header: string, max = 1000): Array<{ range: string; q: number }> {
  return header
    .slice(0, max)
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      // a malformed quality counts as 1 (lenient: the client named the range)
      const quality = q ? Number(q.slice(2)) : 1;
      return { range: range.trim().toLowerCase(), q: Number.isFinite(quality) ? quality : 1, index };
    })
    .filter((r) => r.range !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ range, q }) => ({ range, q }));
}

/** True when the Accept header (absent = anything) admits one of the produced media types. */
export function acceptable(accept: string | undefined, produces: readonly string[]): boolean {
  if (!accept || accept.trim() === '') return true;
  const ranges = rankedRanges(accept);
  return produces.some((type) => {
    const [major] = type.split('/');
    return ranges.some((r) => r.range === '*/*' || r.range === type || r.range === `${major}/*`);
  });
}
