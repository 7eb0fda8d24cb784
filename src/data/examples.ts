import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModeldebugError } from '../core/errors.js';
import type { Dataset } from './dataset.js';
import { loadDataset } from './load-dataset.js';

/** iris is served with species names as labels so that reports read in words. */
const EXAMPLES = {
  iris: { file: 'iris_named.csv', label: 'species' },
  wine: { file: 'wine.csv', label: 'target' },
  breast_cancer: { file: 'breast_cancer.csv', label: 'target' },
  digits: { file: 'digits.csv', label: 'target' },
  // 600 emails of the SpamAssassin corpus, for an LLM classifier (scripts/prepare-spam-example.ts).
  spam: { file: 'spam_assassin_600.csv', label: 'label', text: ['text'] },
} as const;

export type ExampleName = keyof typeof EXAMPLES;
export const EXAMPLE_NAMES = Object.keys(EXAMPLES) as ExampleName[];

function isExampleName(name: string): name is ExampleName {
  return Object.hasOwn(EXAMPLES, name);
}

/** The bundled datasets live in the package's `datasets/` folder, found from this file upward. */
export function examplePath(name: string): string {
  if (!isExampleName(name)) {
    throw new ModeldebugError('invalid_argument', `unknown example "${name}"`, {
      where: '--example',
      hint: `choose one of ${EXAMPLE_NAMES.join(', ')}`,
    });
  }
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(folder, 'datasets', EXAMPLES[name].file);
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  throw new ModeldebugError('file_not_found', `bundled dataset ${name}.csv is missing from the package`, {
    hint: 'reinstall modeldebug',
  });
}

/** The label column of a bundled dataset (call after `examplePath`, which validates the name). */
export function exampleLabel(name: string): string {
  return isExampleName(name) ? EXAMPLES[name].label : 'target';
}

export async function loadExample(name: string): Promise<Dataset> {
  const path = examplePath(name);
  const entry = EXAMPLES[name as ExampleName];
  return loadDataset(path, {
    label: exampleLabel(name),
    sourceName: `example:${name}`,
    ...('text' in entry ? { text: [...entry.text] } : {}),
  });
}
