// The repository's root: the nearest directory above this file that holds package.json, so that a
// test finds the repository's files whether it runs as written or compiled under build/tests/.
import fs from 'node:fs';
import path from 'node:path';

function rootAbove(dir: string): string {
  if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error('no package.json above the tests');
  return rootAbove(parent);
}

export const root = rootAbove(import.meta.dirname);
