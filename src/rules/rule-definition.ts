// The shape of the date-effective rule table's entries (src/rules/rule-table.ts and its halves).

export interface RuleVersion {
  effectiveFrom: string;
  /** last day in force; null while in force */
  effectiveTo: string | null;
  parameters: Record<string, string | number | boolean | null>;
}

/** How the service applies a rule: refuses what breaks it, computes a date or flag, records a CPAS decision. */
export type RuleHandling = 'enforced' | 'computed' | 'recorded';

/** A rule; its title, in each language, is the message `rule.<id>` of the catalogue (src/i18n). */
export interface RuleDefinition {
  id: string;
  handling: RuleHandling[];
  /** V verified, S secondary sources, I interpretation (rulebook) */
  confidence: 'V' | 'S' | 'I';
  source: string;
  versions: RuleVersion[];
}
