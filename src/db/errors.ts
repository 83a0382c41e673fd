// Recognising constraint violations, so a race lost at the database becomes the same 409 the
// service answers when it sees the conflict first.
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; detail?: string; message?: string };
  if (e?.code !== '23505') return null;
  return e.constraint ?? e.message ?? '';
}
