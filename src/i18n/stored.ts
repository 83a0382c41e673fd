// A sentence kept in the database (a deadline's explanation, an import row's refusal) is kept as
// its message — id and values, as JSON — so that each reader gets it in their own language. Text
// that is not a message (data, or a row written before messages) is kept and read as it is.
import { isMessage, render, type Lang, type Text } from './catalogue.js';

const PREFIX = '{"kind":"message"';

export function storeText(text: Text): string {
  return typeof text === 'string' ? text : JSON.stringify(text);
}

function readText(stored: string): Text {
  if (!stored.startsWith(PREFIX)) return stored;
  const parsed: unknown = JSON.parse(stored);
  return isMessage(parsed) ? parsed : stored;
}

/** A stored sentence in the reader's language. */
export function renderStored(lang: Lang, stored: string): string {
  return render(lang, readText(stored));
}
