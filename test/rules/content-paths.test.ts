// Rule tables for rulebook sections 1–7, continued: the content a handover needs (R-CONTENT), the
// categories and paths (R-COMMUNITY-SERVICE, R-VOLUNTEERING, R-SOCIAL-ACTIVATION), the assessment
// (R-ASSESS-FIRST, R-REUSE), progress (R-PROGRESS) and the parties, hearings and prolongations
// (R-PARTIES, R-HEARING, R-PROLONG). Each test names its rule id.
import t from 'tap';
import {
  checkActivationCategory,
  checkAssessmentFirst,
  checkContentComplete,
  checkDuration,
  checkSocialActivation,
  type PiisContent,
} from '../../src/rules/content.js';
import { render } from '../../src/i18n/catalogue.js';

const complete: PiisContent = {
  domains: ['employment'],
  objectives: [{ key: 'o1', domain: 'employment', description: 'Find a job' }],
  commitments: [
    { party: 'beneficiary', description: 'Apply', objectiveKeys: ['o1'] },
    { party: 'cpas', description: 'Coach', objectiveKeys: ['o1'] },
  ],
  startsOn: '2026-03-10',
  endsOn: '2027-03-09',
  evaluationArrangements: 'Every 4 months',
  supplementaryAid: 'Travel costs',
};

t.test('R-CONTENT: when content is checked for handover, then every gap is named with its path', async (t) => {
  t.equal(checkContentComplete(complete, 'handover'), null);
  const gaps = checkContentComplete(
    {
      ...complete,
      commitments: [{ party: 'beneficiary', description: 'x', objectiveKeys: ['o2'] }],
      supplementaryAid: null,
    },
    'handover',
  )!;
  t.equal(gaps.refusal.code, 'content-incomplete');
  t.same(
    gaps.gaps.map((g) => g.path),
    ['/commitments', '/commitments/0/objectiveKeys/0', '/supplementaryAid'],
  );
  t.equal(checkContentComplete({}, 'handover')!.gaps.length, 8, 'an empty draft lacks everything');
  t.equal(checkDuration({ startsOn: '2026-03-10', endsOn: '2026-03-09' })?.rule, 'R-DURATION');
  t.equal(checkDuration({ startsOn: '2026-03-10', endsOn: '2026-03-10' }), null, 'a one-day PIIS');
});

t.test('R-COMMUNITY-SERVICE and R-VOLUNTEERING: when a category is chosen, then the draft date decides', async (t) => {
  t.equal(checkActivationCategory('community_service', '2016-10-31')?.rule, 'R-COMMUNITY-SERVICE');
  t.equal(checkActivationCategory('community_service', '2016-11-01'), null);
  t.equal(checkActivationCategory('community_service', '2018-09-30'), null);
  t.equal(checkActivationCategory('community_service', '2018-10-01')?.code, 'category-not-allowed');
  t.equal(checkActivationCategory('2.3', '2018-07-25'), null);
  t.equal(checkActivationCategory('2.3', '2018-07-26')?.rule, 'R-VOLUNTEERING');
  t.equal(checkActivationCategory('2.1', '2026-01-01'), null);
});

t.test(
  'R-ASSESS-FIRST and R-REUSE: when a PIIS is handed over, then an assessment on or before the draft date is needed',
  async (t) => {
    t.equal(
      checkAssessmentFirst({
        draftedOn: '2026-03-01',
        assessments: [{ id: 'a', performedOn: '2026-03-01' }],
        reuse: null,
      }),
      null,
      'same day allowed',
    );
    t.equal(
      checkAssessmentFirst({
        draftedOn: '2026-03-01',
        assessments: [{ id: 'a', performedOn: '2026-03-02' }],
        reuse: null,
      })?.code,
      'assessment-missing',
      'the day after',
    );
    const reuse = (employment: { startsOn: string; endsOn: string | null } | null, performedOn?: string) =>
      checkAssessmentFirst({
        draftedOn: '2026-03-01',
        assessments: performedOn ? [{ id: 'a', performedOn }] : [],
        reuse: { employment, earlierEndedOn: '2025-11-15' },
      });
    const cases: Array<[string, { startsOn: string; endsOn: string | null } | null, string | undefined, boolean]> = [
      [
        'a job of under 3 months, ended: no new assessment',
        { startsOn: '2025-12-01', endsOn: '2026-02-27' },
        undefined,
        true,
      ],
      ['a job of exactly 3 months', { startsOn: '2025-12-01', endsOn: '2026-02-28' }, undefined, false],
      [
        'a job of 3 months, a new assessment since it started',
        { startsOn: '2025-12-01', endsOn: '2026-02-28' },
        '2025-12-01',
        true,
      ],
      [
        'a job of 3 months, the assessment the day before it started',
        { startsOn: '2025-12-01', endsOn: '2026-02-28' },
        '2025-11-30',
        false,
      ],
      ['a job with no end recorded', { startsOn: '2026-01-10', endsOn: null }, undefined, false],
      [
        'a job with no end recorded, a new assessment since it started',
        { startsOn: '2026-01-10', endsOn: null },
        '2026-01-10',
        true,
      ],
      ['no job recorded', null, undefined, false],
      ['no job recorded, a new assessment the day the earlier PIIS ended', null, '2025-11-15', true],
      ['no job recorded, the assessment of the earlier PIIS only', null, '2025-11-14', false],
    ];
    for (const [name, job, performedOn, allowed] of cases) {
      const r = reuse(job, performedOn);
      t.equal(r === null, allowed, `R-REUSE: ${name}: ${allowed ? 'allowed' : 'assessment-missing'}`);
      if (r) t.match(r, { code: 'assessment-missing', rule: 'R-REUSE' });
    }
    t.match(
      render('fr', reuse(null)!.explanation),
      /aucun emploi n’est enregistré entre-temps.*depuis le samedi 15 novembre 2025/,
    );
    t.match(render('de', reuse({ startsOn: '2026-01-10', endsOn: null })!.explanation), /kein Ende erfasst/);
  },
);

t.test(
  'R-PROGRESS: when a later measurement is higher on the ladder or on average, then there is progress at the ' +
    'reference date',
  async (t) => {
    const { progressOn } = await import('../../src/rules/progress.js');
    const base = {
      id: 'b',
      performedOn: '2026-01-10',
      participationRung: 2,
      domainScores: [
        { domain: 'language', score: 2 },
        { domain: 'housing', score: 3 },
      ],
    };
    const up = { id: 'm1', performedOn: '2026-06-10', participationRung: 3, domainScores: [] };
    const same = {
      id: 'm2',
      performedOn: '2026-09-10',
      participationRung: 2,
      domainScores: [
        { domain: 'language', score: 3 },
        { domain: 'housing', score: 2 },
      ],
    };
    const better = {
      id: 'm3',
      performedOn: '2026-12-10',
      participationRung: 2,
      domainScores: [
        { domain: 'language', score: 3 },
        { domain: 'housing', score: 3 },
      ],
    };
    const all = [base, up, same, better];
    t.equal(
      progressOn({ baseline: base, measurements: all, on: '2026-06-09' }).value,
      null,
      'no later measurement yet',
    );
    t.equal(
      progressOn({ baseline: base, measurements: all, on: '2026-06-10' }).value,
      true,
      'rung 2 → 3, measured on the reference date itself',
    );
    t.equal(
      progressOn({ baseline: base, measurements: all, on: '2026-12-09' }).value,
      false,
      'latest: same rung, mean 2.5 → 2.5',
    );
    t.equal(progressOn({ baseline: base, measurements: all, on: '2026-12-31' }).value, true, 'mean 2.5 → 3');
    t.equal(progressOn({ baseline: null, measurements: all, on: '2026-12-31' }).value, null, 'no baseline');
    t.match(
      render('fr', progressOn({ baseline: base, measurements: all, on: '2026-12-31' }).explanation),
      /2,50 → 3,00/,
    );
  },
);

t.test(
  'R-PARTIES, R-HEARING, R-PROLONG: conclusion date, pending hearings and prolongations at their boundaries',
  async (t) => {
    const { conclusionDate, hearingPendingOn, amendmentKind } = await import('../../src/rules/parties.js');
    t.equal(conclusionDate([{ party: 'beneficiary', signedOn: '2026-03-08' }]), null, 'R-PARTIES: one party only');
    t.equal(
      conclusionDate([
        { party: 'beneficiary', signedOn: '2026-03-08' },
        { party: 'third_party', signedOn: '2026-03-09' },
      ]),
      null,
      'a third party does not conclude',
    );
    t.equal(
      conclusionDate([
        { party: 'cpas', signedOn: '2026-03-10' },
        { party: 'beneficiary', signedOn: '2026-03-08' },
      ]),
      '2026-03-10',
      'the later signature',
    );
    const h = { requestedOn: '2026-03-05', heldOn: null, withdrawnOn: '2026-03-08' };
    t.equal(hearingPendingOn(h, '2026-03-04'), false, 'R-HEARING: before the request');
    t.equal(hearingPendingOn(h, '2026-03-05'), true, 'the day of the request');
    t.equal(hearingPendingOn(h, '2026-03-07'), true, 'the day before the withdrawal');
    t.equal(hearingPendingOn(h, '2026-03-08'), false, 'withdrawn that day: no longer pending');
    t.equal(
      hearingPendingOn({ requestedOn: '2026-03-05', heldOn: null, withdrawnOn: null }, '2026-12-31'),
      true,
      'never closed',
    );
    t.equal(amendmentKind('2027-03-09', '2027-03-10'), 'prolongation', 'R-PROLONG: one day later');
    t.equal(amendmentKind('2027-03-09', '2027-03-09'), 'amendment', 'same end date');
    t.equal(amendmentKind('2027-03-09', '2027-01-31'), 'amendment', 'shortened');
    const { checkInformed } = await import('../../src/rules/parties.js');
    t.equal(
      checkInformed({ informedOn: '2026-03-02', signedOn: '2026-03-02', path: '/x' }),
      null,
      'R-INFORM: informed the day of signing',
    );
    t.match(
      checkInformed({ informedOn: '2026-03-03', signedOn: '2026-03-02', path: '/x' }),
      { code: 'invalid-period', rule: 'R-INFORM' },
      'R-INFORM: informed the day after',
    );
  },
);

t.test(
  'R-SOCIAL-ACTIVATION: when a PIIS is a social-activation path (2.1–2.3), then it needs a domain that is not ' +
    'professional activation',
  async (t) => {
    const objective = (domain: string) => ({ key: 'o1', domain, description: 'd' });
    const cases: Array<[string, PiisContent, string | null]> = [
      ['2.1 with employment only', { activationCategory: '2.1', domains: ['employment'] }, 'R-SOCIAL-ACTIVATION'],
      [
        '2.2 with employment and training',
        { activationCategory: '2.2', domains: ['employment', 'training'] },
        'R-SOCIAL-ACTIVATION',
      ],
      [
        '2.3 with training, and an objective in training',
        { activationCategory: '2.3', domains: ['training'], objectives: [objective('training')] },
        'R-SOCIAL-ACTIVATION',
      ],
      ['2.1 with employment and language', { activationCategory: '2.1', domains: ['employment', 'language'] }, null],
      [
        '2.1 with employment, and an objective in mobility',
        { activationCategory: '2.1', domains: ['employment'], objectives: [objective('mobility')] },
        null,
      ],
      ['2.2 with social participation only', { activationCategory: '2.2', domains: ['social_participation'] }, null],
      ['2.1 with no domain yet (an incomplete draft)', { activationCategory: '2.1', domains: [] }, null],
      ['no category, employment only', { activationCategory: null, domains: ['employment'] }, null],
      [
        'community service, employment only',
        { activationCategory: 'community_service', domains: ['employment'] },
        null,
      ],
    ];
    for (const [name, content, rule] of cases) {
      const refusal = checkSocialActivation(content);
      t.equal(refusal?.rule ?? null, rule, name);
      if (refusal)
        t.match(
          refusal,
          { code: 'category-not-allowed', path: '/activationCategory' },
          `${name}: category-not-allowed on the category`,
        );
    }
    t.match(
      render('de', checkSocialActivation({ activationCategory: '2.1', domains: ['employment'] })!.explanation),
      /Beschäftigung/,
    );
  },
);
