// What other modules may use of audit: the owner's query shape its verifier shares with the purge.
// The rest of this folder is its own: no other module imports it.
export type { OwnerQuery } from './audit.verify.js';
