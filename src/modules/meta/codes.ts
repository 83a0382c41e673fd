// Every code list of the API. Codes never change with the language; their labels are messages of
// the catalogue, `code.<list>.<code>` (src/i18n), said in the reader's language.
import { messages, msg, render, type Lang, type MessageId } from '../../i18n/catalogue.js';
import type { ExportColumn } from '../../http/export.js';
import { codeLists } from '../../rules/code-lists.js';

export { codeLists };

/** A schema accepting exactly the codes of one list (the code lists are the one source of truth). */
const labelId = (list: string, code: string) => `code.${list}.${code}` as MessageId;

/**
 * Labels already said, by language, list and code: an export says the same few labels once per row
 * (the 10% form's 113,000 months took 0.23 s to say their form code's label each time). Only codes
 * the catalogue knows are kept, so the maps are bounded by it.
 */
const said = new Map<Lang, Map<string, Map<string, string>>>();

/** The label of a code in the reader's language (the code itself when the list does not know it). */
export function codeLabel(lang: Lang, list: string, code: string): string {
  let lists = said.get(lang);
  if (!lists) said.set(lang, (lists = new Map()));
  let codes = lists.get(list);
  if (!codes) lists.set(list, (codes = new Map()));
  const known = codes.get(code);
  if (known !== undefined) return known;
  const id = labelId(list, code);
  if (!(id in messages.en)) return code;
  const label = render(lang, msg(id));
  codes.set(code, label);
  return label;
}

/** A coded export column and, beside it, the code's label in the reader's language. */
export function codedColumns<R>(
  header: MessageId,
  list: string,
  code: (row: R) => string | number | null,
  type: 'text' | 'integer' = 'text',
): ExportColumn<R>[] {
  return [
    { header, type, value: (row) => code(row) },
    {
      header: msg('export.label-of', { column: msg(header) }),
      type: 'text',
      value: (row, lang) => (code(row) === null ? null : codeLabel(lang, list, String(code(row)))),
    },
  ];
}
