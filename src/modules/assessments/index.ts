// What other modules may use of assessments: recording a bilan social, for the bulk import.
// The rest of this folder is its own: no other module imports it.
export { toAssessment } from './assessments.repository.js';
export { AssessmentCreateBody } from './assessments.schemas.js';
export { createAssessment } from './assessments.service.js';
