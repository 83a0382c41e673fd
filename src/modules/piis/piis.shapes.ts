// The shapes the PIIS's bodies and answers share: dates, codes and the contract's content
// (R-CONTENT). TypeBox schemas: validation, OpenAPI and TypeScript types from one source.
import { Type } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { CivilDate, Nullable, Text, codeUnion } from '../../http/schemas.js';

export const Date_ = (description: string) => Type.String({ format: 'date', maxLength: 10, description });
export const NullableDate = (description: string) => Type.Union([Date_(description), Type.Null()], { description });
export const NullableText = (description: string, maxLength = 2000) =>
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
export const Domain = codeUnion('domain', 'Domain code of the rulebook');
export const ActivationCategory = codeUnion(
  'activationCategory',
  'SPP IS social-activation path: 2.1, 2.2, 2.3 (R-KIND, R-VOLUNTEERING), or community_service (R-COMMUNITY-SERVICE)',
);
export const ObjectiveKey = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  description: 'Key of the objective, unique within the contract',
});

export const Objective = Type.Object(
  {
    key: ObjectiveKey,
    domain: Domain,
    description: Text('What the objective is'),
    dueOn: Type.Optional(Nullable(CivilDate('Own due date of the objective (optional)'))),
  },
  { additionalProperties: false },
);
export const Commitment = Type.Object(
  {
    party: Party,
    thirdPartyName: Type.Optional(Nullable(Text('Name of the third party (required for third_party)', 200))),
    description: Text('What the party commits to'),
    objectiveKeys: Type.Array(ObjectiveKey, { maxItems: 50, description: 'The objectives this commitment serves' }),
  },
  { additionalProperties: false },
);

/** The content of a contract version (R-CONTENT): complete at handover, signature and amendment. */
export const contentFields = {
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
export type ContentKey = keyof typeof contentFields;
export const contentKeys = Object.keys(contentFields) as ContentKey[];

export const optionalContent = Object.fromEntries(contentKeys.map((k) => [k, Type.Optional(contentFields[k])])) as {
  [K in ContentKey]: ReturnType<typeof Type.Optional<(typeof contentFields)[K]>>;
};
export const patchableContent = Object.fromEntries(
  contentKeys.map((k) => [k, Type.Optional(Nullable(contentFields[k]))]),
) as {
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

export const Person = Type.Object(
  { name: Text('Name', 200), relation: Text('Relation to the person', 200) },
  { additionalProperties: false, description: 'The person of their choice who assisted them (R-ASSIST)' },
);

export const Waiver = Type.Object(
  { recordedOn: CivilDate('Date the written waiver was recorded'), statement: Text('The person’s written waiver') },
  {
    additionalProperties: false,
    description:
      'The person’s written waiver of the rest of the reflection period (R-REFLECT); only where the rulebook allows it',
  },
);

export const ObjectiveProgress = Type.Object(
  {
    key: ObjectiveKey,
    status: codeUnion('objectiveStatus', 'Where the objective stands: achieved, progressing, not started or abandoned'),
    note: Type.Optional(Text('Note on this objective')),
  },
  { additionalProperties: false, description: 'The progress of one objective' },
);

export const CommitmentsKept = Type.Object(
  {
    beneficiary: Type.Boolean({ description: 'The person kept their commitments' }),
    cpas: Type.Boolean({ description: 'The CPAS kept its commitments' }),
  },
  { additionalProperties: false, description: 'Whether each party kept its commitments' },
);

export const Mode = codeUnion('evaluationMode', 'in_person counts towards the 2 in-person meetings (R-EVAL-FREQ)');
