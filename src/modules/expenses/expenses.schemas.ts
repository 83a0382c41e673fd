import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import {
  codeUnion,
  Actor,
  ExternalRef,
  ExternalRefFilter,
  ExternalRefOut,
  Explained,
  Instant,
  Int,
  ListQuery,
  Nullable,
  Text,
  Uuid,
} from '../../http/schemas.js';
import { ACTIVATION_KINDS } from '../../rules/activation-kinds.js';
import { STAFF_ROLES, SUBSIDIES } from '../../rules/expenses.js';

export const Subsidy = Type.Enum(SUBSIDIES, {
  description:
    'piis10: the 10% PIIS subsidy; pas: the social-activation subsidy (from 2017); pas2015 and clusters2015: the two ' +
    'subsidies of the 2015–2016 social-activation convention (participation and social activation; clusters of small ' +
    'CPAS and large cities), for 2015 and 2016 only',
});
const Activation = Type.Enum(ACTIVATION_KINDS, {
  description:
    'What the cost serves: social or professional activation (R-SOCIAL-ACTIVATION). A cost of professional ' +
    'activation is never justified against a social-activation subsidy (pas, pas2015, clusters2015: R-PAS-COSTS); ' +
    'required for a cost justified against one (422 activation-mark-missing), except a building purchase or a ' +
    'renovation, refused whatever they serve',
});
const StaffRole = Type.Enum(STAFF_ROLES, {
  description:
    'coaching (PIIS or social activation), or the extra administrative or ICT staff paid by the staff subsidy of ' +
    'art. 40, never by the 10% (R-SUB-COSTS); coaching when omitted',
});
export const Category = codeUnion('expenseCategory', 'What the expense is');
const Cents = (description: string) => Int(1, 100_000_000_000, description);
const Staff = Type.Object(
  {
    timeShare: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'The share of working time assigned (0–1)',
    }),
    assignmentProof: Type.Optional(Text('The proof of assignment (document reference)', 500)),
    role: Type.Optional(StaffRole),
  },
  {
    additionalProperties: false,
    description: 'For a staff cost: the share of working time assigned and its proof (R-SUB-COSTS)',
  },
);

export const ExpenseBody = Type.Object(
  {
    year: Int(2002, 2100, 'The year justified'),
    subsidy: Subsidy,
    category: Category,
    amountCents: Cents('The amount, in cents'),
    description: Text('What was paid'),
    activation: Type.Optional(Activation),
    staff: Type.Optional(Staff),
    linkJustification: Type.Optional(Text('How the expense is linked to PIIS coaching (rent)')),
    invoiceRef: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'The invoice or payslip reference (one expense, one subsidy: R-PAS-COSTS)',
      }),
    ),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);

export const ExpenseSchema = named(
  'Expense',
  Type.Object(
    {
      id: Uuid('Expense id'),
      year: Int(2002, 2100, 'Year'),
      subsidy: Subsidy,
      category: Category,
      amountCents: Cents('Amount, in cents'),
      description: Type.String({ maxLength: 2000, description: 'What was paid' }),
      activation: Nullable(Activation),
      staff: Nullable(
        Type.Object(
          {
            timeShare: Type.Number({ minimum: 0, maximum: 1, description: 'The share of working time assigned (0–1)' }),
            assignmentProof: Nullable(Type.String({ maxLength: 500 }), 'The proof of assignment; null when none'),
            role: StaffRole,
          },
          { additionalProperties: false },
        ),
        'A staff cost’s assignment (R-SUB-COSTS); null for any other cost',
      ),
      linkJustification: Nullable(
        Type.String({ maxLength: 2000 }),
        'How the expense is linked to PIIS coaching (rent); null when not given',
      ),
      invoiceRef: Nullable(Type.String({ maxLength: 100 }), 'The invoice or payslip reference; null when not given'),
      externalRef: ExternalRefOut,
      verdict: Explained(
        Type.Boolean(),
        'Whether the expense may be justified against its subsidy (R-SUB-COSTS, R-PAS-COSTS)',
      ),
      eligibleCents: Int(0, 100_000_000_000, 'The part that counts, in cents (staff: the share of working time)'),
      recordedAt: Instant('Recorded at'),
      recordedBy: Actor('Who recorded it'),
    },
    { additionalProperties: false },
  ),
);

export const ExpenseListQuery = Type.Object(
  {
    year: Type.Optional(Int(2002, 2100, 'Year')),
    subsidy: Type.Optional(Subsidy),
    category: Type.Optional(Category),
    externalRef: ExternalRefFilter,
    limit: ListQuery.limit,
    cursor: ListQuery.cursor,
  },
  { additionalProperties: false },
);

export type ExpenseBody = Static<typeof ExpenseBody>;
export type Expense = Static<typeof ExpenseSchema>;
export type ExpenseListQuery = Static<typeof ExpenseListQuery>;
