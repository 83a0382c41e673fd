// Kysely's driver for PostgreSQL, over a pg Pool. Every statement with values goes through the
// extended protocol with its values as bind parameters (pipeline.ts), hot ones under a name
// (statement-names.ts); a connection can also send several statements in one round trip
// (`send`, what units of work and reads use). A statement without values goes as pg sends it,
// in the simple protocol (several statements of code-written text may share one).
import pg from 'pg';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { parsedNames, runPipeline, type StatementResult } from './pipeline.js';
import { StatementNames } from './statement-names.js';
import type { StatementSender } from './send.js';

const AFFECTING = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** A statement's answer as Kysely reads it. */
export function queryResult<R>(result: StatementResult): QueryResult<R> {
  return {
    rows: result.rows as R[],
    ...(AFFECTING.has(result.command) && result.rowCount !== undefined
      ? { numAffectedRows: BigInt(result.rowCount) }
      : {}),
  };
}

class PostgresConnection implements DatabaseConnection, StatementSender {
  /** a statement failed on this connection: it is rolled back before it returns to the pool */
  failed = false;
  /** statements whose answers nobody reads: they travel with the next statement (send.ts) */
  queued: CompiledQuery[] = [];

  constructor(
    readonly client: pg.PoolClient,
    private readonly names: StatementNames,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (query.parameters.length === 0 && (this.queued.length === 0 || query.sql.includes(';'))) {
      if (this.queued.length > 0) await this.send([]);
      const result = (await this.client.query(query.sql).catch(this.#failed)) as unknown as
        pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result[result.length - 1]! : result;
      return queryResult<R>({ command: last.command, rows: last.rows ?? [], rowCount: last.rowCount ?? undefined });
    }
    const [result] = await this.send([query]);
    return queryResult<R>(result!);
  }

  async send(statements: readonly CompiledQuery[]): Promise<StatementResult[]> {
    const queued = this.queued;
    this.queued = [];
    const parsed = parsedNames(this.client.connection);
    const all = [...queued, ...statements].map((s) => ({
      sql: s.sql,
      parameters: s.parameters,
      name: this.names.nameFor(s.sql, parsed),
    }));
    const results = await runPipeline(this.client, all).catch(this.#failed);
    return queued.length === 0 ? results : results.slice(queued.length);
  }

  readonly #failed = (error: unknown): never => {
    this.failed = true;
    throw error;
  };

  /**
   * Back to the pool clean: a transaction a failure left open is rolled back (pg queues it after the failure's answer).
   */
  async release(): Promise<void> {
    let broken: Error | undefined;
    if (this.failed) await this.client.query('rollback').catch((error: Error) => (broken = error));
    this.client.release(broken);
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('long reads stream through a cursor (cursor.ts) or COPY (copy-out.ts)');
  }
}

class PostgresDriver implements Driver {
  readonly #names = new StatementNames();
  constructor(private readonly pool: pg.Pool) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PostgresConnection(await this.pool.connect(), this.#names);
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PostgresConnection).client.query('begin');
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PostgresConnection).client.query('commit');
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PostgresConnection).client.query('rollback');
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    await (conn as PostgresConnection).release();
  }
  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

export class PostgresPipelineDialect implements Dialect {
  constructor(private readonly pool: pg.Pool) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PostgresDriver(this.pool);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
