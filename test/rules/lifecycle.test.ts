// Rule tables for rulebook sections 1–7, the worked cases of rule-cases.json first, then the
// boundaries of our own. Each test names its rule id.
import t from 'tap';
import { riGrant as grant } from '../helpers/rights.js';
import { ruleCases } from '../helpers/rule-cases.js';
import { checkReflection, reflectionPeriod } from '../../src/rules/reflection.js';
import { interviewDue } from '../../src/rules/evaluation.js';
import {
  checkObligation,
  checkSignatureAfterGrant,
  compulsoryOn,
  conclusionDeadline,
} from '../../src/rules/obligation.js';
import { render } from '../../src/i18n/catalogue.js';

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
