// Facts about a beneficiary: right decisions (R-RIGHT), situations, exemptions (R-EXEMPT).
// Corrected or voided, never edited (R-CORRECT).
import { Type, type Static } from 'typebox';
import {
  codeUnion,
  CivilDate,
  DateOut,
  ExternalRef,
  ExternalRefFilter,
  ExternalRefOut,
  Instant,
  Int,
  ListQuery,
  Nullable,
  Text,
  Uuid,
} from '../../http/schemas.js';
import { named } from '../../http/openapi-components.js';

const Correction = {
  supersedes: Type.Optional(Uuid('The fact this one corrects; it stops being in force (R-CORRECT)')),
  reason: Type.Optional(Text('Why the earlier fact is corrected (required with supersedes)', 2000)),
  externalRef: Type.Optional(ExternalRef),
};

const Recorded = {
  id: Uuid('Fact id'),
  beneficiaryId: Uuid('Beneficiary'),
  supersedes: Type.Union([Uuid('Corrected fact'), Type.Null()], { description: 'The fact this one corrects' }),
  correctionReason: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'Why it corrects it' }),
  supersededBy: Type.Union([Uuid('Correcting fact'), Type.Null()], {
    description: 'The fact that corrects this one, if any',
  }),
  inForce: Type.Boolean({ description: 'Neither voided nor superseded' }),
  voidedAt: Nullable(Instant('Voided at'), 'When it was voided; null while not voided'),
  voidReason: Nullable(Type.String({ maxLength: 2000 }), 'Why it was voided; null while not voided'),
  externalRef: ExternalRefOut,
  recordedAt: Instant('Recorded at'),
  recordedBy: Type.String({ maxLength: 200, description: 'Who recorded it (token sub)' }),
};

const RightKind = codeUnion('rightKind', 'Grant of RI, of equivalent aid, or end of the right');
const Category = codeUnion('rightCategory', 'RI category 1, 2 or 3');
const Cents = Int(0, 100_000_000, 'Monthly amount in euro cents');

export const RightCreateBody = Type.Object(
  {
    kind: RightKind,
    category: Type.Optional(Category),
    decidedOn: CivilDate('Date of the CPAS decision'),
    notifiedOn: Type.Optional(CivilDate('Date the decision was notified')),
    startsOn: CivilDate('First day the decision applies'),
    monthlyAmountCents: Type.Optional(Cents),
    householdAmountCents: Type.Optional(
      Int(
        0,
        100_000_000,
        'R-SUB-COUPLE: for a couple on the category-3 (family) rate whose amount the CPAS pays split between the ' +
          'partners, the household’s whole category-3 amount in euro cents; `monthlyAmountCents` is then this ' +
          'partner’s share. Omit when this decision carries the whole amount',
      ),
    ),
    ...Correction,
  },
  { additionalProperties: false },
);
export const RightSchema = named(
  'RightDecision',
  Type.Object(
    {
      ...Recorded,
      kind: RightKind,
      category: Type.Union([Category, Type.Null()]),
      decidedOn: DateOut('Date of the CPAS decision'),
      notifiedOn: Nullable(
        DateOut('Date the decision was notified'),
        'Date the decision was notified; null when not recorded',
      ),
      startsOn: DateOut('First day the decision applies'),
      monthlyAmountCents: Nullable(Cents, 'Monthly amount in euro cents; null for an end of the right'),
      householdAmountCents: Type.Union([Cents, Type.Null()], {
        description:
          'R-SUB-COUPLE: the household’s whole category-3 amount when this decision is a partner’s share of it; null ' +
          'when it carries the whole amount',
      }),
    },
    { additionalProperties: false },
  ),
);

const SituationKind = codeUnion(
  'situationKind',
  'The situation: employment, full-time studies (R-STUDENT) or training',
);
export const SituationCreateBody = Type.Object(
  {
    kind: SituationKind,
    startsOn: CivilDate('First day'),
    endsOn: Type.Optional(CivilDate('Last day; open-ended when omitted')),
    ...Correction,
  },
  { additionalProperties: false },
);
export const SituationSchema = named(
  'Situation',
  Type.Object(
    {
      ...Recorded,
      kind: SituationKind,
      startsOn: DateOut('First day'),
      endsOn: Nullable(DateOut('Last day'), 'Last day; null while open-ended'),
    },
    { additionalProperties: false },
  ),
);

const ExemptionReason = codeUnion(
  'exemptionReason',
  'Why the person is exempted from a PIIS (R-EXEMPT): health or equity reasons',
);
export const ExemptionCreateBody = Type.Object(
  {
    reason: ExemptionReason,
    decidedOn: CivilDate('Date of the decision to exempt'),
    motivation: Text('The motivation of the decision'),
    supersedes: Correction.supersedes,
    correctionReason: Type.Optional(Text('Why the earlier exemption is corrected (required with supersedes)')),
    externalRef: Correction.externalRef,
  },
  { additionalProperties: false },
);
export const ExemptionSchema = named(
  'Exemption',
  Type.Object(
    {
      ...Recorded,
      reason: ExemptionReason,
      decidedOn: DateOut('Date of the decision to exempt'),
      motivation: Type.String({ maxLength: 2000, description: 'The motivation of the decision' }),
    },
    { additionalProperties: false },
  ),
);

export const VoidBody = Type.Object({ reason: Text('Why the fact is void') }, { additionalProperties: false });

export const FactListQuery = Type.Object(
  {
    includeVoided: Type.Optional(
      Type.Boolean({ default: false, description: 'Also list voided and superseded facts' }),
    ),
    externalRef: ExternalRefFilter,
    limit: ListQuery.limit,
    cursor: ListQuery.cursor,
  },
  { additionalProperties: false },
);

export type RightCreateBody = Static<typeof RightCreateBody>;
export type SituationCreateBody = Static<typeof SituationCreateBody>;
export type ExemptionCreateBody = Static<typeof ExemptionCreateBody>;
export type FactListQuery = Static<typeof FactListQuery>;
