// npm run purge: anonymises every person whose file is due under their CPAS's retention policy
// (retention.repository.ts). Each person in a transaction of their own, audited in their CPAS;
// a run that stops half-way is resumed by the next one.
import type { OwnerQuery } from '../audit/index.js';
import { anonymise, duePersons } from './retention.repository.js';

export interface PurgeReport {
  anonymised: number;
  byCpas: Record<string, number>;
}

export async function purge(
  query: OwnerQuery,
  today: string,
  options: { cpasId?: string; dryRun?: boolean } = {},
): Promise<PurgeReport> {
  const due = await duePersons(query, today, options.cpasId ?? null);
  const byCpas: Record<string, number> = {};
  for (const person of due) {
    if (!options.dryRun) await anonymise(query, person.cpas_id, person.id);
    byCpas[person.cpas_id] = (byCpas[person.cpas_id] ?? 0) + 1;
  }
  return { anonymised: due.length, byCpas };
}
