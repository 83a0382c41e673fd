// What every rule computation returns: a value with the rule that produced it and a plain
// explanation naming the facts used (contract §2 "Explanations"); and what an enforced rule
// returns when it refuses (the service turns it into a 422 problem with the same code and rule).
// Explanations are messages of the catalogue (src/i18n), said in the reader's language only when
// an answer is written: rules stay pure and know no language.
import { render, type Lang, type Message } from '../i18n/catalogue.js';

export interface Explained<T> {
  value: T | null;
  rule: string;
  explanation: Message;
}

/**
 * A computed value with its rule and explanation. The explanation may be given as a function: it
 * is then written only when read (a list of 100,000 deadlines explains only the page it returns).
 */
export function explained<T>(value: T | null, rule: string, explanation: Message | (() => Message)): Explained<T> {
  if (typeof explanation !== 'function') return { value, rule, explanation };
  let text: Message | undefined;
  const out = { value, rule } as Explained<T>;
  Object.defineProperty(out, 'explanation', { enumerable: true, get: () => (text ??= explanation()) });
  return out;
}

export type RefusalCode =
  | 'content-incomplete'
  | 'assessment-missing'
  | 'reflection-period-not-elapsed'
  | 'hearing-pending'
  | 'signature-before-grant'
  | 'obligation-not-applicable'
  | 'notice-missing'
  | 'hearing-not-held'
  | 'sanction-not-applicable'
  | 'sanction-too-long'
  | 'sanction-start-outside-window'
  | 'category-not-allowed'
  | 'invalid-period'
  | 'invalid-reference'
  | 'amendment-not-agreed'
  | 'no-convention';

export interface Refusal {
  code: RefusalCode;
  rule: string;
  explanation: Message;
  /** JSON pointer of the field at fault, when one is */
  path?: string;
}

export const refuse = (code: RefusalCode, rule: string, explanation: Message, path?: string): Refusal => ({
  code,
  rule,
  explanation,
  ...(path ? { path } : {}),
});

/** A computed field as an answer carries it: its explanation said in the reader's language. */
export interface Said<T> {
  value: T | null;
  rule: string;
  explanation: string;
}

export function say<T>(lang: Lang, e: Explained<T>): Said<T> {
  return { value: e.value, rule: e.rule, explanation: render(lang, e.explanation) };
}
