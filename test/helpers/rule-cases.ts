// The rulebook's worked cases (a committed copy of shared/domain/rule-cases.json).
import fs from 'node:fs';

export const ruleCases: Record<string, any> = JSON.parse(
  fs.readFileSync(new URL('../fixtures/rule-cases.json', import.meta.url), 'utf8'),
);
