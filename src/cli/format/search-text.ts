import type { CandidateParams, SearchResult } from '../../selection/index.js';
import { fixed, textTable } from './text-table.js';

/** The ranked table (top `limit` rows), failed trials with their errors, and the best candidate. */
export function formatSearch(result: SearchResult, limit = 20): string {
  const keys = [...new Set(result.trials.flatMap((trial) => Object.keys(trial.params)))].sort();
  const order = result.trials
    .map((trial, k) => ({ trial, rank: result.ranks[k] }))
    .filter((row) => row.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number) || a.trial.index - b.trial.index);
  const halving = result.trials.some(
    (trial) => trial.resource !== undefined || trial.iteration !== undefined,
  );
  const header = [
    'rank',
    ...keys,
    `mean ${result.scoring}`,
    'std',
    ...(result.trials.some((trial) => trial.meanTrainScore !== undefined) ? ['train'] : []),
    ...(halving ? ['rows/fold'] : []),
    'fit s',
    'trial',
  ];
  const rows = order
    .slice(0, limit)
    .map(({ trial, rank }) => [
      String(rank),
      ...keys.map((key) => formatValue(trial.params[key])),
      fixed(trial.meanTestScore),
      fixed(trial.stdTestScore),
      ...(header.includes('train') ? [fixed(trial.meanTrainScore ?? null)] : []),
      ...(halving ? [trial.resource === undefined ? 'all' : String(trial.resource)] : []),
      fixed(trial.fitSeconds.reduce((a, b) => a + b, 0) / trial.fitSeconds.length, 3),
      String(trial.index),
    ]);
  const lines = [textTable(header, rows)];
  if (order.length > limit) lines.push(`… ${order.length - limit} more (--json gives all)`);
  const failed = result.trials.filter((trial) => trial.status === 'failed');
  if (failed.length > 0) {
    lines.push('', `Failed trials (${failed.length}): no score, not ranked`);
    for (const trial of failed)
      lines.push(`  trial ${trial.index} ${formatParams(trial.params)}: ${trial.error}`);
  }
  const best = result.trials[result.bestIndex];
  lines.push(
    '',
    `best: ${formatParams(result.bestParams)} — CV ${result.scoring} ${fixed(result.bestScore)} ± ${fixed(best.stdTestScore)} (trial ${result.bestIndex})`,
  );
  if (result.refit) lines.push(`refit on all rows in ${result.refit.seconds.toFixed(2)} s`);
  if (result.reusedTrials > 0)
    lines.push(`resumed: ${result.reusedTrials} finished trials taken from the run store`);
  return `${lines.join('\n')}\n`;
}

export function formatParams(params: CandidateParams): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(', ');
}

export function formatValue(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}
