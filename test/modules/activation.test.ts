// Social activation modules (participants, sessions, the R-PAS-MODULES table) — over HTTP, with
// the roles and another CPAS (expenses are in expenses.test.ts).
import t from 'tap';
import { bearer, json, newBeneficiary } from '../helpers/app.js';
import { oneCpas } from '../helpers/one-cpas.js';
import { piisIn, post } from '../helpers/piis.js';

t.test('social activation', async (t) => {
  const { h, manager, worker, app, get } = await oneCpas(t);

  t.test(
    'when a manager runs a module, then the year’s table counts its sessions, hours and participants, of whom RI ' +
      'beneficiaries',
    async (t) => {
      const created = await post(app, manager, '/v1/activation-modules', {
        theme: 'Budget',
        title: 'Managing a household budget',
        partners: ['Financité', 'Library'],
        startsOn: '2026-02-01',
        endsOn: '2026-12-31',
        hours: 20,
        notes: 'Good attendance',
      });
      t.equal(created.statusCode, 201, created.body);
      const moduleId = json(created).id;
      t.match(json(created), {
        theme: 'Budget',
        activation: 'social',
        partners: ['Financité', 'Library'],
        hours: 20,
        endsOn: '2026-12-31',
      });
      const onRi = await piisIn(app, manager, 'active');
      const noRi = (await newBeneficiary(app, worker)).id;
      const enrol = (beneficiaryId: string, piisId?: string) =>
        post(app, manager, `/v1/activation-modules/${moduleId}/participants`, {
          beneficiaryId,
          ...(piisId ? { piisId } : {}),
        });
      t.equal((await enrol(onRi.beneficiaryId, onRi.piisId)).statusCode, 201);
      t.equal((await enrol(noRi)).statusCode, 201);
      t.match(json(await enrol(noRi)), { status: 409, code: 'invalid-state' }, 'enrolled twice');
      t.match(
        json(await enrol(noRi, onRi.piisId)),
        { status: 422, code: 'invalid-reference' },
        'a PIIS of another person',
      );
      const stranger = (await newBeneficiary(app, worker)).id;
      const s1 = await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
        heldOn: '2026-03-10',
        hours: 2.5,
        attendeeIds: [onRi.beneficiaryId, noRi],
      });
      t.equal(s1.statusCode, 201, s1.body);
      t.equal(
        (
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-04-10',
            hours: 2,
            attendeeIds: [onRi.beneficiaryId],
          })
        ).statusCode,
        201,
      );
      t.match(
        json(
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-04-11',
            hours: 2,
            attendeeIds: [stranger],
          }),
        ),
        { status: 422, code: 'invalid-reference', errors: [{ path: '/body/attendeeIds/0' }] },
      );
      t.match(
        json(
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-01-15',
            hours: 2,
            attendeeIds: [],
          }),
        ),
        { status: 422, code: 'invalid-period' },
        'before the module',
      );
      t.match(
        json(
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-11-24',
            hours: 2,
            attendeeIds: [],
          }),
        ),
        { status: 422, code: 'date-in-future' },
      );

      // R-SOCIAL-ACTIVATION: a job-search workshop is professional activation, left out of the table
      const jobSearch = json(
        await post(app, manager, '/v1/activation-modules', {
          theme: 'job_search',
          title: 'Atelier recherche d’emploi',
          startsOn: '2026-02-01',
          hours: 10,
        }),
      );
      t.match(jobSearch, { theme: 'job_search', activation: 'professional' });
      t.equal(
        (
          await post(app, manager, `/v1/activation-modules/${jobSearch.id}/sessions`, {
            heldOn: '2026-03-11',
            hours: 2,
            attendeeIds: [],
          })
        ).statusCode,
        201,
      );
      const ownWords = json(
        await post(app, manager, '/v1/activation-modules', {
          theme: 'Atelier CV et entretiens',
          activation: 'professional',
          title: 'CV',
          startsOn: '2026-02-01',
          hours: 4,
        }),
      );
      t.match(
        ownWords,
        { theme: 'Atelier CV et entretiens', activation: 'professional' },
        'a theme in the CPAS’s words, marked',
      );
      t.equal(
        (
          await post(app, manager, `/v1/activation-modules/${ownWords.id}/sessions`, {
            heldOn: '2026-03-12',
            hours: 2,
            attendeeIds: [],
          })
        ).statusCode,
        201,
      );
      const modules = async () => json(await get('/v1/activation-modules?limit=200')).items.length;
      const before = await modules();
      t.match(
        json(
          await post(app, manager, '/v1/activation-modules', {
            theme: 'Atelier couture',
            title: 'Couture',
            startsOn: '2026-02-01',
            hours: 4,
          }),
        ),
        {
          status: 422,
          code: 'activation-mark-missing',
          rule: 'R-SOCIAL-ACTIVATION',
          errors: [{ path: '/body/activation' }],
        },
        'a theme in the CPAS’s own words must say what it is',
      );
      t.equal(await modules(), before, 'nothing written');
      t.match(
        json(
          await post(app, manager, '/v1/activation-modules', {
            theme: 'Recherche d’emploi',
            title: 'Jobs',
            startsOn: '2026-02-01',
            hours: 4,
            activation: 'social',
          }),
        ),
        { status: 400, code: 'validation-failed', rule: 'R-SOCIAL-ACTIVATION' },
        'a code’s French label says professional',
      );
      t.match(
        json(
          await post(app, manager, '/v1/activation-modules', {
            theme: 'job_search',
            activation: 'social',
            title: 'Mismarked',
            startsOn: '2026-02-01',
            hours: 1,
          }),
        ),
        { status: 400, code: 'validation-failed', rule: 'R-SOCIAL-ACTIVATION', errors: [{ path: '/body/activation' }] },
        'a coded theme’s mark cannot be contradicted',
      );

      const report = json(await get('/v1/reports/pas-modules?year=2026'));
      t.same(report, {
        year: 2026,
        rule: 'R-PAS-MODULES',
        professionalModules: 2,
        items: [
          {
            moduleId,
            theme: 'Budget',
            title: 'Managing a household budget',
            partners: 'Financité; Library',
            sessions: 2,
            hours: 4.5,
            participants: 2,
            riParticipants: 1,
            notes: 'Good attendance',
          },
        ],
      });
      t.same(json(await get('/v1/reports/pas-modules?year=2025')).items, [], 'no session in 2025');
      const csv = await app.inject({
        method: 'GET',
        url: '/v1/reports/pas-modules?year=2026',
        headers: { ...bearer(manager), accept: 'text/csv', 'accept-language': 'nl' },
      });
      t.match(
        csv.rawPayload.subarray(3).toString('utf8'),
        new RegExp(
          '^Thema;Thema \\(omschrijving\\);Module;Partners;Sessies;Uren;Deelnemers;Waarvan ' +
            'leefloongerechtigden;Opmerkingen\r\nBudget;Budget;Managing a household budget;"Financité; ' +
            'Library";2;4,5;2;1;Good attendance\r\n$',
        ),
      );
      t.equal(json(await get('/v1/activation-modules?year=2026')).items.length, 3);
      t.equal((await get('/v1/activation-modules', worker)).statusCode, 403, 'modules are the manager’s');
      const other = await (await h.newCpas()).token('cpas_manager');
      t.equal(
        (await post(app, other, `/v1/activation-modules/${moduleId}/participants`, { beneficiaryId: noRi })).statusCode,
        404,
        'another CPAS: no such module',
      );
      t.same(json(await get('/v1/reports/pas-modules?year=2026', other)).items, [], 'another CPAS: an empty table');
    },
  );
});
