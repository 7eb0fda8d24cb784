import { formatC, type RegularizationPathResult } from '../../analysis/index.js';
import { fixed, textTable } from './text-table.js';
import { formatWarnings } from './warnings-text.js';

export interface RegpathContext {
  readonly source: string;
  readonly label: string;
  readonly model: string;
  readonly penalty: string;
  readonly summary: string;
}

const MAX_LISTED = 15;

/** The `modeldebug regpath` text: the sentence, the path table, the features kept at the 1-SE C. */
export function formatRegularizationPath(path: RegularizationPathResult, context: RegpathContext): string {
  const rows = Array.from(path.cs, (C, c) => [
    formatC(C),
    fixed(path.meanScores[c]),
    fixed(path.standardErrors[c]),
    String(path.nonZero[c]),
    [c === path.best.index ? 'best' : '', c === path.oneStandardError.index ? '1-SE' : '']
      .filter(Boolean)
      .join(', '),
  ]);
  const chosen = path.oneStandardError.index;
  const coefficients = path.coefficients[chosen];
  const weight = (j: number) => {
    let sum = 0;
    for (let k = 0; k < coefficients.rows; k++) sum += Math.abs(coefficients.data[k * coefficients.cols + j]);
    return sum;
  };
  const kept = Array.from(path.featureNames.keys())
    .filter((j) => weight(j) > 0)
    .sort((a, b) => weight(b) - weight(a) || a - b);
  const keptRows = kept.slice(0, MAX_LISTED).map((j) => [path.featureNames[j], fixed(weight(j))]);
  const more = kept.length > keptRows.length ? `\n(${kept.length - keptRows.length} more)` : '';
  const sections = [
    `modeldebug regpath: ${context.source} (${path.featureNames.length} features seen by the model, ${path.foldScores[0]?.length ?? 0}-fold stratified CV)\nmodel: ${context.model}`,
    context.summary,
    `${path.scoring} along the path (mean over folds, standard error, non-zero features)\n${textTable(['C', 'mean', 'SE', 'non-zero', ''], rows)}`,
    `Largest coefficients at the 1-SE C=${formatC(path.oneStandardError.C)} (sum of |coef| over classes)\n${textTable(['feature', '|coef|'], keptRows)}${more}`,
    path.warmStarted
      ? `Each C starts from the previous C's solution (warm start, smallest C first): ${path.iterations.reduce((a, b) => a + b, 0)} solver iterations over all fits.`
      : 'Each C is fitted from zeros, so the path costs one full fit per C and fold.',
  ];
  if (path.warnings.length > 0) {
    sections.push(formatWarnings(path.warnings));
  }
  return `${sections.join('\n\n')}\n`;
}

export function regularizationPathToJson(path: RegularizationPathResult, context: RegpathContext) {
  return {
    source: context.source,
    label: context.label,
    model: context.model,
    penalty: context.penalty,
    scoring: path.scoring,
    summary: context.summary,
    featureNames: path.featureNames,
    best: { C: path.best.C, meanScore: path.best.meanScore, nNonzero: path.nonZero[path.best.index] },
    oneStandardError: {
      C: path.oneStandardError.C,
      meanScore: path.oneStandardError.meanScore,
      nNonzero: path.nonZero[path.oneStandardError.index],
    },
    warmStarted: path.warmStarted,
    path: Array.from(path.cs, (C, c) => ({
      C,
      meanScore: path.meanScores[c],
      standardError: path.standardErrors[c],
      foldScores: Array.from(path.foldScores[c]),
      nNonzero: path.nonZero[c],
      coefficients: Array.from({ length: path.coefficients[c].rows }, (_, k) =>
        Array.from(
          path.coefficients[c].data.subarray(
            k * path.coefficients[c].cols,
            (k + 1) * path.coefficients[c].cols,
          ),
        ),
      ),
      intercepts: Array.from(path.intercepts[c]),
    })),
    warnings: path.warnings,
  };
}
