// Right decisions for rule tables (R-RIGHT): an RI grant of 1300 € from 2026-01-05 unless told
// otherwise, decided on the day it starts (or on 5 January, riGrant); and an end of the right.
import type { RightDecisionFact } from '../../src/rules/rights.js';

let n = 0;

export const rightDecision = (over: Partial<RightDecisionFact> = {}): RightDecisionFact => ({
  id: `right-${++n}`,
  kind: 'ri',
  category: 'isolated',
  decidedOn: over.startsOn ?? '2026-01-05',
  notifiedOn: null,
  startsOn: '2026-01-05',
  monthlyAmountCents: 130000,
  ...over,
});

export const rightEnd = (on: string): RightDecisionFact =>
  rightDecision({ kind: 'end', startsOn: on, decidedOn: on, category: null, monthlyAmountCents: null });

/** An RI grant decided on 5 January 2026 whatever its start (rightDecision decides it on its start). */
export const riGrant = (over: Partial<RightDecisionFact> = {}): RightDecisionFact => ({
  id: over.id ?? `g-${Math.random()}`,
  kind: 'ri',
  category: 'isolated',
  decidedOn: '2026-01-05',
  notifiedOn: null,
  startsOn: '2026-01-05',
  monthlyAmountCents: 130000,
  ...over,
});
