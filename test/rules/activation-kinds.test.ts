// R-SOCIAL-ACTIVATION: which module theme is social and which professional activation, and the
// themes written in the CPAS's words that still name a code of the list.
import t from 'tap';
import { moduleActivation, themeCode, themeKind } from '../../src/rules/activation-kinds.js';

t.test('R-SOCIAL-ACTIVATION: when a module theme is given, then it names a code by the code or by a label in any language', async (t) => {
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
  for (const [theme, code] of cases) t.equal(themeCode(theme), code, `R-SOCIAL-ACTIVATION: “${theme}” → ${code ?? 'the CPAS’s own words'}`);
});

t.test('R-SOCIAL-ACTIVATION: when a module is judged, then a coded theme decides its mark and the CPAS’s own words keep the recorded one', async (t) => {
  t.equal(themeKind('job_search'), 'professional');
  t.equal(themeKind('vocational_training'), 'professional');
  t.equal(themeKind('language'), 'social');
  t.equal(moduleActivation('Budget', null), 'social', 'a label of a social theme');
  t.equal(moduleActivation('Zoeken naar werk', 'social'), 'professional', 'the code wins over a mark recorded');
  t.equal(moduleActivation('Atelier CV', 'professional'), 'professional');
  t.equal(moduleActivation('Atelier CV', null), null, 'a module recorded before marks were asked for');
});
