import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'cli/main': 'src/cli/main.ts',
    // Worker threads start from a file of their own (src/parallel/worker-source.ts finds it).
    'parallel/worker-entry': 'src/parallel/worker-entry.ts',
    // The random forest's tree-growing workers (src/models/forest/parallel-trees.ts finds it).
    'models/forest/forest-worker': 'src/models/forest/forest-worker.ts',
    // The MLP's batch-gradient workers (src/models/mlp/threaded-gradients.ts finds it).
    'models/mlp/mlp-worker': 'src/models/mlp/mlp-worker.ts',
    // HistGradientBoosting's histogram workers (src/models/hist-gradient-boosting/threaded-histograms.ts).
    'models/hist-gradient-boosting/hgb-worker': 'src/models/hist-gradient-boosting/hgb-worker.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  splitting: true,
});
