// The message catalogue kept whole (contract §2 "Language"): every message id exists in fr, nl, de
// and en with the same placeholders, every text parses as ICU MessageFormat, and the dates and
// amounts inside sentences are said in the reader's language.
import t from 'tap';
import {
  LANGUAGES,
  messages,
  msg,
  date,
  cents,
  placeholders,
  render,
  sayDate,
  sayEuros,
  type MessageId,
} from '../../src/i18n/catalogue.js';
import { negotiateLanguage } from '../../src/http/language.js';

const en = messages.en;

const ids = Object.keys(en) as MessageId[];

t.test('every message id has a text in fr, nl, de and en, with the placeholders of the English one', async (t) => {
  for (const lang of LANGUAGES) {
    t.same(Object.keys(messages[lang]).sort(), [...ids].sort(), `${lang}: the same ids as en`);
  }
  for (const id of ids) {
    const expected = placeholders(en[id]);
    for (const lang of LANGUAGES) {
      const text = messages[lang][id];
      t.ok(text.trim().length > 0, `${id} [${lang}] is not empty`);
      t.same(placeholders(text), expected, `${id} [${lang}] has the placeholders ${expected.join(', ') || '(none)'}`);
      // an ASCII apostrophe quotes in ICU MessageFormat and would swallow text
      t.notMatch(text, /'/, `${id} [${lang}] has no ASCII apostrophe (write ’)`);
    }
  }
});

t.test(
  'a French, Dutch or German text is not the English one (except codes, names and bare placeholders)',
  async (t) => {
    const same = (lang: 'fr' | 'nl' | 'de') =>
      ids.filter(
        (id) => messages[lang][id] === en[id] && /[a-z]{4,} [a-z]{4,}/i.test(en[id].replace(/\{[^}]*\}/g, '')),
      );
    for (const lang of ['fr', 'nl', 'de'] as const) t.same(same(lang), [], `${lang}: no sentence left in English`);
  },
);

t.test('dates in sentences carry the weekday and amounts are euros, in the reader’s format', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['fr', '2026-03-04', 'mercredi 4 mars 2026'],
    ['nl', '2026-03-04', 'woensdag 4 maart 2026'],
    ['de', '2026-03-04', 'Mittwoch, 4. März 2026'],
    ['en', '2026-03-04', 'Wednesday, 4 March 2026'],
    ['fr', '2024-02-29', 'jeudi 29 février 2024'],
    ['nl', '2026-12-31', 'donderdag 31 december 2026'],
  ];
  for (const [lang, iso, said] of cases) t.equal(sayDate(lang as 'fr', iso), said, `${lang} ${iso}`);
  const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  t.equal(nbsp(sayEuros('fr', 130000)), '1 300,00 €');
  t.equal(nbsp(sayEuros('nl', 130000)), '€ 1.300,00');
  t.equal(nbsp(sayEuros('de', 130000)), '1.300,00 €');
  t.equal(nbsp(sayEuros('fr', 1)), '0,01 €', 'one cent');
  t.equal(nbsp(sayEuros('nl', -250)), '€ -2,50', 'a negative amount');
  t.equal(
    render('fr', msg('import.row-unreadable', { row: 3, reason: msg('import.line-not-json') })),
    'Ligne 3 : la ligne n’est pas du JSON valide',
    'a message inside a message',
  );
  t.equal(
    render('de', msg('http.no-operation', { method: 'GET', path: date('2026-03-04') as never })),
    'Keine Operation GET Mittwoch, 4. März 2026',
  );
  t.equal(nbsp(render('nl', msg('http.no-operation', { method: 'GET', path: cents(5) }))), 'Geen bewerking GET € 0,05');
});

t.test('plurals follow the language', async (t) => {
  t.equal(render('fr', msg('validation.min-length', { limit: 1 })), 'doit compter au moins 1 caractère');
  t.equal(render('fr', msg('validation.min-length', { limit: 2 })), 'doit compter au moins 2 caractères');
  t.equal(render('nl', msg('validation.max-items', { limit: 1 })), 'mag hoogstens 1 element tellen');
  t.equal(render('de', msg('validation.max-items', { limit: 3 })), 'darf höchstens 3 Elemente haben');
});

t.test('Accept-Language: ranges by quality, region subtags ignored, unknown or malformed → fallback', async (t) => {
  const cases: Array<[string | undefined, 'fr' | 'nl' | 'de' | 'en', 'fr' | 'nl' | 'de' | 'en']> = [
    [undefined, 'fr', 'fr'],
    [undefined, 'nl', 'nl'],
    ['', 'de', 'de'],
    ['nl-BE,nl;q=0.9', 'fr', 'nl'],
    ['it, de;q=0.9', 'fr', 'de'],
    ['fr-BE', 'nl', 'fr'],
    ['de-DE;q=0.5, en;q=0.8', 'fr', 'en'],
    ['en', 'nl', 'en'],
    ['*', 'nl', 'nl'],
    ['it', 'nl', 'nl'],
    ['nl;q=0, fr', 'de', 'fr'],
    [';;;,,,q=', 'de', 'de'],
    ['x'.repeat(5000), 'fr', 'fr'],
    ['NL-be', 'fr', 'nl'],
    ['de;q=abc', 'fr', 'de'],
  ];
  for (const [header, fallback, expected] of cases)
    t.equal(
      negotiateLanguage(header, fallback),
      expected,
      `${String(header).slice(0, 30)} (fallback ${fallback}) → ${expected}`,
    );
});

t.test('every code of every list has its label in the catalogue, and every label names a code', async (t) => {
  const { codeLists } = await import('../../src/modules/meta/codes.js');
  const expected = Object.entries(codeLists).flatMap(([list, codes]) => codes.map((code) => `code.${list}.${code}`));
  const labels = ids.filter((id) => id.startsWith('code.'));
  t.same([...labels].sort(), [...expected].sort());
});

t.test('when a value a message names is missing, then the tests fail and production says a dash', async (t) => {
  const strict = process.env['PIIS_STRICT_MESSAGES'];
  try {
    process.env['PIIS_STRICT_MESSAGES'] = '1';
    t.throws(() => render('fr', msg('http.no-operation', { method: 'GET' })), 'strict: a missing value throws');
    delete process.env['PIIS_STRICT_MESSAGES'];
    t.equal(
      render('nl', msg('http.no-operation', { method: 'PUT' })),
      'Geen bewerking PUT —',
      'lenient: a dash, never a raw id or a blank',
    );
  } finally {
    if (strict === undefined) delete process.env['PIIS_STRICT_MESSAGES'];
    else process.env['PIIS_STRICT_MESSAGES'] = strict;
  }
});

t.test('every rule of the rule table has its title in the catalogue', async (t) => {
  const { ruleTable } = await import('../../src/rules/rule-table.js');
  t.same(ids.filter((id) => id.startsWith('rule.')).sort(), ruleTable.map((r) => `rule.${r.id}`).sort());
});

t.test('the indicator code list names every indicator the reports give', async (t) => {
  const { codeLists } = await import('../../src/modules/meta/codes.js');
  const { indicators } = await import('../../src/rules/indicators.js');
  t.same(
    [...codeLists['indicator']!].sort(),
    indicators([], 2026)
      .map((i) => i.key)
      .sort(),
  );
});
