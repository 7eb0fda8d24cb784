import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderImports, layerViolations } from './import-graph.js';

/**
 * The layers of docs/architecture.md, lowest first: a folder imports only folders before it, so there
 * is no cycle between folders, no estimator (models, features, ensemble) reaches the search code
 * (selection) or the catalog, and only cli/ sits above everything.
 */
const LAYERS = [
  'core',
  'linalg',
  'optim',
  'splits',
  'metrics',
  'data',
  'llm',
  'models',
  'features',
  'ensemble',
  'catalog',
  'selection',
  'analysis',
  'parallel',
  'distributed',
  'store',
  'workflow',
  'report',
  'cli',
];

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

describe('the layers of src/', () => {
  it('are kept: every import between folders goes down', () => {
    const imports = folderImports(SRC);
    expect(imports.length).toBeGreaterThan(100);
    expect(layerViolations(imports, LAYERS)).toEqual([]);
  });

  it('are checked: an upward import and an unplaced folder are reported', () => {
    const planted = [
      { file: 'models/knn/k-neighbors.ts', from: 'models', to: 'selection' },
      { file: 'splits/fold.ts', from: 'splits', to: 'core' },
      { file: 'widgets/x.ts', from: 'widgets', to: 'core' },
    ];
    expect(layerViolations(planted, LAYERS)).toEqual([
      'models/knn/k-neighbors.ts imports selection/, a layer above models/',
      'src/widgets/ is not in the layer order',
    ]);
  });
});

describe('the subfolders of src/llm/ and src/analysis/', () => {
  it('hold every file: only the index.ts barrel sits directly in the folder', () => {
    for (const folder of ['llm', 'analysis']) {
      const flatFiles = readdirSync(join(SRC, folder), { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `${folder}/${entry.name}`);
      expect(flatFiles).toEqual([`${folder}/index.ts`]);
    }
  });

  it('keep the LLM engine layered: provider spec and clients, then caches, then scheduling', () => {
    const imports = folderImports(join(SRC, 'llm'));
    expect(imports.length).toBeGreaterThan(5);
    expect(layerViolations(imports, ['provider', 'cache', 'engine'])).toEqual([]);
  });
});
