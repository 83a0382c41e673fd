// integer[] (int4[]) read straight from PostgreSQL's text form, `{3,14,NULL}`: pg's generic array
// parser walks the text character by character and built a fifth of the national indicators'
// answer time, over the 100,000 signature delays the rollups of a year carry. Any other form (a
// lower bound `[0:2]={…}`, a nested array) goes to pg's own parser.
import pg from 'pg';

const generic = pg.types.getTypeParser(1007 as never) as (v: string) => unknown;

export function toIntArray(text: string): unknown {
  if (text === '{}') return [];
  if (text[0] !== '{' || text.indexOf('{', 1) !== -1) return generic(text);
  // digit by digit, without a string per element (100,000 of them in the national view)
  const out: Array<number | null> = [];
  let value = 0;
  let sign = 1;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c === 45) sign = -1;
    else if (c === 78) {
      // NULL
      out.push(null);
      i += 4;
      continue;
    } else {
      // ',' or the closing '}'
      out.push(sign * value);
      value = 0;
      sign = 1;
    }
  }
  return out;
}
