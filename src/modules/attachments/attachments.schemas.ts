import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { ExternalRef, ExternalRefFilter, Instant, Int, ListQuery, Uuid } from '../../http/schemas.js';
import { MAX_ATTACHMENT_BYTES } from './content-type.js';

const Purpose = Type.Union(
  [
    Type.Literal('signed_contract'),
    Type.Literal('reflection_waiver'),
    Type.Literal('notice_delivery'),
    Type.Literal('hearing_minutes'),
  ],
  {
    description:
      'What the file proves: signed_contract (the scanned signed PIIS; factId: a signature, optional), ' +
      'reflection_waiver (the written waiver of the reflection period), notice_delivery (proof that a formal notice ' +
      'was delivered; factId: the notice), hearing_minutes (minutes of a hearing; factId: the hearing request or the ' +
      'sanction)',
  },
);

export const UploadQuery = Type.Object(
  {
    purpose: Purpose,
    piisId: Uuid('The PIIS the file belongs to'),
    factId: Type.Optional(Uuid('The fact of that PIIS it proves (required for notice_delivery and hearing_minutes)')),
    fileName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '^[^/\\\\\\u0000-\\u001f]+$',
        description: 'The file name to give it on download',
      }),
    ),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);
export type UploadQuery = Static<typeof UploadQuery>;

export const AttachmentSchema = named(
  'Attachment',
  Type.Object(
    {
      id: Uuid('Id of the attachment'),
      piisId: Uuid('The PIIS it belongs to'),
      factId: Type.Union([Uuid('The fact it proves'), Type.Null()]),
      purpose: Purpose,
      mediaType: Type.Union([Type.Literal('application/pdf'), Type.Literal('image/png'), Type.Literal('image/jpeg')], {
        description: 'The type found in its bytes',
      }),
      size: Int(1, MAX_ATTACHMENT_BYTES, 'Size in bytes'),
      sha256: Type.String({
        pattern: '^[0-9a-f]{64}$',
        minLength: 64,
        maxLength: 64,
        description: 'SHA-256 of the bytes, hex',
      }),
      fileName: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description: 'The name it was uploaded with',
      }),
      uploadedAt: Instant('When it was stored'),
      uploadedBy: Type.String({ maxLength: 200, description: "The token's sub that stored it" }),
      externalRef: Type.Union([ExternalRef, Type.Null()]),
      contentAvailable: Type.Boolean({ description: 'false once retention removed the bytes (the hash stays)' }),
    },
    { additionalProperties: false },
  ),
);
export type Attachment = Static<typeof AttachmentSchema>;

export const AttachmentParams = Type.Object(
  { attachmentId: Uuid('Id of the attachment') },
  { additionalProperties: false },
);
export const PiisAttachmentsParams = Type.Object({ piisId: Uuid('Id of the PIIS') }, { additionalProperties: false });
export const AttachmentListQuery = Type.Object(
  { externalRef: ExternalRefFilter, ...ListQuery },
  { additionalProperties: false },
);
