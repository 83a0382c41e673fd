// The date-effective rule table: every rule id with its parameters and the dates each version is
// in force. Computations pick the version in force on the relevant date with versionOn().
// GET /v1/rules publishes this table as is.

import type { RuleDefinition, RuleVersion } from './rule-definition.js';
import { lifecycleRules } from './rule-table.lifecycle.js';
import { followUpRules } from './rule-table.follow-up.js';
import { reportingRules } from './rule-table.reporting.js';

export const ruleTable: readonly RuleDefinition[] = [
  {
    id: 'R-ID-NISS',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: 'Law of 8 August 1983 (national register); Crossroads Bank for Social Security (BIS)',
    versions: [
      {
        effectiveFrom: '1983-08-08',
        effectiveTo: null,
        parameters: {
          digits: 11,
          modulus: 97,
          post2000Prefix: '2',
          bisMonthOffsetSexUnknown: 20,
          bisMonthOffsetSexKnown: 40,
        },
      },
    ],
  },
  {
    id: 'R-ID-KBO',
    handling: ['enforced'],
    confidence: 'V',
    source: 'Law of 16 January 2003 (Crossroads Bank for Enterprises)',
    versions: [{ effectiveFrom: '2003-07-01', effectiveTo: null, parameters: { digits: 10, modulus: 97 } }],
  },
  {
    id: 'R-ID-NIS',
    handling: ['enforced'],
    confidence: 'V',
    source: 'Statbel, REFNIS codes',
    versions: [{ effectiveFrom: '1977-01-01', effectiveTo: null, parameters: { digits: 5 } }],
  },
  {
    id: 'R-RIGHT',
    handling: ['recorded', 'computed'],
    confidence: 'I',
    source: 'Law of 26 May 2002 (DIS), art. 14; rulebook interpretation',
    versions: [{ effectiveFrom: '2002-10-01', effectiveTo: null, parameters: { kinds: 'ri, equivalent_aid, end' } }],
  },
  {
    id: 'R-EXEMPT',
    handling: ['recorded'],
    confidence: 'V',
    source: 'Law of 26 May 2002 (DIS), art. 13 §1; AR 11 July 2002',
    versions: [{ effectiveFrom: '2016-11-01', effectiveTo: null, parameters: { reasons: 'health, equity' } }],
  },
  {
    id: 'R-CORRECT',
    handling: ['enforced', 'recorded'],
    confidence: 'I',
    source: 'Rulebook interpretation',
    versions: [{ effectiveFrom: '2002-10-01', effectiveTo: null, parameters: {} }],
  },
  ...lifecycleRules,
  ...followUpRules,
  ...reportingRules,
];

const byId = new Map(ruleTable.map((r) => [r.id, r]));

/** The version of a rule in force on a date, or undefined when none was. */
export function versionOn(ruleId: string, date: string): RuleVersion | undefined {
  return byId
    .get(ruleId)
    ?.versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo));
}

/** The parameters of the version in force on a date; a rule with no version then is a programming error. */
export function parametersOn(ruleId: string, date: string): RuleVersion['parameters'] {
  const version = versionOn(ruleId, date) ?? byId.get(ruleId)?.versions[0];
  if (!version) throw new Error(`unknown rule ${ruleId}`);
  return version.parameters;
}

/** A numeric parameter of the version in force on a date. */
export function numberParameter(ruleId: string, date: string, name: string): number {
  const value = parametersOn(ruleId, date)[name];
  if (typeof value !== 'number') throw new Error(`${ruleId}.${name} is not a number`);
  return value;
}
