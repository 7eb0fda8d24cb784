import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A scikit-learn reference fixture copied from shared/reference (see test/fixtures/reference/README.md). */
export function loadReference<T = unknown>(topic: string): T {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'reference', `${topic}.json`), 'utf8')) as T;
}

export function datasetPath(file: string): string {
  return join(root, 'datasets', file);
}

/** A file or folder under test/fixtures. */
export function fixturePath(...parts: string[]): string {
  return join(root, 'test', 'fixtures', ...parts);
}

/** A case of test/fixtures/parity/parity.json (make_parity_reference.py: issue 20's ties and MLP grid). */
export function loadParityCase<T>(id: string): T {
  const path = join(root, 'test', 'fixtures', 'parity', 'parity.json');
  const file = JSON.parse(readFileSync(path, 'utf8')) as { cases: { id: string }[] };
  const found = file.cases.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no case ${id} in ${path}`);
  return found as T;
}
