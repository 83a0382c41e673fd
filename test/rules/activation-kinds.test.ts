// R-SOCIAL-ACTIVATION: which module theme is social and which professional activation, and the
// themes written in the CPAS's words that still name a code of the list.
import t from 'tap';
import { moduleActivation, moduleMark, themeCode, themeKind } from '../../src/rules/activation-kinds.js';

t.test(
  'R-SOCIAL-ACTIVATION: when a module theme is given, then it names a code by the code or by a label in any language',
  async (t) => {
    const cases: Array<[string, string | null]> = [
      ['budget', 'budget'],
      ['Budget', 'budget'],
      ['  BUDGET ', 'budget'],
      ['Langue', 'language'],
      ['taal', 'language'],
      ['Recherche d’emploi', 'job_search'],
      ["Recherche d'emploi", 'job_search'],
      ['recherche d’emploi', 'job_search'],
      ['Zoeken naar werk', 'job_search'],
      ['Atelier CV et entretiens', null],
      ['Budgets', null],
      ['', null],
    ];
    for (const [theme, code] of cases)
      t.equal(themeCode(theme), code, `R-SOCIAL-ACTIVATION: “${theme}” → ${code ?? 'the CPAS’s own words'}`);
  },
);

t.test(
  'R-SOCIAL-ACTIVATION: when a module is judged, then a coded theme decides its mark and the CPAS’s own words keep ' +
    'the recorded one',
  async (t) => {
    t.equal(themeKind('job_search'), 'professional');
    t.equal(themeKind('vocational_training'), 'professional');
    t.equal(themeKind('language'), 'social');
    t.equal(moduleActivation('Budget', null), 'social', 'a label of a social theme');
    t.equal(moduleActivation('Zoeken naar werk', 'social'), 'professional', 'the code wins over a mark recorded');
    t.equal(moduleActivation('Atelier CV', 'professional'), 'professional');
    t.equal(moduleActivation('Atelier CV', null), null, 'a module recorded before marks were asked for');
  },
);

t.test(
  'R-SOCIAL-ACTIVATION: when a module is created, then its mark comes from its theme, or from the mark sent for the ' +
    'CPAS’s own words',
  async (t) => {
    const cases: Array<[string, 'social' | 'professional' | undefined, ReturnType<typeof moduleMark>]> = [
      ['budget', undefined, { kind: 'social' }],
      ['Budget', 'social', { kind: 'social' }],
      ['Recherche d’emploi', undefined, { kind: 'professional' }],
      ['Recherche d’emploi', 'social', { refused: 'mark-contradicts', code: 'job_search', kind: 'professional' }],
      ['taal', 'professional', { refused: 'mark-contradicts', code: 'language', kind: 'social' }],
      ['Atelier CV', undefined, { refused: 'mark-missing' }],
      ['Atelier CV', 'professional', { kind: 'professional' }],
      ['Café papote', 'social', { kind: 'social' }],
    ];
    for (const [theme, sent, expected] of cases)
      t.same(moduleMark(theme, sent), expected, `R-SOCIAL-ACTIVATION: “${theme}” with ${sent ?? 'no mark'}`);
  },
);
