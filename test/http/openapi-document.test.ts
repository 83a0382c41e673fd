// The OpenAPI document's completeness: every registered route documented, every operationId of the
// contract present, every error declared as a problem.
import t from 'tap';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildHarness } from '../helpers/app.js';
import { BODY_EXAMPLES } from '../../src/http/openapi-examples.js';

t.test('the OpenAPI document', async (t) => {
  const h = await buildHarness(t);

  t.test('when the OpenAPI document is read, then it documents exactly the registered routes', async (t) => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    t.equal(doc.openapi, '3.1.0');
    const resolve = (node: unknown): unknown => {
      const ref = (node as { $ref?: string }).$ref;
      return ref
        ? resolve(
            ref
              .slice(2)
              .split('/')
              .reduce<any>((o, k) => o[k], doc),
          )
        : node;
    };
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<
      Record<string, { operationId: string; responses: Record<string, unknown> }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        for (const [status, answer] of Object.entries(op.responses)) {
          const response = resolve(answer) as { content?: Record<string, { schema?: { $ref?: string } }> };
          if (Number(status) >= 400)
            t.equal(
              response.content?.['application/problem+json']?.schema?.$ref,
              '#/components/schemas/Problem',
              `${op.operationId} ${status} is the one Problem`,
            );
        }
        t.ok(op.responses['429'] && op.responses['500'], `${op.operationId} declares 429 and 500`);
      }
    }
    // named shapes: a generated client names them (components['schemas']['Piis'])
    t.ok(
      Object.keys(doc.components.schemas).length >= 40,
      `${Object.keys(doc.components.schemas).length} named schemas`,
    );
    t.ok(JSON.stringify(doc).length <= 1_000_000, `the document is ${JSON.stringify(doc).length} bytes (at most 1 MB)`);
    const byId = new Map(
      Object.values<Record<string, { operationId: string; responses: Record<string, unknown> }>>(doc.paths).flatMap(
        (i) => Object.values(i).map((o) => [o.operationId, o] as const),
      ),
    );
    for (const [operationId, status, name] of [
      ['getPiis', '200', 'Piis'],
      ['createPiis', '201', 'Piis'],
      ['getBeneficiary', '200', 'Beneficiary'],
      ['getSubsidyReport', '200', 'SubsidyReport'],
      ['getIndicators', '200', 'Indicators'],
    ] as const) {
      const response = resolve(byId.get(operationId)?.responses[status]) as {
        content: Record<string, { schema: { $ref?: string } }>;
      };
      t.equal(
        response.content['application/json']?.schema.$ref,
        `#/components/schemas/${name}`,
        `${operationId} answers a ${name}`,
      );
    }
    // every JSON body has a realistic example, and the example is valid against the body's schema
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'openapi');
    const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');
    const exampled = new Set<string>();
    for (const [path, item] of Object.entries<
      Record<string, { operationId: string; requestBody?: { content: Record<string, { example?: unknown }> } }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const media = op.requestBody?.content['application/json'];
        if (!media) continue;
        t.not(media.example, undefined, `${op.operationId}: its body has an example`);
        if (media.example === undefined) continue;
        exampled.add(op.operationId);
        const validate = ajv.getSchema(
          `openapi#/paths/${escape(path)}/${method}/requestBody/content/application~1json/schema`,
        )!;
        t.ok(validate(media.example), `${op.operationId}: the example is valid (${ajv.errorsText(validate.errors)})`);
      }
    }
    t.same(
      Object.keys(BODY_EXAMPLES).filter((k) => !exampled.has(k)),
      [],
      'no example names an operation that has no JSON body',
    );
    const registered = new Set(
      h.app.registeredRoutes
        .filter((r) => r.documented && r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`),
    );
    t.same([...registered].sort(), [...documented].sort());
    const ops = new Set(
      Object.values<Record<string, { operationId: string }>>(doc.paths).flatMap((i) =>
        Object.values(i).map((o) => o.operationId),
      ),
    );
    for (const id of [
      'listCodes',
      'listRules',
      'createCpas',
      'listCpas',
      'getCurrentCpas',
      'createBeneficiary',
      'listBeneficiaries',
      'getBeneficiary',
      'updateBeneficiary',
      'recordRightDecision',
      'listRightDecisions',
      'recordSituation',
      'listSituations',
      'recordExemption',
      'listExemptions',
    ]) {
      t.ok(ops.has(id), `operationId ${id} of the contract`);
    }
  });
});
