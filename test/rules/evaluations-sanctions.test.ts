// Rule tables for rulebook sections 1–7, continued: evaluations (R-EVAL-FREQ) and sanctions
// (R-SANCTION-*). Each test names its rule id.
import t from 'tap';
import { riGrant as grant } from '../helpers/rights.js';
import { ruleCases } from '../helpers/rule-cases.js';
import { contractEnd, nextEvaluationDue, evaluationCompliance, periodCompliance } from '../../src/rules/evaluation.js';
import {
  appealDeadline,
  checkSanctionLength,
  checkSanctionNotice,
  checkSanctionScope,
  checkSanctionStart,
  sanctionMaxMonths,
  sanctionStartWindow,
} from '../../src/rules/sanction.js';
import { msg, render } from '../../src/i18n/catalogue.js';

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
