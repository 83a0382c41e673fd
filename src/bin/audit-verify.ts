// npm run audit:verify [-- --log <service log file>]: recomputes every audit hash chain and exits
// 1 on any edited or deleted entry. Runs as the owner (DATABASE_ADMIN_URL or DATABASE_URL); on the
// embedded database, stop the service first (one process at a time).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openOwner } from '../db/owner.js';
import { anchoringNote, checkpointsFromLog, verifyAudit } from '../modules/audit/audit.verify.js';

async function main() {
  const { values } = parseArgs({ options: { log: { type: 'string', multiple: true } } });
  const external = (values.log ?? []).flatMap((file) => checkpointsFromLog(fs.readFileSync(file, 'utf8')));
  const config = loadConfig(process.env, { tools: true });
  const { query, close } = await openOwner(config);
  try {
    const report = await verifyAudit(query, external);
    for (const p of report.problems) console.error(`BROKEN: ${p}`);
    console.log(
      `audit: ${report.chains} chain(s), ${report.entries} sealed entries, ${external.length} checkpoint(s) from ` +
        `logs, ${report.problems.length} problem(s)`,
    );
    console.log(anchoringNote(report, (values.log ?? []).length));
    if (report.problems.length > 0) process.exitCode = 1;
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(`audit:verify failed: ${(error as Error).message}`);
  process.exit(2);
});
