// Keeps the indicator rollups exact. Triggers mark a person whenever a fact the indicators follow
// from is written; a refresh recomputes the marked persons' tallies with the same pure rules as
// a full computation (tallyPerson) and sums their years again. Readers refresh first when marks
// are waiting, so what they read always equals a recomputation from scratch; the background
// worker keeps the waiting short. A new calendar year re-tallies every person of the CPAS.
import type { Database } from '../../db/database.js';
import { emptyTally, FIRST_INDICATOR_YEAR, tallyYears, type IndicatorTally } from '../../rules/indicators.js';
import {
  indicatorFactsQuery,
  subsidyFactsQuery,
  toIndicatorPerson,
  type SubsidyFactsRow,
} from './reports.repository.js';
import { computeSubsidyMonths, personSubsidy, sayMonthItem } from './subsidy.compute.js';
import type { Lang } from '../../i18n/catalogue.js';
import * as repo from './rollups.repository.js';

const BATCH = 1000;

/**
 * Recomputes the persons of one CPAS marked when it begins (and every person on a new year); the
 * number of persons recomputed.
 */
export async function refreshRollups(
  database: Database,
  cpasId: string,
  today: string,
  batch = BATCH,
): Promise<number> {
  const currentYear = Number(today.slice(0, 4));
  let total = 0;
  for (;;) {
    const done = await database.unit(cpasId, async (tx) => {
      await repo.lockCpasRollups(tx, cpasId);
      if ((await repo.coverageOf(tx, cpasId)) !== currentYear) await repo.extendCoverage(tx, cpasId, currentYear);
      const marks = await repo.takeDirty(tx, cpasId, batch);
      if (marks.length === 0) return 0;
      const ids = marks.map((m) => m.id);
      const { rows } = await tx.executeQuery(indicatorFactsQuery(tx, cpasId, { beneficiaryIds: ids }));
      const tallies = rows.flatMap((row) =>
        tallyYears(toIndicatorPerson(row), currentYear).map((t) => ({ beneficiaryId: row.id, ...t })),
      );
      await repo.sumIntoRollup(tx, cpasId, await repo.replaceTallies(tx, cpasId, ids, tallies));
      // the subsidy months of the persons whose subsidy facts changed, and of their partners (a
      // couple is settled together); an evaluation, say, leaves them as they are
      const subsidyIds = marks.filter((m) => m.subsidy).map((m) => m.id);
      if (subsidyIds.length > 0) {
        const facts = (
          await tx.executeQuery(
            subsidyFactsQuery(tx, cpasId, { yearEnd: `${currentYear}-12-31`, beneficiaryIds: subsidyIds }),
          )
        ).rows;
        const lang = await repo.cpasLanguage(tx, cpasId);
        await repo.replaceSubsidyTallies(
          tx,
          cpasId,
          [...new Set([...subsidyIds, ...facts.map((f) => f.id)])],
          subsidyTallies(facts, currentYear, lang),
        );
      }
      return marks.length;
    });
    total += done;
    // A short pass took every mark there was when it began: marks written since wait for the next
    // tick or reader. Going round again until none are left never ends under a steady stream of
    // changes, and each round sums the CPAS's years again (measured: 12 rounds a second under 400
    // evaluations a second, most of the database's time).
    if (done < batch) return total;
  }
}

/** The first year a person's subsidy facts fall in (rights, conclusions). */
function firstSubsidyYear(row: SubsidyFactsRow): number | null {
  const dates = [
    ...row.rights.flatMap((r) => [r.starts_on, r.decided_on]),
    ...row.piis.flatMap((p) => (p.signed_on ? [p.signed_on] : [])),
  ];
  return dates.length === 0 ? null : Number(dates.reduce((a, b) => (a < b ? a : b)).slice(0, 4));
}

/** Every year's subsidy months of these persons (couples settled together), the years with a month only. */
export function subsidyTallies(
  rows: readonly SubsidyFactsRow[],
  throughYear: number,
  lang: Lang,
): repo.SubsidyTallyRow[] {
  const firsts = rows.map(firstSubsidyYear).filter((y): y is number => y !== null);
  if (firsts.length === 0) return [];
  const out: repo.SubsidyTallyRow[] = [];
  for (let year = Math.max(FIRST_INDICATOR_YEAR, Math.min(...firsts)); year <= throughYear; year++) {
    for (const [beneficiaryId, months] of computeSubsidyMonths(rows, year)) {
      if (months.length === 0) continue;
      const { items, totals } = personSubsidy(beneficiaryId, months);
      out.push({
        beneficiaryId,
        year,
        items: JSON.stringify(items),
        said: JSON.stringify(items.map((m) => sayMonthItem(lang, m))),
        saidLang: lang,
        totals,
      });
    }
  }
  return out;
}

/** Refreshes every CPAS with marks waiting or tallies short of the current year; how many CPAS it refreshed. */
export async function refreshBacklog(database: Database, today: string): Promise<number> {
  const currentYear = Number(today.slice(0, 4));
  const stale = (await repo.backlog(database.db)).filter((c) => c.dirty > 0 || c.throughYear !== currentYear);
  for (const c of stale) await refreshRollups(database, c.cpasId, today);
  return stale.length;
}

/** Recomputes the CPAS's marked persons (and a new year) before a read, so that the read is exact. */
export async function ensureFresh(database: Database, cpasId: string, today: string): Promise<void> {
  const [row] = await database.read(cpasId, repo.rollupQuery(database.db, cpasId, Number(today.slice(0, 4))));
  if (row!.dirty || row!.through_year !== Number(today.slice(0, 4))) await refreshRollups(database, cpasId, today);
}

/**
 * A CPAS's summed tally of a year, exact: marks waiting are recomputed first. Null for a year
 * after the current one (no rollup is kept for it: the caller computes it from the facts).
 */
export async function cpasTally(
  database: Database,
  cpasId: string,
  year: number,
  today: string,
): Promise<IndicatorTally | null> {
  const currentYear = Number(today.slice(0, 4));
  if (year > currentYear) return null;
  const read = async () => (await database.read(cpasId, repo.rollupQuery(database.db, cpasId, year)))[0]!;
  let row = await read();
  if (row.dirty || row.through_year !== currentYear) {
    await refreshRollups(database, cpasId, today);
    row = await read();
  }
  return row.found ? repo.toTally(row) : emptyTally();
}
