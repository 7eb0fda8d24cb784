import { argmaxRows, type FitWarning } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import { type Agreement, memberAgreement } from '../../ensemble/member-agreement.js';
import type { NamedClassifier } from '../../ensemble/members.js';
import type { MemberColumns } from '../../ensemble/stack-features.js';
import { createStackingClassifier } from '../../ensemble/stacking-classifier.js';
import { hardVoteShares, softVoteAverage } from '../../ensemble/vote-kernels.js';
import { crossValidate, type ScoreSummary } from '../../selection/cross-validate.js';
import type { Fold } from '../../splits/fold.js';

export interface CompareEnsembleOptions {
  readonly voting: 'hard' | 'soft';
  readonly weights: readonly number[] | null;
  /** Also cross-validate a StackingClassifier over the same members (final estimator: logistic regression). */
  readonly stack: boolean;
  readonly folds: readonly Fold[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ScoredModel {
  readonly name: string;
  readonly accuracy: ScoreSummary;
  readonly foldAccuracies: readonly number[];
}

export interface EnsembleFinding {
  readonly code: 'members_agree' | 'ensemble_gains' | 'ensemble_no_gain' | 'ensemble_worse' | 'oracle_gap';
  readonly message: string;
}

export interface EnsembleComparison {
  readonly members: readonly ScoredModel[];
  readonly voting: ScoredModel;
  readonly stacking?: ScoredModel;
  readonly agreement: Agreement;
  readonly findings: readonly EnsembleFinding[];
  readonly warnings: readonly FitWarning[];
}

/** Pairwise agreement at or above this is "nearly always agree". */
const AGREE = 0.95;

/**
 * Cross-validates every member on the same folds, then the vote over them, and optionally stacking.
 * The vote's fold scores come from the members' out-of-fold outputs combined with the voting kernels:
 * fitted on the same training fold, a VotingClassifier's members are these very models, so this is its
 * cross-validation score without fitting anything twice (exactly, for deterministic members).
 */
export async function compareEnsemble(
  members: readonly NamedClassifier[],
  X: Features,
  y: Labels,
  options: CompareEnsembleOptions,
): Promise<EnsembleComparison> {
  const K = y.classes.length;
  const total = members.length + (options.stack ? 1 : 0);
  let done = 0;
  options.onProgress?.(0, total);
  const warnings: FitWarning[] = [];
  const memberRuns = [];
  for (const [name, estimator] of members) {
    const run = await crossValidate(estimator, X, y, {
      cv: options.folds,
      returnPredictions: true,
      signal: options.signal,
    });
    warnings.push(
      ...run.folds.flatMap((fold) =>
        fold.warnings.map((w) => ({ code: w.code, message: `${name}: ${w.message}` })),
      ),
    );
    memberRuns.push({ name, run });
    options.onProgress?.(++done, total);
  }
  let stacking: ScoredModel | undefined;
  if (options.stack) {
    const run = await crossValidate(createStackingClassifier(members), X, y, {
      cv: options.folds,
      signal: options.signal,
    });
    stacking = scoreOf(
      'stacking (final: logistic regression)',
      run.folds.map((fold) => fold.test.accuracy),
    );
    options.onProgress?.(++done, total);
  }
  const outputs = memberRuns.map(({ name, run }) => ({
    name,
    foldAccuracies: run.folds.map((fold) => fold.test.accuracy),
    predicted: run.outOfFold?.predicted ?? new Int32Array(X.rows),
    proba: run.outOfFold?.proba ?? { rows: X.rows, cols: K, data: new Float64Array(X.rows * K) },
  }));
  return { ...combineMembers(outputs, y, options, stacking), warnings };
}

/** One member's cross-validation: its fold accuracies and every row's out-of-fold output. */
export interface MemberOutOfFold extends MemberColumns {
  readonly foldAccuracies: readonly number[];
}

/**
 * The vote over the members' out-of-fold outputs, scored on the same folds, with the agreement and the
 * findings; `stacking` is scored by the caller (nested, or from the same outputs).
 */
export function combineMembers(
  members: readonly MemberOutOfFold[],
  y: Labels,
  options: Pick<CompareEnsembleOptions, 'voting' | 'weights' | 'folds'>,
  stacking: ScoredModel | undefined,
): Omit<EnsembleComparison, 'warnings'> {
  const rows = y.codes.length;
  const K = y.classes.length;
  const scored = members.map((member) => scoreOf(member.name, [...member.foldAccuracies]));
  const predictions = members.map((member) => member.predicted);
  const combined =
    options.voting === 'hard'
      ? hardVoteShares(predictions, Float64Array.from(options.weights ?? members.map(() => 1)), rows, K)
      : softVoteAverage(
          members.map((member) => member.proba.data),
          options.weights === null ? null : Float64Array.from(options.weights),
          rows * K,
        );
  const votePredicted = argmaxRows({ rows, cols: K, data: combined });
  const voting = scoreOf(
    `voting (${options.voting}${options.weights ? `, weights ${options.weights.join(',')}` : ''})`,
    options.folds.map((fold) => foldAccuracy(votePredicted, y.codes, fold.test)),
  );
  const agreement = memberAgreement(predictions, y.codes);
  const names = members.map((member) => member.name);
  return {
    members: scored,
    voting,
    stacking,
    agreement,
    findings: findingsFor(names, scored, voting, stacking, agreement),
  };
}

export function scoreOf(name: string, foldAccuracies: number[]): ScoredModel {
  const mean = foldAccuracies.reduce((a, b) => a + b, 0) / foldAccuracies.length;
  const variance = foldAccuracies.reduce((a, b) => a + (b - mean) ** 2, 0) / foldAccuracies.length;
  return { name, accuracy: { mean, std: Math.sqrt(variance) }, foldAccuracies };
}

function foldAccuracy(predicted: Int32Array, truth: Int32Array, rows: Int32Array): number {
  let correct = 0;
  for (const row of rows) if (predicted[row] === truth[row]) correct++;
  return correct / rows.length;
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}

function findingsFor(
  names: readonly string[],
  members: readonly ScoredModel[],
  voting: ScoredModel,
  stacking: ScoredModel | undefined,
  agreement: Agreement,
): EnsembleFinding[] {
  const findings: EnsembleFinding[] = [];
  const M = names.length;
  let lowest = 1;
  for (let a = 0; a < M; a++)
    for (let b = a + 1; b < M; b++) lowest = Math.min(lowest, agreement.pairwise[a * M + b]);
  if (M > 1 && lowest >= AGREE) {
    findings.push({
      code: 'members_agree',
      message: `the members nearly always agree (every pair on at least ${percent(lowest)} of rows): a vote can only change the answer where they disagree, so an ensemble of them gains next to nothing — add a different kind of model (a tree, kNN, naive Bayes) or different features`,
    });
  }
  const best = members.reduce((a, b) => (b.accuracy.mean > a.accuracy.mean ? b : a));
  for (const ensemble of [voting, stacking]) {
    if (!ensemble) continue;
    const gain = ensemble.accuracy.mean - best.accuracy.mean;
    const worst = Math.max(...[best, ensemble].map((model) => model.accuracy.std));
    if (gain > worst && gain > 0) {
      findings.push({
        code: 'ensemble_gains',
        message: `${ensemble.name} beats the best member (${best.name}) by ${percent(gain)} accuracy, more than the fold-to-fold spread`,
      });
    } else if (gain < -worst) {
      findings.push({
        code: 'ensemble_worse',
        message:
          ensemble === voting
            ? `${ensemble.name} is ${percent(-gain)} below the best member (${best.name}): weaker members outvote it — drop them, weight ${best.name} up, or try stacking`
            : `${ensemble.name} is ${percent(-gain)} below the best member (${best.name}): what the final estimator learns from the out-of-fold probabilities does not make up for the weaker members — use ${best.name} alone or drop the weakest members`,
      });
    } else {
      findings.push({
        code: 'ensemble_no_gain',
        message: `${ensemble.name} is within the fold-to-fold spread of the best member (${best.name}, ${percent(best.accuracy.mean)}): no clear gain`,
      });
    }
  }
  const gap = agreement.oracleAccuracy - Math.max(voting.accuracy.mean, stacking?.accuracy.mean ?? 0);
  if (gap > 0.02) {
    findings.push({
      code: 'oracle_gap',
      message: `${percent(agreement.oracleAccuracy)} of rows are right in at least one member, ${percent(gap)} above the ensemble: the members' strengths differ, and a better combiner (stacking, weights) could recover part of that`,
    });
  }
  return findings;
}
