// Every rule of GET /v1/rules says its explanation — or its refusal — in fr, nl, de and en for a
// representative fact: said, no placeholder left, and not the English text in another language.
import t from 'tap';
import { msg, render, type Lang, type Message } from '../../src/i18n/catalogue.js';
import { ruleTable } from '../../src/rules/rule-table.js';
import { checkNiss } from '../../src/rules/identifiers.js';
import { checkReflection } from '../../src/rules/reflection.js';
import { interviewDue, nextEvaluationDue } from '../../src/rules/evaluation.js';
import {
  checkObligation,
  checkSignatureAfterGrant,
  compulsoryOn,
  conclusionDeadline,
} from '../../src/rules/obligation.js';
import {
  appealDeadline,
  checkSanctionNotice,
  checkSanctionScope,
  sanctionMaxMonths,
  sanctionStartWindow,
} from '../../src/rules/sanction.js';
import {
  checkActivationCategory,
  checkAssessmentFirst,
  checkContentComplete,
  checkDuration,
  checkSocialActivation,
} from '../../src/rules/content.js';
import { checkInformed } from '../../src/rules/parties.js';
import { progressOn } from '../../src/rules/progress.js';
import { subsidyStart } from '../../src/rules/subsidy-start.js';
import { secondYearVerdict, subsidyMonths, type SubsidyFacts } from '../../src/rules/subsidy-months.js';
import { compulsoryPiisMissing } from '../../src/rules/subsidy-couple.js';
import { subsidyExtensionDue } from '../../src/rules/deadlines.js';
import { expenseVerdict } from '../../src/rules/expenses.js';
import { indicators } from '../../src/rules/indicators.js';

const grant = {
  id: 'g',
  kind: 'ri' as const,
  category: 'isolated' as const,
  decidedOn: '2026-01-05',
  notifiedOn: null,
  startsOn: '2026-01-05',
  monthlyAmountCents: 130000,
};
const piis = {
  id: 'p',
  track: 'general' as const,
  signedOn: '2026-03-09',
  notedByCouncilOn: null,
  endedOn: null,
  endsOn: '2027-03-09',
  extensionRequestedOn: ['2026-11-20'],
};
const facts: SubsidyFacts = {
  birthDate: '1990-01-01',
  rights: [grant],
  suspensions: [{ from: '2026-04-01', to: '2026-04-10', percent: 100 }],
  piis: [piis],
  exemptions: [],
  situations: [],
};
const indicator = (key: string) => indicators([], 2026).find((i) => i.key === key)!.explanation;
const refusal = (r: { explanation: Message } | null) => r!.explanation;

/** One representative message per rule: what a reader is told when the rule speaks. */
const said: Record<string, () => Message> = {
  'R-ID-NISS': () => (checkNiss('85073003328') as { explanation: Message }).explanation,
  'R-ID-KBO': () => msg('check.kbo-digits'),
  'R-ID-NIS': () => msg('conflict.nis-codes', { codes: '11002' }),
  'R-RIGHT': () => msg('check.decision-before-notified'),
  'R-EXEMPT': () =>
    msg('view.exempted-within', {
      reason: 'health',
      decidedOn: msg('view.no-grant'),
      why: conclusionDeadline(grant).explanation,
    }),
  'R-CORRECT': () => msg('check.supersedes-not-in-force', { what: 'fact' }),
  'R-OBLIG-NEW': () =>
    compulsoryOn({ on: '2026-03-09', track: 'general', birthDate: null, rights: [grant] }).explanation,
  'R-OBLIG-DEADLINE': () =>
    refusal(checkSignatureAfterGrant({ obligation: 'compulsory', signedOn: '2026-01-01', rights: [grant] })),
  'R-OPT-EMPLOYED': () =>
    refusal(
      checkObligation({ obligation: 'compulsory', on: '2026-03-09', track: 'general', birthDate: null, rights: [] }),
    ),
  'R-OPT-OTHER-USERS': () =>
    refusal(checkSanctionScope({ obligation: 'coaching', decidedOn: '2026-05-01', rights: [grant] })),
  'R-STUDENT': () => compulsoryOn({ on: '2026-03-09', track: 'student', birthDate: null, rights: [grant] }).explanation,
  'R-REUSE': () =>
    refusal(
      checkAssessmentFirst({
        draftedOn: '2026-06-01',
        assessments: [],
        reuse: { employment: { startsOn: '2026-01-01', endsOn: '2026-05-01' }, earlierEndedOn: '2025-12-01' },
      }),
    ),
  'R-COUPLE': () => msg('check.partner'),
  'R-ASSESS-FIRST': () => refusal(checkAssessmentFirst({ draftedOn: '2026-02-25', assessments: [], reuse: null })),
  'R-ASSESS-BASELINE': () => msg('piis.baseline-unknown'),
  'R-ASSIST': () => msg('doc.assisted-by', { name: 'A', relation: 'B' }),
  'R-INFORM': () => refusal(checkInformed({ informedOn: '2026-03-05', signedOn: '2026-03-04', path: '/x' })),
  'R-REFLECT': () =>
    refusal(
      checkReflection({
        handedOverOn: '2026-03-02',
        signedOn: '2026-03-04',
        waiverRecorded: false,
        waiverAllowed: false,
      }),
    ),
  'R-HEARING': () => msg('piis.hearing-blocks', { requestedOn: '—', signedOn: '—' }),
  'R-CONTENT': () => checkContentComplete({}, 'handover')!.refusal.explanation,
  'R-PARTIES': () => msg('piis.already-signed', { party: 'cpas' }),
  'R-SIGNED-VERSION': () =>
    msg('piis.action-not-allowed', { action: 'updatePiisDraft', status: 'active', allowed: 'amendPiis' }),
  'R-KIND': () => msg('code.track.student'),
  'R-SOCIAL-ACTIVATION': () => refusal(checkSocialActivation({ activationCategory: '2.1', domains: ['employment'] })),
  'R-COMMUNITY-SERVICE': () => refusal(checkActivationCategory('community_service', '2019-01-01')),
  'R-VOLUNTEERING': () => refusal(checkActivationCategory('2.3', '2019-01-01')),
  'R-EVAL-FREQ': () => nextEvaluationDue({ signedOn: '2026-03-09', closed: false, evaluations: [] }).explanation,
  'R-EVAL-INTERVIEW': () => interviewDue('2026-11-06').explanation,
  'R-EVAL-CONTENT': () => msg('piis.no-objective', { version: 1, heldOn: '—', key: 'o1' }),
  'R-PROGRESS': () =>
    progressOn({
      baseline: {
        id: 'a',
        performedOn: '2026-01-01',
        participationRung: 2,
        domainScores: [{ domain: 'housing', score: 2 }],
      },
      measurements: [
        { id: 'b', performedOn: '2026-06-01', participationRung: 3, domainScores: [{ domain: 'housing', score: 3 }] },
      ],
      on: '2026-12-31',
    }).explanation,
  'R-DURATION': () => refusal(checkDuration({ startsOn: '2026-03-09', endsOn: '2026-03-01' })),
  'R-AMEND': () => msg('piis.amendment-signature-missing', { party: 'beneficiary' }),
  'R-PROLONG': () => msg('deadline.piis-end', { endsOn: '—' }),
  'R-CLOSE': () => msg('order.end-before-draft', { endedOn: '—', draftedOn: '—' }),
  'R-SANCTION-SCOPE': () =>
    refusal(checkSanctionScope({ obligation: 'compulsory', decidedOn: '2025-01-01', rights: [grant] })),
  'R-SANCTION-NOTICE': () =>
    refusal(
      checkSanctionNotice({
        noticeIssuedOn: null,
        decidedOn: '2026-05-01',
        hearingRequested: false,
        hearingHeldOn: null,
      }),
    ),
  'R-SANCTION-LENGTH': () => sanctionMaxMonths('2026-03-01', ['2025-06-01']).explanation,
  'R-SANCTION-START': () => sanctionStartWindow('2026-09-01', '2026-09-02').explanation,
  'R-SANCTION-APPEAL': () => appealDeadline('2026-09-02').explanation,
  'R-SUB-START': () =>
    subsidyStart({ signedOn: '2026-03-09', notedByCouncilOn: null, track: 'general', rights: [grant] }).explanation,
  'R-SUB-FIRST': () => subsidyMonths(facts, 2026)[3]!.explanation,
  'R-SUB-STUDENT': () =>
    subsidyStart({ signedOn: '2026-03-09', notedByCouncilOn: null, track: 'student', rights: [grant] }).explanation,
  'R-SUB-RATE': () => subsidyMonths(facts, 2026)[0]!.explanation,
  'R-SUB-SECOND': () => secondYearVerdict(facts, piis).explanation,
  'R-SUB-INTERRUPT': () => msg('sub.interrupt', { limit: 3, from: '—', to: '—' }),
  'R-SUB-COUPLE': () => compulsoryPiisMissing(facts, '2026-06').explanation,
  'R-SUB-EXPLAIN': () => subsidyExtensionDue('2026-03-01').explanation,
  'R-IND-2015': () => indicator('assessments'),
  'R-IND-OUTCOMES': () => indicator('outcomes.employment'),
  'R-IND-ENTITLED': () => indicator('entitled.riPercent'),
  'R-IND-COMPLIANCE': () => indicator('compliance.medianDaysToSignature'),
  'R-SUB-COSTS': () =>
    expenseVerdict({
      subsidy: 'piis10',
      category: 'rent',
      amountCents: 1000,
      activation: null,
      staff: null,
      linkJustification: null,
      alreadyJustifiedUnder: null,
    }).explanation,
  'R-PAS-COSTS': () =>
    expenseVerdict({
      subsidy: 'pas',
      category: 'renovation',
      amountCents: 1000,
      activation: null,
      staff: null,
      linkJustification: null,
      alreadyJustifiedUnder: null,
    }).explanation,
  'R-PAS-MODULES': () => msg('check.session-outside', { heldOn: '—', startsOn: '—', endsOn: msg('check.open-end') }),
  'R-IND-PRIVACY': () => msg('ind.suppressed-primary'),
};

t.test('every rule of the rule table has a representative message', async (t) => {
  t.same(Object.keys(said).sort(), ruleTable.map((r) => r.id).sort());
});

t.test('every rule says its representative message in fr, nl, de and en', async (t) => {
  for (const [rule, message] of Object.entries(said)) {
    const texts = Object.fromEntries(
      (['fr', 'nl', 'de', 'en'] as Lang[]).map((lang) => [lang, render(lang, message())]),
    ) as Record<Lang, string>;
    for (const [lang, text] of Object.entries(texts)) {
      t.ok(text.length > 5, `${rule} [${lang}]: ${text.slice(0, 90)}`);
      t.notMatch(text, /[{}]/, `${rule} [${lang}]: no placeholder left`);
    }
    for (const lang of ['fr', 'nl', 'de'] as const)
      if (texts.en.length > 20) t.not(texts[lang], texts.en, `${rule} [${lang}] is not the English text`);
  }
});
