// Assessments (bilan social, R-ASSESS-*): the baseline and later measurements of a person on the
// default instrument (domain scores 1–5, participation rung 1–6) or another named by code.
import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import {
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
  codeUnion,
} from '../../http/schemas.js';

export const Domain = codeUnion('domain', 'Domain code of the rulebook (R-ASSESS-BASELINE instrument)');
const Kind = codeUnion('assessmentKind', 'initial (baseline), intermediate or final');
const DomainScore = Type.Object(
  { domain: Domain, score: Int(1, 5, 'Self-sufficiency: 1 acute problems … 5 fully self-reliant') },
  { additionalProperties: false, description: 'The score of one domain' },
);
const Rung = Int(1, 6, 'Participation ladder: 1 isolated … 6 paid work');
const Instrument = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[a-z0-9][a-z0-9_.-]*$',
  description: 'Instrument code (default: the service’s default instrument)',
});
const Barriers = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 50,
  description: 'Barriers ("freins"): domain codes or short texts',
});

export const AssessmentCreateBody = Type.Object(
  {
    performedOn: CivilDate('Date the assessment was performed'),
    kind: Kind,
    instrument: Type.Optional(Instrument),
    domainScores: Type.Optional(Type.Array(DomainScore, { maxItems: 30, description: 'One score per domain' })),
    participationRung: Type.Optional(Rung),
    aspirations: Type.Optional(Text('Aspirations')),
    aptitudes: Type.Optional(Text('Aptitudes')),
    qualifications: Type.Optional(Text('Qualifications')),
    needs: Type.Optional(Text('Needs')),
    barriers: Type.Optional(Barriers),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);

const nullableText = (description: string) =>
  Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description });

export const AssessmentSchema = named(
  'Assessment',
  Type.Object(
    {
      id: Uuid('Assessment id'),
      beneficiaryId: Uuid('Beneficiary'),
      performedOn: DateOut('Date the assessment was performed'),
      kind: Kind,
      instrument: Type.String({ maxLength: 100, description: 'Instrument code' }),
      domainScores: Type.Array(DomainScore, { maxItems: 30, description: 'One score per domain' }),
      participationRung: Nullable(Rung, 'Participation ladder: 1 isolated … 6 paid work; null when not measured'),
      aspirations: nullableText('Aspirations'),
      aptitudes: nullableText('Aptitudes'),
      qualifications: nullableText('Qualifications'),
      needs: nullableText('Needs'),
      barriers: Barriers,
      externalRef: ExternalRefOut,
      recordedAt: Instant('Recorded at'),
      recordedBy: Type.String({ maxLength: 200, description: 'Who recorded it (token sub)' }),
    },
    { additionalProperties: false },
  ),
);

export const AssessmentListQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    externalRef: ExternalRefFilter,
    limit: ListQuery.limit,
    cursor: ListQuery.cursor,
  },
  { additionalProperties: false },
);

export const AssessmentParams = Type.Object({ assessmentId: Uuid('Assessment id') }, { additionalProperties: false });

export type AssessmentCreateBody = Static<typeof AssessmentCreateBody>;
export type Assessment = Static<typeof AssessmentSchema>;
export type AssessmentListQuery = Static<typeof AssessmentListQuery>;
