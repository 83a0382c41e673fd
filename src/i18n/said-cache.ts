// Sentences already said, by language and message. A report says the same parts many times — the
// same month, amount, date or grant for many persons — and formatting one costs tens of
// microseconds. Only short messages are kept (a part recurs; a whole explanation rarely does), at
// most MAX, the oldest quarter dropped when full: a few megabytes. Measured by
// `node scripts/measure-render.mjs` (see the design notes).
const said = new Map<string, string>();
const MAX = 40_000;
const KEY_MAX = 400;

/** The sentence kept under `key`, else the one `say` writes (kept when the key is short). */
export function recall(key: string, say: () => string): string {
  const known = said.get(key);
  if (known !== undefined) return known;
  const sentence = say();
  if (key.length <= KEY_MAX) {
    if (said.size >= MAX) {
      let drop = MAX / 4;
      for (const old of said.keys()) {
        said.delete(old);
        if (--drop === 0) break;
      }
    }
    said.set(key, sentence);
  }
  return sentence;
}
