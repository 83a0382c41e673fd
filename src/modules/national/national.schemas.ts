import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { codeUnion, Int } from '../../http/schemas.js';
import { Delimiter, Format, IndicatorItemSchema } from '../reports/index.js';

const Suppressed = Type.Union([Type.Literal('primary'), Type.Literal('complementary'), Type.Null()], {
  description:
    'R-IND-PRIVACY: why the value is null — primary (it would show a count of 1–4 persons) or complementary (it ' +
    'protects a suppressed count); null when shown',
});

const Value = IndicatorItemSchema.properties.value;
const Name = Type.Object(
  {
    fr: Type.String({ maxLength: 200, description: 'In French' }),
    nl: Type.String({ maxLength: 200, description: 'In Dutch' }),
    de: Type.String({ maxLength: 200, description: 'In German' }),
  },
  { additionalProperties: false, description: 'The CPAS’s name in each language' },
);

export const NationalFigureSchema = named(
  'NationalFigure',
  Type.Object(
    {
      key: IndicatorItemSchema.properties.key,
      value: Value,
      rule: IndicatorItemSchema.properties.rule,
      suppressed: Suppressed,
    },
    { additionalProperties: false },
  ),
);

export const NationalIndicatorsSchema = named(
  'NationalIndicators',
  Type.Object(
    {
      year: Int(2002, 2100, 'The year'),
      indicatorSet: Type.Union([Type.Literal('convention-2015-2016'), Type.Literal('pas-2017')], {
        description: 'The set the SPP IS asked for that year (R-IND-2015 until 2016, the PAS report from 2017)',
      }),
      rule: Type.Literal('R-IND-PRIVACY', { description: 'Small cells are suppressed (R-IND-PRIVACY)' }),
      explanation: Type.String({ maxLength: 2000, description: 'What the figures cover, in the reader’s language' }),
      totals: Type.Array(
        Type.Object({ ...IndicatorItemSchema.properties, suppressed: Suppressed }, { additionalProperties: false }),
        {
          maxItems: 100,
          description: 'The national figures: every CPAS summed, each with its rule and explanation',
        },
      ),
      rows: Type.Array(
        Type.Object(
          {
            kboNumber: Type.String({ pattern: '^[0-9]{10}$', maxLength: 10, description: 'The CPAS’s KBO number' }),
            name: Name,
            items: Type.Array(NationalFigureSchema, {
              maxItems: 100,
              description: 'The CPAS’s figures, small cells suppressed',
            }),
          },
          { additionalProperties: false, description: 'One CPAS’s figures' },
        ),
        { maxItems: 10_000, description: 'One per registered CPAS, by KBO number' },
      ),
    },
    { additionalProperties: false },
  ),
);

export const NationalQuery = Type.Object(
  {
    year: Type.Optional(Int(2002, 2100, 'The year, up to the current one (default: the current year)')),
    format: Format,
    delimiter: Delimiter,
  },
  { additionalProperties: false },
);

export const ExtractQuery = Type.Object(
  {
    year: Type.Optional(
      Int(2002, 2100, 'One year, up to the current one (default: every year from 2002 to the current one)'),
    ),
    purpose: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z0-9-]{0,39}$',
        maxLength: 40,
        description:
          'The purpose of the extract (default statistics): pseudonyms are keyed per purpose, so extracts made for ' +
          'different purposes cannot be linked',
      }),
    ),
    format: Format,
    delimiter: Delimiter,
  },
  { additionalProperties: false },
);

const Month = (description: string) =>
  Type.Union([Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', maxLength: 7, description }), Type.Null()]);
const Count = (description: string) => Int(0, 100_000, description);
const Pseudonym = (description: string) => Type.String({ pattern: '^[0-9a-f]{32}$', maxLength: 32, description });

export const ExtractRowSchema = named(
  'ExtractRow',
  Type.Object(
    {
      person: Pseudonym(
        'The person: HMAC-SHA256 of the internal id under the purpose’s key, 128 bits in hex — the same person has ' +
          'the same pseudonym in every year of one purpose',
      ),
      piis: Pseudonym('The PIIS, keyed like the person'),
      cpasKbo: Type.String({ pattern: '^[0-9]{10}$', maxLength: 10, description: 'The CPAS (KBO number)' }),
      year: Int(2002, 2100, 'The year of the row'),
      track: codeUnion('track', 'A general PIIS or a student PIIS (R-STUDENT)'),
      obligation: codeUnion(
        'obligation',
        'Why the PIIS was concluded: compulsory (R-OBLIG-NEW), optional, or coaching',
      ),
      activationCategory: Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
        description: 'The path category of the version in force (R-IND-2015), a code',
      }),
      ageBand: Type.Union(
        [
          Type.Literal('under-25'),
          Type.Literal('25-34'),
          Type.Literal('35-44'),
          Type.Literal('45-54'),
          Type.Literal('55-64'),
          Type.Literal('65-plus'),
          Type.Null(),
        ],
        {
          description: 'Age on 31 December of the year, as a band; null when the birth date is unknown',
        },
      ),
      draftedMonth: Month('Month the PIIS was drafted'),
      signedMonth: Month('Month it was concluded (R-PARTIES), null before'),
      endedMonth: Month('Month it was closed, null while open'),
      closeOutcome: Type.Union([Type.String({ maxLength: 50 }), Type.Null()], {
        description: 'The close outcome code (R-CLOSE)',
      }),
      evaluations: Count('Evaluations held in the year (in force, R-CORRECT)'),
      evaluationsInPerson: Count('Of them, in person'),
      interviews: Count('Interview requests made in the year'),
      sanctions: Count('Sanctions decided in the year'),
    },
    { additionalProperties: false },
  ),
);

export const ExtractSchema = named(
  'StatisticalExtract',
  Type.Object(
    {
      year: Type.Union([Int(2002, 2100, 'The year asked'), Type.Null()], {
        description: 'The year asked; null for every year',
      }),
      purpose: Type.String({ maxLength: 40, description: 'The purpose the pseudonyms are keyed for' }),
      rule: Type.Literal('R-IND-PRIVACY', { description: 'Pseudonymised, never a name or NISS (R-IND-PRIVACY)' }),
      explanation: Type.String({ maxLength: 2000, description: 'What the extract covers, in the reader’s language' }),
      items: Type.Array(ExtractRowSchema, {
        maxItems: 100_000_000,
        description: 'One per PIIS and year: a year it was drafted in, or concluded and in force on a day of; by PIIS',
      }),
    },
    { additionalProperties: false },
  ),
);

export type NationalIndicators = Static<typeof NationalIndicatorsSchema>;
export type NationalQuery = Static<typeof NationalQuery>;
export type ExtractQuery = Static<typeof ExtractQuery>;
export type ExtractRow = Static<typeof ExtractRowSchema>;
