// What every rule computation returns: a value with the rule that produced it and a plain
// explanation naming the facts used (contract §2 "Explanations"); and what an enforced rule
// returns when it refuses (the service turns it into a 422 problem with the same code and rule).

export interface Explained<T> {
  value: T | null;
  rule: string;
  explanation: string;
}

/**
 * A computed value with its rule and explanation. The explanation may be given as a function: it
 * is then written only when read (a list of 100,000 deadlines explains only the page it returns).
 */
export function explained<T>(value: T | null, rule: string, explanation: string | (() => string)): Explained<T> {
  if (typeof explanation === 'string') return { value, rule, explanation };
  let text: string | undefined;
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
  | 'amendment-not-agreed';

export interface Refusal {
  code: RefusalCode;
  rule: string;
  explanation: string;
  /** JSON pointer of the field at fault, when one is */
  path?: string;
}

export const refuse = (code: RefusalCode, rule: string, explanation: string, path?: string): Refusal => ({ code, rule, explanation, ...(path ? { path } : {}) });
