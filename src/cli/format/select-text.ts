import type { RfecvResult, RfeResult, SelectKBestOutcome } from './select-json.js';
import { fixed, textTable } from './text-table.js';

const MAX_LISTED = 15;

export function formatRfe(result: RfeResult, names: readonly string[], header: string): string {
  const order = Array.from(result.ranking.keys()).sort(
    (a, b) => result.ranking[a] - result.ranking[b] || a - b,
  );
  const rows = order
    .slice(0, Math.max(result.nFeatures, MAX_LISTED))
    .map((j) => [names[j], String(result.ranking[j])]);
  const more = order.length > rows.length ? `\n(${order.length - rows.length} more, ranked lower)` : '';
  return [
    header,
    `Selected ${result.nFeatures} of ${names.length} features: ${listed(result.selectedNames)}`,
    `Ranking (1 = kept; larger = eliminated earlier)\n${textTable(['feature', 'rank'], rows)}${more}`,
  ].join('\n\n');
}

export function formatRfecv(result: RfecvResult, names: readonly string[], header: string): string {
  const rows = Array.from(result.featureCounts, (count, s) => [
    String(count),
    fixed(result.meanScores[s]),
    fixed(result.stdScores[s]),
    count === result.nFeatures ? '<- chosen' : '',
  ]);
  const chosen = Array.from(result.featureCounts).indexOf(result.nFeatures);
  const all = result.meanScores[result.meanScores.length - 1];
  const verdict =
    result.nFeatures === names.length
      ? `Keeping all ${names.length} features scores best (${result.scoring} ${fixed(all)}): elimination does not help.`
      : `${result.nFeatures} of ${names.length} features score ${result.scoring} ${fixed(result.meanScores[chosen])} against ${fixed(all)} with all of them.`;
  return [
    header,
    verdict,
    `Cross-validated ${result.scoring} by feature count (${result.foldScores.length} folds)\n${textTable(['features', 'mean', 'std', ''], rows)}`,
    `Selected: ${listed(result.rfe.selectedNames)}`,
  ].join('\n\n');
}

export function formatKBest(outcome: SelectKBestOutcome, header: string): string {
  const { names, scores, pValues, support } = outcome;
  // NaN scores (a constant column's F) sort last, as SelectKBest ranks them.
  const key = (j: number) => (Number.isNaN(scores[j]) ? Number.NEGATIVE_INFINITY : scores[j]);
  const order = Array.from(scores.keys()).sort((a, b) => key(b) - key(a) || a - b);
  const rows = order
    .slice(0, Math.max(outcome.k, MAX_LISTED))
    .map((j) => [
      names[j],
      fixed(scores[j]),
      pValues ? pValues[j].toExponential(2) : 'n/a',
      support[j] ? 'kept' : '',
    ]);
  const more = order.length > rows.length ? `\n(${order.length - rows.length} more, lower scores)` : '';
  const kept = names.filter((_, j) => support[j]);
  return [
    header,
    `Selected ${kept.length} of ${names.length} features by ${outcome.scoreFunc}: ${kept.join(', ')}`,
    `${textTable(['feature', 'score', 'p-value', ''], rows)}${more}`,
  ].join('\n\n');
}

function listed(names: readonly string[]): string {
  return names.length <= MAX_LISTED
    ? names.join(', ')
    : `${names.slice(0, MAX_LISTED).join(', ')}, … (${names.length - MAX_LISTED} more)`;
}
