import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import {
  CivilDate,
  ExternalRef,
  ExternalRefFilter,
  Instant,
  Int,
  Language,
  ListQuery,
  Uuid,
} from '../../http/schemas.js';

const Name = (d: string) => Type.String({ minLength: 1, maxLength: 200, description: d });
const NissInput = Type.String({
  minLength: 11,
  maxLength: 15,
  pattern: '^[0-9][0-9 .-]*[0-9]$',
  description: 'NISS or BIS number, 11 digits; dots, dashes and spaces are ignored (R-ID-NISS)',
});

export const BeneficiaryCreateBody = Type.Object(
  {
    niss: NissInput,
    givenName: Name('Given name'),
    familyName: Name('Family name'),
    birthDate: Type.Optional(CivilDate('Birth date; derived from the NISS when omitted')),
    language: Language,
    partnerId: Type.Optional(Uuid('The partner, a beneficiary of the same CPAS (R-COUPLE)')),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);
export type BeneficiaryCreateBody = Static<typeof BeneficiaryCreateBody>;

export const BeneficiaryPatchBody = Type.Object(
  {
    niss: Type.Optional(NissInput),
    givenName: Type.Optional(Name('Given name')),
    familyName: Type.Optional(Name('Family name')),
    birthDate: Type.Optional(Type.Union([CivilDate('Birth date'), Type.Null()])),
    language: Type.Optional(Language),
    partnerId: Type.Optional(Type.Union([Uuid('The partner'), Type.Null()])),
    externalRef: Type.Optional(Type.Union([ExternalRef, Type.Null()])),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'JSON merge patch (RFC 7396); null removes an optional value',
  },
);
export type BeneficiaryPatchBody = Static<typeof BeneficiaryPatchBody>;

export const BeneficiarySchema = named(
  'Beneficiary',
  Type.Object(
    {
      id: Uuid('Beneficiary id'),
      niss: Type.String({ minLength: 11, maxLength: 11, description: 'NISS or BIS number' }),
      bis: Type.Boolean({ description: 'True for a BIS number' }),
      givenName: Name('Given name'),
      familyName: Name('Family name'),
      birthDate: Type.Union([Type.String({ format: 'date', maxLength: 10 }), Type.Null()], {
        description: 'Birth date; null when unknown',
      }),
      language: Language,
      partnerId: Type.Union([Uuid('Partner'), Type.Null()], { description: 'The partner, when one is recorded' }),
      externalRef: Type.Union([Type.String({ maxLength: 100 }), Type.Null()], {
        description: 'The calling software’s own id',
      }),
      version: Int(1, 1_000_000_000, 'Version, also the ETag'),
      createdAt: Instant('Recorded at'),
      updatedAt: Instant('Last changed at'),
    },
    { additionalProperties: false },
  ),
);
export type Beneficiary = Static<typeof BeneficiarySchema>;

export const BeneficiaryListQuery = Type.Object(
  {
    ...ListQuery,
    niss: Type.Optional(
      Type.String({ minLength: 1, maxLength: 20, description: 'Exact NISS; a malformed one matches nothing' }),
    ),
    externalRef: ExternalRefFilter,
    q: Type.Optional(
      Type.String({ minLength: 2, maxLength: 100, description: 'Part of the given or family name (case-insensitive)' }),
    ),
  },
  { additionalProperties: false },
);
export type BeneficiaryListQuery = Static<typeof BeneficiaryListQuery>;

export const BeneficiaryParams = Type.Object(
  { beneficiaryId: Uuid('Beneficiary id') },
  { additionalProperties: false },
);
