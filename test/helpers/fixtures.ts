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
