// What other modules may use of facts: recording a right decision and reading a person's, for the
// bulk import.
// The rest of this folder is its own: no other module imports it.
export { RightCreateBody } from './facts.schemas.js';
export { recordFact, rightDecisions } from './facts.service.js';
