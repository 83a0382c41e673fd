// R-RIGHT: the RI right as a series of CPAS decisions. A grant (ri or equivalent_aid) applies from
// its start; a later-starting grant supersedes the earlier one from its own start (a change of
// amount or category); an end stops the right from its start date. Decisions in force only
// (voided and superseded facts are left out by the caller).
import { addDays } from './dates.js';

export interface RightDecisionFact {
  id: string;
  kind: 'ri' | 'equivalent_aid' | 'end';
  category: 'cohabitant' | 'isolated' | 'family' | null;
  decidedOn: string;
  notifiedOn: string | null;
  startsOn: string;
  monthlyAmountCents: number | null;
  /**
   * R-SUB-COUPLE: on a category-3 (family) decision, the household's whole category-3 amount when
   * the CPAS pays it split between the partners — `monthlyAmountCents` is then this partner's share.
   * Absent or null: this decision's amount is the whole household amount.
   */
  householdAmountCents?: number | null;
}

/** A stretch of days under one decision; `to` null while open-ended. */
export interface RightSegment {
  decision: RightDecisionFact;
  from: string;
  to: string | null;
}

/** The decisions as consecutive segments (ends produce no segment, they close the previous one). */
export function rightSegments(decisions: readonly RightDecisionFact[]): RightSegment[] {
  const ordered = [...decisions].sort((a, b) =>
    a.startsOn !== b.startsOn
      ? a.startsOn < b.startsOn
        ? -1
        : 1
      : a.decidedOn < b.decidedOn
        ? -1
        : a.decidedOn > b.decidedOn
          ? 1
          : a.id < b.id
            ? -1
            : 1,
  );
  const segments: RightSegment[] = [];
  for (const d of ordered) {
    const open = segments[segments.length - 1];
    if (open && (open.to === null || open.to >= d.startsOn)) open.to = addDays(d.startsOn, -1);
    if (open && open.to !== null && open.to < open.from) segments.pop();
    if (d.kind !== 'end') segments.push({ decision: d, from: d.startsOn, to: null });
  }
  return segments;
}

/** The segment in force on a date, of the given kinds. */
export function segmentOn(
  segments: readonly RightSegment[],
  date: string,
  kinds: ReadonlyArray<RightDecisionFact['kind']> = ['ri'],
): RightSegment | undefined {
  return segments.find((s) => kinds.includes(s.decision.kind) && s.from <= date && (s.to === null || date <= s.to));
}

/**
 * The grant that opened the continuous stretch of right in force on (or last before) a date: the
 * first decision of the run of segments without a gap that contains the date.
 */
export function openingGrant(
  segments: readonly RightSegment[],
  date: string,
  kinds: ReadonlyArray<RightDecisionFact['kind']> = ['ri', 'equivalent_aid'],
): { grant: RightDecisionFact; from: string; previousEnd: string | null } | undefined {
  const relevant = segments.filter((s) => kinds.includes(s.decision.kind) && s.from <= date);
  if (relevant.length === 0) return undefined;
  let i = relevant.length - 1;
  while (i > 0 && relevant[i - 1]!.to !== null && addDays(relevant[i - 1]!.to!, 1) === relevant[i]!.from) i -= 1;
  return { grant: relevant[i]!.decision, from: relevant[i]!.from, previousEnd: i > 0 ? relevant[i - 1]!.to : null };
}

/** True when RI was paid on some day of [from, to] (inclusive). */
export function riPaidBetween(segments: readonly RightSegment[], from: string, to: string): boolean {
  return segments.some((s) => s.decision.kind === 'ri' && s.from <= to && (s.to === null || s.to >= from));
}
