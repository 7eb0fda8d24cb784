import type { FitWarning } from '../../core/estimator.js';
import type { PermutationImportanceResult } from '../../features/index.js';
import { fixed, textTable } from './text-table.js';
import { formatWarnings } from './warnings-text.js';

export interface ImportanceContext {
  readonly source: string;
  readonly label: string;
  readonly model: string;
  readonly trainRows: number;
  readonly testRows: number;
  readonly nRepeats: number;
  readonly warnings: readonly FitWarning[];
}

function byImportance(result: PermutationImportanceResult): number[] {
  return Array.from(result.mean.keys()).sort((a, b) => result.mean[b] - result.mean[a] || a - b);
}

/** The text `modeldebug importance` prints: a sentence, then features from most to least important. */
export function formatImportance(result: PermutationImportanceResult, context: ImportanceContext): string {
  const order = byImportance(result);
  const rows = order.map((j) => [result.featureNames[j], fixed(result.mean[j]), fixed(result.std[j])]);
  const top = order[0];
  // A drop within one std of zero is indistinguishable from shuffling noise.
  const idle = order.filter((j) => result.mean[j] <= result.std[j]).map((j) => result.featureNames[j]);
  const lines = [
    `modeldebug importance: ${context.source} (fitted on ${context.trainRows} rows, shuffled on ${context.testRows} held-out rows, ${context.nRepeats} repeats)\nmodel: ${context.model}`,
    `Held-out ${result.scoring} ${fixed(result.baseline)}; shuffling "${result.featureNames[top]}" costs ${fixed(result.mean[top])} on average.` +
      (idle.length > 0
        ? ` ${idle.length} of ${order.length} features cost no more than their noise (candidates to drop): ${idle.slice(0, 10).join(', ')}${idle.length > 10 ? ', …' : ''}.`
        : ''),
    `Drop in ${result.scoring} when the feature is shuffled (mean ± std over repeats)\n${textTable(['feature', 'mean', 'std'], rows)}`,
  ];
  if (context.warnings.length > 0) {
    lines.push(formatWarnings(context.warnings));
  }
  return `${lines.join('\n\n')}\n`;
}

export function importanceToJson(result: PermutationImportanceResult, context: ImportanceContext) {
  return {
    source: context.source,
    label: context.label,
    model: context.model,
    trainRows: context.trainRows,
    testRows: context.testRows,
    nRepeats: context.nRepeats,
    scoring: result.scoring,
    baselineScore: result.baseline,
    features: byImportance(result).map((j) => ({
      name: result.featureNames[j],
      importanceMean: result.mean[j],
      importanceStd: result.std[j],
      importances: Array.from(result.importances[j]),
    })),
    warnings: context.warnings,
  };
}
