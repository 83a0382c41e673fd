// The deadline engine: computes every legal deadline of some beneficiaries from the facts in force
// (through rules/, each with its rule and explanation) and stores them, in the unit of work that
// changed those facts. Reading a list is then one indexed query, whatever the size of the CPAS.
import type { CompiledQuery } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { compulsoryOn, conclusionDeadline } from '../../rules/obligation.js';
import { openingGrant, rightSegments, type RightDecisionFact } from '../../rules/rights.js';
import { reflectionPeriod } from '../../rules/reflection.js';
import { interviewDue, nextEvaluationDue } from '../../rules/evaluation.js';
import { appealDeadline } from '../../rules/sanction.js';
import { subsidyStart } from '../../rules/subsidy-start.js';
import { deadlineStatus, subsidyExtensionDue } from '../../rules/deadlines.js';
import * as repo from './deadlines.repository.js';
import { toRightDecisionFact } from '../../db/right-decision-row.js';
import type { Deadline } from './deadlines.schemas.js';
import { date, msg, type Message } from '../../i18n/catalogue.js';
import { storeText } from '../../i18n/stored.js';

type Kind = Deadline['kind'];
/** A computed deadline; its status here only tells whether it is met. */
type Item = Omit<Deadline, 'explanation'> & { explain(): Message };

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

/**
 * R-OBLIG-DEADLINE for each person whose RI right makes a PIIS compulsory (R-OBLIG-NEW) and who is not exempted
 * (R-EXEMPT).
 */
function conclusionDeadlines(
  today: string,
  rights: Map<string, RightDecisionFact[]>,
  exemptions: Map<string, Array<{ decided_on: string }>>,
  piisOf: Map<string, repo.PiisDeadlineRow[]>,
): Item[] {
  const out: Item[] = [];
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
      explain: () =>
        concluded
          ? msg('deadline.concluded', {
              why: due.explanation,
              signedOn: date(concluded.signed_on!),
              late: concluded.signed_on! > due.value! ? 'yes' : 'no',
            })
          : msg('deadline.not-concluded', { why: due.explanation }),
    });
  }
  return out;
}

function piisDeadlines(
  today: string,
  kinds: ReadonlySet<Kind>,
  piis: readonly repo.PiisDeadlineRow[],
  rights: Map<string, RightDecisionFact[]>,
): Item[] {
  const out: Item[] = [];
  for (const p of piis) {
    const base = { beneficiaryId: p.beneficiary_id, piisId: p.id };
    if (kinds.has('reflection-end') && p.handed_over_on) {
      const end = reflectionPeriod(p.handed_over_on).endsOn;
      out.push({
        kind: 'reflection-end',
        dueOn: end.value!,
        status: deadlineStatus(end.value!, today, p.signed_on !== null || p.stage === 'closed'),
        ...base,
        rule: end.rule,
        explain: () => end.explanation,
      });
    }
    if (p.stage !== 'signed') continue;
    if (kinds.has('evaluation')) {
      const next = nextEvaluationDue({
        signedOn: p.signed_on,
        closed: false,
        evaluations: (p.evaluations ?? []).map((e) => ({ heldOn: e.held_on, mode: e.mode })),
      });
      if (next.value)
        out.push({
          kind: 'evaluation',
          dueOn: next.value,
          status: deadlineStatus(next.value, today, false),
          ...base,
          rule: next.rule,
          explain: () => next.explanation,
        });
    }
    const endsOn = p.ends_on;
    if (kinds.has('piis-end') && endsOn) {
      out.push({
        kind: 'piis-end',
        dueOn: endsOn,
        status: deadlineStatus(endsOn, today, false),
        ...base,
        rule: 'R-DURATION',
        explain: () => msg('deadline.piis-end', { endsOn: date(endsOn) }),
      });
    }
    if (kinds.has('subsidy-extension') && p.track === 'general') {
      const start = subsidyStart({
        signedOn: p.signed_on,
        notedByCouncilOn: p.noted_by_council_on,
        track: p.track,
        rights: rights.get(p.beneficiary_id) ?? [],
      });
      if (start.value) {
        const due = subsidyExtensionDue(start.value);
        const asked = p.first_extension_on !== null && p.first_extension_on <= due.value!;
        out.push({
          kind: 'subsidy-extension',
          dueOn: due.value!,
          status: deadlineStatus(due.value!, today, asked),
          ...base,
          rule: due.rule,
          explain: () =>
            asked
              ? msg('deadline.extension-asked', { why: due.explanation, requestedOn: date(p.first_extension_on!) })
              : msg('deadline.extension-not-automatic', { why: due.explanation }),
        });
      }
    }
  }
  return out;
}

/** The facts the deadlines follow from, the rights already as the rules see them (in force only). */
export interface EngineInput extends Omit<repo.DeadlineFacts, 'rights'> {
  rights: Map<string, RightDecisionFact[]>;
}

function compute(facts: EngineInput, today: string, kinds: ReadonlySet<Kind>): Item[] {
  const { piis, rights } = facts;
  const out: Item[] = [];
  if (kinds.has('piis-conclusion')) {
    out.push(
      ...conclusionDeadlines(
        today,
        rights,
        groupBy(facts.exemptions, (e) => e.beneficiary_id),
        groupBy(piis, (p) => p.beneficiary_id),
      ),
    );
  }
  out.push(...piisDeadlines(today, kinds, piis, rights));
  if (kinds.has('hearing-pending')) {
    for (const h of facts.hearings) {
      const closedOn = h.held_on ?? h.withdrawn_on;
      out.push({
        kind: 'hearing-pending',
        dueOn: h.requested_on,
        status: closedOn ? 'met' : 'due',
        beneficiaryId: h.beneficiary_id,
        piisId: h.piis_id,
        recordId: h.id,
        rule: 'R-HEARING',
        explain: () =>
          closedOn
            ? msg('deadline.hearing-closed', {
                requestedOn: date(h.requested_on),
                outcome: h.held_on ? 'held' : 'withdrawn',
                closedOn: date(closedOn),
              })
            : msg('deadline.hearing-open', { requestedOn: date(h.requested_on) }),
      });
    }
  }
  if (kinds.has('interview')) {
    for (const i of facts.interviews) {
      const due = interviewDue(i.requested_on);
      out.push({
        kind: 'interview',
        dueOn: due.value!,
        status: deadlineStatus(due.value!, today, i.held_on !== null),
        beneficiaryId: i.beneficiary_id,
        piisId: i.piis_id,
        recordId: i.id,
        rule: due.rule,
        explain: () =>
          i.held_on
            ? msg('deadline.interview-held', {
                why: due.explanation,
                heldOn: date(i.held_on),
                late: i.held_on > due.value! ? 'yes' : 'no',
              })
            : due.explanation,
      });
    }
  }
  if (kinds.has('sanction-appeal')) {
    for (const s of facts.sanctions) {
      const until = appealDeadline(s.notified_on);
      out.push({
        kind: 'sanction-appeal',
        dueOn: until.value!,
        status: 'upcoming',
        beneficiaryId: s.beneficiary_id,
        piisId: s.piis_id,
        recordId: s.id,
        rule: until.rule,
        explain: () => msg('deadline.appeal', { why: until.explanation }),
      });
    }
  }
  return out;
}

const ALL: ReadonlySet<Kind> = new Set([
  'piis-conclusion',
  'reflection-end',
  'hearing-pending',
  'evaluation',
  'interview',
  'piis-end',
  'subsidy-extension',
  'sanction-appeal',
]);
/** Every kind but the person's conclusion deadline: what follows from one PIIS's own facts. */
const OF_ONE_PIIS: ReadonlySet<Kind> = new Set([...ALL].filter((k) => k !== 'piis-conclusion'));

const toRows = (items: Item[]): repo.DeadlineRow[] =>
  items.map((d) => ({
    beneficiary_id: d.beneficiaryId,
    piis_id: d.piisId ?? null,
    record_id: d.recordId ?? null,
    kind: d.kind,
    due_on: d.dueOn,
    met: d.status === 'met',
    rule: d.rule,
    explanation: storeText(d.explain()),
  }));

/** Recomputes and stores every deadline of these beneficiaries (two statements). */
export async function refreshDeadlines(
  tx: Tx,
  cpasId: string,
  today: string,
  beneficiaryIds: readonly string[],
): Promise<void> {
  if (beneficiaryIds.length === 0) return;
  await tx.executeQuery(await deadlinesStatement(tx, cpasId, today, beneficiaryIds));
}

/** Reads the facts of these beneficiaries and answers the statement that stores their deadlines. */
export async function deadlinesStatement(
  tx: Tx,
  cpasId: string,
  today: string,
  beneficiaryIds: readonly string[],
): Promise<CompiledQuery> {
  const facts = await repo.deadlineFacts(tx, cpasId, beneficiaryIds);
  const rights = new Map(
    [...groupBy(facts.rights, (r) => r.beneficiary_id)].map(([k, v]) => [k, v.map(toRightDecisionFact)]),
  );
  return repo.replaceDeadlinesQuery(tx, cpasId, { beneficiaryIds }, toRows(compute({ ...facts, rights }, today, ALL)));
}

/**
 * The statement that stores the deadlines following from one PIIS's own facts, given in full by
 * the caller. The person's conclusion deadline (R-OBLIG-DEADLINE) depends on every PIIS's
 * conclusion date: a change of that date takes deadlinesStatement instead.
 */
export function piisDeadlinesStatement(
  tx: Tx,
  cpasId: string,
  today: string,
  facts: Omit<EngineInput, 'exemptions'>,
): CompiledQuery {
  const [piis] = facts.piis;
  if (!piis || facts.piis.length !== 1) throw new Error('piisDeadlinesStatement: the facts of exactly one PIIS');
  const rows = toRows(compute({ ...facts, exemptions: [] }, today, OF_ONE_PIIS));
  return repo.replaceDeadlinesQuery(
    tx,
    cpasId,
    { piis: { beneficiaryId: piis.beneficiary_id, piisId: piis.id } },
    rows,
  );
}
