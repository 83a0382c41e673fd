// What other modules may use of piis: a PIIS's file and its id by key, for the modules that act on
// a PIIS (documents, attachments, activation, the bulk import).
// The rest of this folder is its own: no other module imports it.
export { conclusion, signaturesOf } from './piis.file.js';
export { findPiisIdBy } from './piis.repository.js';
export { PiisCreateBody, VersionParams } from './piis.schemas.js';
export { createPiis, loadFile, readFileUnaudited, updatePiisDraft } from './piis.service.js';
export { refusalError } from './piis.unit.js';
export { normaliseContent, toPiis } from './piis.view.js';
