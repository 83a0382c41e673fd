// What a PIIS must contain (R-CONTENT, R-DURATION), which activation categories its draft date
// allows (R-COMMUNITY-SERVICE, R-VOLUNTEERING), and the assessment that must precede it
// (R-ASSESS-FIRST, R-REUSE).
import { addDays, addMonths } from './dates.js';
import { refuse, type Refusal } from './explained.js';
import { date, msg, type Message, type MessageId } from '../i18n/catalogue.js';
import { numberParameter, parametersOn, versionOn } from './rule-table.js';
import { PROFESSIONAL_DOMAINS } from './activation-kinds.js';

export interface Objective {
  key: string;
  domain: string;
  description: string;
  dueOn?: string | null;
}

export interface Commitment {
  party: 'beneficiary' | 'cpas' | 'third_party';
  thirdPartyName?: string | null;
  description: string;
  objectiveKeys: string[];
}

export interface PiisContent {
  domains?: string[];
  activationCategory?: string | null;
  objectives?: Objective[];
  commitments?: Commitment[];
  startsOn?: string | null;
  endsOn?: string | null;
  evaluationArrangements?: string | null;
  supplementaryAid?: string | null;
}

export interface Gap {
  path: string;
  message: Message;
}

/** Every gap between the content and R-CONTENT (empty when complete), each with its JSON pointer. */
export function contentGaps(c: PiisContent): Gap[] {
  const gaps: Gap[] = [];
  const objectives = c.objectives ?? [];
  const commitments = c.commitments ?? [];
  if (objectives.length === 0) gaps.push({ path: '/objectives', message: msg('content.objective-required') });
  if ((c.domains ?? []).length === 0) gaps.push({ path: '/domains', message: msg('content.domains-required') });
  const keys = new Set<string>();
  objectives.forEach((o, i) => {
    if (keys.has(o.key)) gaps.push({ path: `/objectives/${i}/key`, message: msg('content.key-twice', { key: o.key }) });
    keys.add(o.key);
  });
  for (const party of ['beneficiary', 'cpas'] as const) {
    if (!commitments.some((x) => x.party === party))
      gaps.push({ path: '/commitments', message: msg('content.commitments-of', { party }) });
  }
  commitments.forEach((x, i) => {
    if (x.objectiveKeys.length === 0)
      gaps.push({ path: `/commitments/${i}/objectiveKeys`, message: msg('content.commitment-objective') });
    x.objectiveKeys.forEach((k, j) => {
      if (!keys.has(k))
        gaps.push({
          path: `/commitments/${i}/objectiveKeys/${j}`,
          message: msg('content.no-objective-key', { key: k }),
        });
    });
    if (x.party === 'third_party' && !x.thirdPartyName)
      gaps.push({ path: `/commitments/${i}/thirdPartyName`, message: msg('content.third-party-named') });
  });
  if (!c.startsOn) gaps.push({ path: '/startsOn', message: msg('content.start-required') });
  if (!c.endsOn) gaps.push({ path: '/endsOn', message: msg('content.end-required') });
  if (!c.evaluationArrangements)
    gaps.push({ path: '/evaluationArrangements', message: msg('content.evaluation-required') });
  if (!c.supplementaryAid) gaps.push({ path: '/supplementaryAid', message: msg('content.aid-required') });
  return gaps;
}

export function checkContentComplete(
  c: PiisContent,
  moment: 'handover' | 'amendment',
): { refusal: Refusal; gaps: Gap[] } | null {
  const gaps = contentGaps(c);
  if (gaps.length === 0) return null;
  return {
    refusal: refuse(
      'content-incomplete',
      'R-CONTENT',
      msg('content.incomplete', {
        moment,
        gaps: gaps.map((g) => msg('check.field-error', { path: g.path, message: g.message })),
      }),
    ),
    gaps,
  };
}

/** R-DURATION: an end before the start is never a duration. */
export function checkDuration(c: PiisContent): Refusal | null {
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) {
    return refuse(
      'invalid-period',
      'R-DURATION',
      msg('content.ends-before-start', { endsOn: date(c.endsOn), startsOn: date(c.startsOn) }),
      '/endsOn',
    );
  }
  return null;
}

const SOCIAL_ACTIVATION_CATEGORIES = ['2.1', '2.2', '2.3'];

/**
 * R-SOCIAL-ACTIVATION: a social-activation path (2.1–2.3) needs social-activation content — at least
 * one domain, of the PIIS or of an objective, that is not professional activation. Judged once the
 * content names a domain (a draft may have none yet; handover requires them, R-CONTENT).
 */
export function checkSocialActivation(c: PiisContent): Refusal | null {
  if (!SOCIAL_ACTIVATION_CATEGORIES.includes(c.activationCategory ?? '')) return null;
  const domains = [...(c.domains ?? []), ...(c.objectives ?? []).map((o) => o.domain)];
  if (domains.length === 0 || domains.some((d) => !PROFESSIONAL_DOMAINS.includes(d))) return null;
  return refuse(
    'category-not-allowed',
    'R-SOCIAL-ACTIVATION',
    msg('content.social-activation', {
      category: c.activationCategory!,
      domains: [...new Set(domains)].map((d) => msg(`code.domain.${d}` as MessageId)),
    }),
    '/activationCategory',
  );
}

/** R-COMMUNITY-SERVICE and R-VOLUNTEERING, judged on the draft date. */
export function checkActivationCategory(category: string | null | undefined, draftedOn: string): Refusal | null {
  if (category === 'community_service' && !versionOn('R-COMMUNITY-SERVICE', draftedOn)) {
    return refuse(
      'category-not-allowed',
      'R-COMMUNITY-SERVICE',
      msg('content.community-service', { draftedOn: date(draftedOn) }),
      '/activationCategory',
    );
  }
  if (category === '2.3' && parametersOn('R-VOLUNTEERING', draftedOn)['pathAllowed'] === false) {
    return refuse(
      'category-not-allowed',
      'R-VOLUNTEERING',
      msg('content.volunteering', { draftedOn: date(draftedOn) }),
      '/activationCategory',
    );
  }
  return null;
}

export interface AssessmentFact {
  id: string;
  performedOn: string;
}

export interface EmploymentFact {
  startsOn: string;
  endsOn: string | null;
}

/**
 * R-ASSESS-FIRST: an assessment performed on or before the draft date. Under R-REUSE (an earlier
 * PIIS of the person updated and re-signed) none is needed only when the person is back from a
 * job that ended and lasted under 3 months; otherwise — a longer job, a job with no end recorded,
 * or no job recorded at all — a new one is, performed since the job started (or, without a job,
 * since the earlier PIIS ended: `earlierEndedOn`).
 */
export function checkAssessmentFirst(input: {
  draftedOn: string;
  assessments: readonly AssessmentFact[];
  reuse: { employment: EmploymentFact | null; earlierEndedOn: string } | null;
}): Refusal | null {
  const before = input.assessments.filter((a) => a.performedOn <= input.draftedOn);
  if (input.reuse) {
    const job = input.reuse.employment;
    const maxMonths = numberParameter('R-REUSE', input.draftedOn, 'maxWorkMonths');
    if (job?.endsOn && job.endsOn < addDays(addMonths(job.startsOn, maxMonths), -1)) return null;
    const since = job ? job.startsOn : input.reuse.earlierEndedOn;
    if (before.some((a) => a.performedOn >= since)) return null;
    const draftedOn = date(input.draftedOn);
    if (!job)
      return refuse(
        'assessment-missing',
        'R-REUSE',
        msg('content.reuse-no-job', { months: maxMonths, since: date(since), draftedOn }),
      );
    if (!job.endsOn)
      return refuse(
        'assessment-missing',
        'R-REUSE',
        msg('content.reuse-open-job', { jobFrom: date(job.startsOn), months: maxMonths, draftedOn }),
      );
    return refuse(
      'assessment-missing',
      'R-REUSE',
      msg('content.reuse-needs-assessment', {
        jobFrom: date(job.startsOn),
        jobTo: date(job.endsOn),
        months: maxMonths,
        draftedOn,
      }),
    );
  }
  if (before.length > 0) return null;
  return refuse(
    'assessment-missing',
    'R-ASSESS-FIRST',
    msg('content.assessment-first', { draftedOn: date(input.draftedOn) }),
  );
}
