// A read as one message to the database: begin, tenant binding, the statement, commit — sent as a
// single simple-protocol query, so the request costs one round trip instead of three. The
// simple protocol takes no parameters, so values are inlined as literals here, with quoting that
// cannot be escaped from: dollar quotes whose tag the value does not contain.
import { randomBytes } from 'node:crypto';
import type { CompiledQuery } from 'kysely';

export class NotInlinable extends Error {}

/** A value as a literal of the simple protocol. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotInlinable('non-finite number');
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new NotInlinable('NUL character');
    // The shortest tag the value does not contain: the value cannot close the quote.
    let tag = '$v$';
    for (let n = 0; value.includes(tag); n++) tag = `$v${n}${randomBytes(3).toString('hex')}$`;
    return `${tag}${value}${tag}`;
  }
  throw new NotInlinable(`cannot inline a ${typeof value}`);
}

/** The compiled statement with its $n parameters replaced by literals (typed by context, as parameters are). */
export function inlineParameters(query: CompiledQuery): string {
  return query.sql.replace(/\$([0-9]+)/g, (match, n: string) => {
    const index = Number(n) - 1;
    if (index >= query.parameters.length) return match;
    return literal(query.parameters[index]);
  });
}
