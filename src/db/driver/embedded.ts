// A small Kysely dialect over the embedded PGlite database. PGlite has one connection, so every
// acquisition (a single query or a whole transaction) holds a mutex until it is released:
// transactions are serialised rather than interleaved (kysely-pglite loses writes that way).
// Statements sent together (send.ts) run one after the other: in process, a round trip costs
// nothing worth saving.
import type { PGlite } from '@electric-sql/pglite';
import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type CompiledQuery,
  type Kysely,
  type DatabaseIntrospector,
  type DialectAdapter,
  type QueryCompiler,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  CompiledQuery as CQ,
} from 'kysely';
import type { StatementResult } from './pipeline.js';
import type { StatementSender } from './send.js';

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return acquired;
  }
}

class PGliteConnection implements DatabaseConnection, StatementSender {
  /** a statement failed: the transaction it left open is rolled back on release, as on PostgreSQL */
  failed = false;
  /** statements whose answers nobody reads: they run before the next statement (send.ts) */
  queued: CompiledQuery[] = [];

  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.queued.length > 0) await this.send([]);
    return this.#run<R>(query).catch(this.#failed);
  }

  send(statements: readonly CompiledQuery[]): Promise<StatementResult[]> {
    const queued = this.queued;
    this.queued = [];
    return this.#send([...queued, ...statements])
      .then((results) => results.slice(queued.length))
      .catch(this.#failed);
  }

  readonly #failed = (error: unknown): never => {
    this.failed = true;
    throw error;
  };

  async #run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Text without values may hold several statements of code-written SQL: the simple protocol
    // runs them. Values always travel as parameters (the extended protocol).
    if (query.parameters.length === 0 && query.sql.includes(';')) {
      const results = await this.pg.exec(query.sql);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as R[] };
    }
    const res = await this.pg.query<R>(query.sql, [...query.parameters]);
    return {
      rows: res.rows,
      numAffectedRows: res.affectedRows !== undefined ? BigInt(res.affectedRows) : undefined,
    };
  }

  async #send(statements: readonly CompiledQuery[]): Promise<StatementResult[]> {
    const results: StatementResult[] = [];
    for (const statement of statements) {
      const res = await this.pg.query<Record<string, unknown>>(statement.sql, [...statement.parameters]);
      const command = statement.sql.trimStart().split(/\s/, 1)[0]!.toUpperCase();
      results.push({ command, rows: res.rows, rowCount: res.affectedRows });
    }
    return results;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on the embedded database');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(private readonly pg: PGlite) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    // one physical connection: a fresh wrapper per acquisition keeps releases distinct
    const conn = new PGliteConnection(this.pg);
    this.#releases.set(conn, release);
    return conn;
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CQ.raw('begin'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CQ.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CQ.raw('rollback'));
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    if ((conn as PGliteConnection).failed) await this.pg.exec('rollback').catch(() => {});
    this.#releases.get(conn)?.();
    this.#releases.delete(conn);
  }
  async destroy(): Promise<void> {}
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
