// The subsidy report and the Rapport unique's 10 % form read each person's stored months
// (subsidy_tally.said, or .items in another language): 54 MB of JSON for the largest CPAS's year,
// kept compressed by PostgreSQL. Decompressing pglz was most of what PostgreSQL spends on that
// download; lz4 decompresses several times faster (measured on the largest CPAS's year,
// `\copy … to /dev/null`: 0.17–0.24 s with pglz, 0.12–0.14 s with lz4), and its ten years take
// fewer bytes (47.5 MB instead of 60.5 MB). The values already stored are rewritten once here
// (the table is rebuilt, as with any change of type), so that every year reads alike. A server
// built without lz4 (the embedded PGlite is) keeps pglz: the setting changes how values are
// stored, never what they are.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`do $$ begin
      alter table subsidy_tally
        alter column items set compression lz4, alter column items type text using items || '',
        alter column said set compression lz4, alter column said type text using said || '';
    exception when feature_not_supported then null;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table subsidy_tally
      alter column items set compression default, alter column said set compression default`.execute(db);
}
