// R-ID-NISS, R-ID-KBO, R-ID-NIS: tables of cases at the boundaries, the rulebook's worked cases
// first (shared/domain/rule-cases.json).
import t from 'tap';
import { checkNiss, isValidKbo, isValidNisCode } from '../../src/rules/identifiers.js';
import { render } from '../../src/i18n/catalogue.js';

const nissCases: Array<{
  niss: string;
  valid: boolean;
  birthDate?: string | null;
  bis?: boolean;
  sex?: string | null;
  why: string;
}> = [
  // rule-cases.json
  {
    niss: '85073003328',
    valid: true,
    birthDate: '1985-07-30',
    bis: false,
    sex: 'male',
    why: 'rulebook example, 1900s',
  },
  { niss: '85073003329', valid: false, why: 'check digits off by one' },
  {
    niss: '17073003384',
    valid: true,
    birthDate: '2017-07-30',
    bis: false,
    sex: 'male',
    why: 'valid only with the 2000+ rule',
  },
  { niss: '94021300145', valid: true, birthDate: '1994-02-13', bis: false, sex: 'male', why: 'rule-cases' },
  {
    niss: '06070500252',
    valid: true,
    birthDate: '2006-07-05',
    bis: false,
    sex: 'female',
    why: 'same digits, 2000+ century',
  },
  {
    niss: '06070500223',
    valid: true,
    birthDate: '1906-07-05',
    bis: false,
    sex: 'female',
    why: 'same digits, 1900s century',
  },
  {
    niss: '98472899765',
    valid: true,
    birthDate: '1998-07-28',
    bis: true,
    sex: 'male',
    why: 'BIS, month + 40 (sex known)',
  },
  {
    niss: '01490700185',
    valid: true,
    birthDate: '2001-09-07',
    bis: true,
    sex: 'male',
    why: 'BIS, month + 40, born 2001',
  },
  // boundaries of our own
  { niss: '8507300332', valid: false, why: '10 digits' },
  { niss: '850730033288', valid: false, why: '12 digits' },
  { niss: '8507300332a', valid: false, why: 'a letter' },
  { niss: '', valid: false, why: 'empty' },
  {
    niss: '85000000039',
    valid: true,
    birthDate: null,
    bis: false,
    sex: 'female',
    why: 'month and day 00 (unknown): valid, birth date null',
  },
  { niss: '85130000033', valid: false, why: 'month 13 does not exist (checksum aside)' },
  { niss: '85023003390', valid: false, why: '30 February' },
  {
    niss: '00022900145',
    valid: true,
    birthDate: '2000-02-29',
    bis: false,
    sex: 'male',
    why: 'leap day 2000 (2000+ rule)',
  },
  {
    niss: '85272800067',
    valid: true,
    birthDate: '1985-07-28',
    bis: true,
    sex: null,
    why: 'BIS month + 20: sex unknown',
  },
];

t.test('R-ID-NISS: when a NISS is checked, then validity, birth date, BIS and sex follow the rule', async (t) => {
  for (const c of nissCases) {
    const r = checkNiss(c.niss);
    if (!c.valid) {
      t.equal(r.valid, false, `${c.niss}: invalid (${c.why})`);
      continue;
    }
    t.ok(r.valid, `${c.niss}: valid (${c.why})`);
    if (r.valid) {
      t.same(
        { birthDate: r.birthDate, bis: r.bis, sex: r.sex, rule: r.rule },
        { birthDate: c.birthDate, bis: c.bis, sex: c.sex, rule: 'R-ID-NISS' },
        `${c.niss}: ${c.why}`,
      );
      t.match(render('en', r.explanation), /check digits/);
    }
  }
});

t.test('R-ID-NISS: when the check digits are 00 or 98, then the number is invalid', async (t) => {
  // a base whose remainder makes 97 − r = 97 is the largest legal check; 00 never validates
  t.equal(checkNiss('85073003300').valid, false);
  t.equal(checkNiss('85073003398').valid, false);
});

t.test('R-ID-KBO: when a KBO number is checked, then the modulo-97 rule decides', async (t) => {
  const cases: Array<[string, boolean, string]> = [
    ['0403019261', true, 'rule-cases'],
    ['0428759497', true, 'rule-cases'],
    ['0431150351', false, 'rule-cases'],
    ['0212345668', true, 'rule-cases: the demo CPAS'],
    ['0212345678', false, 'rule-cases'],
    ['021234566', false, '9 digits'],
    ['02123456680', false, '11 digits'],
    ['0212.345.668', false, 'formatted (the service strips dots before checking)'],
  ];
  for (const [kbo, valid, why] of cases) t.equal(isValidKbo(kbo), valid, `${kbo}: ${why}`);
});

t.test('R-ID-NIS: when a NIS code is checked, then it must be 5 digits', async (t) => {
  t.equal(isValidNisCode('21004'), true);
  t.equal(isValidNisCode('2100'), false);
  t.equal(isValidNisCode('210045'), false);
  t.equal(isValidNisCode('2100a'), false);
});
