import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import {
  CivilDate,
  ExternalRef,
  ExternalRefFilter,
  ExternalRefOut,
  Instant,
  Int,
  ListQuery,
  Nullable,
  Text,
  Uuid,
} from '../../http/schemas.js';
import { ACTIVATION_KINDS } from '../../rules/activation-kinds.js';

const ThemeDescription =
  'The theme: a code of GET /v1/codes/moduleTheme (labels in fr/nl/de; each social or professional activation), or ' +
  'the CPAS’s own words. job_search, vocational_training, work_placement and other_professional are professional ' +
  'activation: out of the collective-modules table and the PAS costs (R-SOCIAL-ACTIVATION, R-PAS-COSTS)';
const ActivationKind = Type.Enum(ACTIVATION_KINDS, {
  description: 'social or professional activation (R-SOCIAL-ACTIVATION)',
});

const Hours = (max: number, description: string) =>
  Type.Number({ minimum: 0, maximum: max, multipleOf: 0.25, description });

export const ModuleCreateBody = Type.Object(
  {
    theme: Type.String({ minLength: 1, maxLength: 200, description: ThemeDescription }),
    activation: Type.Optional({
      ...ActivationKind,
      description:
        'Whether the module is social or professional activation: required for a theme in the CPAS’s own words (422 ' +
        'activation-mark-missing); a theme that is a code, or a code’s label in fr, nl, de or en, says it (a ' +
        'different mark is refused)',
    }),
    title: Type.String({ minLength: 1, maxLength: 200, description: 'The title of the module' }),
    partners: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200, description: 'A partner organisation’s name' }), {
        maxItems: 20,
        description: 'Partner organisations',
      }),
    ),
    startsOn: CivilDate('First day of the module'),
    endsOn: Type.Optional(CivilDate('Last day of the module')),
    hours: Hours(10_000, 'Planned hours'),
    notes: Type.Optional(Text('Qualitative notes for the report (R-PAS-MODULES)')),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);

export const ModuleSchema = named(
  'ActivationModule',
  Type.Object(
    {
      id: Uuid('Module id'),
      theme: Type.String({ maxLength: 200, description: ThemeDescription }),
      activation: Type.Union([ActivationKind, Type.Null()], {
        description:
          'The module’s mark: its coded theme’s, or the one recorded; null only for a module recorded before marks ' +
          'were asked for (it then counts as social activation, as the CPAS reported it)',
      }),
      title: Type.String({ maxLength: 200, description: 'The title of the module' }),
      partners: Type.Array(Type.String({ maxLength: 200, description: 'A partner organisation’s name' }), {
        maxItems: 20,
        description: 'Partner organisations',
      }),
      startsOn: CivilDate('First day'),
      endsOn: Nullable(CivilDate('Last day'), 'Last day; null while open-ended'),
      hours: Hours(10_000, 'Planned hours'),
      notes: Nullable(
        Type.String({ maxLength: 2000 }),
        'Qualitative notes for the report (R-PAS-MODULES); null when none',
      ),
      externalRef: ExternalRefOut,
      createdAt: Instant('Recorded at'),
      createdBy: Type.String({ maxLength: 200, description: 'Recorded by' }),
    },
    { additionalProperties: false, description: 'A collective social-activation module (R-PAS-MODULES)' },
  ),
);

export const ModuleListQuery = Type.Object(
  {
    year: Type.Optional(Int(2002, 2100, 'Only modules running in this year')),
    externalRef: ExternalRefFilter,
    limit: ListQuery.limit,
    cursor: ListQuery.cursor,
  },
  { additionalProperties: false },
);

export const ModuleParams = Type.Object({ moduleId: Uuid('Module id') }, { additionalProperties: false });

export const ParticipantBody = Type.Object(
  {
    beneficiaryId: Uuid('The beneficiary enrolled'),
    piisId: Type.Optional(Uuid('The PIIS the module belongs to, if any')),
  },
  { additionalProperties: false },
);

export const ParticipantSchema = named(
  'Participant',
  Type.Object(
    {
      id: Uuid('Enrolment id'),
      moduleId: Uuid('Module'),
      beneficiaryId: Uuid('Beneficiary'),
      piisId: Nullable(Uuid('PIIS')),
      enrolledAt: Instant('Enrolled at'),
    },
    { additionalProperties: false },
  ),
);

export const SessionBody = Type.Object(
  {
    heldOn: CivilDate('The day of the session (not after today)'),
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 24, multipleOf: 0.25, description: 'Its length in hours' }),
    attendeeIds: Type.Array(Uuid('An enrolled beneficiary who attended'), {
      maxItems: 500,
      uniqueItems: true,
      description: 'The enrolled beneficiaries who attended',
    }),
  },
  { additionalProperties: false },
);

export const SessionSchema = named(
  'ModuleSession',
  Type.Object(
    {
      id: Uuid('Session id'),
      moduleId: Uuid('Module'),
      heldOn: CivilDate('Held on'),
      hours: Type.Number({ minimum: 0, maximum: 24, description: 'Its length in hours' }),
      attendeeIds: Type.Array(Uuid('Attendee'), { maxItems: 500, description: 'The beneficiaries who attended' }),
    },
    { additionalProperties: false },
  ),
);

export const PasModuleRowSchema = named(
  'PasModuleRow',
  Type.Object(
    {
      moduleId: Uuid('Module'),
      theme: Type.String({
        maxLength: 200,
        description: 'The module’s theme: its code’s label in the reader’s language, or the CPAS’s own words',
      }),
      title: Type.String({ maxLength: 200, description: 'The title of the module' }),
      partners: Type.String({ maxLength: 5000, description: 'Partners, separated by “; ”' }),
      sessions: Int(0, 100_000, 'Sessions held in the year'),
      hours: Type.Number({ minimum: 0, maximum: 10_000_000, description: 'Hours of the sessions held in the year' }),
      participants: Int(0, 1_000_000, 'Persons who attended at least one session in the year'),
      riParticipants: Int(0, 1_000_000, 'Of whom RI beneficiaries (an RI right in force on a day of the year)'),
      notes: Nullable(Type.String({ maxLength: 2000 }), 'Qualitative notes (R-PAS-MODULES); null when none'),
    },
    { additionalProperties: false },
  ),
);

export const PasModulesReportSchema = named(
  'PasModulesReport',
  Type.Object(
    {
      year: Int(2002, 2100, 'The year'),
      rule: Type.Literal('R-PAS-MODULES', { description: 'The rule the table follows' }),
      items: Type.Array(PasModuleRowSchema, {
        maxItems: 100_000,
        description:
          'One row per module with a session in the year, by theme then title; modules of professional activation ' +
          'left out',
      }),
      professionalModules: Int(
        0,
        100_000,
        'Modules of professional activation with a session in the year, left out of the table (R-PAS-COSTS)',
      ),
    },
    { additionalProperties: false },
  ),
);

export type ModuleCreateBody = Static<typeof ModuleCreateBody>;
export type Module = Static<typeof ModuleSchema>;
export type ModuleListQuery = Static<typeof ModuleListQuery>;
export type ParticipantBody = Static<typeof ParticipantBody>;
export type Participant = Static<typeof ParticipantSchema>;
export type SessionBody = Static<typeof SessionBody>;
export type Session = Static<typeof SessionSchema>;
export type PasModuleRow = Static<typeof PasModuleRowSchema>;
export type PasModulesReport = Static<typeof PasModulesReportSchema>;
