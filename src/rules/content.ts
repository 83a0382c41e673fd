// What a PIIS must contain (R-CONTENT, R-DURATION), which activation categories its draft date
// allows (R-COMMUNITY-SERVICE, R-VOLUNTEERING), and the assessment that must precede it
// (R-ASSESS-FIRST, R-REUSE).
import { addDays, addMonths } from './dates.js';
import { refuse, type Refusal } from './explained.js';
import { numberParameter, parametersOn, versionOn } from './rule-table.js';

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
  message: string;
}

/** Every gap between the content and R-CONTENT (empty when complete), each with its JSON pointer. */
export function contentGaps(c: PiisContent): Gap[] {
  const gaps: Gap[] = [];
  const objectives = c.objectives ?? [];
  const commitments = c.commitments ?? [];
  if (objectives.length === 0) gaps.push({ path: '/objectives', message: 'at least one objective is required' });
  if ((c.domains ?? []).length === 0) gaps.push({ path: '/domains', message: 'the domains of activity are required' });
  const keys = new Set<string>();
  objectives.forEach((o, i) => {
    if (keys.has(o.key)) gaps.push({ path: `/objectives/${i}/key`, message: `objective key ${o.key} is used twice` });
    keys.add(o.key);
  });
  for (const party of ['beneficiary', 'cpas'] as const) {
    if (!commitments.some((x) => x.party === party)) gaps.push({ path: '/commitments', message: `the commitments of the ${party} are required` });
  }
  commitments.forEach((x, i) => {
    if (x.objectiveKeys.length === 0) gaps.push({ path: `/commitments/${i}/objectiveKeys`, message: 'a commitment is tied to at least one objective' });
    x.objectiveKeys.forEach((k, j) => {
      if (!keys.has(k)) gaps.push({ path: `/commitments/${i}/objectiveKeys/${j}`, message: `no objective has the key ${k}` });
    });
    if (x.party === 'third_party' && !x.thirdPartyName) gaps.push({ path: `/commitments/${i}/thirdPartyName`, message: 'a third party is named' });
  });
  if (!c.startsOn) gaps.push({ path: '/startsOn', message: 'the start date is required (R-DURATION)' });
  if (!c.endsOn) gaps.push({ path: '/endsOn', message: 'the end date is required (R-DURATION)' });
  if (!c.evaluationArrangements) gaps.push({ path: '/evaluationArrangements', message: 'the evaluation arrangements are required' });
  if (!c.supplementaryAid) gaps.push({ path: '/supplementaryAid', message: 'the supplementary aid granted is required' });
  return gaps;
}

export function checkContentComplete(c: PiisContent, moment: string): { refusal: Refusal; gaps: Gap[] } | null {
  const gaps = contentGaps(c);
  if (gaps.length === 0) return null;
  return {
    refusal: refuse('content-incomplete', 'R-CONTENT', `The content is incomplete for ${moment}: ${gaps.map((g) => `${g.path} ${g.message}`).join('; ')}`),
    gaps,
  };
}

/** R-DURATION: an end before the start is never a duration. */
export function checkDuration(c: PiisContent): Refusal | null {
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) {
    return refuse('invalid-period', 'R-DURATION', `The PIIS cannot end (${c.endsOn}) before it starts (${c.startsOn})`, '/endsOn');
  }
  return null;
}

/** R-COMMUNITY-SERVICE and R-VOLUNTEERING, judged on the draft date. */
export function checkActivationCategory(category: string | null | undefined, draftedOn: string): Refusal | null {
  if (category === 'community_service' && !versionOn('R-COMMUNITY-SERVICE', draftedOn)) {
    return refuse('category-not-allowed', 'R-COMMUNITY-SERVICE', `Community service existed only from 2016-11-01 to 2018-09-30 (annulled by the Constitutional Court, ruling 86/2018); this PIIS is drafted on ${draftedOn}`, '/activationCategory');
  }
  if (category === '2.3' && parametersOn('R-VOLUNTEERING', draftedOn)['pathAllowed'] === false) {
    return refuse('category-not-allowed', 'R-VOLUNTEERING', `Since the circular of 2018-07-26 volunteering may not be a condition of a PIIS: path 2.3 is refused for a PIIS drafted on ${draftedOn}`, '/activationCategory');
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
 * PIIS of the person updated and re-signed) none is needed when the job in between lasted under
 * 3 months; after a longer job, a new one performed since the job started is.
 */
export function checkAssessmentFirst(input: { draftedOn: string; assessments: readonly AssessmentFact[]; reuse: { employment: EmploymentFact | null } | null }): Refusal | null {
  const before = input.assessments.filter((a) => a.performedOn <= input.draftedOn);
  if (input.reuse) {
    const job = input.reuse.employment;
    const maxMonths = numberParameter('R-REUSE', input.draftedOn, 'maxWorkMonths');
    if (!job || !job.endsOn || job.endsOn < addDays(addMonths(job.startsOn, maxMonths), -1)) return null;
    if (before.some((a) => a.performedOn >= job.startsOn)) return null;
    return refuse('assessment-missing', 'R-REUSE', `The earlier PIIS is reused, but the job in between (${job.startsOn} to ${job.endsOn}) lasted ${maxMonths} months or more: a new assessment, performed since ${job.startsOn} and on or before the draft date ${input.draftedOn}, is required`);
  }
  if (before.length > 0) return null;
  return refuse('assessment-missing', 'R-ASSESS-FIRST', `No assessment (bilan social) of this person was performed on or before the draft date ${input.draftedOn}; record one before handing the PIIS over`);
}
