// The SPP IS views' test data: three CPAS (6, 5 and 2 files: one above, one at, one below the
// suppression threshold), an analyst, the persons as their CPAS sees them, and a scanner that
// finds in any text what would identify them.
import type { Test } from 'tap';
import { bearer, buildHarness, json } from './app.js';
import { piisIn, post, type PiisFixture } from './piis.js';

/** The band of the age on 31 December 2026 (as the extract gives it). */
export function ageBand(birthDate: string | null): string | null {
  if (!birthDate) return null;
  const age = 2026 - Number(birthDate.slice(0, 4)) - (birthDate.slice(5) > '12-31' ? 1 : 0);
  return age < 25
    ? 'under-25'
    : age < 35
      ? '25-34'
      : age < 45
        ? '35-44'
        : age < 55
          ? '45-54'
          : age < 65
            ? '55-64'
            : '65-plus';
}

export async function nationalFixture(t: Test) {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const app = h.app;
  const big = await h.newCpas();
  const mid = await h.newCpas();
  const small = await h.newCpas();
  const bigManager = await big.token('cpas_manager');
  const smallManager = await small.token('cpas_manager');
  const analyst = await h.keys.token({ sub: 'spp-analyst-1', roles: ['spp_analyst'] });

  // 6 files in one CPAS, 5 in another (counts of 5+ are shown), 2 in the third (1–4: suppressed)
  const files: PiisFixture[] = [];
  for (let i = 0; i < 6; i++) files.push(await piisIn(app, bigManager, i === 5 ? 'closed' : 'active'));
  files.push(await piisIn(app, smallManager, 'active'), await piisIn(app, smallManager, 'closed'));
  const midManager = await mid.token('cpas_manager');
  for (let i = 0; i < 5; i++) await piisIn(app, midManager, 'active');
  const evaluated = await post(app, bigManager, `/v1/piis/${files[0]!.piisId}/evaluations`, {
    heldOn: '2026-07-01',
    mode: 'in_person',
    objectives: [],
    commitmentsKept: { beneficiary: true, cpas: true },
  });
  t.equal(evaluated.statusCode, 201, evaluated.body);
  // what identifies the persons: their NISS and names, read back as their CPAS sees them
  const persons: any[] = [];
  for (const [i, f] of files.entries()) {
    const res = await app.inject({
      method: 'GET',
      url: `/v1/beneficiaries/${f.beneficiaryId}`,
      headers: bearer(i < 6 ? bigManager : smallManager),
    });
    persons.push(json(res));
  }
  const identifying = persons.flatMap((p) => [p.niss, p.familyName]);
  /** every NISS-shaped number (11 digits, or as printed 85.07.30-033.28) and every test person's name */
  function leaks(text: string): string[] {
    const found = [
      ...text.matchAll(/(?<![0-9a-f])[0-9]{11}(?![0-9a-f])|[0-9]{2}\.[0-9]{2}\.[0-9]{2}-[0-9]{3}\.[0-9]{2}/g),
    ].map((m) => m[0]);
    return [...found, ...identifying.filter((s) => text.includes(s))];
  }
  t.ok(leaks(JSON.stringify(persons)).length >= 2 * persons.length, 'the scanner finds NISS and names where they are');
  const get = (url: string, token = analyst, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...bearer(token), ...headers } });
  return { h, app, big, mid, small, midManager, analyst, files, persons, leaks, get };
}
