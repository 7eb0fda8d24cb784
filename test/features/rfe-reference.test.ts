import { describe, expect, it } from 'vitest';
import { recursiveFeatureElimination, recursiveFeatureEliminationCV } from '../../src/features/index.js';
import { createLogisticRegression } from '../../src/models/logistic-regression/index.js';
import { loadReference } from '../helpers/fixtures.js';
import { loadCsv, type ScalerFit, standardize } from '../models/logistic-regression/fixture-data.js';

interface SelectionCase {
  readonly kind: 'RFE' | 'RFECV';
  readonly id: string;
  readonly dataset: { readonly file: string; readonly label_column: string };
  readonly preprocessing: readonly { readonly type: string; readonly fitted: ScalerFit }[];
  readonly estimator: {
    readonly params: {
      readonly n_features_to_select?: number;
      readonly step: number;
      readonly estimator: {
        readonly params: { readonly C: number; readonly tol: number; readonly max_iter: number };
      };
    };
  };
  readonly expected: {
    readonly support_: boolean[];
    readonly ranking_: number[];
    readonly n_features_: number;
    readonly selected_feature_names: string[];
    readonly elimination_order?: number[];
    readonly final_estimator_coef_?: number[][];
    readonly cv_results_n_features?: number[];
    readonly mean_test_score?: number[];
    readonly std_test_score?: number[];
    readonly split_test_scores?: number[][];
  };
}

const cases = loadReference<{ cases: SelectionCase[] }>('feature_selection').cases;

function setup(testCase: SelectionCase) {
  const { X, y } = loadCsv(testCase.dataset.file, testCase.dataset.label_column);
  const scaler = testCase.preprocessing.find((step) => step.type === 'StandardScaler');
  const lr = testCase.estimator.params.estimator.params;
  // lbfgs as sklearn; our solver converges tighter than sklearn's default stop, so the tol=1e-8 cases are
  // the exact-parity ones (see the fixture notes).
  const estimator = createLogisticRegression({ C: lr.C, tol: lr.tol, max_iter: lr.max_iter });
  return { X: scaler ? standardize(X, scaler.fitted) : X, y, estimator };
}

/**
 * sklearn's default tol=1e-4 stops lbfgs on its own criterion; ours stops elsewhere, so mid-table
 * elimination decisions whose importances are close can flip. Exact parity is asserted at tol=1e-8, where
 * both solvers sit at the optimum; at the default tol the selected features (and RFECV's count) must
 * still agree.
 */
const exact = (testCase: SelectionCase) => testCase.estimator.params.estimator.params.tol <= 1e-8;

describe('RFE against scikit-learn 1.2.1', () => {
  for (const testCase of cases.filter((c) => c.kind === 'RFE' && exact(c))) {
    it(testCase.id, async () => {
      const { X, y, estimator } = setup(testCase);
      const result = await recursiveFeatureElimination(estimator, X, y, {
        nFeaturesToSelect: testCase.estimator.params.n_features_to_select,
        step: testCase.estimator.params.step,
      });
      expect(result.support).toEqual(testCase.expected.support_);
      expect(Array.from(result.ranking)).toEqual(testCase.expected.ranking_);
      expect(result.nFeatures).toBe(testCase.expected.n_features_);
      expect(result.selectedNames).toEqual(testCase.expected.selected_feature_names);
      expect(Array.from(result.eliminationOrder)).toEqual(testCase.expected.elimination_order);
      const coef = testCase.expected.final_estimator_coef_ ?? [];
      const fitted = result.finalModel as unknown as { coefficients: { data: Float64Array } };
      expect(Array.from(fitted.coefficients.data)).toEqual(
        coef.flat().map((value) => expect.closeTo(value, 3)),
      );
    });
  }
});

describe('RFECV against scikit-learn 1.2.1', () => {
  for (const testCase of cases.filter((c) => c.kind === 'RFECV' && exact(c))) {
    it(testCase.id, async () => {
      const { X, y, estimator } = setup(testCase);
      const result = await recursiveFeatureEliminationCV(estimator, X, y, {
        step: testCase.estimator.params.step,
        cv: 5,
      });
      const expected = testCase.expected;
      expect(Array.from(result.featureCounts)).toEqual(expected.cv_results_n_features);
      result.foldScores.forEach((scores, fold) => {
        expect(Array.from(scores)).toEqual(expected.split_test_scores?.[fold]);
      });
      expect(Array.from(result.meanScores)).toEqual(
        (expected.mean_test_score ?? []).map((value) => expect.closeTo(value, 12)),
      );
      expect(Array.from(result.stdScores)).toEqual(
        (expected.std_test_score ?? []).map((value) => expect.closeTo(value, 12)),
      );
      expect(result.nFeatures).toBe(expected.n_features_);
      expect(result.rfe.support).toEqual(expected.support_);
      expect(Array.from(result.rfe.ranking)).toEqual(expected.ranking_);
      expect(result.rfe.selectedNames).toEqual(expected.selected_feature_names);
    });
  }
});

describe("with sklearn's default tol (1e-4) the same features are selected", () => {
  for (const testCase of cases.filter((c) => !exact(c))) {
    it(testCase.id, async () => {
      const { X, y, estimator } = setup(testCase);
      const result =
        testCase.kind === 'RFE'
          ? await recursiveFeatureElimination(estimator, X, y, {
              nFeaturesToSelect: testCase.estimator.params.n_features_to_select,
            })
          : (await recursiveFeatureEliminationCV(estimator, X, y, { cv: 5 })).rfe;
      expect(result.nFeatures).toBe(testCase.expected.n_features_);
      expect(result.selectedNames).toEqual(testCase.expected.selected_feature_names);
    });
  }
});
