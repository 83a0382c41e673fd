// Dev mode: on first start, register the demo CPAS of the contract (KBO 0212345668, NIS 21004)
// and one fictional beneficiary, so that the README's first call returns data at once.
import { sql } from 'kysely';
import type { Database } from './database.js';
import { uuidv7 } from './ids.js';
import { inTenant } from './tenant.js';

export const DEMO_KBO = '0212345668';

export async function seedDemo(database: Database): Promise<void> {
  const db = database.db;
  const existing = await db.selectFrom('cpas').select('id').where('kbo_number', '=', DEMO_KBO).executeTakeFirst();
  if (existing) return;
  const cpasId = uuidv7();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('cpas')
      .values({
        id: cpasId,
        kbo_number: DEMO_KBO,
        name: JSON.stringify({ fr: 'CPAS de démonstration', nl: 'Demo-OCMW', de: 'Demo-ÖSHZ' }) as never,
        language: 'fr',
        created_by: 'system:dev-seed',
      })
      .execute();
    await tx.insertInto('cpas_nis_code').values({ nis_code: '21004', cpas_id: cpasId }).execute();
  });
  await inTenant(db, cpasId, async (tx) => {
    const id = uuidv7();
    // 85073003328 is the rulebook's own example number (R-ID-NISS), not a real person's.
    await tx
      .insertInto('beneficiary')
      .values({
        cpas_id: cpasId,
        id,
        niss: '85073003328',
        given_name: 'Demo',
        family_name: 'Beneficiary',
        birth_date: '1985-07-30',
        language: 'fr',
        partner_id: null,
        external_ref: 'demo-1',
        created_by: 'system:dev-seed',
      })
      .execute();
    await sql`insert into audit_entry (cpas_id, id, actor, action, entity, entity_id, request_id)
              values (${cpasId}, ${uuidv7()}, 'system:dev-seed', 'create', 'beneficiary', ${id}, 'dev-seed')`.execute(
      tx,
    );
  });
}
