// The PIIS and its facts as the API speaks them. One source of truth per shape: the TypeBox
// schemas below give the validation, the OpenAPI document and the TypeScript types.
import { Type, type Static } from 'typebox';
import {
  CivilDate,
  ExternalRef,
  ExternalRefFilter,
  Int,
  ListQuery,
  Nullable,
  ruled,
  Text,
  Uuid,
  codeUnion,
} from '../../http/schemas.js';

import {
  Track,
  Obligation,
  PiisStatus,
  Party,
  contentKeys,
  optionalContent,
  patchableContent,
  ContentSchema,
  Person,
  Waiver,
  ObjectiveProgress,
  CommitmentsKept,
  Mode,
} from './piis.shapes.js';
import { PiisSchema, VersionSchema } from './piis.responses.js';

export * from './piis.shapes.js';
export * from './piis.responses.js';

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
