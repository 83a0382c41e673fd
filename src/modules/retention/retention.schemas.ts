import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { Instant, Int } from '../../http/schemas.js';

export const RetentionPolicySchema = named(
  'RetentionPolicy',
  Type.Object(
    {
      anonymiseAfterYears: Int(
        1,
        100,
        'A closed file is anonymised this many years after its last activity (npm run purge)',
      ),
      isDefault: Type.Boolean({ description: 'true while the CPAS has not set its own (the default is 10 years)' }),
      updatedAt: Type.Union([Instant('When it was last set'), Type.Null()]),
      updatedBy: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description: 'Who set the policy (the token’s sub); null for the default',
      }),
    },
    { additionalProperties: false },
  ),
);
export type RetentionPolicy = Static<typeof RetentionPolicySchema>;

export const RetentionPolicyBody = Type.Object(
  { anonymiseAfterYears: Int(1, 100, 'Years after the last activity of a closed file') },
  { additionalProperties: false },
);
export type RetentionPolicyBody = Static<typeof RetentionPolicyBody>;
