import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/catalog/index.js';
import {
  type Classifier,
  encodeLabels,
  type Features,
  type FittedClassifier,
  type Labels,
  type SerializedModel,
  takeFeatureRows,
  takeLabelRows,
} from '../../src/core/index.js';
import { loadExample } from '../../src/data/index.js';
import { errorCode } from '../helpers/error-code.js';

/**
 * The estimator contract (sklearn's check_estimator, typed), as one suite that every estimator's tests
 * call: test/contract/estimators.test.ts over the registry, the LLM classifier against its test server.
 */
export interface ContractCase {
  readonly name: string;
  /** Called inside each test, so it may use state set up in a `beforeAll`. */
  readonly create: () => Classifier;
  /** A param patch the estimator must reject as an invalid value. */
  readonly invalidValue: Record<string, unknown>;
  /** A valid patch that changes the params. */
  readonly validPatch: Record<string, unknown>;
  /** Training accuracy on iris the estimator must beat under any label coding; default 0.8. */
  readonly minAccuracy?: number;
  /** Restores a fitted model from its JSON; default the registry's `loadModel`. */
  readonly load?: (serialized: SerializedModel) => FittedClassifier;
}

const iris = await loadExample('iris');

function relabel(labels: Labels, names: readonly string[]): Labels {
  return encodeLabels(Array.from(labels.codes, (code) => names[code]));
}

async function probabilities(estimator: Classifier, X: Features, y: Labels): Promise<Float64Array> {
  const fitted = await estimator.fit(X, y);
  return (await fitted.predictProba(X)).data;
}

export function describeEstimatorContract(contract: ContractCase): void {
  describe(`estimator contract: ${contract.name}`, () => {
    it('is deterministic: fitting twice gives the same probabilities', async () => {
      const estimator = contract.create();
      const first = await probabilities(estimator, iris.features, iris.labels);
      const second = await probabilities(estimator, iris.features, iris.labels);
      expect(Array.from(second)).toEqual(Array.from(first));
    });

    it('withParams returns a validated copy and leaves the original alone', () => {
      const estimator = contract.create();
      const before = { ...estimator.params };
      const changed = estimator.withParams(contract.validPatch);
      expect(changed.kind).toBe(estimator.kind);
      for (const [key, value] of Object.entries(contract.validPatch))
        expect(changed.params).toHaveProperty([key], value);
      expect(estimator.params).toEqual(before);
      expect(estimator.withParams({}).params).toEqual(estimator.params);
      expect(changed.withParams(before).params).toEqual(estimator.params);
    });

    it('rejects unknown params and invalid values with typed errors', () => {
      const estimator = contract.create();
      expect(errorCode(() => estimator.withParams({ no_such_param: 1 } as never))).toBe('unknown_param');
      expect(Object.keys(contract.invalidValue).length).toBeGreaterThan(0);
      expect(errorCode(() => estimator.withParams(contract.invalidValue as never))).toBe('invalid_param');
    });

    it('gives probabilities that sum to 1 and predictions that are their argmax', async () => {
      const fitted = await contract.create().fit(iris.features, iris.labels);
      const proba = await fitted.predictProba(iris.features);
      const predicted = await fitted.predict(iris.features);
      expect(proba.cols).toBe(fitted.classes.length);
      for (let i = 0; i < proba.rows; i++) {
        const row = Array.from(proba.data.subarray(i * proba.cols, (i + 1) * proba.cols));
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(row.every((p) => p >= 0 && p <= 1)).toBe(true);
        expect(row[predicted[i]]).toBe(Math.max(...row));
      }
    });

    it('works with string labels and non-contiguous integer labels', async () => {
      for (const names of [
        ['setosa', 'versicolor', 'virginica'],
        ['3', '10', '200'],
      ]) {
        const labels = relabel(iris.labels, names);
        const fitted = await contract.create().fit(iris.features, labels);
        expect(fitted.classes).toEqual(names);
        const predicted = await fitted.predict(iris.features);
        const correct = predicted.filter(
          (code, i) => fitted.classes[code] === labels.classes[labels.codes[i]],
        ).length;
        expect(correct / predicted.length).toBeGreaterThan(contract.minAccuracy ?? 0.8);
      }
    });

    it('knows only the classes present in its training rows', async () => {
      const rows = Int32Array.from({ length: 100 }, (_, i) => i + 50);
      const fitted = await contract
        .create()
        .fit(takeFeatureRows(iris.features, rows), takeLabelRows(iris.labels, rows));
      expect(fitted.classes).toEqual(['versicolor', 'virginica']);
      expect((await fitted.predictProba(iris.features)).cols).toBe(2);
    });

    it('refuses training data with a single class', async () => {
      const rows = Int32Array.from({ length: 10 }, (_, i) => i);
      await expect(
        contract.create().fit(takeFeatureRows(iris.features, rows), takeLabelRows(iris.labels, rows)),
      ).rejects.toMatchObject({ code: 'single_class' });
    });

    it('serialises to JSON and loads back to identical predictions', async () => {
      const fitted = await contract.create().fit(iris.features, iris.labels);
      const restored = (contract.load ?? loadModel)(JSON.parse(JSON.stringify(fitted.toJSON())));
      expect(restored.classes).toEqual(fitted.classes);
      expect(Array.from((await restored.predictProba(iris.features)).data)).toEqual(
        Array.from((await fitted.predictProba(iris.features)).data),
      );
      expect(Array.from(await restored.predict(iris.features))).toEqual(
        Array.from(await fitted.predict(iris.features)),
      );
    });
  });
}
