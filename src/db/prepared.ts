// Statements prepared once per connection. A unit of work sends its writes as text in one
// simple-protocol message (one-round-trip.ts), so PostgreSQL parsed, analysed and planned each of
// them on every request — measured: a third of its CPU on an evaluation. Here a statement seen
// often enough (its text with $n placeholders, as Kysely compiles it) is prepared on each pooled
// connection, and the messages of units of work send `execute name(literals)` instead of the
// statement with its literals inlined: the same values, the same transaction, one round trip.
//
// A `prepare` never runs inside a unit of work: one that failed there would abort it. It runs
// when a connection is taken from the pool, before its unit begins; a statement PostgreSQL
// refuses to prepare (a parameter whose type it cannot infer, say) is sent inlined for good.
// Prepared statements outlive transactions (a rollback keeps them), and a connection is marked
// as holding one only once its `prepare` succeeded, so the bookkeeping cannot drift from the
// server's. Parameterised queries (the extended protocol) get named statements the same way:
// their Parse is the one PostgreSQL would run unnamed, so it cannot fail where that would not.
import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { inlineParameters, literal } from './one-round-trip.js';

/** The parts of one simple-protocol message: statements as text, or compiled with parameters. */
export class Message {
  constructor(readonly parts: ReadonlyArray<string | CompiledQuery>) {}
}

/** The marker text of a message handed through Kysely to the driver, which renders it. */
const MESSAGE = '/* piis: message */';

/** A message as a query Kysely can execute on a connection: the driver renders it for that connection. */
export function messageQuery<R = Record<string, unknown>>(
  parts: ReadonlyArray<string | CompiledQuery>,
): CompiledQuery<R> {
  return CompiledQuery.raw(MESSAGE, [new Message(parts)]) as CompiledQuery<R>;
}

/** The message a query carries, if it is one. */
export function messageOf(sql: unknown, parameters: readonly unknown[] | undefined): Message | null {
  return sql === MESSAGE && parameters?.[0] instanceof Message ? parameters[0] : null;
}

/** A part of a message as text, its values inlined. */
const inlined = (part: string | CompiledQuery): string => (typeof part === 'string' ? part : inlineParameters(part));

/** The message with every statement's values inlined (no statement prepared). */
export function renderInline(message: Message): string {
  return message.parts.map(inlined).join(';\n');
}

/**
 * Whether a database error refuses the statement itself, as opposed to the connection or the
 * server's state: a terminated connection arrives as an error from the server too (57P01, FATAL),
 * and must not mark a statement as one PostgreSQL will never prepare.
 */
export function refusesStatement(error: { severity?: string; code?: string }): boolean {
  const serverState = ['08', '53', '57', '58', 'XX'].includes(error.code?.slice(0, 2) ?? '');
  return error.severity === 'ERROR' && !serverState;
}

/** Statement texts kept (with their use counts) at most, and the longest kept: a bulk insert of many rows is not worth a plan kept per connection. */
const MAX_SHAPES = 1024;
const MAX_TEXT = 16_384;

interface Shape {
  readonly text: string;
  readonly name: string;
  seen: number;
  /** refused: PostgreSQL would not prepare it; it is sent inlined */
  refused: boolean;
}

/** What runs a statement on one connection (pg's client). */
export interface StatementClient {
  query(text: string): Promise<unknown>;
}

export interface PreparedOptions {
  /** uses before a statement is prepared (one-off statements, such as bulk inserts, never are) */
  readonly hotAfter?: number;
  /** statements prepared on one connection at most (each keeps a plan in its server process) */
  readonly perConnection?: number;
  /** tells a database's refusal (not prepared: sent inlined) from a failure to reach it */
  readonly isStatementError: (error: unknown) => boolean;
}

export class PreparedStatements {
  readonly #shapes = new Map<string, Shape>();
  /** statements hot enough to prepare, in the order they became so */
  readonly #hot: Shape[] = [];
  /** per connection: the statements it has prepared, and the names its parameterised queries run under */
  readonly #onConnection = new WeakMap<object, { prepared: Set<string>; named: Set<string> }>();
  readonly #hotAfter: number;
  readonly #perConnection: number;
  readonly #isStatementError: (error: unknown) => boolean;

  constructor(options: PreparedOptions) {
    this.#hotAfter = options.hotAfter ?? 3;
    this.#perConnection = options.perConnection ?? 64;
    this.#isStatementError = options.isStatementError;
  }

  /** Counts a use of this statement text; its shape (none for a text too long to keep: never prepared). */
  #note(text: string): Shape | undefined {
    let shape = this.#shapes.get(text);
    if (!shape) {
      if (text.length > MAX_TEXT) return undefined;
      shape = {
        text,
        name: `piis_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`,
        seen: 0,
        refused: false,
      };
      // one-off texts are not kept for ever: past a bound, only statements already hot are
      if (this.#shapes.size >= MAX_SHAPES) this.#forgetCold();
      this.#shapes.set(text, shape);
    }
    if (++shape.seen === this.#hotAfter && this.#hot.length < this.#perConnection) this.#hot.push(shape);
    return shape;
  }

  #forgetCold(): void {
    for (const [text, shape] of this.#shapes) if (shape.seen < this.#hotAfter) this.#shapes.delete(text);
  }

  #of(client: object): { prepared: Set<string>; named: Set<string> } {
    let held = this.#onConnection.get(client);
    if (!held) this.#onConnection.set(client, (held = { prepared: new Set(), named: new Set() }));
    return held;
  }

  /**
   * Prepares on this connection every hot statement it lacks. Called with the connection idle
   * (no transaction open); a refusal marks the statement refused, a failure to reach the
   * database is thrown (the connection is broken).
   */
  async prepareOn(client: StatementClient): Promise<void> {
    const names = this.#of(client).prepared;
    if (names.size === this.#hot.length) return;
    for (const shape of this.#hot) {
      if (shape.refused || names.has(shape.name)) continue;
      try {
        await client.query(`prepare ${shape.name} as ${shape.text}`);
        names.add(shape.name);
      } catch (error) {
        if (!this.#isStatementError(error)) throw error;
        if ((error as { code?: string }).code === '42P05')
          names.add(shape.name); // already there
        else shape.refused = true;
      }
    }
  }

  /** The message as text for this connection: its prepared statements executed by name, the rest inlined. */
  render(client: object, message: Message): string {
    const names = this.#of(client).prepared;
    return message.parts
      .map((part) => {
        if (typeof part === 'string' || part.parameters.length === 0) return inlined(part);
        const shape = this.#note(part.sql);
        if (!shape || shape.refused || !names.has(shape.name)) return inlined(part);
        return `execute ${shape.name}(${part.parameters.map(literal).join(', ')})`;
      })
      .join(';\n');
  }

  /** The name a parameterised query runs under (the extended protocol prepares it), or undefined while it is not hot. */
  nameFor(client: object, text: string): string | undefined {
    const shape = this.#note(text);
    if (!shape || shape.seen < this.#hotAfter || shape.refused) return undefined;
    const names = this.#of(client).named;
    const name = `q${shape.name}`;
    if (!names.has(name)) {
      if (names.size >= this.#perConnection) return undefined;
      names.add(name); // pg parses it under this name on its first run here (or again, if that failed)
    }
    return name;
  }
}
