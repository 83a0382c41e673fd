// The house's form, checked on the source: lines a reader sees whole, files a reader can hold,
// functions a reader can follow. Migrations are frozen once landed, so their lines stay as they
// were written; generated files are not written by hand.
import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { root } from '../helpers/root.js';

const LINE = 120;
const FILE = 350;
const FUNCTION = 100;
const LONG_FUNCTION = 60;
/** At most this many functions over LONG_FUNCTION lines in src/ and bench/ (lower it as they are split). */
const LONG_FUNCTIONS_ALLOWED = 15;
/** Files over FILE lines, each with why. */
const LONG_FILES: Record<string, string> = {
  'src/db/types.ts': 'the table types, one interface per table',
};

function files(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (skip(rel)) return [];
    if (e.isDirectory()) return files(rel, skip);
    return /\.(ts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Written by a tool from the migrated schema (npm run db:types), never by hand. */
const GENERATED = path.join('src', 'db', 'schema.generated.ts');
const code = ['src', 'bench'].flatMap((d) => files(d, (rel) => rel === GENERATED));
const everything = [
  ...code,
  ...files('scripts'),
  ...files('test', (rel) => rel === path.join('test', 'e2e', 'generated')),
];

t.test(`when a source line is read, then it fits in ${LINE} characters`, async (t) => {
  const long: string[] = [];
  for (const file of everything)
    fs.readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if ([...line].length > LINE) long.push(`${file}:${i + 1} (${[...line].length})`);
      });
  t.same(long, [], 'no line over the limit');
});

t.test(`when a source file is opened, then it holds at most ${FILE} lines`, async (t) => {
  const long = everything.filter((file) => {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n').length - 1;
    return lines > FILE && !(file in LONG_FILES);
  });
  t.same(long, [], 'no file over the limit but those named with why');
});

/** Every function of the code with its length in lines. */
function functionLengths(): Array<{ where: string; lines: number }> {
  const out: Array<{ where: string; lines: number }> = [];
  for (const file of code) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        out.push({ where: `${file}:${start + 1}`, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

t.test('when a function is read, then it is short enough to follow', async (t) => {
  const lengths = functionLengths();
  t.ok(lengths.length > 500, 'the functions are found');
  t.same(
    lengths.filter((f) => f.lines > FUNCTION).map((f) => `${f.where} (${f.lines})`),
    [],
    `none over ${FUNCTION} lines`,
  );
  const long = lengths.filter((f) => f.lines > LONG_FUNCTION);
  t.ok(
    long.length <= LONG_FUNCTIONS_ALLOWED,
    `${long.length} over ${LONG_FUNCTION} lines (at most ${LONG_FUNCTIONS_ALLOWED}): ` +
      long.map((f) => `${f.where} (${f.lines})`).join(', '),
  );
});
