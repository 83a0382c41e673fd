// What a personal read costs the database besides its own statement. The read hands its access
// entry to a buffer (access-log.ts) that is written every 100 ms as one multi-row insert, and the
// sealer links every entry into the hash chain once a second (piis_seal_audit). Neither travels
// with the request, but both are statements the service sends because of it. T_db replays them
// with pgbench in the proportions the service sends them at about 4,000 reads/s: for every
// 4,000 reads, ten inserts of 400 entries and one sealing.
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/types.js';
import { accessInsert, type Pending } from '../src/core/access-log.js';
import { beginScript, inlineParameters } from './bench-sql.js';

export interface WeightedScript {
  /** pgbench script text */
  readonly text: string;
  /** how often pgbench picks it, relative to the others */
  readonly weight: number;
}

const READS_PER_SEAL = 4_000;
const ENTRIES_PER_BATCH = 400;

/**
 * A time-ordered id unique per pgbench client and row, as uuidv7 ids are: the microseconds of the
 * clock, the client, the row.
 */
function orderedId(row: number): string {
  return (
    `(lpad(to_hex((extract(epoch from clock_timestamp()) * 1000000)::bigint), 14, '0') || ` +
    `lpad(to_hex(:client_id), 4, '0') || lpad(to_hex(${row}), 14, '0'))::uuid`
  );
}

/**
 * The read's script (`readsPerScript` reads, READS_PER_SEAL reads in all) followed by its share
 * of access-log batches and sealing. `entity` and `entityId` are what the read's entry names.
 */
export function withAuditShare(
  compiler: Kysely<DB>,
  cpasId: string,
  read: string,
  entity: string,
  entityId: string,
  readsPerScript = 1,
): WeightedScript[] {
  const entries: Pending[] = Array.from({ length: ENTRIES_PER_BATCH }, (_, row) => ({
    id: `@id${row}@`,
    at: new Date().toISOString(),
    entry: { cpasId, actor: 'bench-user', entity, entityIds: [entityId], requestId: `bench-request-${row}` },
  }));
  const insert = inlineParameters(accessInsert(compiler, cpasId, entries).compile()).replace(
    /\$v\$@id([0-9]+)@\$v\$/g,
    (_m, row: string) => orderedId(Number(row)),
  );
  // as inTenant sends it: begin and the binding, the statement, commit
  const batch = `${beginScript(cpasId).replace(/;/g, ' \\;')};\n${insert};\ncommit;\n`;
  return [
    { text: read, weight: READS_PER_SEAL / readsPerScript },
    { text: batch, weight: READS_PER_SEAL / ENTRIES_PER_BATCH },
    { text: 'select * from piis_seal_audit();\n', weight: 1 },
  ];
}
