// Requests made from the OpenAPI document the service publishes, as an outside attack run makes
// them: every operation with a plausible body (sampled from its schema, the ids of real records
// where a property names one), and the hostile variants of each field and parameter.
import { validNiss } from './identifiers.js';

type Schema = Record<string, any>;

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  pathParams: string[];
  query: Array<{ name: string; required: boolean; schema: Schema }>;
  /** the first media type the operation takes, and its schema */
  body: { type: string; schema: Schema } | null;
}

export function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []) as Array<{ name: string; in: string; required?: boolean; schema: Schema }>;
      const [type, content] =
        Object.entries((op.requestBody?.content ?? {}) as Record<string, { schema: Schema }>)[0] ?? [];
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema })),
        body: type && content ? { type, schema: content.schema } : null,
      });
    }
  }
  return out;
}

/** Values a sample takes by property name: ids of real records, a registered KBO, a NISS. */
export type Hints = Record<string, unknown>;

const CANDIDATES = [
  'x',
  'abc',
  'ref-1',
  '21004',
  '2026-03-02',
  'statistics',
  'file.pdf',
  '*',
  'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
  'https://example.org/hook',
];

function sampleString(s: Schema, hints: Hints): string {
  if (s.format === 'date' || s.pattern === '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') return '2026-03-02';
  if (s.format === 'date-time') return '2026-03-02T10:00:00Z';
  if (s.format === 'uuid') return String(hints['uuid'] ?? '00000000-0000-7000-8000-000000000001');
  if (s.format === 'uri') return 'https://example.org/hook';
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    const hit = [...CANDIDATES, String(hints['kbo'] ?? '')].find((c) => re.test(c));
    if (hit) return hit;
  }
  const min = s.minLength ?? 1;
  return 'x'.repeat(Math.max(min, 1));
}

function sampleNumber(s: Schema): number {
  let n = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
  if (s.maximum !== undefined && n > s.maximum) n = s.maximum;
  if (s.multipleOf) n = Math.ceil(n / s.multipleOf) * s.multipleOf;
  return n;
}

/** A value the schema accepts (as far as a schema alone can tell), real ids where the name calls for one. */
export function sample(s: Schema | undefined, hints: Hints = {}, name = ''): unknown {
  if (!s) return null;
  if (name && hints[name] !== undefined) return hints[name];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const branch = s.anyOf ?? s.oneOf;
  if (branch) return sample(branch.find((b: Schema) => b.type !== 'null') ?? branch[0], hints, name);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const wanted = new Set<string>(s.required ?? []);
      // a merge patch must carry something
      if (wanted.size === 0 && (s.minProperties ?? 0) > 0) wanted.add(Object.keys(props)[0]!);
      for (const key of wanted) out[key] = sample(props[key], hints, key);
      return out;
    }
    case 'array': {
      const count = Math.max(s.minItems ?? 0, 1);
      const items = (s.items ?? {}) as Schema;
      if (items.enum) return items.enum.slice(0, Math.min(count, items.enum.length));
      return Array.from({ length: count }, () => sample(items, hints, name));
    }
    case 'string':
      return name === 'niss' ? validNiss() : sampleString(s, hints);
    case 'integer':
    case 'number':
      return sampleNumber(s);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** What a fuzzing run sends in place of a field's value: other types, bounds, and hostile text. */
export function hostileValues(s: Schema | undefined): unknown[] {
  const always: unknown[] = [
    null,
    {},
    [],
    true,
    -1,
    'x'.repeat(70_000),
    '\u0000',
    '\ud800',
    "' or 1=1 --",
    '$v$;select 1;$v$',
  ];
  if (!s) return always;
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  if (type === 'string' && (s.format === 'date' || s.pattern?.includes('[0-9]{4}-')))
    return [...always, '2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01'];
  if (type === 'string' && s.format === 'uuid')
    return [...always, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
  if (type === 'integer' || type === 'number')
    return [...always, 2147483647, -2147483648, 1e308, 0.5, s.maximum ?? 10 ** 12];
  if (type === 'array') return [...always, Array.from({ length: 2_000 }, () => 'x')];
  return always;
}

/** Hostile text for a query or path parameter. */
export const HOSTILE_PARAMS = [
  'x',
  '-1',
  '99999999999999999999',
  '2026-02-30',
  '%00',
  '%ff',
  '..%2f..%2f',
  "'%20or%201=1--",
  'x'.repeat(3_000),
  '00000000-0000-0000-0000-000000000000',
];
