// Abuse limits before authentication: requests answered 401 spend their address's budget
// (AUTH_FAILURE_LIMIT_PER_MINUTE); once it is spent, forged or missing tokens from that address
// meet 429 rate-limited before any signature is checked, while a token verified before still
// passes; the budget comes back when its minute ends.
import t from 'tap';
import { bearer, buildHarness } from '../helpers/app.js';
import { createFailureBudget } from '../../src/http/abuse-limit.js';

t.test('the failure budget (unit): spent per address, back when the minute ends', async (t) => {
  const budget = createFailureBudget(3);
  const t0 = 1_000_000;
  for (let i = 0; i < 3; i++) {
    t.equal(budget.blockedFor('10.0.0.1', t0 + i), 0, `failure ${i + 1} is within the budget`);
    budget.spend('10.0.0.1', t0 + i);
  }
  t.equal(budget.blockedFor('10.0.0.1', t0 + 10), 60, 'the fourth try waits for the end of the window');
  t.equal(budget.blockedFor('10.0.0.2', t0 + 10), 0, 'another address keeps its own budget');
  t.equal(budget.blockedFor('10.0.0.1', t0 + 59_999), 1, 'one second before the window ends');
  t.equal(budget.blockedFor('10.0.0.1', t0 + 60_000), 0, 'a new minute, a new budget');
});

t.test('abuse limits before authentication', async (t) => {
  const h = await buildHarness(t, { env: { AUTH_FAILURE_LIMIT_PER_MINUTE: '5' } });
  const cpas = await h.newCpas();
  const good = await cpas.token('social_worker');
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(good) })).statusCode,
    200,
    'a valid token, verified once',
  );

  const forged = `${good.slice(0, -6)}AAAAAA`;
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: i % 2 ? bearer(forged) : {} });
    statuses.push(res.statusCode);
    if (res.statusCode === 429) {
      t.equal(res.json().code, 'rate-limited');
      t.ok(Number(res.headers['retry-after']) >= 1, 'Retry-After');
      t.equal(res.headers['ratelimit-limit'], '5');
      t.equal(res.headers['ratelimit-remaining'], '0');
    }
  }
  t.same(statuses, [401, 401, 401, 401, 401, 429, 429, 429], 'five failures, then 429 before the token is looked at');
  const fresh = await cpas.token('social_worker', 'someone-new');
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(fresh) })).statusCode,
    429,
    'an unseen token from a blocked address waits too (its signature is not checked)',
  );
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(good) })).statusCode,
    200,
    'a token verified before still passes',
  );
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/health/live' })).statusCode,
    200,
    'public routes are not blocked',
  );
  const other = await h.app.inject({
    method: 'GET',
    url: '/v1/beneficiaries',
    headers: bearer(forged),
    remoteAddress: '10.1.2.3',
  });
  t.equal(other.statusCode, 401, 'another address has its own budget');
});
