// Voiding a recorded fact of a PIIS (R-CORRECT): it stays readable, marked void with its reason.
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import * as repo from './piis.repository.js';
import type { PiisFactTable } from './piis.repository.js';
import { type Fact, type PiisFile } from './piis.file.js';
import { sanctionView, views } from './piis.view.js';
import { changePiis, remember } from './piis.unit.js';
import type { Action } from './piis.transitions.js';
import { msg, type Lang } from '../../i18n/catalogue.js';
import { factOf, recordResult } from './piis.records.js';

const voidable: Record<
  string,
  {
    table: PiisFactTable;
    list: Parameters<typeof remember>[1];
    action: Action;
    pick: (f: PiisFile) => Fact<unknown>[];
    view: (f: PiisFile, id: string, lang: Lang) => unknown;
  }
> = {
  'hearing-requests': {
    table: 'piis_hearing_request',
    list: 'hearing_requests',
    action: 'requestHearing',
    pick: (f) => f.hearings,
    view: (f, id) => views.hearing(factOf(f.hearings, id)),
  },
  signatures: {
    table: 'piis_signature',
    list: 'signatures',
    action: 'sign',
    pick: (f) => f.signatures,
    view: (f, id) => views.signature(factOf(f.signatures, id)),
  },
  evaluations: {
    table: 'piis_evaluation',
    list: 'evaluations',
    action: 'evaluate',
    pick: (f) => f.evaluations,
    view: (f, id) => views.evaluation(factOf(f.evaluations, id)),
  },
  'interview-requests': {
    table: 'piis_interview_request',
    list: 'interview_requests',
    action: 'requestInterview',
    pick: (f) => f.interviews,
    view: (f, id, lang) => views.interview(factOf(f.interviews, id), lang),
  },
  notices: {
    table: 'piis_notice',
    list: 'notices',
    action: 'issueNotice',
    pick: (f) => f.notices,
    view: (f, id) => views.notice(factOf(f.notices, id)),
  },
  sanctions: {
    table: 'piis_sanction',
    list: 'person_sanctions',
    action: 'decideSanction',
    pick: (f) => f.sanctions,
    view: (f, id, lang) => sanctionView(factOf(f.sanctions, id), f.personSanctionDecisions, lang),
  },
};
export type VoidableSegment = keyof typeof voidable;
export const VOIDABLE_SEGMENTS = Object.keys(voidable);

export function voidRecord(
  ctx: RequestContext,
  piisId: string,
  segment: string,
  id: string,
  ifMatch: number | undefined,
  reason: string,
) {
  const kind = voidable[segment]!;
  return changePiis(ctx, piisId, kind.action, { ifMatch, correction: true }, async (unit) => {
    const fact = kind.pick(unit.file).find((f) => f.id === id);
    if (!fact) throw new AppError('not-found', msg('not-found.record'));
    const written = await repo.voidFact(unit.tx, kind.table, ctx.cpasId, piisId, id, { reason, actor: ctx.actor });
    if (!written)
      throw new AppError('invalid-state', msg('check.already-void', { what: 'record' }), { rule: 'R-CORRECT' });
    remember(unit.raw, kind.list, written);
    return recordResult(
      kind.table,
      id,
      { type: `piis.${kind.table.replace(/^piis_/, '')}_voided`, data: { piisId, id } },
      (f) => ({ status: 200, body: kind.view(f, id, ctx.lang) }),
      'void',
    );
  });
}
