// The legal deadlines of a CPAS (listDeadlines), each computed by rules/ from the facts in force
// and carrying its rule and explanation: conclusion within 3 months of the grant (compulsory, not
// exempted), reflection end, pending hearings, next evaluation, interviews, PIIS ends, subsidy
// extension requests, sanction appeals. Sorted by due date; filtered by period, kind and status.
import type { RequestContext } from '../../http/context.js';
import { readUnit } from '../../http/work.js';
import { AppError } from '../../http/problem.js';
import type { Tx } from '../../db/tenant.js';
import { compulsoryOn, conclusionDeadline } from '../../rules/obligation.js';
import { openingGrant, rightSegments, type RightDecisionFact } from '../../rules/rights.js';
import { reflectionPeriod } from '../../rules/reflection.js';
import { interviewDue, nextEvaluationDue } from '../../rules/evaluation.js';
import { appealDeadline } from '../../rules/sanction.js';
import { subsidyStart } from '../../rules/subsidy-start.js';
import { deadlineStatus, subsidyExtensionDue } from '../../rules/deadlines.js';
import { describeDate } from '../../rules/dates.js';
import * as repo from './deadlines.repository.js';
import type { Deadline, DeadlineListQuery } from './deadlines.schemas.js';

type Kind = Deadline['kind'];
const KINDS: readonly Kind[] = ['piis-conclusion', 'reflection-end', 'hearing-pending', 'evaluation', 'interview', 'piis-end', 'subsidy-extension', 'sanction-appeal'];

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

const toFact = (r: repo.RightRow): RightDecisionFact => ({
  id: r.id,
  kind: r.kind,
  category: r.category,
  decidedOn: r.decided_on,
  notifiedOn: r.notified_on,
  startsOn: r.starts_on,
  monthlyAmountCents: r.monthly_amount_cents === null ? null : Number(r.monthly_amount_cents),
});

/** R-OBLIG-DEADLINE for each person whose RI right makes a PIIS compulsory (R-OBLIG-NEW) and who is not exempted (R-EXEMPT). */
function conclusionDeadlines(today: string, rights: Map<string, RightDecisionFact[]>, exemptions: Map<string, Array<{ decided_on: string }>>, piisOf: Map<string, repo.PiisDeadlineRow[]>): Deadline[] {
  const out: Deadline[] = [];
  for (const [beneficiaryId, facts] of rights) {
    const opening = openingGrant(rightSegments(facts), today, ['ri']);
    if (!opening) continue;
    if (!compulsoryOn({ on: today, track: 'general', birthDate: null, rights: facts }).value) continue;
    if ((exemptions.get(beneficiaryId) ?? []).some((e) => e.decided_on >= opening.grant.decidedOn)) continue;
    const due = conclusionDeadline(opening.grant);
    const concluded = (piisOf.get(beneficiaryId) ?? [])
      .filter((p) => p.signed_on !== null && p.signed_on >= opening.grant.decidedOn)
      .sort((a, b) => (a.signed_on! < b.signed_on! ? -1 : 1))[0];
    out.push({
      kind: 'piis-conclusion',
      dueOn: due.value!,
      status: deadlineStatus(due.value!, today, !!concluded),
      beneficiaryId,
      ...(concluded ? { piisId: concluded.id } : {}),
      rule: due.rule,
      explanation: concluded
        ? `${due.explanation}; concluded on ${concluded.signed_on}${concluded.signed_on! > due.value! ? ', late' : ''}`
        : `${due.explanation}; no PIIS concluded and no exemption (R-EXEMPT) recorded yet`,
    });
  }
  return out;
}

function piisDeadlines(today: string, kinds: ReadonlySet<Kind>, piis: readonly repo.PiisDeadlineRow[], rights: Map<string, RightDecisionFact[]>): Deadline[] {
  const out: Deadline[] = [];
  for (const p of piis) {
    const base = { beneficiaryId: p.beneficiary_id, piisId: p.id };
    if (kinds.has('reflection-end') && p.handed_over_on) {
      const end = reflectionPeriod(p.handed_over_on).endsOn;
      out.push({ kind: 'reflection-end', dueOn: end.value!, status: deadlineStatus(end.value!, today, p.signed_on !== null || p.stage === 'closed'), ...base, rule: end.rule, explanation: end.explanation });
    }
    if (p.stage !== 'signed') continue;
    if (kinds.has('evaluation')) {
      const next = nextEvaluationDue({ signedOn: p.signed_on, closed: false, evaluations: (p.evaluations ?? []).map((e) => ({ heldOn: e.held_on, mode: e.mode })) });
      if (next.value) out.push({ kind: 'evaluation', dueOn: next.value, status: deadlineStatus(next.value, today, false), ...base, rule: next.rule, explanation: next.explanation });
    }
    if (kinds.has('piis-end') && p.ends_on) {
      out.push({
        kind: 'piis-end',
        dueOn: p.ends_on,
        status: deadlineStatus(p.ends_on, today, false),
        ...base,
        rule: 'R-DURATION',
        explanation: `The contract ends on ${describeDate(p.ends_on)}: close it (R-CLOSE) or prolong it by an amendment (R-PROLONG)`,
      });
    }
    if (kinds.has('subsidy-extension') && p.track === 'general') {
      const start = subsidyStart({ signedOn: p.signed_on, notedByCouncilOn: p.noted_by_council_on, track: p.track, rights: rights.get(p.beneficiary_id) ?? [] });
      if (start.value) {
        const due = subsidyExtensionDue(start.value);
        const asked = p.first_extension_on !== null && p.first_extension_on <= due.value!;
        out.push({
          kind: 'subsidy-extension',
          dueOn: due.value!,
          status: deadlineStatus(due.value!, today, asked),
          ...base,
          rule: due.rule,
          explanation: asked ? `${due.explanation}; requested on ${p.first_extension_on}` : `${due.explanation}; only for a person particularly far from integration — not automatic`,
        });
      }
    }
  }
  return out;
}

async function gather(tx: Tx, ctx: RequestContext, kinds: ReadonlySet<Kind>): Promise<Deadline[]> {
  const today = ctx.today;
  const needsRights = kinds.has('piis-conclusion') || kinds.has('subsidy-extension');
  const needsPiis = needsRights || ['reflection-end', 'evaluation', 'piis-end'].some((k) => kinds.has(k as Kind));
  const piis = needsPiis ? await repo.piisForDeadlines(tx, ctx.cpasId) : [];
  const rights = needsRights ? new Map([...groupBy(await repo.rightsInForce(tx, ctx.cpasId), (r) => r.beneficiary_id)].map(([k, v]) => [k, v.map(toFact)])) : new Map<string, RightDecisionFact[]>();
  const out: Deadline[] = [];
  if (kinds.has('piis-conclusion')) {
    const exemptions = groupBy(await repo.exemptionsInForce(tx, ctx.cpasId), (e) => e.beneficiary_id);
    out.push(...conclusionDeadlines(today, rights, exemptions, groupBy(piis, (p) => p.beneficiary_id)));
  }
  out.push(...piisDeadlines(today, kinds, piis, rights));
  if (kinds.has('hearing-pending')) {
    for (const h of await repo.requestsOf(tx, ctx.cpasId, 'piis_hearing_request')) {
      const closedOn = h.held_on ?? h.withdrawn_on;
      out.push({
        kind: 'hearing-pending',
        dueOn: h.requested_on,
        status: closedOn ? 'met' : 'due',
        beneficiaryId: h.beneficiary_id,
        piisId: h.piis_id,
        recordId: h.id,
        rule: 'R-HEARING',
        explanation: closedOn
          ? `Hearing requested on ${h.requested_on}, ${h.held_on ? 'held' : 'withdrawn'} on ${closedOn}`
          : `Hearing requested on ${describeDate(h.requested_on)}: due from that day until it is held or withdrawn; signature is blocked meanwhile`,
      });
    }
  }
  if (kinds.has('interview')) {
    for (const i of await repo.requestsOf(tx, ctx.cpasId, 'piis_interview_request')) {
      const due = interviewDue(i.requested_on);
      out.push({
        kind: 'interview',
        dueOn: due.value!,
        status: deadlineStatus(due.value!, today, i.held_on !== null),
        beneficiaryId: i.beneficiary_id,
        piisId: i.piis_id,
        recordId: i.id,
        rule: due.rule,
        explanation: i.held_on ? `${due.explanation}; held on ${i.held_on}${i.held_on > due.value! ? ', late' : ''}` : due.explanation,
      });
    }
  }
  if (kinds.has('sanction-appeal')) {
    for (const s of await repo.sanctionsInForce(tx, ctx.cpasId)) {
      const until = appealDeadline(s.notified_on);
      const ended = until.value! < today;
      out.push({
        kind: 'sanction-appeal',
        dueOn: until.value!,
        status: ended ? 'met' : deadlineStatus(until.value!, today, false),
        beneficiaryId: s.beneficiary_id,
        piisId: s.piis_id,
        recordId: s.id,
        rule: until.rule,
        explanation: ended ? `${until.explanation}; the appeal period has ended` : until.explanation,
      });
    }
  }
  return out;
}

const keyOf = (d: Deadline) => `${d.dueOn}|${d.kind}|${d.recordId ?? d.piisId ?? d.beneficiaryId}`;

function decodeKey(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  try {
    const k = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown }).k;
    if (typeof k === 'string' && /^\d{4}-\d{2}-\d{2}\|[a-z-]+\|[0-9a-f-]{36}$/.test(k)) return k;
  } catch {
    // fall through
  }
  throw new AppError('invalid-cursor', 'The cursor is not one this service issued');
}

export async function listDeadlines(ctx: RequestContext, query: DeadlineListQuery) {
  if (query.from && query.to && query.to < query.from) {
    throw new AppError('validation-failed', 'to is before from', { errors: [{ path: '/query/to', message: 'must be on or after from' }] });
  }
  const limit = query.limit ?? 50;
  const after = decodeKey(query.cursor);
  const kinds = new Set<Kind>(query.kind ? [query.kind as Kind] : KINDS);
  const all = await readUnit(ctx, (tx) => gather(tx, ctx, kinds));
  const items = all
    .filter((d) => (!query.from || d.dueOn >= query.from) && (!query.to || d.dueOn <= query.to) && (!query.status || d.status === query.status))
    .map((d) => ({ d, k: keyOf(d) }))
    .filter((x) => after === null || x.k > after)
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const page = items.slice(0, limit).map((x) => x.d);
  const nextCursor = items.length > limit ? Buffer.from(JSON.stringify({ k: items[limit - 1]!.k })).toString('base64url') : null;
  return { items: page, nextCursor };
}
