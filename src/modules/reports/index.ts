// What other modules may use of reports: the facts queries and subsidy computation the rollups
// keep, and the figures and justifications other reports reuse.
// The rest of this folder is its own: no other module imports it.
export { indicatorFactsQuery, subsidyFactsQuery, toIndicatorPerson } from './reports.repository.js';
export type { SubsidyFactsRow } from './reports.repository.js';
export { Delimiter, Format, IndicatorItemSchema } from './reports.schemas.js';
export { getIndicators, getJustificationReport } from './reports.service.js';
export { computeSubsidyMonths, personSubsidy, sayMonthItem } from './subsidy.compute.js';
export type { SubsidyTotals } from './subsidy.compute.js';
