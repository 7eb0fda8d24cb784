import { readFileSync } from 'node:fs';
import { type Features, numericFeatures } from '../../src/core/features.js';
import { encodeLabels, type Labels } from '../../src/core/labels.js';
import { datasetPath, loadReference } from '../helpers/fixtures.js';

/** The parts of test/fixtures/reference/ensemble.json (sklearn 1.2.1) the tests read. */
export interface MemberExpectation {
  readonly test_predictions: number[];
  readonly test_predict_proba: number[][];
  readonly test_accuracy: number;
}

export interface VotingExpectation {
  readonly estimator: {
    readonly params: { readonly voting: 'hard' | 'soft'; readonly weights: number[] | null };
  };
  readonly test_predictions: number[];
  readonly test_accuracy: number;
  readonly test_predict_proba?: number[][];
}

export interface EnsembleCase {
  readonly id: string;
  readonly dataset: { readonly file: string; readonly label_column: string };
  readonly split: { readonly train_indices: number[]; readonly test_indices: number[] };
  readonly preprocessing: readonly {
    readonly fitted: { readonly mean_: number[]; readonly scale_: number[] };
  }[];
  readonly members: Readonly<Record<'lr' | 'gnb' | 'knn', MemberExpectation>>;
  readonly voting: readonly VotingExpectation[];
  readonly test_labels: number[];
}

export interface PreparedCase {
  readonly fixture: EnsembleCase;
  readonly train: { readonly X: Features; readonly y: Labels };
  readonly test: { readonly X: Features; readonly y: Labels };
}

/** Reads the dataset of a case, splits it as sklearn did and standardises it with sklearn's fitted scaler. */
export function prepareCase(fixture: EnsembleCase): PreparedCase {
  const lines = readFileSync(datasetPath(fixture.dataset.file), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const labelIndex = header.indexOf(fixture.dataset.label_column);
  const rows = lines.slice(1).map((line) => line.split(','));
  const d = header.length - 1;
  const { mean_, scale_ } = fixture.preprocessing[0].fitted;
  const part = (indices: readonly number[]) => {
    const data = new Float64Array(indices.length * d);
    indices.forEach((row, r) => {
      let j = 0;
      rows[row].forEach((cell, c) => {
        if (c === labelIndex) return;
        data[r * d + j] = (Number(cell) - mean_[j]) / scale_[j];
        j++;
      });
    });
    const X = numericFeatures({ rows: indices.length, cols: d, data });
    const y = encodeLabels(indices.map((row) => rows[row][labelIndex]));
    return { X, y };
  };
  return { fixture, train: part(fixture.split.train_indices), test: part(fixture.split.test_indices) };
}

export function ensembleCases(): PreparedCase[] {
  return loadReference<{ cases: EnsembleCase[] }>('ensemble').cases.map(prepareCase);
}

export function rowsOf(data: Float64Array, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < data.length; i += cols) out.push(Array.from(data.subarray(i, i + cols)));
  return out;
}
