// ETags and If-Match (contract §2 "Concurrency"): a resource's ETag is its version; a change
// names the version it was based on, and the update applies only if that is still current.
import { AppError } from './problem.js';
import { msg } from '../i18n/catalogue.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match header names. 428 when absent; a malformed one can never match: 412. */
export function requireIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new AppError('precondition-required', msg('conflict.if-match-required'));
  }
  const m = /^(?:W\/)?"([0-9]{1,9})"$/.exec(header.trim());
  if (!m) throw new AppError('precondition-failed', msg('conflict.if-match-unknown'));
  return Number(m[1]);
}

/** The version an optional If-Match names (state transitions accept one), or undefined. */
export function optionalIfMatch(header: string | undefined): number | undefined {
  return header === undefined || header.trim() === '' ? undefined : requireIfMatch(header);
}

/**
 * For resources whose ETag is not a version number (a transfer's is its status): when the request
 * names an ETag, it must be the current one (weak comparison, RFC 9110 §13.1.1), else 412.
 */
export function assertIfMatch(header: string | undefined, current: string): void {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return;
  const named = header.split(',').map((e) => e.trim().replace(/^W\//, ''));
  if (!named.includes(current))
    throw new AppError('precondition-failed', msg('conflict.changed', { entity: 'resource', etag: current }));
}
