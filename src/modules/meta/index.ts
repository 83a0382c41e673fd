// What other modules may use of meta: the code lists' labels, for exports.
// The rest of this folder is its own: no other module imports it.
export { codeLabel, codedColumns } from './codes.js';
