// What other modules may use of expenses: the expenses of a year, justified against a subsidy by
// the reports.
// The rest of this folder is its own: no other module imports it.
export { ExpenseSchema, Subsidy } from './expenses.schemas.js';
export type { Expense } from './expenses.schemas.js';
export { expensesOfYear, toExpense } from './expenses.service.js';
