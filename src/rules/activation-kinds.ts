// R-SOCIAL-ACTIVATION, R-PAS-COSTS: social activation (socially useful activities for full
// participation in society) against professional activation (trade-specific or qualifying
// training, job search, pre-employment placements). The one place that says which domain and which
// module theme is which: PIIS content (a 2.x path needs a social domain), the collective-modules
// table (social modules only) and the PAS costs (professional ones excluded) follow it.
import { LANGUAGES, msg, render, type MessageId } from '../i18n/catalogue.js';

export const ACTIVATION_KINDS = ['social', 'professional'] as const;
export type ActivationKind = (typeof ACTIVATION_KINDS)[number];

/** Assessment and PIIS domains of professional activation; every other domain is social. */
export const PROFESSIONAL_DOMAINS: readonly string[] = ['employment', 'training'];

/** The themes of a collective module, each social or professional (labels: code.moduleTheme.*). */
export const MODULE_THEMES = [
  'language',
  'literacy',
  'mobility',
  'budget',
  'energy',
  'digital',
  'administration',
  'citizenship',
  'punctuality',
  'health_wellbeing',
  'parenting',
  'social_contacts',
  'culture_leisure',
  'other_social',
  'job_search',
  'vocational_training',
  'work_placement',
  'other_professional',
] as const;
export type ModuleTheme = (typeof MODULE_THEMES)[number];

const PROFESSIONAL_THEMES: readonly ModuleTheme[] = [
  'job_search',
  'vocational_training',
  'work_placement',
  'other_professional',
];

export const isModuleTheme = (theme: string): theme is ModuleTheme =>
  (MODULE_THEMES as readonly string[]).includes(theme);

const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
let themesByLabel: Map<string, ModuleTheme> | null = null;

/**
 * The code a theme names: the code itself, or a code's label in French, Dutch, German or English
 * written another way (case, accents and spaces aside) — "Budget", "taal", "Recherche d'emploi".
 * Null for a theme in the CPAS's own words.
 */
export function themeCode(theme: string): ModuleTheme | null {
  if (isModuleTheme(theme)) return theme;
  themesByLabel ??= new Map(
    MODULE_THEMES.flatMap((code) =>
      LANGUAGES.map((lang) => [fold(render(lang, msg(`code.moduleTheme.${code}` as MessageId))), code] as const),
    ),
  );
  return themesByLabel.get(fold(theme)) ?? null;
}

export function themeKind(theme: ModuleTheme): ActivationKind {
  return PROFESSIONAL_THEMES.includes(theme) ? 'professional' : 'social';
}

/**
 * A module's mark: its theme's when the theme names a code of the list, else the one recorded with
 * it (a theme in the CPAS's own words says nothing a rule can use); null when neither says (a
 * module recorded before marks were asked for).
 */
export function moduleActivation(theme: string, recorded: ActivationKind | null): ActivationKind | null {
  const code = themeCode(theme);
  return code ? themeKind(code) : recorded;
}

export type ModuleMark =
  | { kind: ActivationKind }
  /** a theme in the CPAS's own words and no mark sent: the rule cannot tell */
  | { refused: 'mark-missing' }
  /** the mark sent contradicts the theme's code */
  | { refused: 'mark-contradicts'; code: ModuleTheme; kind: ActivationKind };

/**
 * R-SOCIAL-ACTIVATION, a new module's mark: its theme's when the theme names a code (a different
 * mark sent is refused), else the one sent, required for a theme in the CPAS's own words.
 */
export function moduleMark(theme: string, sent: ActivationKind | undefined): ModuleMark {
  const code = themeCode(theme);
  if (code === null) return sent ? { kind: sent } : { refused: 'mark-missing' };
  const kind = themeKind(code);
  return sent && sent !== kind ? { refused: 'mark-contradicts', code, kind } : { kind };
}
