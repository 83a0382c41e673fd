// Named shapes in the OpenAPI document. Routes keep their schemas inline, as Fastify's Ajv
// validation and fast-json-stringify serialisation compile them (the trap noted in the design:
// references and the TypeBox compiler do not mix); a shape a client handles by name is marked
// where it is defined (`named('Piis', …)`), and the document generator moves every marked shape to
// `components.schemas` once, leaving a `$ref` wherever it was used. Headers, the Accept-Language
// parameter and the problem answers that are the same on every operation are moved to
// `components` the same way. One TypeBox schema stays the one source of each shape.
import { STATUS_CODES } from 'node:http';
import type { TSchema } from 'typebox';

/** The keyword that carries a shape's component name (declared to Ajv; removed from the document). */
export const SCHEMA_NAME = 'x-schema-name';

/** Marks a schema as the named shape `name` (PascalCase), referenced by that name in the document. */
export function named<T extends TSchema>(name: string, schema: T): T {
  return { ...schema, [SCHEMA_NAME]: name };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with sorted keys: two shapes are the same when their canonical texts are. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Replaces each marked schema (deepest first) by a reference to its one definition in `schemas`. */
function extractSchemas(node: unknown, schemas: Json, texts: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => extractSchemas(n, schemas, texts));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) if (k !== SCHEMA_NAME) out[k] = extractSchemas(v, schemas, texts);
  const name = node[SCHEMA_NAME];
  if (typeof name !== 'string') return out;
  const text = canonical(out);
  const known = texts.get(name);
  if (known === undefined) {
    texts.set(name, text);
    schemas[name] = out;
  } else if (known !== text) {
    // a derived schema (Partial, Omit…) kept its base's name: name it apart, or mark the base only
    throw new Error(`OpenAPI: two different shapes are named ${name}`);
  }
  return { $ref: `#/components/schemas/${name}` };
}

const pascal = (text: string) => text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** Moves repeated headers, the Accept-Language parameter and the same problem answers to components. */
function extractResponses(paths: Json, components: Json): void {
  const headers: Json = (components['headers'] ??= {}) as Json;
  const parameters: Json = (components['parameters'] ??= {}) as Json;
  const responses: Json = (components['responses'] ??= {}) as Json;
  const operations = Object.values(paths).flatMap((item) =>
    Object.values(item as Json).filter((op): op is Json => isObject(op) && 'responses' in op),
  );
  // answers are shared when the same text answers on two operations or more
  const seen = new Map<string, number>();
  for (const op of operations) {
    for (const [status, response] of Object.entries(op['responses'] as Json)) {
      const r = response as Json;
      for (const [name, header] of Object.entries((r['headers'] as Json | undefined) ?? {})) {
        const key = pascal(name);
        if (headers[key] === undefined) headers[key] = header;
        if (canonical(headers[key]) === canonical(header))
          (r['headers'] as Json)[name] = { $ref: `#/components/headers/${key}` };
      }
      if (Number(status) >= 400) seen.set(canonical(r), (seen.get(canonical(r)) ?? 0) + 1);
    }
    op['parameters'] = ((op['parameters'] as Json[] | undefined) ?? []).map((p) => {
      if (p['in'] !== 'header' || p['name'] !== 'Accept-Language') return p;
      parameters['AcceptLanguage'] ??= p;
      return { $ref: '#/components/parameters/AcceptLanguage' };
    });
  }
  for (const op of operations) {
    for (const [status, response] of Object.entries(op['responses'] as Json)) {
      const text = canonical(response);
      if (Number(status) < 400 || (seen.get(text) ?? 0) < 2) continue;
      let name = pascal(STATUS_CODES[Number(status)] ?? `Status ${status}`);
      // the same status answered differently elsewhere (other problem codes) keeps a name of its own
      for (let i = 2; responses[name] !== undefined && canonical(responses[name]) !== text; i++)
        name = `${pascal(STATUS_CODES[Number(status)] ?? status)}${i}`;
      responses[name] ??= response;
      (op['responses'] as Json)[status] = { $ref: `#/components/responses/${name}` };
    }
  }
}

/** The document with its named shapes, shared headers, parameter and answers in `components`. */
export function componentize<D extends Json>(document: D): D {
  const components: Json = { ...((document['components'] as Json | undefined) ?? {}) };
  const schemas: Json = { ...((components['schemas'] as Json | undefined) ?? {}) };
  const paths = extractSchemas(document['paths'] ?? {}, schemas, new Map()) as Json;
  components['schemas'] = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
  extractResponses(paths, components);
  return { ...document, paths, components };
}
