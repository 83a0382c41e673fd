import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { Actor, CivilDate, Instant, Int, Nullable, Text } from '../../http/schemas.js';
import { Delimiter, Format } from '../reports/index.js';

const Count = (description: string) => Int(0, 1_000_000, description);
const Cents = (description: string) => Int(0, 100_000_000_000, description);
const Outcome = Type.Union([Type.Literal('yes'), Type.Literal('partly'), Type.Literal('no')], {
  description: 'Were the convention’s objectives met',
});

const Targets = Type.Object(
  {
    assessments: Count('1. Total beneficiaries for whom a bilan social is made'),
    activationPaths: Count('2. Total beneficiaries in a social-activation path through a PIIS (2 = 2.1 + 2.2 + 2.3)'),
    path21: Type.Optional(Count('2.1 through a path preparing a socio-professional path (indicative)')),
    path22: Type.Optional(
      Count('2.2 through a path towards workshops, dynamising modules or participative ateliers (indicative)'),
    ),
    path23: Type.Optional(Count('2.3 through a path towards volunteering (indicative)')),
  },
  {
    additionalProperties: false,
    description:
      'The quantitative objectives, numbered as the SPP IS numbers them; a split into 2.1–2.3, when given, adds up ' +
      'to 2',
  },
);

const Evaluation = Type.Object(
  {
    objectivesMet: Outcome,
    partnerships: Text('Through which partnerships or collaborations', 4000),
    reasonsNotMet: Type.Optional(Text('Why objectives were not met (required unless they all were)', 4000)),
    submittedOn: Type.Optional(CivilDate('The day the final report was sent to the SPP IS')),
  },
  {
    additionalProperties: false,
    description: 'The qualitative part of the final report (due 28 February of the next year)',
  },
);

const Grant = Type.Object(
  {
    pas2015: Type.Optional(Cents('The participation and social-activation subsidy granted, in cents')),
    clusters2015: Type.Optional(Cents('The subsidy for clusters of small CPAS and large cities granted, in cents')),
  },
  {
    additionalProperties: false,
    description: 'The amounts of the two royal decrees of 27 March 2015 granted to the CPAS',
  },
);

export const ConventionBody = Type.Object(
  {
    signedOn: Type.Optional(CivilDate('The day the convention was signed')),
    grantCents: Type.Optional(Grant),
    targets: Targets,
    evaluation: Type.Optional(Evaluation),
  },
  { additionalProperties: false },
);

export const ConventionParams = Type.Object(
  { year: Int(2002, 2100, 'The convention’s year (2015 or 2016)') },
  { additionalProperties: false },
);

const ResultLine = Type.Object(
  {
    key: Type.String({ maxLength: 60, description: 'The indicator (GET /v1/codes/indicator)' }),
    number: Nullable(
      Type.String({ maxLength: 10 }),
      'The SPP IS’s number of the item (e.g. 2.1, a); null for an item it does not number',
    ),
    label: Type.String({ maxLength: 300, description: 'In the SPP IS’s wording, in the reader’s language' }),
    target: Nullable(Count('The objective, when the convention sets one')),
    result: Nullable(Type.Number({ minimum: 0, maximum: 1_000_000_000, description: 'The year’s result' })),
    reached: Nullable(Type.Boolean({ description: 'The result meets the objective; null without an objective' })),
    rule: Type.String({ maxLength: 50, description: 'The rule that counts it' }),
    explanation: Type.String({ maxLength: 2000, description: 'How the result was counted, in the reader’s language' }),
  },
  { additionalProperties: false, description: 'One objective or result of the convention' },
);

const Payment = Type.Object(
  {
    subsidy: Type.Union([Type.Literal('pas2015'), Type.Literal('clusters2015')], {
      description:
        'The royal-decree subsidy: social participation and activation (pas2015) or clusters of small CPAS and large ' +
        'cities (clusters2015)',
    }),
    grantCents: Nullable(Cents('Granted')),
    advanceCents: Nullable(Cents('50% paid after the signature')),
    balanceCents: Nullable(Cents('50% paid once the minister approves the final report')),
    justifiedCents: Cents('The eligible costs justified against it (R-PAS-COSTS)'),
  },
  { additionalProperties: false, description: 'One subsidy of the convention: granted, paid and justified' },
);

export const ConventionSchema = named(
  'ConventionReport',
  Type.Object(
    {
      year: Int(2015, 2016, 'The convention’s year'),
      rule: Type.Literal('R-IND-2015', { description: 'The rule the convention follows' }),
      recorded: Type.Boolean({ description: 'Whether the CPAS has recorded its convention for the year' }),
      signedOn: Nullable(CivilDate('Signed on')),
      evaluationDueOn: CivilDate('The final report is due by 28 February of the next year'),
      evaluation: Nullable(Evaluation),
      results: Type.Array(ResultLine, {
        maxItems: 50,
        description:
          'Objectives 1, 2, 2.1–2.3 set against the year’s results; progress (a–c) and results (a–d) of the paths',
      }),
      payments: Type.Array(Payment, { maxItems: 2, description: 'The two subsidies of the convention' }),
      explanation: Type.String({
        maxLength: 2000,
        description: 'What the report shows and how, in the reader’s language',
      }),
      updatedAt: Nullable(Instant('Recorded at')),
      updatedBy: Nullable(Actor('Who recorded it'), 'Who recorded it (the token’s sub); null before it is recorded'),
    },
    { additionalProperties: false },
  ),
);

export const ConventionQuery = Type.Object({ format: Format, delimiter: Delimiter }, { additionalProperties: false });

export type ConventionBody = Static<typeof ConventionBody>;
export type Convention = Static<typeof ConventionSchema>;
export type ConventionResult = Convention['results'][number];
