// The rulebook's worked cases (a committed copy of shared/domain/rule-cases.json).
import fs from 'node:fs';
import path from 'node:path';
import { root } from './root.js';

export const ruleCases: Record<string, any> = JSON.parse(
  fs.readFileSync(path.join(root, 'test/fixtures/rule-cases.json'), 'utf8'),
);
