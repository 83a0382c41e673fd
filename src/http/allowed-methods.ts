// Which methods a path answers, for the 405 of a known path asked with another method (RFC 9110
// §15.5.6: the answer lists them in Allow). Built from the routes as registered, their patterns
// (`/v1/piis/:piisId`) matched segment by segment; HEAD comes with every GET (Fastify answers it).

export interface RouteEntry {
  method: string;
  url: string;
}

export type AllowedMethods = (path: string) => string[];

const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '');

/** A pattern's segments against a path's: `:name` takes one segment, a final `*` the rest. */
function matches(pattern: readonly string[], asked: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const s = pattern[i]!;
    if (s === '*' && i === pattern.length - 1) return true;
    if (i >= asked.length || (!s.startsWith(':') && s !== asked[i])) return false;
  }
  return pattern.length === asked.length;
}

/** A matcher over these routes (read lazily: routes are still being added while the app is built). */
export function allowedMethods(routes: readonly RouteEntry[]): AllowedMethods {
  let patterns: Array<{ segments: string[]; methods: Set<string> }> | null = null;
  const build = () => {
    const byUrl = new Map<string, Set<string>>();
    for (const r of routes) {
      const methods = byUrl.get(r.url) ?? new Set<string>();
      methods.add(r.method);
      if (r.method === 'GET') methods.add('HEAD');
      byUrl.set(r.url, methods);
    }
    return [...byUrl].map(([url, methods]) => ({ segments: segmentsOf(url), methods }));
  };
  return (path) => {
    patterns ??= build();
    const asked = segmentsOf(path);
    const allowed = new Set<string>();
    for (const p of patterns) {
      if (matches(p.segments, asked)) for (const m of p.methods) allowed.add(m);
    }
    return [...allowed].sort();
  };
}
