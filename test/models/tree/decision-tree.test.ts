import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Features, numericFeatures } from '../../../src/core/features.js';
import { encodeLabels, type Labels } from '../../../src/core/labels.js';
import { createDecisionTree } from '../../../src/models/tree/index.js';
import { readNumericCsv } from '../numeric-csv.js';

/**
 * DecisionTreeClassifier against scikit-learn 1.2.1: tree-reference.json (make_tree_reference.py) keeps
 * only settings whose tree is the same for 20 random_states, so no tie decides a split.
 */
interface TreeCase {
  readonly dataset: string;
  readonly params: Record<string, unknown>;
  readonly children_left: number[];
  readonly children_right: number[];
  readonly feature: number[];
  readonly threshold: number[];
  readonly impurity: number[];
  readonly n_node_samples: number[];
  readonly value_proportions: number[][];
  readonly feature_importances: number[];
  readonly predict: number[];
  readonly depth: number;
  readonly n_leaves: number;
}

const reference = JSON.parse(readFileSync(new URL('./tree-reference.json', import.meta.url), 'utf8')) as {
  synthetic: { X: number[][]; y: number[] };
  cases: TreeCase[];
};

function dataFor(name: string): { X: Features; y: Labels } {
  if (name !== 'synthetic') return readNumericCsv(name);
  const { X, y } = reference.synthetic;
  const d = X[0].length;
  return {
    X: numericFeatures({ rows: X.length, cols: d, data: Float64Array.from(X.flat()) }),
    y: encodeLabels(y),
  };
}

describe.each(reference.cases)('decision tree parity: $dataset $params', (expected) => {
  it('grows sklearn’s tree: same nodes, features, thresholds, impurities, proportions, importances', async () => {
    const { X, y } = dataFor(expected.dataset);
    const fitted = await createDecisionTree(expected.params).fit(X, y);
    const { tree } = fitted;
    expect(tree.nodeCount).toBe(expected.children_left.length);
    expect(Array.from(tree.left)).toEqual(expected.children_left);
    expect(Array.from(tree.right)).toEqual(expected.children_right);
    expect(Array.from(tree.feature)).toEqual(expected.feature);
    expect(Array.from(tree.threshold)).toEqual(expected.threshold);
    expect(Array.from(tree.samples)).toEqual(expected.n_node_samples);
    for (let k = 0; k < tree.nodeCount; k++) expect(tree.impurity[k]).toBeCloseTo(expected.impurity[k], 12);
    const K = tree.classCount;
    expect(Array.from(tree.value)).toHaveLength(expected.value_proportions.length * K);
    expected.value_proportions.flat().forEach((value, k) => {
      expect(tree.value[k]).toBeCloseTo(value, 14);
    });
    expected.feature_importances.forEach((value, j) => {
      expect(fitted.featureImportances[j]).toBeCloseTo(value, 12);
    });
    expect(fitted.depth).toBe(expected.depth);
    expect(fitted.leafCount).toBe(expected.n_leaves);
    const predicted = await fitted.predict(X);
    expect(Array.from(predicted, (code) => Number(fitted.classes[code]))).toEqual(expected.predict);
  });
});

describe('decision tree properties', () => {
  it('fits the training data perfectly when grown fully on distinct rows', async () => {
    const { X, y } = dataFor('synthetic');
    const fitted = await createDecisionTree().fit(X, y);
    const predicted = await fitted.predict(X);
    expect(Array.from(predicted)).toEqual(Array.from(y.codes));
  });

  it('respects max_depth and min_samples_leaf', async () => {
    const { X, y } = dataFor('breast_cancer.csv');
    const fitted = await createDecisionTree({ max_depth: 3, min_samples_leaf: 7 }).fit(X, y);
    expect(fitted.depth).toBeLessThanOrEqual(3);
    for (let k = 0; k < fitted.tree.nodeCount; k++) expect(fitted.tree.samples[k]).toBeGreaterThanOrEqual(7);
  });

  it('is reproducible for a seed with max_features and varies with the seed', async () => {
    const { X, y } = dataFor('breast_cancer.csv');
    const tree = createDecisionTree({ max_features: 'sqrt', random_state: 3 });
    const [a, b] = await Promise.all([tree.fit(X, y), tree.fit(X, y)]);
    expect(Array.from(b.tree.threshold)).toEqual(Array.from(a.tree.threshold));
    const other = await tree.withParams({ random_state: 4 }).fit(X, y);
    expect(Array.from(other.tree.threshold)).not.toEqual(Array.from(a.tree.threshold));
  });

  it('accepts fractions for min_samples_split / min_samples_leaf and rejects bad values', () => {
    expect(createDecisionTree({ min_samples_leaf: 0.1 }).params.min_samples_leaf).toBe(0.1);
    expect(() => createDecisionTree({ min_samples_split: 1 })).toThrow(/min_samples_split/);
    expect(() => createDecisionTree({ max_features: 1.5 })).toThrow(/max_features/);
  });
});
