import type { Trial } from '../../selection/index.js';
import type { RunRecord } from '../../store/index.js';
import { formatParams } from './search-text.js';
import { fixed, textTable } from './text-table.js';

export function formatRunList(runs: readonly RunRecord[], storePath: string): string {
  if (runs.length === 0) return `no runs in ${storePath}\n`;
  const rows = runs.map((run) => [
    run.id,
    run.kind,
    run.status,
    String(run.trialCount),
    bestOf(run),
    run.createdAt.slice(0, 19).replace('T', ' '),
  ]);
  return `${textTable(['run', 'kind', 'status', 'trials', 'best', 'started (UTC)'], rows)}\n`;
}

/** A search stores `best_score`; a `modeldebug run` stores `bestScore` with the metric it is in. */
function bestOf(run: RunRecord): string {
  const summary = run.summary ?? {};
  if (typeof summary.best_score === 'number') return summary.best_score.toFixed(4);
  if (typeof summary.bestScore === 'number') {
    return `${summary.bestScore.toFixed(4)}${typeof summary.metric === 'string' ? ` ${summary.metric}` : ''}`;
  }
  return '-';
}

export function formatRun(run: RunRecord, trials: readonly Trial[]): string {
  const lines = [
    `run ${run.id}: ${run.kind}, ${run.status}, ${trials.length} trials stored`,
    `started ${run.createdAt}, updated ${run.updatedAt}`,
    `config: ${JSON.stringify(run.config)}`,
  ];
  if (run.error) lines.push(`error: ${run.error}`);
  if (run.summary) lines.push(`summary: ${JSON.stringify(run.summary)}`);
  if (trials.length > 0) {
    lines.push(
      '',
      textTable(
        ['trial', 'status', 'mean', 'std', 'fit s (all folds)', 'params'],
        trials.map((trial) => [
          String(trial.index),
          trial.status,
          fixed(trial.meanTestScore),
          fixed(trial.stdTestScore),
          fixed(
            trial.fitSeconds.reduce((a, b) => a + b, 0),
            3,
          ),
          formatParams(trial.params) + (trial.error ? ` — ${trial.error}` : ''),
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
