import { FORM_SECTIONS } from '../../rules/code-lists.js';
import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { Int, Uuid } from '../../http/schemas.js';
import { ExpenseSchema, Subsidy } from '../expenses/index.js';
import { PasModuleRowSchema } from '../activation/index.js';

const Cents = (description: string) => Int(0, 1_000_000_000_000, description);

export const SubsidyMonthSchema = named(
  'SubsidyMonth',
  Type.Object(
    {
      beneficiaryId: Uuid('The beneficiary'),
      month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', maxLength: 7, description: 'The month (YYYY-MM)' }),
      code: Type.Union([Type.Literal(11), Type.Literal(17), Type.Null()], {
        description: '11: first subsidy period (R-SUB-FIRST); 17: second year (R-SUB-SECOND); null: no 10% subsidy',
      }),
      formCode: Type.Union(
        [Type.Literal(8), Type.Literal(9), Type.Literal(10), Type.Literal(11), Type.Literal(17), Type.Null()],
        {
          description:
            'The federal PIIS code of the month on the reimbursement form: 8 exemption (R-EXEMPT), 9/10 student PIIS ' +
            'under 25 / 25 or more (R-SUB-STUDENT), 11, 17, or null',
        },
      ),
      riCents: Cents('RI granted in the month (R-SUB-FIRST: pro rata by day, less sanction suspensions), in cents'),
      subsidyCents: Cents('The 10% subsidy of the month, in cents (R-SUB-RATE)'),
      piisId: Type.Union([Uuid('The PIIS the month is reported under'), Type.Null()]),
      rule: Type.String({ maxLength: 50, description: 'The rule that decided the month' }),
      explanation: Type.String({
        maxLength: 4000,
        description: 'Which facts and rules produced the code and the amounts (R-SUB-EXPLAIN)',
      }),
    },
    { additionalProperties: false },
  ),
);

const CodeTotal = Type.Object(
  {
    months: Int(0, 1_000_000_000, 'Months with this code'),
    riCents: Cents('RI granted in those months'),
    subsidyCents: Cents('The 10% of those months'),
  },
  {
    additionalProperties: false,
    description: 'The months of one federal code (11: first subsidy year, R-SUB-FIRST; 17: second, R-SUB-SECOND)',
  },
);

export const SubsidyReportSchema = named(
  'SubsidyReport',
  Type.Object(
    {
      year: Int(2002, 2100, 'The year reported'),
      items: Type.Array(SubsidyMonthSchema, {
        maxItems: 10_000_000,
        description:
          'One per beneficiary and month of the year with an RI right or a PIIS in force, by beneficiary then month',
      }),
      totals: Type.Object(
        {
          months: Int(0, 1_000_000_000, 'Months reported'),
          riCents: Cents('RI granted in the months reported'),
          subsidyCents: Cents('The 10% subsidy due for the year'),
          code11: CodeTotal,
          code17: CodeTotal,
          student: Type.Object(
            {
              months: Int(0, 1_000_000_000, 'Months under a student PIIS (codes 9/10), reported apart (R-SUB-STUDENT)'),
              riCents: Cents('RI granted in those months'),
            },
            {
              additionalProperties: false,
              description: 'The student PIIS months (codes 9/10), reported apart (R-SUB-STUDENT)',
            },
          ),
          exemptedMonths: Int(0, 1_000_000_000, 'Months under an exemption (code 8)'),
        },
        { additionalProperties: false, description: 'The year’s totals, as the reimbursement form adds them up' },
      ),
    },
    { additionalProperties: false },
  ),
);

export const IndicatorItemSchema = named(
  'IndicatorItem',
  Type.Object(
    {
      key: Type.String({
        maxLength: 60,
        description:
          'The figure, a stable code, e.g. activationPaths.2.1 or compliance.concludedInTime (labels: GET ' +
          '/v1/codes/indicator)',
      }),
      group: Type.Union([Type.Literal('socialActivation'), Type.Literal('piis')], {
        description:
          'socialActivation: the figures the SPP IS asks about social activation (R-IND-2015, R-IND-OUTCOMES, ' +
          'R-PROGRESS, R-IND-ENTITLED), over the persons in a path of category 2.1–2.3; piis: every PIIS (counts, ' +
          'R-IND-COMPLIANCE)',
      }),
      section: Type.Union(
        [
          Type.Literal('objectives'),
          Type.Literal('progress'),
          Type.Literal('results'),
          Type.Literal('entitled'),
          Type.Literal('piis'),
          Type.Literal('compliance'),
        ],
        {
          description:
            'Where the SPP IS asks the figure: the convention’s quantitative objectives, the evaluation’s progress ' +
            'and results, the PAS report’s entitled persons; piis and compliance: every PIIS',
        },
      ),
      number: Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
        description:
          'The SPP IS’s own number (1, 2, 2.1, 2.2, 2.3) or letter within its question (a–d); null where it gives none',
      }),
      label: Type.String({
        maxLength: 300,
        description: 'The figure in the SPP IS’s wording, in the reader’s language',
      }),
      value: Type.Union([
        Type.Number({
          minimum: 0,
          maximum: 1_000_000_000,
          description: 'A count, a percentage (…Percent and compliance shares, one decimal) or a number of days',
        }),
        Type.Null(),
      ]),
      rule: Type.String({ maxLength: 50, description: 'Rule id' }),
      explanation: Type.String({ maxLength: 2000, description: 'What is counted, over what' }),
    },
    { additionalProperties: false },
  ),
);

export const IndicatorsSchema = named(
  'Indicators',
  Type.Object(
    {
      year: Int(2002, 2100, 'The year'),
      indicatorSet: Type.Union([Type.Literal('convention-2015-2016'), Type.Literal('pas-2017')], {
        description:
          'The set the SPP IS asked for that year (R-IND-2015 until 2016, the PAS report from 2017); both are computed',
      }),
      items: Type.Array(IndicatorItemSchema, {
        maxItems: 100,
        description: 'Every figure, each with its SPP IS number, label, rule and explanation',
      }),
    },
    { additionalProperties: false },
  ),
);

export const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], {
    description: 'The format, instead of the Accept header: json, csv or xlsx (column headers in the Accept-Language)',
  }),
);

export const Delimiter = Type.Optional(
  Type.Union([Type.Literal('semicolon'), Type.Literal('comma')], {
    description:
      'CSV only: the field separator. Default: semicolon with a decimal comma in fr, nl and de (what a spreadsheet ' +
      'in a Belgian locale reads as numbers), comma with a decimal point in en',
  }),
);

export const YearQuery = Type.Object(
  {
    year: Type.Optional(Int(2002, 2100, 'The year (default: the current year)')),
    format: Format,
    delimiter: Delimiter,
  },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object(
  {
    year: Type.Optional(Int(2002, 2100, 'The year (default: the current year)')),
    beneficiaryId: Type.Optional(Uuid('Only this beneficiary')),
    format: Format,
    delimiter: Delimiter,
  },
  { additionalProperties: false },
);

export type SubsidyMonthItem = Static<typeof SubsidyMonthSchema>;
export type SubsidyReport = Static<typeof SubsidyReportSchema>;
export type ReportQuery = Static<typeof ReportQuery>;
export type Indicators = Static<typeof IndicatorsSchema>;
export type YearQuery = Static<typeof YearQuery>;

export const JustificationQuery = Type.Object(
  {
    subsidy: Subsidy,
    year: Type.Optional(Int(2002, 2100, 'The year (default: the current year)')),
    format: Format,
    delimiter: Delimiter,
  },
  { additionalProperties: false },
);

export const JustificationSchema = named(
  'Justification',
  Type.Object(
    {
      year: Int(2002, 2100, 'The year'),
      subsidy: Subsidy,
      subsidyCents: Type.Union(
        [
          Int(0, 1_000_000_000_000, 'The subsidy computed for the year (piis10: the subsidy report’s total)'),
          Type.Null(),
        ],
        {
          description: 'null for pas: the PAS grant is set by the SPP IS, not computed here',
        },
      ),
      justifiedCents: Int(0, 1_000_000_000_000, 'The eligible amounts of the expenses'),
      ineligibleCents: Int(0, 1_000_000_000_000, 'The amounts that do not count'),
      balanceCents: Type.Union([
        Int(-1_000_000_000_000, 1_000_000_000_000, 'Justified minus the subsidy (more than the grant is allowed)'),
        Type.Null(),
      ]),
      rule: Type.String({
        maxLength: 50,
        description: 'The rule the costs are judged by (R-SUB-COSTS or R-PAS-COSTS)',
      }),
      explanation: Type.String({
        maxLength: 2000,
        description: 'How the costs were set against the subsidy, in the reader’s language',
      }),
      items: Type.Array(ExpenseSchema, {
        maxItems: 100_000,
        description: 'The year’s expenses of this subsidy, each with its verdict',
      }),
    },
    { additionalProperties: false },
  ),
);
export type JustificationQuery = Static<typeof JustificationQuery>;
export type Justification = Static<typeof JustificationSchema>;

export { FORM_SECTIONS };

export const RapportUniqueLineSchema = named(
  'RapportUniqueLine',
  Type.Object(
    {
      section: Type.Enum(FORM_SECTIONS, { description: 'The part of the form (labels: GET /v1/codes/formSection)' }),
      key: Type.String({
        maxLength: 80,
        description: 'The line, a stable code (an indicator key, or e.g. code11.subsidy, justification.pas.justified)',
      }),
      number: Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
        description:
          'The SPP IS’s number or letter (1, 2, 2.1…, a–d), or the federal code (8, 11, 17); null where there is none',
      }),
      label: Type.String({ maxLength: 300, description: 'The line in the SPP IS’s wording, in the reader’s language' }),
      value: Type.Union([Type.Number({ minimum: -1_000_000_000, maximum: 1_000_000_000 }), Type.Null()], {
        description: 'A count, a percentage or a number of days',
      }),
      amountCents: Type.Union([Int(-1_000_000_000_000, 1_000_000_000_000, 'An amount in euro cents'), Type.Null()], {
        description: 'An amount in euro cents',
      }),
      text: Type.Union([Type.String({ maxLength: 300 }), Type.Null()], {
        description: 'A text value (the CPAS’s name, its KBO number, a subsidy code)',
      }),
      rule: Type.Union([Type.String({ maxLength: 50 }), Type.Null()], { description: 'Rule id' }),
      explanation: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
        description: 'What is counted, over what',
      }),
    },
    { additionalProperties: false },
  ),
);

export const RapportUniqueSchema = named(
  'RapportUnique',
  Type.Object(
    {
      form: Type.Union([Type.Literal('pas'), Type.Literal('piis10')], {
        description: 'pas: participation and social activation; piis10: the specific PIIS subsidy (10%)',
      }),
      year: Int(2002, 2100, 'The year'),
      cpas: Type.Object(
        {
          kboNumber: Type.String({ maxLength: 10, description: 'Its KBO number' }),
          name: Type.String({ maxLength: 200, description: 'Its name in the reader’s language' }),
        },
        { additionalProperties: false, description: 'The CPAS filing the form' },
      ),
      indicatorSet: IndicatorsSchema.properties.indicatorSet,
      lines: Type.Array(RapportUniqueLineSchema, {
        maxItems: 200,
        description: 'The form’s lines in order: identification, then its figures',
      }),
      modules: Type.Optional(
        Type.Array(PasModuleRowSchema, {
          maxItems: 100_000,
          description: 'pas: the collective-modules table (R-PAS-MODULES)',
        }),
      ),
      expenses: Type.Array(ExpenseSchema, {
        maxItems: 100_000,
        description: 'The costs justified against the form’s subsidies, each with its verdict',
      }),
    },
    { additionalProperties: false },
  ),
);

export const RapportUniqueQuery = Type.Object(
  {
    year: Type.Optional(Int(2002, 2100, 'The year (default: the current year)')),
    format: Format,
    delimiter: Delimiter,
    section: Type.Optional(
      Type.Union([Type.Literal('lines'), Type.Literal('modules'), Type.Literal('expenses'), Type.Literal('months')], {
        description:
          'CSV only: the section to download (default lines); an XLSX holds every section, one sheet each. modules: ' +
          'pas only; months (each person’s months, named by NISS and name): piis10 only',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RapportUniqueParams = Type.Object(
  { form: Type.Union([Type.Literal('pas'), Type.Literal('piis10')], { description: 'The form' }) },
  { additionalProperties: false },
);

export type RapportUniqueLine = Static<typeof RapportUniqueLineSchema>;
export type RapportUnique = Static<typeof RapportUniqueSchema>;
export type RapportUniqueQuery = Static<typeof RapportUniqueQuery>;
