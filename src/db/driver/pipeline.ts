// Several statements in one round trip, every value a bind parameter. A unit of work begins with
// begin, the tenant binding and often the read that locks what it changes; a read is begin, the
// binding, the select, commit. Sent one by one that is three or four round trips per request;
// written here as the extended protocol's Parse/Bind/Describe/Execute for each statement and one
// Sync at the end, it is one — measured at a third of the request's time on small reads.
//
// This is node-postgres's public Submittable interface, the one pg-cursor and pg-copy-streams use:
// pg hands us its connection to write on and feeds us the backend's answers until ReadyForQuery.
// After a failure the server skips everything up to the Sync, so the statements after the failing
// one do not run; the caller rolls back what the failure left open.
//
// A statement the caller names (a hot one, statement-names.ts) is parsed once per connection under
// that name and bound by name afterwards: PostgreSQL keeps its parse and plan. Which Parse
// succeeded is known by counting the ParseComplete answers, which come in the order of the Parses.
import { createRequire } from 'node:module';
import pg from 'pg';

// pg's own conversion of JavaScript values to parameters (arrays, dates, buffers, JSON), the one
// its queries and pg-cursor use; pg ships it untyped
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): unknown;
};

/** A statement as Kysely compiles it, with the name it may run under. */
export interface PipelineStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** a name to parse it under once per connection (undefined: parsed each time, unnamed) */
  readonly name?: string;
}

/** One statement's answer: its command tag (BEGIN, SELECT, UPDATE…), rows and affected count. */
export interface StatementResult {
  readonly command: string;
  readonly rows: Record<string, unknown>[];
  readonly rowCount: number | undefined;
}

/** What the statements of a pipeline answered before one failed (on the error as `completed`). */
export interface PipelineError extends Error {
  completed?: StatementResult[];
}

interface Field {
  name: string;
  dataTypeID: number;
}

type Connection = {
  parse(query: { text: string; name?: string; types?: number[] }): void;
  bind(config: { statement?: string; values: readonly unknown[]; valueMapper: (v: unknown) => unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(config: { portal: string; rows: number }): void;
  sync(): void;
  on(event: 'parseComplete', listener: () => void): void;
  removeListener(event: 'parseComplete', listener: () => void): void;
  stream: { cork?(): void; uncork?(): void };
};

/** The names a connection has parsed: a statement is parsed under its name only once per connection. */
const parsedOn = new WeakMap<object, Set<string>>();

export function parsedNames(connection: object): Set<string> {
  let names = parsedOn.get(connection);
  if (!names) parsedOn.set(connection, (names = new Set()));
  return names;
}

export class Pipeline implements pg.Submittable {
  readonly results: StatementResult[] = [];
  readonly done: Promise<StatementResult[]>;
  #resolve!: (results: StatementResult[]) => void;
  #reject!: (error: unknown) => void;
  #fields: Field[] = [];
  #parsers: Array<(value: string) => unknown> = [];
  #rows: Record<string, unknown>[] = [];
  #failure: unknown;
  #connection: Connection | undefined;
  /** the names parsed by this pipeline, in the order of their Parse messages */
  #parsing: string[] = [];
  readonly #onParsed = () => {
    const name = this.#parsing.shift();
    if (name && this.#connection) parsedNames(this.#connection).add(name);
  };

  constructor(readonly statements: readonly PipelineStatement[]) {
    this.done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  submit(connection: unknown): void {
    const conn = connection as Connection;
    this.#connection = conn;
    const parsed = parsedNames(conn);
    conn.on('parseComplete', this.#onParsed);
    conn.stream.cork?.();
    try {
      for (const statement of this.statements) {
        const name = statement.name;
        // a name parsed earlier on this connection, or earlier in this pipeline, is bound as is
        if (!name || !(parsed.has(name) || this.#parsing.includes(name))) {
          conn.parse({ text: statement.sql, ...(name ? { name } : {}) });
          this.#parsing.push(name ?? '');
        }
        conn.bind({ statement: name ?? '', values: statement.parameters, valueMapper: prepareValue });
        conn.describe({ type: 'P', name: '' });
        conn.execute({ portal: '', rows: 0 });
      }
      conn.sync();
    } finally {
      conn.stream.uncork?.();
    }
  }

  handleRowDescription(msg: { fields: Field[] }): void {
    this.#fields = msg.fields;
    this.#parsers = msg.fields.map((f) => pg.types.getTypeParser(f.dataTypeID, 'text'));
  }

  handleDataRow(msg: { fields: Array<string | null> }): void {
    if (this.#failure) return;
    try {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < this.#fields.length; i++) {
        const value = msg.fields[i];
        row[this.#fields[i]!.name] = value === null || value === undefined ? null : this.#parsers[i]!(value);
      }
      this.#rows.push(row);
    } catch (error) {
      this.#failure = error;
    }
  }

  handleCommandComplete(msg: { text: string }): void {
    const [command = '', ...rest] = msg.text.split(' ');
    const count = rest.length > 0 ? Number(rest[rest.length - 1]) : undefined;
    this.results.push({ command, rows: this.#rows, rowCount: Number.isFinite(count) ? count : undefined });
    this.#rows = [];
    this.#fields = [];
  }

  handleEmptyQuery(): void {
    this.results.push({ command: '', rows: [], rowCount: undefined });
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(): void {}

  handleCopyData(): void {}

  /** A statement failed (the server skips to the Sync) or the connection broke. */
  handleError(error: PipelineError): void {
    this.#finish();
    error.completed = this.results;
    this.#reject(error);
  }

  handleReadyForQuery(): void {
    this.#finish();
    if (this.#failure) this.#reject(this.#failure);
    else this.#resolve(this.results);
  }

  #finish(): void {
    this.#connection?.removeListener('parseComplete', this.#onParsed);
  }
}

/** Runs the statements on a pg client in one round trip: their results in order, or the first failure. */
export function runPipeline(
  client: pg.ClientBase,
  statements: readonly PipelineStatement[],
): Promise<StatementResult[]> {
  const pipeline = new Pipeline(statements);
  void client.query(pipeline);
  return pipeline.done;
}
