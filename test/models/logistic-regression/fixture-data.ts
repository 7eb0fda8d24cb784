import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Features, numericFeatures } from '../../../src/core/features.js';
import { encodeLabels, type Labels } from '../../../src/core/labels.js';
import { createMatrix } from '../../../src/core/matrix.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface ScalerFit {
  readonly mean_: number[];
  readonly scale_: number[];
}

export interface FixtureCase {
  readonly id: string;
  readonly dataset: { readonly file: string; readonly label_column: string };
  readonly preprocessing: readonly { readonly type: string; readonly fitted: ScalerFit }[];
  readonly estimator: { readonly params: Record<string, unknown> };
  readonly effective_multi_class: 'ovr' | 'multinomial';
  readonly expected: {
    readonly classes_: number[];
    readonly coef_: number[][];
    readonly intercept_: number[];
    readonly n_nonzero_coef: number;
    readonly objective: { readonly value: number };
    readonly predict_proba_first_rows: { readonly rows: number[]; readonly values: number[][] };
    readonly decision_function_first_rows: { readonly rows: number[]; readonly values: number[][] };
    readonly train_accuracy: number;
  };
  readonly refined_optimum?: {
    readonly coef_: number[][];
    readonly intercept_: number[];
    readonly objective: number;
    readonly predict_proba_first_rows: number[][];
  };
}

export interface ErrorCase {
  readonly id: string;
  readonly estimator_params: Record<string, unknown>;
}

export interface LogisticFixture {
  readonly cases: FixtureCase[];
  readonly error_cases: ErrorCase[];
}

export function loadFixture(): LogisticFixture {
  const path = `${root}test/fixtures/reference/logistic_regression.json`;
  return JSON.parse(readFileSync(path, 'utf8')) as LogisticFixture;
}

/** A numeric CSV with a header row and the label in `labelColumn` (the fixtures' datasets). */
export function loadCsv(file: string, labelColumn: string): { X: Features; y: Labels } {
  const lines = readFileSync(`${root}datasets/${file}`, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const labelAt = header.indexOf(labelColumn);
  const names = header.filter((_, j) => j !== labelAt);
  const data = new Float64Array((lines.length - 1) * names.length);
  const labels: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    let c = 0;
    cells.forEach((cell, j) => {
      if (j === labelAt) labels.push(cell);
      else data[i * names.length + c++] = Number(cell);
    });
  });
  return {
    X: numericFeatures(createMatrix(labels.length, names.length, data), names),
    y: encodeLabels(labels),
  };
}

/** x ← (x − mean_) / scale_, the fixture's fitted StandardScaler. */
export function standardize(X: Features, fit: ScalerFit): Features {
  const data = new Float64Array(X.data.length);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) {
      const k = i * X.cols + j;
      data[k] = (X.data[k] - fit.mean_[j]) / fit.scale_[j];
    }
  }
  return { ...X, data };
}

export function loadCase(testCase: FixtureCase): { X: Features; y: Labels } {
  const { X, y } = loadCsv(testCase.dataset.file, testCase.dataset.label_column);
  const scaler = testCase.preprocessing.find((step) => step.type === 'StandardScaler');
  return { X: scaler ? standardize(X, scaler.fitted) : X, y };
}
