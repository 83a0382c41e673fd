import { Type, type Static } from 'typebox';
import { Instant, Language, Uuid } from '../../http/schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CpasCreateBody = Type.Object(
  {
    kboNumber: Type.String({ minLength: 1, maxLength: 20, description: 'KBO/BCE enterprise number, 10 digits (R-ID-KBO)' }),
    name: Type.Object({ fr: Name, nl: Name, de: Name }, { additionalProperties: false, description: 'Official name in each language' }),
    language: Language,
    nisCodes: Type.Array(Type.String({ pattern: '^[0-9]{5}$', minLength: 5, maxLength: 5, description: 'NIS municipality code (R-ID-NIS)' }), {
      maxItems: 50,
      uniqueItems: true,
      description: 'Municipalities the CPAS serves; a NIS code belongs to one CPAS at a time',
    }),
  },
  { additionalProperties: false },
);
export type CpasCreateBody = Static<typeof CpasCreateBody>;

export const CpasSchema = Type.Object(
  {
    id: Uuid('CPAS id'),
    kboNumber: Type.String({ minLength: 10, maxLength: 10, description: 'KBO/BCE enterprise number' }),
    name: Type.Object({ fr: Name, nl: Name, de: Name }, { additionalProperties: false }),
    language: Language,
    nisCodes: Type.Array(Type.String({ minLength: 5, maxLength: 5 }), { maxItems: 50, description: 'NIS codes currently served' }),
    createdAt: Instant('When the CPAS was registered'),
  },
  { additionalProperties: false },
);
export type Cpas = Static<typeof CpasSchema>;
