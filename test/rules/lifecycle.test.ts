// Rule tables for rulebook sections 1–7, the worked cases of rule-cases.json first, then the
// boundaries of our own. Each test names its rule id.
import t from 'tap';
import { ruleCases } from '../helpers/rule-cases.js';
import { checkReflection, reflectionPeriod } from '../../src/rules/reflection.js';
import {
  contractEnd,
  interviewDue,
  nextEvaluationDue,
  evaluationCompliance,
  periodCompliance,
} from '../../src/rules/evaluation.js';
import {
  appealDeadline,
  checkSanctionLength,
  checkSanctionNotice,
  checkSanctionScope,
  checkSanctionStart,
  sanctionMaxMonths,
  sanctionStartWindow,
} from '../../src/rules/sanction.js';
import {
  checkObligation,
  checkSignatureAfterGrant,
  compulsoryOn,
  conclusionDeadline,
} from '../../src/rules/obligation.js';
import {
  checkActivationCategory,
  checkAssessmentFirst,
  checkContentComplete,
  checkDuration,
  checkSocialActivation,
  type PiisContent,
} from '../../src/rules/content.js';
import type { RightDecisionFact } from '../../src/rules/rights.js';
import { msg, render } from '../../src/i18n/catalogue.js';

const grant = (over: Partial<RightDecisionFact> = {}): RightDecisionFact => ({
  id: over.id ?? `g-${Math.random()}`,
  kind: 'ri',
  category: 'isolated',
  decidedOn: '2026-01-05',
  notifiedOn: null,
  startsOn: '2026-01-05',
  monthlyAmountCents: 130000,
  ...over,
});

t.test(
  'R-REFLECT: when a PIIS is handed over, then the period ends 5 days later and signature is possible from the 6th',
  async (t) => {
    for (const c of ruleCases['R-REFLECT']) {
      const p = reflectionPeriod(c.handedOverOn);
      t.equal(p.endsOn.value, c.reflectionEndsOn, `${c.handedOverOn}: period ends ${c.reflectionEndsOn}`);
      t.equal(
        p.earliestSignatureOn.value,
        c.earliestSignatureOn,
        `${c.handedOverOn}: earliest signature ${c.earliestSignatureOn}`,
      );
      t.equal(p.earliestSignatureOn.rule, 'R-REFLECT');
    }
    t.match(
      render('fr', reflectionPeriod('2026-03-02').earliestSignatureOn.explanation),
      /du mardi 3 mars 2026 au samedi 7 mars 2026.*au plus tôt le dimanche 8 mars 2026/,
    );
  },
);

t.test(
  'R-REFLECT: when a signature is dated at the boundary, then the 7 March is refused and the 8 March accepted',
  async (t) => {
    const base = { handedOverOn: '2026-03-02', waiverRecorded: false, waiverAllowed: false };
    t.equal(
      checkReflection({ ...base, signedOn: '2026-03-07' })?.code,
      'reflection-period-not-elapsed',
      '5th day of the period',
    );
    t.equal(
      checkReflection({ ...base, signedOn: '2026-03-02' })?.code,
      'reflection-period-not-elapsed',
      'handover day',
    );
    t.equal(checkReflection({ ...base, signedOn: '2026-03-08' }), null, 'first day after the period');
    t.equal(
      checkReflection({ ...base, signedOn: '2026-03-07', waiverRecorded: true })?.code,
      'reflection-period-not-elapsed',
      'a waiver is ignored where the deployment does not allow it',
    );
    t.equal(
      checkReflection({ ...base, signedOn: '2026-03-07', waiverRecorded: true, waiverAllowed: true }),
      null,
      'waiver recorded and allowed',
    );
    t.equal(
      checkReflection({ ...base, signedOn: '2026-03-07', waiverAllowed: true })?.code,
      'reflection-period-not-elapsed',
      'allowed but not recorded',
    );
  },
);

t.test(
  'R-EVAL-INTERVIEW: when an interview is requested, then it is due within 5 working days, holidays skipped',
  async (t) => {
    for (const c of ruleCases['R-EVAL-INTERVIEW']) {
      const due = interviewDue(c.requestedOn);
      t.equal(due.value, c.dueOn, `${c.requestedOn} → ${c.dueOn}`);
      t.equal(due.rule, 'R-EVAL-INTERVIEW');
    }
    t.match(render('nl', interviewDue('2026-04-02').explanation), /paasmaandag maandag 6 april 2026/);
  },
);

t.test(
  'R-OBLIG-DEADLINE: when RI is granted, then the PIIS is concluded within 3 months (month ends clamped)',
  async (t) => {
    for (const c of ruleCases['R-OBLIG-DEADLINE']) {
      const d = conclusionDeadline(grant({ decidedOn: c.grantDecidedOn, startsOn: c.grantDecidedOn }));
      t.equal(d.value, c.concludeBy, `${c.grantDecidedOn} → ${c.concludeBy}`);
      t.equal(d.rule, 'R-OBLIG-DEADLINE');
    }
  },
);

t.test(
  'R-OBLIG-DEADLINE: when a signature is dated before the grant decision, then it is refused (coaching excepted)',
  async (t) => {
    const rights = [grant({ decidedOn: '2026-02-10', startsOn: '2026-02-01' })];
    t.equal(
      checkSignatureAfterGrant({ obligation: 'compulsory', signedOn: '2026-02-09', rights })?.code,
      'signature-before-grant',
      'the day before the decision',
    );
    t.equal(
      checkSignatureAfterGrant({ obligation: 'compulsory', signedOn: '2026-02-10', rights }),
      null,
      'the day of the decision',
    );
    t.equal(
      checkSignatureAfterGrant({ obligation: 'optional', signedOn: '2026-02-01', rights })?.code,
      'signature-before-grant',
      'optional PIIS of an RI beneficiary too',
    );
    t.equal(
      checkSignatureAfterGrant({ obligation: 'optional', signedOn: '2026-02-10', rights: [] })?.code,
      'signature-before-grant',
      'no grant at all',
    );
    t.equal(
      checkSignatureAfterGrant({ obligation: 'coaching', signedOn: '2026-02-01', rights: [] }),
      null,
      'coaching needs no grant',
    );
  },
);

t.test(
  'R-OBLIG-NEW: when compulsory is claimed, then a rule must make it compulsory on the signature date',
  async (t) => {
    const newcomer = [grant({ decidedOn: '2026-02-10', startsOn: '2026-02-01' })];
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2026-03-10',
        track: 'general',
        birthDate: '1980-01-01',
        rights: newcomer,
      }),
      null,
      'new beneficiary after 2016-11-01',
    );
    const returning = [
      grant({ id: 'a', decidedOn: '2025-01-10', startsOn: '2025-01-01' }),
      grant({
        id: 'b',
        kind: 'end',
        category: null,
        monthlyAmountCents: null,
        decidedOn: '2025-12-01',
        startsOn: '2025-12-01',
      }),
      grant({ id: 'c', decidedOn: '2026-02-10', startsOn: '2026-02-01' }),
    ];
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2026-03-10',
        track: 'general',
        birthDate: '1980-01-01',
        rights: returning,
      })?.code,
      'obligation-not-applicable',
      'RI paid until 2025-11-30, 2 months before the new grant',
    );
    const gap3 = [returning[0]!, { ...returning[1]!, startsOn: '2025-11-01' }, returning[2]!];
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2026-03-10',
        track: 'general',
        birthDate: '1980-01-01',
        rights: gap3,
      }),
      null,
      'last RI day 2025-10-31: exactly 3 months without RI before 2026-02-01',
    );
    const gapShort = [returning[0]!, { ...returning[1]!, startsOn: '2025-11-02' }, returning[2]!];
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2026-03-10',
        track: 'general',
        birthDate: '1980-01-01',
        rights: gapShort,
      })?.code,
      'obligation-not-applicable',
      'last RI day 2025-11-01: inside the 3 months',
    );
    const before = [grant({ decidedOn: '2016-06-10', startsOn: '2016-06-01' })];
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2016-09-15',
        track: 'general',
        birthDate: '1980-01-01',
        rights: before,
      })?.code,
      'obligation-not-applicable',
      'a person over 25 before 2016-11-01',
    );
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2016-09-15',
        track: 'general',
        birthDate: '1991-09-16',
        rights: before,
      }),
      null,
      'a person of 24 before 2016-11-01',
    );
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2016-09-15',
        track: 'general',
        birthDate: '1991-09-15',
        rights: before,
      })?.code,
      'obligation-not-applicable',
      'turning 25 on the signature day',
    );
    t.equal(
      checkObligation({
        obligation: 'compulsory',
        on: '2016-09-15',
        track: 'student',
        birthDate: '1980-01-01',
        rights: before,
      }),
      null,
      'R-STUDENT: a student PIIS',
    );
    t.equal(
      checkObligation({
        obligation: 'optional',
        on: '2016-09-15',
        track: 'general',
        birthDate: '1980-01-01',
        rights: before,
      }),
      null,
      'optional is never refused',
    );
    t.equal(
      compulsoryOn({ on: '2016-11-15', track: 'general', birthDate: '1980-01-01', rights: before }).value,
      false,
      'RI since before the reform: not a new beneficiary',
    );
    t.equal(
      checkObligation({ obligation: 'compulsory', on: '2026-03-10', track: 'general', birthDate: null, rights: [] })
        ?.rule,
      'R-OBLIG-NEW',
      'no RI at all',
    );
  },
);

t.test(
  'R-EVAL-FREQ: when a PIIS is signed, then the first evaluation is due by the rule version in force on the ' +
    'signature date',
  async (t) => {
    for (const c of ruleCases['R-EVAL-FREQ']) {
      const due = nextEvaluationDue({ signedOn: c.signedOn, closed: false, evaluations: [] });
      t.equal(due.value, c.firstEvaluationDue, `signed ${c.signedOn} (${c.rule}) → ${c.firstEvaluationDue}`);
      t.match(
        render('de', due.explanation),
        c.rule === 'quarterly' ? /pro Quartal/ : /mindestens 3 Bewertungen pro 12 Monate, davon 2 persönlich/,
      );
    }
  },
);

t.test(
  'R-EVAL-FREQ: when evaluations are held, then the next is planned from the last one and capped at the period end',
  async (t) => {
    const signedOn = '2026-03-08';
    t.equal(
      nextEvaluationDue({ signedOn, closed: false, evaluations: [{ heldOn: '2026-05-01', mode: 'in_person' }] }).value,
      '2026-09-01',
      'last + 4 months',
    );
    const two = [
      { heldOn: '2026-07-08', mode: 'in_person' as const },
      { heldOn: '2026-11-08', mode: 'remote' as const },
    ];
    const third = nextEvaluationDue({ signedOn, closed: false, evaluations: two });
    t.equal(third.value, '2027-03-07', 'the third of the period: brought forward to its last day');
    t.match(render('en', third.explanation), /1 in-person meeting still needed/);
    t.equal(nextEvaluationDue({ signedOn, closed: true, evaluations: [] }).value, null, 'closed: none due');
    t.equal(nextEvaluationDue({ signedOn: null, closed: false, evaluations: [] }).value, null, 'not signed: none due');
    const comp = evaluationCompliance({
      signedOn: '2025-01-10',
      until: '2026-02-01',
      evaluations: [
        { heldOn: '2025-04-01', mode: 'in_person' },
        { heldOn: '2025-08-01', mode: 'in_person' },
        { heldOn: '2026-01-09', mode: 'written' },
      ],
    });
    t.equal(comp.frequency.value, true, '3 in the first period (the last on its last day)');
    t.equal(comp.inPerson.value, true, '2 in person');
    const late = evaluationCompliance({
      signedOn: '2025-01-10',
      until: '2026-02-01',
      evaluations: [
        { heldOn: '2025-04-01', mode: 'remote' },
        { heldOn: '2025-08-01', mode: 'in_person' },
        { heldOn: '2026-01-10', mode: 'in_person' },
      ],
    });
    t.equal(late.frequency.value, false, 'the third on 2026-01-10 falls in the second period');
    t.equal(late.inPerson.value, false, 'one in person in the first period');
    t.equal(
      evaluationCompliance({ signedOn: '2025-06-01', until: '2026-02-01', evaluations: [] }).frequency.value,
      null,
      'no complete period yet',
    );
  },
);

t.test(
  'R-EVAL-FREQ: when the contract ends, then its 12-month periods stop at its last day, that day included',
  async (t) => {
    const three = [
      { heldOn: '2024-04-01', mode: 'in_person' as const },
      { heldOn: '2024-08-01', mode: 'in_person' as const },
      { heldOn: '2025-01-05', mode: 'written' as const },
    ];
    const cases: Array<[string, { endsOn: string | null; endedOn: string | null }, number, boolean | null]> = [
      [
        'closed on its last day (the period ending that day keeps its verdict)',
        { endsOn: '2025-01-09', endedOn: '2025-01-09' },
        1,
        true,
      ],
      ['closed the day before the period ends', { endsOn: '2025-01-09', endedOn: '2025-01-08' }, 0, null],
      ['ended on its end date, never closed', { endsOn: '2025-01-09', endedOn: null }, 1, true],
      ['ends one day before the period does', { endsOn: '2025-01-08', endedOn: null }, 0, null],
      ['closed early, before its end date', { endsOn: '2026-01-09', endedOn: '2025-01-09' }, 1, true],
      ['no end date, open: every complete period until today', { endsOn: null, endedOn: null }, 2, false],
    ];
    for (const [name, c, periods, verdict] of cases) {
      const end = contractEnd(c.endsOn, c.endedOn);
      t.equal(
        periodCompliance('2024-01-10', '2026-02-01', three, end).length,
        periods,
        `${name}: ${periods} complete period(s)`,
      );
      t.equal(
        evaluationCompliance({ signedOn: '2024-01-10', until: '2026-02-01', end, evaluations: three }).frequency.value,
        verdict,
        `${name}: verdict ${verdict}`,
      );
    }
    // a contract of 2016–2017 never closed yields no period ending years later
    const old = periodCompliance('2016-07-01', '2026-12-06', [], contractEnd('2017-06-30', null));
    t.same(
      old.map((p) => p.to),
      ['2017-06-30'],
      'a PIIS of 2016–2017 is judged on its own run only',
    );
  },
);

t.test(
  'R-SANCTION-LENGTH: when a sanction follows another, then a repeat within 12 months allows 3 months',
  async (t) => {
    for (const c of ruleCases['R-SANCTION-LENGTH.repeat']) {
      const m = sanctionMaxMonths(c.decidedOn, [c.previousDecidedOn]);
      t.equal(m.value, c.maxMonths, `previous ${c.previousDecidedOn}, decided ${c.decidedOn}: repeat ${c.repeat}`);
    }
    for (const c of ruleCases['R-SANCTION-LENGTH.period']) {
      const maxMonths = {
        value: c.maxMonths,
        rule: 'R-SANCTION-LENGTH',
        explanation: msg('sanction.first', { within: 12, decidedOn: 'test', max: c.maxMonths }),
      };
      const r = checkSanctionLength({ startsOn: c.suspensionStartsOn, endsOn: c.suspensionEndsOn, maxMonths });
      t.equal(
        r === null,
        c.allowed,
        `${c.suspensionStartsOn} → ${c.suspensionEndsOn} with ${c.maxMonths} month(s): ` +
          (c.allowed ? 'allowed' : 'sanction-too-long'),
      );
      if (r) t.equal(r.code, 'sanction-too-long');
    }
    t.equal(sanctionMaxMonths('2026-03-01', []).value, 1, 'first sanction');
    t.equal(
      sanctionMaxMonths('2026-03-01', ['2026-03-01']).value,
      1,
      'the same decision day is not a previous sanction',
    );
  },
);

t.test(
  'R-SANCTION-START: when a sanction is decided and notified, then the suspension starts inside the window',
  async (t) => {
    for (const c of ruleCases['R-SANCTION-START']) {
      t.same(
        sanctionStartWindow(c.decidedOn, c.notifiedOn).value,
        { from: c.startFrom, until: c.startUntil },
        `${c.decidedOn}/${c.notifiedOn}`,
      );
      t.equal(
        checkSanctionStart({ decidedOn: c.decidedOn, notifiedOn: c.notifiedOn, startsOn: c.startFrom }),
        null,
        'first day of the window',
      );
      t.equal(
        checkSanctionStart({ decidedOn: c.decidedOn, notifiedOn: c.notifiedOn, startsOn: c.startUntil }),
        null,
        'last day of the window',
      );
      t.equal(
        checkSanctionStart({ decidedOn: c.decidedOn, notifiedOn: c.notifiedOn, startsOn: c.notifiedOn })?.code,
        'sanction-start-outside-window',
        'the notification day',
      );
    }
    t.equal(
      checkSanctionStart({ decidedOn: '2026-09-01', notifiedOn: '2026-09-02', startsOn: '2026-12-02' })?.code,
      'sanction-start-outside-window',
      'the day after the window',
    );
  },
);

t.test('R-SANCTION-APPEAL: when a sanction is notified, then the appeal runs 3 months', async (t) => {
  for (const c of ruleCases['R-SANCTION-APPEAL'])
    t.equal(appealDeadline(c.notifiedOn).value, c.appealUntil, `${c.notifiedOn} → ${c.appealUntil}`);
});

t.test(
  'R-SANCTION-NOTICE and R-SANCTION-SCOPE: when a sanction lacks its conditions, then each refusal names its rule',
  async (t) => {
    const ok = { noticeIssuedOn: '2026-09-01', decidedOn: '2026-09-15', hearingRequested: false, hearingHeldOn: null };
    t.equal(checkSanctionNotice(ok), null);
    t.equal(checkSanctionNotice({ ...ok, noticeIssuedOn: null })?.code, 'notice-missing');
    t.equal(
      checkSanctionNotice({ ...ok, noticeIssuedOn: '2026-09-15' })?.code,
      'notice-missing',
      'a notice of the decision day is not before it',
    );
    t.equal(checkSanctionNotice({ ...ok, hearingRequested: true })?.code, 'hearing-not-held');
    t.equal(
      checkSanctionNotice({ ...ok, hearingRequested: true, hearingHeldOn: '2026-09-16' })?.code,
      'hearing-not-held',
      'heard after the decision',
    );
    t.equal(
      checkSanctionNotice({ ...ok, hearingRequested: true, hearingHeldOn: '2026-09-15' }),
      null,
      'heard on the decision day',
    );
    const rights = [grant({ decidedOn: '2026-01-05', startsOn: '2026-01-05' })];
    t.equal(
      checkSanctionScope({ obligation: 'coaching', decidedOn: '2026-09-15', rights })?.code,
      'sanction-not-applicable',
    );
    t.equal(checkSanctionScope({ obligation: 'compulsory', decidedOn: '2026-09-15', rights }), null);
    t.equal(
      checkSanctionScope({ obligation: 'optional', decidedOn: '2026-01-04', rights })?.code,
      'sanction-not-applicable',
      'no RI on the decision date',
    );
    const ended = [
      ...rights,
      grant({
        id: 'end',
        kind: 'end',
        category: null,
        monthlyAmountCents: null,
        decidedOn: '2026-06-01',
        startsOn: '2026-06-01',
      }),
    ];
    t.equal(
      checkSanctionScope({ obligation: 'compulsory', decidedOn: '2026-06-01', rights: ended })?.code,
      'sanction-not-applicable',
      'RI ended from that day',
    );
    t.equal(
      checkSanctionScope({ obligation: 'compulsory', decidedOn: '2026-05-31', rights: ended }),
      null,
      'last day of RI',
    );
  },
);

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
