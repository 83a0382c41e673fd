// The rulebook's worked cases (test/fixtures/rule-cases.json), their explanations said in one
// language per case in turn (fr, nl, de): each names the dates it computed, with their weekday,
// in that language.
import t from 'tap';
import { ruleCases as cases } from '../helpers/rule-cases.js';
import { render, sayDate, type Lang } from '../../src/i18n/catalogue.js';
import { reflectionPeriod } from '../../src/rules/reflection.js';
import { interviewDue } from '../../src/rules/evaluation.js';
import { conclusionDeadline } from '../../src/rules/obligation.js';
import { appealDeadline, sanctionStartWindow } from '../../src/rules/sanction.js';

const LANGS: Lang[] = ['fr', 'nl', 'de'];
const turn = (i: number) => LANGS[i % LANGS.length]!;

t.test('R-REFLECT: each worked case explains its period and earliest signature in its language', async (t) => {
  cases['R-REFLECT'].forEach((c: any, i: number) => {
    const lang = turn(i);
    const said = render(lang, reflectionPeriod(c.handedOverOn).earliestSignatureOn.explanation);
    for (const d of [c.handedOverOn, c.reflectionEndsOn, c.earliestSignatureOn])
      t.ok(said.includes(sayDate(lang, d)), `${c.handedOverOn} [${lang}] names ${sayDate(lang, d)}`);
  });
});

t.test('R-EVAL-INTERVIEW: each worked case explains its due date in its language', async (t) => {
  cases['R-EVAL-INTERVIEW'].forEach((c: any, i: number) => {
    const lang = turn(i);
    const said = render(lang, interviewDue(c.requestedOn).explanation);
    t.ok(
      said.includes(sayDate(lang, c.requestedOn)) && said.includes(sayDate(lang, c.dueOn)),
      `${c.requestedOn} → ${c.dueOn} [${lang}]: ${said.slice(0, 100)}`,
    );
  });
});

t.test('R-OBLIG-DEADLINE: each worked case explains its deadline in its language', async (t) => {
  cases['R-OBLIG-DEADLINE'].forEach((c: any, i: number) => {
    const lang = turn(i);
    const grant = {
      id: 'g',
      kind: 'ri' as const,
      category: 'isolated' as const,
      decidedOn: c.grantDecidedOn,
      startsOn: c.grantDecidedOn,
      endsOn: null,
      monthlyAmountCents: 100,
      notifiedOn: null,
    };
    const said = render(lang, conclusionDeadline(grant as never).explanation);
    t.ok(
      said.includes(sayDate(lang, c.concludeBy)),
      `${c.grantDecidedOn} → ${c.concludeBy} [${lang}]: ${said.slice(0, 100)}`,
    );
  });
});

t.test('R-SANCTION-START and R-SANCTION-APPEAL: each worked case explains its dates in its language', async (t) => {
  cases['R-SANCTION-START'].forEach((c: any, i: number) => {
    const lang = turn(i);
    const said = render(lang, sanctionStartWindow(c.decidedOn, c.notifiedOn).explanation);
    t.ok(said.includes(sayDate(lang, c.startUntil)), `window until ${c.startUntil} [${lang}]: ${said.slice(0, 100)}`);
  });
  cases['R-SANCTION-APPEAL'].forEach((c: any, i: number) => {
    const lang = turn(i);
    const said = render(lang, appealDeadline(c.notifiedOn).explanation);
    t.ok(said.includes(sayDate(lang, c.appealUntil)), `appeal until ${c.appealUntil} [${lang}]: ${said.slice(0, 100)}`);
  });
});
