import type { Dataset } from '../../src/data/index.js';
import { loadDataset } from '../../src/data/index.js';
import { datasetPath } from './fixtures.js';

export interface DatasetRef {
  readonly file: string;
  readonly label_column: string;
}

/**
 * The loader is async (DuckDB) but describe blocks are not: a test file loads its bundled datasets once
 * at the top (top-level await) and looks them up by file inside the blocks.
 */
export async function loadBundledDatasets(
  refs: readonly DatasetRef[],
): Promise<ReadonlyMap<string, Dataset>> {
  const unique = [...new Map(refs.map((ref) => [ref.file, ref])).values()];
  const loaded = await Promise.all(
    unique.map(
      async (ref) =>
        [ref.file, await loadDataset(datasetPath(ref.file), { label: ref.label_column })] as const,
    ),
  );
  return new Map(loaded);
}
