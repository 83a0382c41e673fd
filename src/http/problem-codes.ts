// The problem codes each operation can answer with 400, 409 and 422, listed in its documentation
// so that a vendor handles those and no others. Most follow from the operation's inputs (a body
// or parameters can fail validation; a `cursor`, a `niss`, a `kboNumber`, an `externalRef`, an
// `Idempotency-Key` each bring their own codes); the rest — the states and rules that can refuse
// it — its route declares in `config.problemCodes`. Codes of other statuses are one per status.
// An answer with a code its operation does not list is counted (`undeclaredProblems`): the tests
// fail on it, so the lists stay what the code really does.
import { catalogue, type ProblemCode } from '../core/problem.js';
import { problemContent } from './schemas.js';

/** The statuses answered with more than one problem code, listed per operation. */
export const LISTED_STATUSES = [400, 409, 422] as const;

interface RouteSchemas {
  body?: unknown;
  querystring?: unknown;
  params?: unknown;
  headers?: unknown;
}

/** True when the schema (or one nested in it) has a property whose name matches. */
function hasProperty(schema: unknown, name: RegExp, depth = 0): boolean {
  if (!schema || typeof schema !== 'object' || depth > 12) return false;
  const s = schema as {
    properties?: Record<string, unknown>;
    items?: unknown;
    anyOf?: unknown[];
    oneOf?: unknown[];
    allOf?: unknown[];
  };
  if (
    s.properties &&
    Object.entries(s.properties).some(([key, p]) => name.test(key) || hasProperty(p, name, depth + 1))
  )
    return true;
  return [s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].some((p) =>
    hasProperty(p, name, depth + 1),
  );
}

// `niss`, `partnerNiss`; `kboNumber`, `toKboNumber`
const NISS = /^niss$|Niss$/;
const KBO = /^kboNumber$|KboNumber$/;

/** The codes an operation's inputs bring. */
function inferredCodes(schema: RouteSchemas, readsBody: boolean): ProblemCode[] {
  const inputs = [schema.body, schema.querystring, schema.params].filter(Boolean);
  const codes: ProblemCode[] = [];
  // a body that is not JSON is refused as invalid even where no schema describes it
  if (inputs.length > 0 || schema.headers || readsBody) codes.push('validation-failed');
  if (hasProperty(schema.querystring, /^cursor$/)) codes.push('invalid-cursor');
  if (inputs.some((s) => hasProperty(s, NISS))) codes.push('invalid-niss');
  if (inputs.some((s) => hasProperty(s, KBO))) codes.push('invalid-kbo');
  if (hasProperty(schema.body, /^externalRef$/)) codes.push('duplicate-external-ref');
  if (hasProperty(schema.headers, /^idempotency-key$/))
    codes.push('idempotency-key-in-flight', 'idempotency-key-reused');
  return codes;
}

/** The codes of 400, 409 and 422 this operation can answer, by status (statuses it cannot answer left out). */
export function answerableCodes(
  schema: RouteSchemas,
  readsBody: boolean,
  declared: readonly ProblemCode[] = [],
): Map<number, ProblemCode[]> {
  const codes = new Set<ProblemCode>([...inferredCodes(schema, readsBody), ...declared]);
  const byStatus = new Map<number, ProblemCode[]>();
  for (const status of LISTED_STATUSES) {
    const of = [...codes].filter((c) => catalogue[c].status === status).sort();
    if (of.length > 0) byStatus.set(status, of);
  }
  return byStatus;
}

interface Route {
  method: string | string[];
  schema?: RouteSchemas & { response?: Record<string | number, unknown> };
  config?: { problemCodes?: readonly ProblemCode[]; answerableCodes?: ReadonlySet<string> };
}

/**
 * At registration: the route's 400, 409 and 422 answers list the codes it can answer (a status
 * with none is not documented), and the route keeps that list for the check of its answers.
 */
export function declareProblemCodes(route: Route): void {
  const response = route.schema?.response;
  if (!response) return;
  const readsBody = [route.method].flat().some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m));
  const codes = answerableCodes(route.schema ?? {}, readsBody, route.config?.problemCodes);
  for (const status of LISTED_STATUSES) {
    const of = codes.get(status);
    if (of) response[status] = problemContent(status, of);
    else delete response[status];
  }
  route.config = { ...route.config, answerableCodes: new Set([...codes.values()].flat()) };
}

/** True when the route documents this code (codes of the other statuses need no listing). */
export function isAnswerable(config: Route['config'], code: ProblemCode): boolean {
  if (!config?.answerableCodes || !(LISTED_STATUSES as readonly number[]).includes(catalogue[code].status)) return true;
  return config.answerableCodes.has(code);
}
