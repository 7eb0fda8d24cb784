import { describe, expect, it } from 'vitest';
import type { Classifier } from '../../../src/core/index.js';
import { createMlpClassifier, createSgdClassifier } from '../../../src/models/index.js';
import { loadBundledDatasets } from '../../helpers/datasets.js';
import { accuracy, loadGradientReference, quarterSplit } from './quarter-split.js';

/**
 * Outcome parity with scikit-learn 1.2.1 (reference.json, from make_reference.py): with sklearn's
 * default hyperparameters, the mean test accuracy over the same seeds is within 1 pp of sklearn's.
 * The seeds drive different generators on each side, so single fits are not comparable; means are.
 */
const reference = loadGradientReference();
const datasets = await loadBundledDatasets(
  Object.keys(reference.datasets).map((file) => ({ file, label_column: 'target' })),
);

const MAKERS: Record<string, (params: Record<string, unknown>) => Classifier> = {
  mlp_defaults: (params) => createMlpClassifier(params),
  sgd_defaults: (params) => createSgdClassifier(params),
  sgd_log_loss: (params) => createSgdClassifier(params),
};

describe('MLPClassifier and SGDClassifier against scikit-learn test accuracy', () => {
  for (const [file, cases] of Object.entries(reference.datasets)) {
    for (const [name, expected] of Object.entries(cases)) {
      it(`${name} on ${file}: mean accuracy within 1 pp of sklearn's ${expected.mean_accuracy.toFixed(4)}`, async () => {
        const { train, test } = quarterSplit(
          datasets.get(file) as NonNullable<ReturnType<typeof datasets.get>>,
        );
        const accuracies: number[] = [];
        for (const seed of expected.seeds) {
          const model = MAKERS[name]({ ...expected.params, random_state: seed });
          const fitted = await model.fit(train.X, train.y);
          accuracies.push(accuracy(await fitted.predict(test.X), test.y));
        }
        const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
        expect(Math.abs(mean - expected.mean_accuracy), `ours ${accuracies.join(', ')}`).toBeLessThanOrEqual(
          0.01,
        );
      }, 120_000);
    }
  }
});
