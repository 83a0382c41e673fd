// What other modules may use of facts: right decisions as the rules see them, and recording facts
// for the bulk import.
// The rest of this folder is its own: no other module imports it.
export { toRightDecisionFact } from './facts.repository.js';
export type { RightDecisionColumns } from './facts.repository.js';
export { RightCreateBody } from './facts.schemas.js';
export { recordFact, rightDecisions } from './facts.service.js';
