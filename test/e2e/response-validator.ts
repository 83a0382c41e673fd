// Every response of the end-to-end walk validated against the document the server publishes: the
// operation and status must be declared, the media type too, and the body must match its schema
// where it sits in the document (so its $refs resolve).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Middleware } from 'openapi-fetch';

export interface ResponseValidator {
  readonly middleware: Middleware;
  /** what did not conform, one line each */
  readonly failures: string[];
  /** how many responses were validated */
  validated(): number;
}

export function responseValidator(published: any): ResponseValidator {
  // the document itself is the schema root, so that its references (#/components/…) resolve
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(published, 'openapi');
  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const resolve = <T>(node: T | { $ref: string }): T => {
    let n: unknown = node;
    while (n && typeof n === 'object' && '$ref' in n)
      n = (n.$ref as string)
        .slice(2)
        .split('/')
        .reduce<any>((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], published);
    return n as T;
  };
  const operations: Array<{
    method: string;
    path: string;
    re: RegExp;
    op: { responses: Record<string, { content?: Record<string, { schema: object }> } | { $ref: string }> };
  }> = [];
  for (const [p, item] of Object.entries<Record<string, never>>(published.paths)) {
    for (const [method, op] of Object.entries(item)) {
      operations.push({
        method: method.toUpperCase(),
        path: p,
        re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        op,
      });
    }
  }
  let validated = 0;
  const failures: string[] = [];
  const validate: Middleware = {
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      const entry = operations.find((o) => o.method === request.method && o.re.test(url.pathname));
      const where = `${request.method} ${url.pathname} → ${response.status}`;
      if (!entry) {
        failures.push(`${where}: not in the document`);
        return;
      }
      const reference = entry.op.responses[String(response.status)];
      const declared = reference && resolve<{ content?: Record<string, { schema: object }> }>(reference);
      if (!declared) {
        failures.push(`${where}: status not declared`);
        return;
      }
      if (response.status === 204 && !declared.content) {
        // no content declared: there must be none
        if ((await response.clone().text()) !== '') failures.push(`${where}: a body on a 204`);
        validated++;
        return;
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = declared.content?.[type];
      if (!media) {
        failures.push(`${where}: media type ${type} not declared`);
        return;
      }
      const body = type.includes('json') ? await response.clone().json() : await response.clone().text();
      // validated where it sits in the document: a $ref in it resolves against the document
      const at =
        '$ref' in reference!
          ? pointer('components', 'responses', (reference.$ref as string).split('/').pop()!)
          : pointer('paths', entry.path, request.method.toLowerCase(), 'responses', String(response.status));
      const validator = ajv.getSchema(`openapi#/${at}/${pointer('content', type, 'schema')}`);
      if (!validator) failures.push(`${where}: no schema at ${at}`);
      else if (!validator(body)) failures.push(`${where}: ${ajv.errorsText(validator.errors)}`);
      validated++;
    },
  };
  return { middleware: validate, failures, validated: () => validated };
}
