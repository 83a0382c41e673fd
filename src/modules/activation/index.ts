// What other modules may use of activation: the collective modules' figures the Rapport unique's
// PAS form reports (R-PAS-MODULES).
// The rest of this folder is its own: no other module imports it.
export { PasModuleRowSchema, PasModulesReportSchema } from './activation.schemas.js';
export type { PasModuleRow, PasModulesReport } from './activation.schemas.js';
export { getPasModulesReport, pasModulesFrom, pasModulesInputs } from './activation.service.js';
