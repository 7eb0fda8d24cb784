import type { Matrix } from '../../core/matrix.js';
import type { Dataset } from '../../data/index.js';
import type { Fold } from '../../splits/index.js';
import type { FixOptions, FixState } from './fix-types.js';
import { evaluateState, type StateEvaluation } from './fold-scores.js';

/** Cross-validates states on the fix's folds, each state once per run (and once per resumed run). */
export interface StateScorer {
  /**
   * The state's score on every fold: on the held-out rows' first copies when asked, and never on
   * `unscoredRows` (training rows).
   */
  measure(state: FixState, onFirstCopies?: boolean, unscoredRows?: readonly number[]): Promise<number[]>;
  /** The state's score on the first fold only: a cheap estimate that `measure` later reuses. */
  screen(state: FixState): Promise<number>;
  /** The state's out-of-fold probabilities of every training row. */
  proba(state: FixState): Promise<Matrix>;
  /** Cross-validations taken from the memo (a resumed run) instead of recomputed. */
  reused(): number;
}

export function createStateScorer(
  train: Dataset,
  folds: readonly Fold[],
  firstCopies: Uint8Array,
  options: Pick<FixOptions, 'metric' | 'cv' | 'seed' | 'memo' | 'signal' | 'runtime'>,
): StateScorer {
  const { metric, signal, memo, runtime } = options;
  let reused = 0;
  // The out-of-fold probabilities of the last state cross-validated here (relabel and threshold read them).
  let last: { key: string; proba: Matrix } | undefined;
  const measured = new Map<string, number[]>();
  const screened = new Map<string, StateEvaluation>();
  const keyOf = (state: FixState, onFirstCopies: boolean, unscoredRows: readonly number[] = []) =>
    JSON.stringify({
      state,
      metric,
      cv: options.cv,
      seed: options.seed,
      rows: train.features.rows,
      onFirstCopies,
      // Absent when every row is scored, so the keys of runs stored before it still match.
      ...(unscoredRows.length === 0 ? {} : { unscoredRows }),
    });
  const scoredMask = (onFirstCopies: boolean, unscoredRows: readonly number[]): Uint8Array | undefined => {
    if (unscoredRows.length === 0) return onFirstCopies ? firstCopies : undefined;
    const mask = onFirstCopies ? firstCopies.slice() : new Uint8Array(train.features.rows).fill(1);
    for (const row of unscoredRows) mask[row] = 0;
    return mask;
  };

  const evaluate = async (
    state: FixState,
    key: string,
    onFirstCopies: boolean,
    unscoredRows: readonly number[] = [],
  ): Promise<StateEvaluation> => {
    const scoredRows = scoredMask(onFirstCopies, unscoredRows);
    const first = screened.get(key);
    if (!first) return evaluateState(train, state, folds, metric, signal, scoredRows, runtime);
    // The screen fitted the first fold already: fit the others and join the two halves.
    const rest = await evaluateState(train, state, folds.slice(1), metric, signal, scoredRows, runtime);
    const proba = rest.proba;
    for (const row of folds[0].test) {
      const width = proba.cols;
      proba.data.set(first.proba.data.subarray(row * width, (row + 1) * width), row * width);
    }
    return { scores: [first.scores[0], ...rest.scores], proba };
  };

  const measure = async (
    state: FixState,
    onFirstCopies = false,
    unscoredRows: readonly number[] = [],
  ): Promise<number[]> => {
    const key = keyOf(state, onFirstCopies, unscoredRows);
    const seen = measured.get(key);
    if (seen) return [...seen];
    const stored = memo?.get(key);
    if (stored) {
      reused++;
      measured.set(key, [...stored]);
      return [...stored];
    }
    const evaluation = await evaluate(state, key, onFirstCopies, unscoredRows);
    memo?.set(key, evaluation.scores);
    measured.set(key, evaluation.scores);
    if (!onFirstCopies && unscoredRows.length === 0) last = { key, proba: evaluation.proba };
    return evaluation.scores;
  };

  return {
    measure,
    async screen(state) {
      const key = keyOf(state, false);
      const known = measured.get(key) ?? memo?.get(key) ?? screened.get(key)?.scores;
      if (known) return known[0];
      const evaluation = await evaluateState(
        train,
        state,
        folds.slice(0, 1),
        metric,
        signal,
        undefined,
        runtime,
      );
      screened.set(key, evaluation);
      return evaluation.scores[0];
    },
    async proba(state) {
      const key = keyOf(state, false);
      if (last?.key !== key) {
        last = { key, proba: (await evaluate(state, key, false)).proba };
      }
      return last.proba;
    },
    reused: () => reused,
  };
}
