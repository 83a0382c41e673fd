// ETags and If-Match (contract §2 "Concurrency"): a resource's ETag is its version; a change
// names the version it was based on, and the update applies only if that is still current.
import { AppError } from './problem.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match header names. 428 when absent; a malformed one can never match: 412. */
export function requireIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new AppError('precondition-required', 'This change needs an If-Match header with the ETag you last read');
  }
  const m = /^(?:W\/)?"([0-9]{1,9})"$/.exec(header.trim());
  if (!m) throw new AppError('precondition-failed', 'If-Match does not name a current version of this resource');
  return Number(m[1]);
}

/** The version an optional If-Match names (state transitions accept one), or undefined. */
export function optionalIfMatch(header: string | undefined): number | undefined {
  return header === undefined || header.trim() === '' ? undefined : requireIfMatch(header);
}
