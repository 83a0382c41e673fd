import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { CivilDate, Instant, Int, ListQuery, Text, Uuid } from '../../http/schemas.js';

export const TransferBody = Type.Object(
  {
    toKboNumber: Type.String({
      pattern: '^[0-9]{10}$',
      minLength: 10,
      maxLength: 10,
      description: 'KBO/BCE number of the receiving CPAS (10 digits)',
    }),
    legalBasis: Text('Why the file may be handed over: the legal basis, or the consent (GDPR art. 6/9)'),
    consentOn: Type.Optional(
      CivilDate('Date the person consented to the transfer; only then do health-domain scores travel'),
    ),
    requestedOn: Type.Optional(CivilDate('Date of the request (default: today)')),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

const Count = (what: string) => Int(0, 1_000_000, what);

export const TransferSchema = named(
  'Transfer',
  Type.Object(
    {
      id: Uuid('Id of the transfer (the same for both CPAS)'),
      direction: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming')], {
        description: 'outgoing (you send) or incoming (you receive)',
      }),
      status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('refused')], {
        description: 'pending until the receiving CPAS accepts or refuses',
      }),
      beneficiaryId: Type.Union([Uuid('The person'), Type.Null()], {
        description:
          'outgoing: your record of the person; incoming: your record once accepted (null before: nothing about the ' +
          'person is shown until then)',
      }),
      counterpartKbo: Type.String({ maxLength: 10, description: 'KBO number of the other CPAS' }),
      legalBasis: Type.String({ maxLength: 2000, description: 'The legal basis or consent given by the sender' }),
      consentOn: Type.Union([CivilDate('The person consented on'), Type.Null()]),
      healthDataIncluded: Type.Boolean({
        description: 'Whether health-domain scores travel (only with the consent recorded)',
      }),
      requestedOn: CivilDate('Date of the request'),
      decidedAt: Type.Union([Instant('When it was accepted or refused'), Type.Null()]),
      decidedBy: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description: "The receiver's actor who decided",
      }),
      refusalReason: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
        description: 'Why the receiving CPAS refused it; null unless refused',
      }),
      copied: Type.Union(
        [
          Type.Object(
            {
              beneficiaryId: Uuid(
                "The receiver's record of the person (an existing one when the NISS was known there)",
              ),
              assessments: Count('Assessments copied'),
              piis: Count('PIIS copied'),
              versions: Count('Contract versions copied'),
              signatures: Count('Signatures copied'),
              evaluations: Count('Evaluations copied'),
              healthDataIncluded: Type.Boolean({
                description: 'Whether health-domain scores were copied (only with the consent recorded)',
              }),
            },
            { additionalProperties: false },
          ),
          Type.Null(),
        ],
        { description: 'What was copied on acceptance; each copy keeps its id and records its provenance' },
      ),
      createdAt: Instant('When it was created'),
      createdBy: Type.String({ maxLength: 200, description: "The sender's actor" }),
    },
    { additionalProperties: false },
  ),
);
export type Transfer = Static<typeof TransferSchema>;

export const TransferListQuery = Type.Object(
  {
    ...ListQuery,
    direction: Type.Optional(
      Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')], {
        description: 'incoming or outgoing (default: both)',
      }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('refused')], {
        description: 'Only the transfers in this status',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TransferListQuery = Static<typeof TransferListQuery>;

export const TransferParams = Type.Object({ transferId: Uuid('Id of the transfer') }, { additionalProperties: false });
export const BeneficiaryParams = Type.Object(
  { beneficiaryId: Uuid('Id of the beneficiary') },
  { additionalProperties: false },
);
export const RefuseBody = Type.Object(
  { reason: Type.Optional(Text('Why the file is refused')) },
  { additionalProperties: false },
);
