// npm run purge [-- --dry-run] [--cpas <KBO>]: anonymises the files due under each CPAS's
// retention policy (src/modules/retention/). Runs as the owner (DATABASE_ADMIN_URL or
// DATABASE_URL); on the embedded database, stop the service first. Schedule it daily (cron,
// a systemd timer or a Kubernetes CronJob): each run does what has become due.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openOwner } from '../db/owner.js';
import { purge } from '../modules/retention/purge.js';
import { todayInBrussels } from '../rules/calendar.js';

async function main() {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, cpas: { type: 'string' } } });
  const config = loadConfig(process.env, { tools: true });
  const { query, close } = await openOwner(config);
  try {
    let cpasId: string | undefined;
    if (values.cpas) {
      const [row] = await query<{ id: string }>('select id from cpas where kbo_number = $1', [values.cpas]);
      if (!row) throw new Error(`no CPAS with KBO ${values.cpas}`);
      cpasId = row.id;
    }
    const report = await purge(query, todayInBrussels(), { cpasId, dryRun: values['dry-run'] });
    const verb = values['dry-run'] ? 'due (dry run, nothing changed)' : 'anonymised';
    console.log(`purge: ${report.anonymised} person(s) ${verb} in ${Object.keys(report.byCpas).length} CPAS`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(`purge failed: ${(error as Error).message}`);
  process.exit(2);
});
