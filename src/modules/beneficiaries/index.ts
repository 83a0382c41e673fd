// What other modules may use of beneficiaries: a person's id by key, inside another module's unit
// of work, and the person's record for the bulk import.
// The rest of this folder is its own: no other module imports it.
export { findIdBy, toBeneficiary } from './beneficiaries.repository.js';
export { BeneficiaryCreateBody } from './beneficiaries.schemas.js';
export {
  birthDateFor,
  createBeneficiary,
  normaliseNiss,
  updateBeneficiary,
  validNiss,
} from './beneficiaries.service.js';
