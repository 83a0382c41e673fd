import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, IdempotencyHeader, Page, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';
import { ExpenseBody, ExpenseListQuery, ExpenseSchema } from './expenses.schemas.js';
import * as service from './expenses.service.js';

export const expenseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/expenses',
    {
      config: { access: 'manager', problemCodes: ['activation-mark-missing', 'date-in-future', 'no-convention'] },
      schema: {
        operationId: 'recordExpense',
        tags: ['expenses'],
        summary:
          'Record an expense justified against a subsidy; it comes back with its eligibility verdict (R-SUB-COSTS, ' +
          'R-PAS-COSTS)',
        headers: IdempotencyHeader,
        body: ExpenseBody,
        response: {
          201: json(ExpenseSchema, 'The expense with its verdict'),
          ...problems(400, ...AUTH_ERRORS, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await service.recordExpense(requestContext(request), request.body)),
  );
  app.get(
    '/expenses',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'listExpenses',
        tags: ['expenses'],
        summary: 'List the expenses of your CPAS, each with its verdict',
        querystring: ExpenseListQuery,
        response: {
          200: json(Page(ExpenseSchema, 'Expenses'), 'A page of expenses'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request) => service.listExpenses(requestContext(request), request.query),
  );
  app.get(
    '/expenses/:expenseId',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'getExpense',
        tags: ['expenses'],
        summary: 'One expense of your CPAS with its verdict',
        params: Type.Object({ expenseId: Uuid('Expense id') }, { additionalProperties: false }),
        response: { 200: json(ExpenseSchema, 'The expense with its verdict'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => service.getExpense(requestContext(request), request.params.expenseId),
  );
};
