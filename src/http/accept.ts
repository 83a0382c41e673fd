// Accept negotiation: a request whose Accept header excludes every media type the operation
// produces gets 406 (problems are always acceptable as application/problem+json).

/** True when the Accept header (absent = anything) admits one of the produced media types. */
export function acceptable(accept: string | undefined, produces: readonly string[]): boolean {
  if (!accept || accept.trim() === '') return true;
  const ranges = accept
    .slice(0, 1000)
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { range: range.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.range !== '' && !(r.q <= 0));
  return produces.some((type) => {
    const [major] = type.split('/');
    return ranges.some((r) => r.range === '*/*' || r.range === type || r.range === `${major}/*`);
  });
}
