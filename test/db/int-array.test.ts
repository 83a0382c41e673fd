// integer[] read from PostgreSQL's text form as pg's own parser reads it, faster (src/db/int-array.ts).
import t from 'tap';
import { toIntArray } from '../../src/db/int-array.js';

t.test(
  'when an int4[] is read, then it is the numbers (null for NULL), nested and bounded forms as pg’s own parser reads ' +
    'them',
  async (t) => {
    const cases: Array<[string, unknown]> = [
      ['{}', []],
      ['{7}', [7]],
      ['{1,2,3}', [1, 2, 3]],
      ['{-5,0,2147483647}', [-5, 0, 2147483647]],
      ['{1,NULL,3}', [1, null, 3]],
      [
        '{{1,2},{3,4}}',
        [
          [1, 2],
          [3, 4],
        ],
      ],
      ['[0:1]={4,5}', [4, 5]],
    ];
    for (const [text, expected] of cases) t.same(toIntArray(text), expected, text);
  },
);
