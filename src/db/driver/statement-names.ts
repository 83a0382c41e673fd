// Hot statements run under a name, parsed once per connection (pipeline.ts): PostgreSQL then
// skips parsing and analysing them, and after five runs plans them once — measured at a third of
// the database's CPU on an evaluation when every statement was parsed afresh. A statement is
// named once it has been seen a few times (one-off texts, such as bulk inserts, never are), and a
// connection holds a bounded number of them (each keeps a plan in its server process).
//
// Names are derived from the text, so every connection and instance names a statement alike. A
// plan is generic over its parameters and the tenant is read at execution (row-level security
// reads app.cpas_id when the statement runs, not when it is planned).
import { createHash } from 'node:crypto';

/** Statement texts kept (with their use counts) at most, and the longest kept. */
const MAX_SHAPES = 1024;
const MAX_TEXT = 16_384;

export interface StatementNamesOptions {
  /** uses before a statement is named */
  readonly hotAfter?: number;
  /** statements named on one connection at most */
  readonly perConnection?: number;
}

export class StatementNames {
  /** per text: its uses so far (counted up to hotAfter) and, once hot, its name */
  readonly #shapes = new Map<string, { seen: number; name?: string }>();
  readonly #hotAfter: number;
  readonly #perConnection: number;

  constructor(options: StatementNamesOptions = {}) {
    this.#hotAfter = options.hotAfter ?? 3;
    this.#perConnection = options.perConnection ?? 64;
  }

  /**
   * Counts a use of the text; the name it runs under on a connection that has parsed the names
   * in `parsed`, or undefined (parsed unnamed, this time).
   */
  nameFor(text: string, parsed: ReadonlySet<string>): string | undefined {
    if (text.length > MAX_TEXT) return undefined;
    let shape = this.#shapes.get(text);
    if (!shape) {
      // one-off texts are not kept for ever: past the bound, only hot statements are
      if (this.#shapes.size >= MAX_SHAPES) this.#forgetCold();
      this.#shapes.set(text, (shape = { seen: 0 }));
    }
    if (!shape.name) {
      if (++shape.seen < this.#hotAfter) return undefined;
      shape.name = `piis_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    }
    if (!parsed.has(shape.name) && parsed.size >= this.#perConnection) return undefined;
    return shape.name;
  }

  #forgetCold(): void {
    for (const [text, shape] of this.#shapes) if (!shape.name) this.#shapes.delete(text);
  }
}
