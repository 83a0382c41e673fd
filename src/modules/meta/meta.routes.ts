// Codes, rules and the OpenAPI document: reference data, no tenant.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { json, problems, type RoutesApp } from '../../http/schemas.js';
import { requestLanguage } from '../../http/language.js';
import { ruleTable } from '../../rules/rule-table.js';
import { codeLabel, codeLists } from './codes.js';
import { msg, render, type MessageId } from '../../i18n/catalogue.js';

const LabelSet = Type.Object(
  {
    en: Type.String({ maxLength: 200, description: 'In English' }),
    fr: Type.String({ maxLength: 200, description: 'In French' }),
    nl: Type.String({ maxLength: 200, description: 'In Dutch' }),
    de: Type.String({ maxLength: 200, description: 'In German' }),
  },
  { additionalProperties: false, description: 'The label in every language' },
);

const CodeList = Type.Object(
  {
    name: Type.String({ maxLength: 100, description: 'Name of the code list (the field it serves)' }),
    codes: Type.Array(
      Type.Object(
        {
          code: Type.String({ maxLength: 100, description: 'The code, as sent and received by the API' }),
          label: Type.String({ maxLength: 200, description: 'Label in the negotiated language (Accept-Language)' }),
          labels: LabelSet,
        },
        { additionalProperties: false, description: 'One code and its labels' },
      ),
      { maxItems: 200, description: 'The codes of the list' },
    ),
  },
  { additionalProperties: false, description: 'A code list: the values one field takes' },
);

const RuleSchema = Type.Object(
  {
    id: Type.String({ maxLength: 50, description: 'Rule id (R-…)' }),
    title: Type.String({
      maxLength: 500,
      description: 'The rule in a sentence, in the negotiated language (Accept-Language)',
    }),
    confidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('I')], {
      description: 'V verified in a legal source, S secondary sources, I interpretation (a parameter)',
    }),
    source: Type.String({
      maxLength: 500,
      description: 'The legal source (law, royal decree, circular) or the secondary source',
    }),
    handling: Type.Array(Type.Union([Type.Literal('enforced'), Type.Literal('computed'), Type.Literal('recorded')]), {
      maxItems: 3,
      description:
        'enforced (a refusal names the rule), computed (a date or flag with its explanation), recorded (a CPAS ' +
        'decision kept as a fact)',
    }),
    versions: Type.Array(
      Type.Object(
        {
          effectiveFrom: Type.String({ format: 'date', maxLength: 10, description: 'First day in force' }),
          effectiveTo: Type.Union([Type.String({ format: 'date', maxLength: 10 }), Type.Null()], {
            description: 'Last day in force; null while in force',
          }),
          parameters: Type.Record(
            Type.String({ maxLength: 100 }),
            Type.Union([
              Type.String({ maxLength: 500 }),
              Type.Number({ minimum: -1e9, maximum: 1e9 }),
              Type.Boolean(),
              Type.Null(),
            ]),
            {
              description: 'The parameters of this version',
            },
          ),
        },
        { additionalProperties: false, description: 'One version of the rule and the days it is in force' },
      ),
      { maxItems: 50, description: 'Its versions, oldest first' },
    ),
  },
  { additionalProperties: false, description: 'A rule of the rulebook' },
);

function listCodesRoute(app: RoutesApp): void {
  app.get(
    '/codes',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listCodes',
        tags: ['meta'],
        summary: 'Every code list, labelled in the negotiated language',
        security: [],
        response: {
          200: json(
            Type.Object(
              { items: Type.Array(CodeList, { maxItems: 100, description: 'Every code list' }) },
              { additionalProperties: false },
            ),
            'The code lists',
          ),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const lang = requestLanguage(request);
      return {
        items: Object.entries(codeLists).map(([name, codes]) => ({
          name,
          codes: codes.map((code) => ({
            code,
            label: codeLabel(lang, name, code),
            labels: {
              fr: codeLabel('fr', name, code),
              nl: codeLabel('nl', name, code),
              de: codeLabel('de', name, code),
              en: codeLabel('en', name, code),
            },
          })),
        })),
      };
    },
  );
}

function listRulesRoute(app: RoutesApp): void {
  app.get(
    '/rules',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listRules',
        tags: ['meta'],
        summary: 'The date-effective rule table: every rule with its parameters and the dates each version is in force',
        security: [],
        response: {
          200: json(
            Type.Object(
              { items: Type.Array(RuleSchema, { maxItems: 200, description: 'Every rule of the rulebook' }) },
              { additionalProperties: false },
            ),
            'The rules',
          ),
          ...problems(),
        },
      },
    },
    // The deployment sets some parameters (REFLECTION_WAIVER_ALLOWED → R-REFLECT): shown as in force here.
    async (request) => {
      const lang = requestLanguage(request);
      const deployment: Record<string, Record<string, boolean>> = {
        'R-REFLECT': { reflectionWaiverAllowed: request.server.deps.config.reflectionWaiverAllowed },
      };
      return {
        items: ruleTable.map((r) => ({
          ...r,
          title: render(lang, msg(`rule.${r.id}` as MessageId)),
          handling: [...r.handling],
          versions: r.versions.map((v) => ({
            ...v,
            parameters: { ...v.parameters, ...(v.effectiveTo === null ? deployment[r.id] : {}) },
          })),
        })),
      };
    },
  );
}

export const metaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  listCodesRoute(app);
  listRulesRoute(app);
};

export const openApiRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/openapi.json',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getOpenApiDocument',
        tags: ['meta'],
        summary: 'This OpenAPI 3.1 document',
        security: [],
        response: {
          200: {
            description: 'OpenAPI 3.1 document',
            content: { 'application/json': { schema: Type.Object({}, { additionalProperties: true }) } },
          },
          ...problems(),
        },
      },
    },
    async () => app.swagger(),
  );
};
