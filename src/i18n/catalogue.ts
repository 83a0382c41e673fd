// The message catalogue: every sentence meant for a person is a message id with values, rendered
// in the reader's language only at the edge (a response, an export, a document). Messages are ICU
// MessageFormat (intl-messageformat: plurals and selects); dates and amounts inside sentences are
// formatted with Intl, so the weekday and the euro format follow the language (contract §2
// "Language"). The texts are data, one file per language in messages/<lang>.json, for translators
// and their tools; en.json defines the ids, and fr, nl and de must give each one with the same
// placeholders (test/i18n/catalogue.test.ts). ICU MessageFormat: {name} is a value,
// {n, plural, one {…} other {…}} a plural, {x, select, a {…} other {…}} a choice. Dates and
// amounts arrive already said in the reader's language (below). Avoid the ASCII apostrophe: it
// quotes in ICU; write ’.
import { IntlMessageFormat } from 'intl-messageformat';
import { recall } from './said-cache.js';
import en from './messages/en.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import nl from './messages/nl.json' with { type: 'json' };
import de from './messages/de.json' with { type: 'json' };

export type MessageId = keyof typeof en;

export type Lang = 'fr' | 'nl' | 'de' | 'en';
export const LANGUAGES: readonly Lang[] = ['fr', 'nl', 'de', 'en'];

export const messages: Readonly<Record<Lang, Readonly<Record<MessageId, string>>>> = { fr, nl, de, en };

const LOCALES: Record<Lang, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' };

/** A civil date (YYYY-MM-DD) to be said with its weekday in the reader's language. */
export interface CivilDate {
  readonly kind: 'date';
  readonly iso: string;
}
/** A calendar month (YYYY-MM), said as "mars 2026". */
export interface CivilMonth {
  readonly kind: 'month';
  readonly iso: string;
}
/** An amount in euro cents, said in euros in the reader's format. */
export interface Cents {
  readonly kind: 'cents';
  readonly cents: number;
}
/** A list of values is said one after the other, separated by semicolons. */
export type Value = string | number | Message | CivilDate | CivilMonth | Cents | readonly Value[];

/** A sentence not yet rendered: its id and its values (which may be sentences themselves). */
export interface Message {
  readonly kind: 'message';
  readonly id: MessageId;
  readonly values: Readonly<Record<string, Value>>;
}

/** A refusal or explanation: a message, or a string already in the reader's language (data). */
export type Text = string | Message;

export const msg = (id: MessageId, values: Record<string, Value> = {}): Message => ({ kind: 'message', id, values });
export const date = (iso: string): CivilDate => ({ kind: 'date', iso });
export const month = (iso: string): CivilMonth => ({ kind: 'month', iso: iso.slice(0, 7) });
export const cents = (amount: number): Cents => ({ kind: 'cents', cents: amount });

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && (value as Message).kind === 'message';
}

const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
const monthFormats = new Map<Lang, Intl.DateTimeFormat>();
const euroFormats = new Map<Lang, Intl.NumberFormat>();
const compiled = new Map<string, IntlMessageFormat>();

/** "mercredi 4 mars 2026", "woensdag 4 maart 2026", "Mittwoch, 4. März 2026". */
export function sayDate(lang: Lang, iso: string): string {
  let f = dayFormats.get(lang);
  if (!f)
    dayFormats.set(
      lang,
      (f = new Intl.DateTimeFormat(LOCALES[lang], {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })),
    );
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** "mars 2026", "maart 2026", "März 2026". */
export function sayMonth(lang: Lang, iso: string): string {
  let f = monthFormats.get(lang);
  if (!f)
    monthFormats.set(
      lang,
      (f = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' })),
    );
  return f.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
}

/** "1 300,00 €", "€ 1.300,00", "1.300,00 €". */
export function sayEuros(lang: Lang, amountCents: number): string {
  let f = euroFormats.get(lang);
  if (!f) euroFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' })));
  return f.format(amountCents / 100);
}

function formatter(lang: Lang, id: MessageId): IntlMessageFormat {
  const key = `${lang}\u0000${id}`;
  let f = compiled.get(key);
  if (!f)
    compiled.set(key, (f = new IntlMessageFormat(messages[lang][id], LOCALES[lang], undefined, { ignoreTag: true })));
  return f;
}

function renderValue(lang: Lang, value: Value): string | number {
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: Value) => renderValue(lang, v)).join('; ');
  const one = value as Message | CivilDate | CivilMonth | Cents;
  if (one.kind === 'message') return render(lang, one);
  if (one.kind === 'date') return sayDate(lang, one.iso);
  if (one.kind === 'month') return sayMonth(lang, one.iso);
  return sayEuros(lang, one.cents);
}

/** The sentence in the reader's language (a plain string is data and stays as it is). */
export function render(lang: Lang, text: Text): string {
  if (typeof text === 'string') return text;
  return recall(`${lang}${JSON.stringify(text)}`, () => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(text.values)) values[name] = renderValue(lang, value);
    try {
      return String(formatter(lang, text.id).format(values));
    } catch (error) {
      // A value the message names was not given: a bug the tests must see (PIIS_STRICT_MESSAGES,
      // set by the test runner); in production the sentence is said with a dash in its place
      // rather than failing the answer or showing a raw id.
      if (process.env['PIIS_STRICT_MESSAGES'] === '1') throw error;
      for (const name of placeholders(messages[lang][text.id])) values[name] ??= '—';
      return String(formatter(lang, text.id).format(values));
    }
  });
}

/** The argument names a message text uses (for the catalogue's own test). */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as Array<{
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }>) {
      if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}
