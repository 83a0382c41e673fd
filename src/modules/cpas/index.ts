// What other modules may use of cpas: the caller's CPAS.
// The rest of this folder is its own: no other module imports it.
export { getCurrentCpas } from './cpas.service.js';
