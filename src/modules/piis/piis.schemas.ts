// The PIIS and its facts as the API speaks them. One source of truth per shape: the TypeBox
// schemas below give the validation, the OpenAPI document and the TypeScript types.
import { Type, type Static, type TSchema } from 'typebox';
import { named } from '../../http/openapi-components.js';
import {
  Actor,
  CivilDate,
  Explained,
  ExternalRef,
  ExternalRefFilter,
  Instant,
  Int,
  ListQuery,
  Nullable,
  ruled,
  Text,
  Uuid,
  codeUnion,
} from '../../http/schemas.js';

const Date_ = (description: string) => Type.String({ format: 'date', maxLength: 10, description });
const NullableDate = (description: string) => Type.Union([Date_(description), Type.Null()], { description });
const NullableText = (description: string, maxLength = 2000) =>
  Type.Union([Type.String({ maxLength }), Type.Null()], { description });

export const Track = codeUnion('track', 'general (federal code 11) or student (codes 9/10) (R-KIND)');
export const Obligation = codeUnion(
  'obligation',
  'compulsory (R-OBLIG-NEW, R-STUDENT), optional (R-OPT-EMPLOYED) or coaching (R-OPT-OTHER-USERS)',
);
export const PiisStatus = codeUnion(
  'piisStatus',
  'draft → in_reflection → signed (before its start date) / active → closed',
);
export const Party = codeUnion('party', 'A party to the contract (R-PARTIES)');
const Domain = codeUnion('domain', 'Domain code of the rulebook');
const ActivationCategory = codeUnion(
  'activationCategory',
  'SPP IS social-activation path: 2.1, 2.2, 2.3 (R-KIND, R-VOLUNTEERING), or community_service (R-COMMUNITY-SERVICE)',
);
const ObjectiveKey = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  description: 'Key of the objective, unique within the contract',
});

const Objective = Type.Object(
  {
    key: ObjectiveKey,
    domain: Domain,
    description: Text('What the objective is'),
    dueOn: Type.Optional(Nullable(CivilDate('Own due date of the objective (optional)'))),
  },
  { additionalProperties: false },
);
const Commitment = Type.Object(
  {
    party: Party,
    thirdPartyName: Type.Optional(Nullable(Text('Name of the third party (required for third_party)', 200))),
    description: Text('What the party commits to'),
    objectiveKeys: Type.Array(ObjectiveKey, { maxItems: 50, description: 'The objectives this commitment serves' }),
  },
  { additionalProperties: false },
);

/** The content of a contract version (R-CONTENT): complete at handover, signature and amendment. */
const contentFields = {
  domains: Type.Array(Domain, { maxItems: 30, uniqueItems: true, description: 'Domains of activity' }),
  activationCategory: Nullable(
    ActivationCategory,
    'SPP IS social-activation path (2.1, 2.2, 2.3) or community_service; null for another PIIS',
  ),
  objectives: Type.Array(Objective, { maxItems: 50, description: 'Objectives' }),
  commitments: Type.Array(Commitment, { maxItems: 100, description: 'Commitments of each party, tied to objectives' }),
  startsOn: CivilDate('First day of the contract (R-DURATION)'),
  endsOn: CivilDate('Last day of the contract (R-DURATION)'),
  evaluationArrangements: Text('How and when the contract is evaluated'),
  supplementaryAid: Text('Supplementary aid granted (registration, insurance, work clothing, travel…)'),
};
type ContentKey = keyof typeof contentFields;
const contentKeys = Object.keys(contentFields) as ContentKey[];

const optionalContent = Object.fromEntries(contentKeys.map((k) => [k, Type.Optional(contentFields[k])])) as {
  [K in ContentKey]: ReturnType<typeof Type.Optional<(typeof contentFields)[K]>>;
};
const patchableContent = Object.fromEntries(contentKeys.map((k) => [k, Type.Optional(Nullable(contentFields[k]))])) as {
  [K in ContentKey]: ReturnType<typeof Type.Optional<ReturnType<typeof Nullable<(typeof contentFields)[K]>>>>;
};

export const ContentSchema = named(
  'PiisContent',
  Type.Object(
    {
      domains: contentFields.domains,
      activationCategory: Nullable(
        ActivationCategory,
        'SPP IS social-activation path (2.1, 2.2, 2.3) or community_service; null for another PIIS',
      ),
      objectives: contentFields.objectives,
      commitments: contentFields.commitments,
      startsOn: NullableDate('First day'),
      endsOn: NullableDate('Last day'),
      evaluationArrangements: NullableText('Evaluation arrangements'),
      supplementaryAid: NullableText('Supplementary aid'),
    },
    {
      additionalProperties: false,
      description: 'Content of a version; fields not yet written in a draft are null or empty',
    },
  ),
);

export const PiisCreateBody = Type.Object(
  {
    track: Track,
    obligation: Obligation,
    draftedOn: CivilDate('Date the draft was written'),
    ...optionalContent,
    baselineAssessmentId: Type.Optional(Uuid('The assessment this PIIS starts from (R-ASSESS-BASELINE)')),
    reusesPiisId: Type.Optional(Uuid('An earlier PIIS of the person, updated and re-signed (R-REUSE)')),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);

export const PiisPatchBody = Type.Object(
  {
    track: Type.Optional(Track),
    obligation: Type.Optional(Obligation),
    draftedOn: Type.Optional(CivilDate('Date the draft was written')),
    ...patchableContent,
    baselineAssessmentId: Type.Optional(Nullable(Uuid('Baseline assessment'))),
    reusesPiisId: Type.Optional(Nullable(Uuid('Reused earlier PIIS'))),
    externalRef: Type.Optional(Nullable(ExternalRef)),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'JSON merge patch (RFC 7396) of a draft; null removes a value',
  },
);

const Person = Type.Object(
  { name: Text('Name', 200), relation: Text('Relation to the person', 200) },
  { additionalProperties: false, description: 'The person of their choice who assisted them (R-ASSIST)' },
);
const Waiver = Type.Object(
  { recordedOn: CivilDate('Date the written waiver was recorded'), statement: Text('The person’s written waiver') },
  {
    additionalProperties: false,
    description:
      'The person’s written waiver of the rest of the reflection period (R-REFLECT); only where the rulebook allows it',
  },
);

export const HandoverBody = Type.Object(
  {
    handedOverOn: CivilDate('Date the draft was handed to the person for reflection'),
    informedOn: CivilDate('Date the person was informed of content, scope and consequences (R-INFORM)'),
    assistedBy: Nullable(Person, 'The person of their choice who assisted them (R-ASSIST); null when no one did'),
    reflectionWaiver: Type.Optional(Waiver),
  },
  { additionalProperties: false },
);

const Corrects = {
  supersedes: Type.Optional(Uuid('The record this one corrects; it stops being in force (R-CORRECT)')),
  reason: Type.Optional(Text('Why the earlier record is corrected (required with supersedes)')),
  externalRef: Type.Optional(ExternalRef),
};

export const HearingRequestBody = Type.Object(
  { requestedOn: CivilDate('Date the person asked to be heard'), ...Corrects },
  { additionalProperties: false },
);
export const HearingOutcomeBody = Type.Object(
  {
    heldOn: Type.Optional(CivilDate('Date the hearing was held')),
    withdrawnOn: Type.Optional(CivilDate('Date the request was withdrawn')),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    description: 'Exactly one of heldOn or withdrawnOn',
  },
);
export const SignatureBody = Type.Object(
  {
    party: Party,
    thirdPartyName: Type.Optional(Text('Name of the third party (required for third_party)', 200)),
    signedOn: CivilDate('Date of this party’s signature'),
    signatoryName: Text('Who signed (for the CPAS: its signatory)', 200),
    notedByCouncilOn: Type.Optional(CivilDate('Date the council took note of the signed PIIS (R-SUB-START)')),
    ...Corrects,
  },
  { additionalProperties: false },
);
const ObjectiveProgress = Type.Object(
  {
    key: ObjectiveKey,
    status: codeUnion('objectiveStatus', 'Where the objective stands: achieved, progressing, not started or abandoned'),
    note: Type.Optional(Text('Note on this objective')),
  },
  { additionalProperties: false, description: 'The progress of one objective' },
);
const CommitmentsKept = Type.Object(
  {
    beneficiary: Type.Boolean({ description: 'The person kept their commitments' }),
    cpas: Type.Boolean({ description: 'The CPAS kept its commitments' }),
  },
  { additionalProperties: false, description: 'Whether each party kept its commitments' },
);
const Mode = codeUnion('evaluationMode', 'in_person counts towards the 2 in-person meetings (R-EVAL-FREQ)');
export const EvaluationBody = Type.Object(
  {
    heldOn: CivilDate('Date of the evaluation'),
    mode: Mode,
    objectives: Type.Array(ObjectiveProgress, { maxItems: 50, description: 'Progress per objective (possibly empty)' }),
    commitmentsKept: CommitmentsKept,
    assessmentId: Type.Optional(Uuid('A new measurement with the assessment instrument')),
    adjustments: Type.Optional(Text('Adjustments agreed')),
    prolongationMotivation: Type.Optional(Text('Motivation for a second subsidy year (R-SUB-SECOND)')),
    ...Corrects,
  },
  { additionalProperties: false },
);
export const InterviewRequestBody = Type.Object(
  { requestedOn: CivilDate('Date the person asked for an interview'), ...Corrects },
  { additionalProperties: false },
);
export const InterviewHeldBody = Type.Object(
  { heldOn: CivilDate('Date the interview was held') },
  { additionalProperties: false },
);
const AmendmentSignature = Type.Object(
  {
    party: Party,
    thirdPartyName: Type.Optional(Text('Name of the third party', 200)),
    signedOn: CivilDate('Date of this party’s signature of the amendment'),
    signatoryName: Text('Who signed', 200),
  },
  { additionalProperties: false },
);
export const AmendmentBody = Type.Object(
  {
    effectiveOn: CivilDate('First day the amended content applies'),
    reason: Text('Why the contract is amended (or prolonged, R-PROLONG)'),
    informedOn: CivilDate('Date the person was informed of the amendment (R-INFORM)'),
    ...optionalContent,
    signatures: Type.Array(AmendmentSignature, {
      minItems: 1,
      maxItems: 10,
      description: 'Signatures of the amendment: the beneficiary and the CPAS at least (R-AMEND)',
    }),
  },
  { additionalProperties: false },
);
export const CloseBody = Type.Object(
  {
    endedOn: CivilDate('Actual end date'),
    outcome: codeUnion('closeOutcome', 'Outcome (R-CLOSE, feeds R-IND-OUTCOMES)'),
    note: Type.Optional(Text('Note')),
  },
  { additionalProperties: false },
);
export const NoticeBody = Type.Object(
  {
    issuedOn: CivilDate('Date the written formal notice was issued'),
    breach: Text('The breach the person is invited to remedy'),
    complyBy: CivilDate('Date by which the person is to comply'),
    ...Corrects,
  },
  { additionalProperties: false },
);
export const SanctionBody = Type.Object(
  {
    noticeId: Uuid('The formal notice issued before the decision (R-SANCTION-NOTICE)'),
    decidedOn: CivilDate('Date of the decision'),
    notifiedOn: CivilDate('Date the decision was notified'),
    hearing: Type.Object(
      {
        requested: Type.Boolean({ description: 'Whether the person asked to be heard' }),
        heldOn: Type.Optional(CivilDate('Date of the hearing')),
      },
      {
        additionalProperties: false,
        description: 'The hearing before the decision: asked for or not, and when it was held (R-SANCTION-NOTICE)',
      },
    ),
    noLegitimateReason: Type.Literal(true, { description: 'The CPAS found no legitimate reason for the breach' }),
    suspensionStartsOn: CivilDate('First day of the suspension (R-SANCTION-START)'),
    suspensionEndsOn: CivilDate('Last day of the suspension (R-SANCTION-LENGTH)'),
    partialPercent: Type.Optional(
      ruled(
        Int(1, 100, 'Share of the RI suspended, percent (partial suspension: 1–100; R-SANCTION-LENGTH)'),
        'R-SANCTION-LENGTH',
      ),
    ),
    suspendedSentence: Type.Optional(Type.Boolean({ description: 'The suspension is itself suspended (sursis)' })),
    ...Corrects,
  },
  { additionalProperties: false },
);
export const SubsidyExtensionBody = Type.Object(
  {
    requestedOn: CivilDate('Date of the written, motivated request'),
    motivation: Text('Why the person is particularly far from integration (R-SUB-SECOND)'),
    evaluationId: Type.Optional(Uuid('The evaluation whose heading carries the request')),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);
export const VoidBody = Type.Object({ reason: Text('Why the record is void') }, { additionalProperties: false });

// ---- responses ----

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

export const PiisListQuery = Type.Object(
  {
    status: Type.Optional(PiisStatus),
    beneficiaryId: Type.Optional(Uuid('Only this beneficiary’s PIIS')),
    externalRef: ExternalRefFilter,
    limit: ListQuery.limit,
    cursor: ListQuery.cursor,
  },
  { additionalProperties: false },
);
export const FactListQuery = Type.Object(
  {
    includeVoided: Type.Optional(
      Type.Boolean({ default: false, description: 'Also list voided and superseded records' }),
    ),
    externalRef: ExternalRefFilter,
    limit: ListQuery.limit,
    cursor: ListQuery.cursor,
  },
  { additionalProperties: false },
);

export const PiisParams = Type.Object({ piisId: Uuid('PIIS id') }, { additionalProperties: false });
export const VersionParams = Type.Object(
  { piisId: Uuid('PIIS id'), version: Int(1, 100000, 'Version number') },
  { additionalProperties: false },
);
export const FactParams = Type.Object(
  { piisId: Uuid('PIIS id'), factId: Uuid('Record id') },
  { additionalProperties: false },
);

export type Content = Static<typeof ContentSchema>;
export type PiisCreateBody = Static<typeof PiisCreateBody>;
export type PiisPatchBody = Static<typeof PiisPatchBody>;
export type Piis = Static<typeof PiisSchema>;
export type PiisVersion = Static<typeof VersionSchema>;
export type HandoverBody = Static<typeof HandoverBody>;
export type HearingRequestBody = Static<typeof HearingRequestBody>;
export type HearingOutcomeBody = Static<typeof HearingOutcomeBody>;
export type SignatureBody = Static<typeof SignatureBody>;
export type EvaluationBody = Static<typeof EvaluationBody>;
export type InterviewRequestBody = Static<typeof InterviewRequestBody>;
export type InterviewHeldBody = Static<typeof InterviewHeldBody>;
export type AmendmentBody = Static<typeof AmendmentBody>;
export type CloseBody = Static<typeof CloseBody>;
export type NoticeBody = Static<typeof NoticeBody>;
export type SanctionBody = Static<typeof SanctionBody>;
export type SubsidyExtensionBody = Static<typeof SubsidyExtensionBody>;
export type PiisListQuery = Static<typeof PiisListQuery>;
export type FactListQuery = Static<typeof FactListQuery>;
export { contentKeys };
