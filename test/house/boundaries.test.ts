// The house's walls, checked on the source: a feature uses another only through what that
// feature's index.ts offers, and no folder imports one above it (src/rules imports nothing of the
// service; src/db and src/core import no feature), and only src/db/ reaches the database driver.
import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../helpers/root.js';

const src = path.join(root, 'src');

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

/** Each relative import of a file, resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/\bfrom '(\.[^']+)'/g)].map((m) =>
    path.relative(src, path.resolve(path.dirname(file), m[1]!)),
  );
}

t.test('when a feature imports another, then only through its index.ts', async (t) => {
  const breaches: string[] = [];
  for (const file of sources(path.join(src, 'modules'))) {
    const feature = path.relative(path.join(src, 'modules'), file).split(path.sep)[0];
    for (const target of importsOf(file)) {
      const [top, other, name] = target.split(path.sep);
      if (top === 'modules' && other !== feature && name !== 'index.js')
        breaches.push(`${path.relative(root, file)} → ${target}`);
    }
  }
  t.same(breaches, [], 'no feature reaches into another');
});

t.test('when a lower folder imports, then never a folder above it', async (t) => {
  const above: Record<string, string[]> = {
    rules: ['modules', 'http', 'core', 'db', 'app.js', 'routes.js', 'background.js', 'server.js'],
    db: ['modules', 'http', 'core', 'app.js', 'routes.js', 'background.js', 'server.js'],
    core: ['modules', 'http', 'app.js', 'routes.js', 'background.js', 'server.js'],
    http: ['modules', 'app.js', 'routes.js', 'background.js', 'server.js'],
  };
  const breaches: string[] = [];
  for (const [folder, forbidden] of Object.entries(above))
    for (const file of sources(path.join(src, folder)))
      for (const target of importsOf(file))
        if (forbidden.includes(target.split(path.sep)[0]!)) breaches.push(`${path.relative(root, file)} → ${target}`);
  t.same(breaches, [], 'every import points down');
});

t.test('when a service reads or writes, then src/db chooses how the statements travel', async (t) => {
  // the tools that open the embedded database to migrate it are the only others to name a driver
  const tools = ['bin/migrate.ts', 'bin/build-template.ts'];
  const breaches: string[] = [];
  for (const file of sources(src)) {
    const rel = path.relative(src, file);
    if (rel.startsWith(`db${path.sep}`) || tools.includes(rel)) continue;
    for (const target of importsOf(file))
      if (target.startsWith(path.join('db', 'driver'))) breaches.push(`src/${rel} → ${target}`);
  }
  t.same(breaches, [], 'no import of src/db/driver/ outside src/db/');
});
