import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { Instant, Int, ListQuery, Uuid } from '../../http/schemas.js';

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const IMPORT_TYPES = ['application/x-ndjson', 'text/csv'] as const;

const Kind = Type.Union(
  [Type.Literal('beneficiaries'), Type.Literal('right_decisions'), Type.Literal('assessments'), Type.Literal('piis')],
  {
    description:
      'What the rows are: each row is the body of createBeneficiary, recordRightDecision, createAssessment or ' +
      'createPiis with externalRef required; rows about a person name them by beneficiaryId or beneficiaryExternalRef',
  },
);

export const ImportQuery = Type.Object(
  {
    kind: Kind,
    dryRun: Type.Optional(
      Type.Boolean({ default: false, description: 'true: check every row and give its verdict, change nothing' }),
    ),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

const Count = (what: string) => Int(0, 100_000_000, what);

export const ImportSchema = named(
  'Import',
  Type.Object(
    {
      id: Uuid('Id of the import'),
      kind: Kind,
      format: Type.Union([Type.Literal('ndjson'), Type.Literal('csv')], {
        description: 'ndjson (application/x-ndjson) or csv (text/csv, header row of field names)',
      }),
      dryRun: Type.Boolean({ description: 'A dry run changes nothing' }),
      status: Type.Union(
        [Type.Literal('queued'), Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')],
        {
          description:
            'queued, running, completed (every row has its verdict), or failed (the file as a whole could not be read)',
        },
      ),
      totalRows: Type.Union([Count('Rows in the file'), Type.Null()], { description: 'null until the file is read' }),
      processedRows: Count('Rows with a verdict so far'),
      created: Count('Rows that created a record (in a dry run: would create)'),
      updated: Count('Rows that changed a record'),
      unchanged: Count('Rows whose record already held these values'),
      rejected: Count('Rows refused (see …/rows?verdict=rejected)'),
      fileSha256: Type.String({
        pattern: '^[0-9a-f]{64}$',
        minLength: 64,
        maxLength: 64,
        description: 'SHA-256 of the file as received',
      }),
      fileBytes: Int(1, MAX_IMPORT_BYTES, 'Size of the file'),
      createdAt: Instant('When the file was received'),
      createdBy: Type.String({
        maxLength: 200,
        description: "The token's sub that sent it (the actor of every change it makes)",
      }),
      startedAt: Type.Union([Instant('When processing began'), Type.Null()]),
      finishedAt: Type.Union([Instant('When the last row got its verdict'), Type.Null()]),
      failure: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], {
        description: 'Why a failed import could not run',
      }),
    },
    { additionalProperties: false },
  ),
);
export type Import = Static<typeof ImportSchema>;

const Verdict = Type.Union(
  [Type.Literal('created'), Type.Literal('updated'), Type.Literal('unchanged'), Type.Literal('rejected')],
  {
    description:
      'created, updated, unchanged (the record already held these values: re-running a file changes nothing), or ' +
      'rejected',
  },
);

export const ImportRowSchema = named(
  'ImportRow',
  Type.Object(
    {
      row: Int(
        1,
        100_000_000,
        'Row number in the file (data rows, from 1; a CSV header is not counted, NDJSON blank lines neither)',
      ),
      externalRef: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description: "The row's externalRef, when it had one",
      }),
      verdict: Verdict,
      recordId: Type.Union([Uuid('The record created, updated or found'), Type.Null()]),
      code: Type.Union([Type.String({ maxLength: 100 }), Type.Null()], {
        description: 'Problem code of a rejected row, as the API would answer',
      }),
      rule: Type.Union([Type.String({ maxLength: 50 }), Type.Null()], {
        description: 'Rule id that refused it, if a rule did',
      }),
      detail: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
        description: 'Why it was refused (never the personal data of the row)',
      }),
    },
    { additionalProperties: false },
  ),
);
export type ImportRow = Static<typeof ImportRowSchema>;

export const ImportParams = Type.Object({ importId: Uuid('Id of the import') }, { additionalProperties: false });
export const ImportRowsQuery = Type.Object(
  { ...ListQuery, verdict: Type.Optional(Verdict) },
  { additionalProperties: false },
);
export type ImportRowsQuery = Static<typeof ImportRowsQuery>;
export const ImportListQuery = Type.Object({ ...ListQuery }, { additionalProperties: false });
