// The PIIS and its facts as the API answers them: each recorded fact with its correction state
// (R-CORRECT), the PIIS with its computed dates and flags, each explained, its versions and timeline.
import { Type, type TSchema } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { Actor, Explained, Instant, Int, Nullable, Uuid, codeUnion } from '../../http/schemas.js';

import {
  Date_,
  NullableDate,
  NullableText,
  Track,
  Obligation,
  PiisStatus,
  Party,
  ContentSchema,
  Person,
  Waiver,
  ObjectiveProgress,
  CommitmentsKept,
  Mode,
} from './piis.shapes.js';

const recordFields = {
  id: Uuid('Record id'),
  piisId: Uuid('The PIIS'),
  supersedes: Nullable(Uuid('The record this one corrects')),
  correctionReason: NullableText('Why it corrects it'),
  supersededBy: Nullable(Uuid('The record that corrects this one')),
  inForce: Type.Boolean({ description: 'Neither voided nor superseded (R-CORRECT)' }),
  voidedAt: Nullable(Instant('Voided at')),
  voidReason: NullableText('Why it was voided'),
  externalRef: NullableText('The calling software’s own id', 100),
  recordedAt: Instant('Recorded at'),
  recordedBy: Type.String({ maxLength: 200, description: 'Who recorded it (token sub)' }),
};
const record = (fields: Record<string, TSchema>, description: string) =>
  Type.Object({ ...recordFields, ...fields }, { additionalProperties: false, description });

export const HearingRequestSchema = named(
  'HearingRequest',
  record(
    {
      requestedOn: Date_('Requested on'),
      heldOn: NullableDate('Held on'),
      withdrawnOn: NullableDate('Withdrawn on'),
      pending: Type.Boolean({ description: 'Neither held nor withdrawn: blocks signature (R-HEARING)' }),
    },
    'A hearing request (R-HEARING)',
  ),
);
export const SignatureSchema = named(
  'Signature',
  record(
    {
      version: Int(1, 100000, 'The contract version signed'),
      party: Party,
      thirdPartyName: NullableText('Third party', 200),
      signedOn: Date_('Signed on'),
      signatoryName: Type.String({ maxLength: 200, description: 'Who signed (for the CPAS: its signatory)' }),
      notedByCouncilOn: NullableDate('Council took note on'),
      piisStatus: Type.Optional(PiisStatus),
    },
    'A signature of one party (R-PARTIES)',
  ),
);
export const EvaluationSchema = named(
  'Evaluation',
  record(
    {
      version: Int(1, 100000, 'The contract version evaluated (R-EVAL-CONTENT)'),
      heldOn: Date_('Held on'),
      mode: Mode,
      objectives: Type.Array(ObjectiveProgress, { maxItems: 50, description: 'Progress per objective' }),
      commitmentsKept: CommitmentsKept,
      assessmentId: Nullable(Uuid('New measurement')),
      adjustments: NullableText('Adjustments'),
      prolongationMotivation: NullableText('Motivation for a second subsidy year'),
    },
    'An evaluation (R-EVAL-CONTENT)',
  ),
);
export const InterviewRequestSchema = named(
  'InterviewRequest',
  record(
    {
      requestedOn: Date_('Requested on'),
      heldOn: NullableDate('Held on'),
      dueOn: Explained(Date_('Due on'), 'When the interview must be granted (R-EVAL-INTERVIEW)'),
    },
    'An interview request (R-EVAL-INTERVIEW)',
  ),
);
export const NoticeSchema = named(
  'Notice',
  record(
    {
      issuedOn: Date_('Issued on'),
      breach: Type.String({ maxLength: 2000, description: 'The breach the person is invited to remedy' }),
      complyBy: Date_('Comply by'),
    },
    'A formal notice (R-SANCTION-NOTICE)',
  ),
);
export const SanctionSchema = named(
  'Sanction',
  record(
    {
      noticeId: Uuid('The notice'),
      decidedOn: Date_('Decided on'),
      notifiedOn: Date_('Notified on'),
      hearing: Type.Object(
        {
          requested: Type.Boolean({ description: 'Whether the person asked to be heard' }),
          heldOn: NullableDate('Held on'),
        },
        { additionalProperties: false, description: 'The hearing before the decision' },
      ),
      noLegitimateReason: Type.Boolean({ description: 'The CPAS found no legitimate reason for the breach' }),
      suspensionStartsOn: Date_('First day of the suspension'),
      suspensionEndsOn: Date_('Last day of the suspension'),
      partialPercent: Nullable(Int(1, 100, 'Share suspended')),
      suspendedSentence: Type.Boolean({ description: 'The suspension is itself suspended (sursis)' }),
      maxMonths: Explained(Int(1, 12, 'months'), 'The longest suspension allowed (R-SANCTION-LENGTH)'),
      appealDeadline: Explained(Date_('Last day to appeal'), 'The appeal deadline (R-SANCTION-APPEAL)'),
    },
    'A sanction (R-SANCTION-*)',
  ),
);
export const SubsidyExtensionSchema = named(
  'SubsidyExtension',
  record(
    {
      requestedOn: Date_('Requested on'),
      motivation: Type.String({
        maxLength: 2000,
        description: 'Why the person is particularly far from integration (R-SUB-SECOND)',
      }),
      evaluationId: Nullable(Uuid('Evaluation')),
      verdict: Explained(
        Type.Boolean(),
        'Whether the second year (code 17) is due, on the facts in force now (R-SUB-SECOND); the subsidy report ' +
          'applies the same verdict',
      ),
    },
    'A request for a second subsidy year (R-SUB-SECOND) with its computed verdict',
  ),
);

const ExplainedDate = (description: string) => Explained(Date_('date'), description);
const ExplainedFlag = (description: string) => Explained(Type.Boolean(), description);

export const PiisSchema = named(
  'Piis',
  Type.Object(
    {
      id: Uuid('PIIS id'),
      beneficiaryId: Uuid('Beneficiary'),
      track: Track,
      obligation: Obligation,
      draftedOn: Date_('Drafted on'),
      status: PiisStatus,
      version: Int(1, 100000, 'The current content version (R-SIGNED-VERSION)'),
      revision: Int(1, 1_000_000_000, 'Changes so far; the ETag names it'),
      ...ContentSchema.properties,
      baselineAssessmentId: Nullable(Uuid('Baseline assessment')),
      reusesPiisId: Nullable(Uuid('Reused earlier PIIS')),
      handover: Nullable(
        Type.Object(
          {
            handedOverOn: Date_('Handed over on'),
            informedOn: Date_('Informed on (R-INFORM)'),
            assistedBy: Nullable(Person, 'Who assisted the person (R-ASSIST); null when no one did'),
            reflectionWaiver: Nullable(
              Waiver,
              'The written waiver of the rest of the reflection period (R-REFLECT); null when none',
            ),
          },
          { additionalProperties: false, description: 'The handover for reflection (R-REFLECT, R-ASSIST, R-INFORM)' },
        ),
      ),
      signedOn: NullableDate(
        'Date the contract was concluded: the later of the beneficiary’s and the CPAS’s signatures (R-PARTIES)',
      ),
      closure: Nullable(
        Type.Object(
          {
            endedOn: Date_('Ended on'),
            outcome: Type.String({ maxLength: 50, description: 'Outcome code (R-CLOSE; GET /v1/codes/closeOutcome)' }),
            note: NullableText('Note'),
          },
          { additionalProperties: false, description: 'R-CLOSE' },
        ),
      ),
      externalRef: NullableText('The calling software’s own id', 100),
      earliestSignatureOn: ExplainedDate('Earliest signature date (R-REFLECT); null before handover'),
      reflectionEndsOn: ExplainedDate('Last day of the reflection period (R-REFLECT)'),
      conclusionDue: ExplainedDate('Date by which a compulsory PIIS must be concluded (R-OBLIG-DEADLINE)'),
      nextEvaluationDue: ExplainedDate('Next evaluation due (R-EVAL-FREQ); null when not signed or closed'),
      subsidy: ExplainedDate('First day the 10% subsidy is due (R-SUB-START), with the first period'),
      progress: ExplainedFlag(
        'Progress since the baseline assessment at the reference date: today, or the end date once closed (R-PROGRESS)',
      ),
      compliance: Type.Object(
        {
          concludedInTime: ExplainedFlag('Concluded within 3 months of the grant (R-OBLIG-DEADLINE)'),
          reflectionRespected: ExplainedFlag('Signed after the full reflection period (R-REFLECT)'),
          evaluationFrequency: ExplainedFlag('Minimum evaluations per 12 months met (R-EVAL-FREQ)'),
          inPersonEvaluations: ExplainedFlag('In-person minimum per 12 months met (R-EVAL-FREQ)'),
          pastEnd: ExplainedFlag(
            'True when the contract’s end date has passed and no close is recorded: close or prolong it (R-CLOSE); ' +
              'the piis-end deadline is overdue too',
          ),
          pathDuration: ExplainedFlag(
            'A social-activation path (2.1–2.3) started under the 2015–2016 convention: true when it ends within its ' +
              'one-year maximum, false beyond it (R-DURATION); null for any other contract',
          ),
        },
        {
          additionalProperties: false,
          description:
            'The contract’s compliance with the rules the SPP IS counts (R-IND-COMPLIANCE), each flag explained',
        },
      ),
      createdAt: Instant('Created at'),
      createdBy: Actor('Who created it'),
      updatedAt: Instant('Updated at'),
    },
    { additionalProperties: false },
  ),
);

export const VersionSchema = named(
  'PiisVersion',
  Type.Object(
    {
      piisId: Uuid('The PIIS'),
      version: Int(1, 100000, 'Version number'),
      kind: codeUnion('versionKind', 'The first version, an amendment or a prolongation (R-AMEND, R-PROLONG)'),
      content: ContentSchema,
      effectiveOn: NullableDate('First day this version applies (amendments)'),
      reason: NullableText('Why it was amended'),
      informedOn: NullableDate('Date the person was informed (R-INFORM)'),
      signed: Type.Boolean({
        description: 'The beneficiary and the CPAS have signed this version (then immutable, R-SIGNED-VERSION)',
      }),
      signatures: Type.Array(SignatureSchema, { maxItems: 50, description: 'Signatures in force of this version' }),
      createdAt: Instant('Created at'),
      createdBy: Actor('Who created it'),
    },
    { additionalProperties: false },
  ),
);

export const TimelineEvent = Type.Object(
  {
    id: Uuid('Event id'),
    type: Type.String({ maxLength: 100, description: 'e.g. piis.created, piis.signed' }),
    occurredAt: Instant('When it was recorded'),
    actor: Type.String({ maxLength: 200, description: 'Who did it (token sub)' }),
    data: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
      description: 'Ids and facts of the event (no personal data)',
    }),
  },
  { additionalProperties: false },
);
