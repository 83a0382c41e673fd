// What other modules may use of events: the change feed read by the webhook dispatcher.
// The rest of this folder is its own: no other module imports it.
export { feedQuery } from './events.repository.js';
export { pageFromRows } from './events.service.js';
export { belowHorizon } from './feed-position.js';
export type { FeedPosition } from './feed-position.js';
