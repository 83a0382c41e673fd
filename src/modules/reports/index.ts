// What other modules may use of reports: the figures and justifications other reports reuse (the
// convention's), the national rollups the SPP IS views read, and the report query's parameters.
// The rest of this folder is its own: no other module imports it. The rollups live here: they
// are the reports' figures kept per person and CPAS, computed by the reports' own rules.
export { Delimiter, Format, IndicatorItemSchema } from './reports.schemas.js';
export { getIndicators, getJustificationReport } from './reports.service.js';
export { nationalIndicatorVersion, nationalRollups } from './rollups.repository.js';
export { refreshBacklog } from './rollups.service.js';
