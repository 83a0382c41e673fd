import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { Instant, Language, Nullable, Uuid } from '../../http/schemas.js';

const Name = (language: string) =>
  Type.String({ minLength: 1, maxLength: 200, description: `Official name in ${language}` });
const Names = (description: string) =>
  Type.Object(
    { fr: Name('French'), nl: Name('Dutch'), de: Name('German') },
    { additionalProperties: false, description },
  );

export const Address = Type.Object(
  {
    street: Type.String({ minLength: 1, maxLength: 200, description: 'Street and number' }),
    postalCode: Type.String({
      pattern: '^[1-9][0-9]{3}$',
      minLength: 4,
      maxLength: 4,
      description: 'Belgian postal code',
    }),
    municipality: Type.String({ minLength: 1, maxLength: 100, description: 'Municipality' }),
  },
  { additionalProperties: false, description: 'Where the CPAS receives the public: printed on the contract document' },
);

export const Contact = Type.Object(
  {
    phone: Type.Optional(
      Type.String({ minLength: 6, maxLength: 30, pattern: '^[+0-9 ./()-]+$', description: 'Telephone number' }),
    ),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200, description: 'E-mail address' })),
    website: Type.Optional(
      Type.String({ format: 'uri', maxLength: 200, pattern: '^https?://', description: 'Web site (http or https)' }),
    ),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'How the person reaches the CPAS: printed on the contract document',
  },
);

export const CpasCreateBody = Type.Object(
  {
    kboNumber: Type.String({
      minLength: 1,
      maxLength: 20,
      description: 'KBO/BCE enterprise number, 10 digits (R-ID-KBO)',
    }),
    name: Names('Official name in each language'),
    language: Language,
    nisCodes: Type.Array(
      Type.String({
        pattern: '^[0-9]{5}$',
        minLength: 5,
        maxLength: 5,
        description: 'NIS municipality code (R-ID-NIS)',
      }),
      {
        maxItems: 50,
        uniqueItems: true,
        description: 'Municipalities the CPAS serves; a NIS code belongs to one CPAS at a time',
      },
    ),
    address: Type.Optional(Address),
    contact: Type.Optional(Contact),
  },
  { additionalProperties: false },
);
export type CpasCreateBody = Static<typeof CpasCreateBody>;

export const CpasSchema = named(
  'Cpas',
  Type.Object(
    {
      id: Uuid('CPAS id'),
      kboNumber: Type.String({ minLength: 10, maxLength: 10, description: 'KBO/BCE enterprise number' }),
      name: Names('Official name in each language'),
      language: Language,
      nisCodes: Type.Array(Type.String({ minLength: 5, maxLength: 5 }), {
        maxItems: 50,
        description: 'NIS codes currently served',
      }),
      address: Nullable(Address, 'Where the CPAS receives the public; null when not given'),
      contact: Nullable(Contact, 'How the person reaches the CPAS; null when not given'),
      createdAt: Instant('When the CPAS was registered'),
    },
    { additionalProperties: false },
  ),
);
export type Cpas = Static<typeof CpasSchema>;
