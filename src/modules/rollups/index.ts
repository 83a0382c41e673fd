// What other modules may use of rollups: the kept tallies the reports and national figures read,
// and their refresh.
// The rest of this folder is its own: no other module imports it.
export {
  identitiesOf,
  nationalIndicatorVersion,
  nationalRollups,
  subsidyItemsQuery,
  subsidyTotalsQuery,
  toSubsidyItems,
  toSubsidyTotals,
} from './rollups.repository.js';
export type { SubsidyItemsRow } from './rollups.repository.js';
export { cpasTally, ensureFresh, refreshBacklog } from './rollups.service.js';
