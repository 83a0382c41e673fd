import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { CivilDate, ListQuery, Uuid } from '../../http/schemas.js';

export const DeadlineKind = Type.Union(
  [
    Type.Literal('piis-conclusion'),
    Type.Literal('reflection-end'),
    Type.Literal('hearing-pending'),
    Type.Literal('evaluation'),
    Type.Literal('interview'),
    Type.Literal('piis-end'),
    Type.Literal('subsidy-extension'),
    Type.Literal('sanction-appeal'),
  ],
  { description: 'What the deadline is for' },
);
export const DeadlineStatus = Type.Union(
  [Type.Literal('upcoming'), Type.Literal('due'), Type.Literal('overdue'), Type.Literal('met')],
  {
    description: 'upcoming before its day, due on it, overdue after it, met once its fact is recorded',
  },
);

export const DeadlineSchema = named(
  'Deadline',
  Type.Object(
    {
      kind: DeadlineKind,
      dueOn: Type.String({ format: 'date', maxLength: 10, description: 'The day it falls due' }),
      status: DeadlineStatus,
      beneficiaryId: Uuid('The beneficiary'),
      piisId: Type.Optional(Uuid('The PIIS, when the deadline belongs to one')),
      recordId: Type.Optional(Uuid('The hearing request, interview request or sanction it follows from')),
      rule: Type.String({ maxLength: 50, description: 'Rule id' }),
      explanation: Type.String({ maxLength: 2000, description: 'Which facts and rule produced the date' }),
    },
    { additionalProperties: false },
  ),
);

export const DeadlineListQuery = Type.Object(
  {
    from: Type.Optional(CivilDate('Only deadlines due on or after this day')),
    to: Type.Optional(CivilDate('Only deadlines due on or before this day')),
    kind: Type.Optional(DeadlineKind),
    status: Type.Optional(DeadlineStatus),
    limit: ListQuery.limit,
    cursor: ListQuery.cursor,
  },
  { additionalProperties: false },
);

export type Deadline = Static<typeof DeadlineSchema>;
export type DeadlineListQuery = Static<typeof DeadlineListQuery>;
