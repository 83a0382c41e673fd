// One CPAS on 23 November 2026 in a harness of its own, with its social worker's and manager's
// tokens, a GET as its manager, and the check that what is kept for reads equals a recomputation:
// the setup of the tests that follow one CPAS's files.
import { bearer, buildHarness } from './app.js';
import { renderedStateDrift } from './rendered.js';

export const TODAY = '2026-11-23';

export async function oneCpas(t: Parameters<typeof buildHarness>[0]) {
  const h = await buildHarness(t, { clock: { today: () => TODAY } });
  const cpas = await h.newCpas();
  const worker = await cpas.token('social_worker');
  const manager = await cpas.token('cpas_manager');
  const app = h.app;
  const get = (url: string, token = manager) => app.inject({ method: 'GET', url, headers: bearer(token) });
  /** what is kept for reads (rendered files, stored deadlines) equals a recomputation from scratch */
  const noDrift = async (t: { same(a: unknown, b: unknown, m: string): unknown }, after: string) =>
    t.same(await renderedStateDrift(h, TODAY), [], `kept state equals a recomputation after ${after}`);
  return { h, app, cpas, worker, manager, get, noDrift };
}
