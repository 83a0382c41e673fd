// What other modules may use of deadlines: the deadline engine, run in the unit of work of a write
// that moves a date.
// The rest of this folder is its own: no other module imports it.
export { deadlinesStatement, piisDeadlinesStatement, refreshDeadlines } from './deadlines.engine.js';
export type { EngineInput } from './deadlines.engine.js';
