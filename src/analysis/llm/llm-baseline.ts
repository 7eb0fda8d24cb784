import type { Classifier } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import type { RunSummary } from '../../llm/engine/run-progress.js';
import { type McNemarResult, mcnemarTest } from '../../metrics/mcnemar.js';
import type { Fold } from '../../splits/fold.js';
import { accuracyOf, llmOutOfFold } from './llm-out-of-fold.js';

export interface LlmBaselineComparison {
  readonly rows: number;
  readonly llmAccuracy: number;
  readonly baselineAccuracy: number;
  /** Rows the LLM left without a label (unparseable, refused, failed): wrong in both accuracy and the test. */
  readonly llmUnlabelled: number;
  /** First model: the LLM; second: the baseline. */
  readonly mcnemar: McNemarResult;
  readonly alpha: number;
  readonly verdict: 'better' | 'worse' | 'no-difference';
  /** The verdict in plain words, with the p-value. */
  readonly summary: string;
  readonly usage: RunSummary;
}

export interface LlmBaselineOptions {
  readonly folds: readonly Fold[];
  /** Significance level of McNemar's test; default 0.05. */
  readonly alpha?: number;
  /** How the baseline reads in the verdict, e.g. "a linear model on TF-IDF". */
  readonly baselineName?: string;
  readonly signal?: AbortSignal;
}

/**
 * Is the LLM better than a linear model? Both are cross-validated on the same folds (each row predicted
 * once, by models that never saw it; the LLM's few-shot examples come from the training folds only) and
 * McNemar's test compares them row by row: only the rows exactly one of them gets right count.
 */
export async function compareLlmWithBaseline(
  llm: Classifier,
  baseline: Classifier,
  X: Features,
  y: Labels,
  options: LlmBaselineOptions,
): Promise<LlmBaselineComparison> {
  const alpha = options.alpha ?? 0.05;
  const first = await llmOutOfFold(llm, X, y, options.folds, options.signal);
  const second = await llmOutOfFold(baseline, X, y, options.folds, options.signal);
  const nClasses = y.classes.length;
  // McNemar reads only right versus wrong: an unlabelled row becomes a wrong class so that it counts.
  const wrongIfMissing = (predicted: Int32Array) =>
    predicted.map((code, i) => (code >= 0 ? code : (y.codes[i] + 1) % nClasses));
  const mcnemar = mcnemarTest(
    y.codes,
    wrongIfMissing(first.predicted),
    wrongIfMissing(second.predicted),
    nClasses,
  );
  const llmAccuracy = accuracyOf(y.codes, first.predicted);
  const baselineAccuracy = accuracyOf(y.codes, second.predicted);
  const significant = mcnemar.pValue < alpha;
  const verdict = !significant
    ? 'no-difference'
    : mcnemar.onlyFirstCorrect > mcnemar.onlySecondCorrect
      ? 'better'
      : 'worse';
  const name = options.baselineName ?? 'the baseline';
  const p = formatP(mcnemar.pValue);
  const counts = `${mcnemar.onlyFirstCorrect} rows only the LLM got right, ${mcnemar.onlySecondCorrect} only the baseline`;
  const summary =
    verdict === 'no-difference'
      ? `the LLM is not significantly different from ${name} (p=${p} ≥ ${alpha}; ${counts})`
      : `the LLM is significantly ${verdict} than ${name} (p=${p}; ${counts})`;
  return {
    rows: X.rows,
    llmAccuracy,
    baselineAccuracy,
    llmUnlabelled: first.predicted.reduce((n, code) => n + (code < 0 ? 1 : 0), 0),
    mcnemar,
    alpha,
    verdict,
    summary,
    usage: first.usage,
  };
}

function formatP(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : p.toPrecision(2);
}
