import { createHash } from 'node:crypto';
import type { RunStore } from '../store/index.js';
import type { FoldScoreMemo } from '../workflow/fix/index.js';

/**
 * The fold scores of each state `fix` cross-validated, as trials of its run in the run store (one
 * committed insert each), so a killed fix resumed with its run id recomputes only what had not finished.
 */
export function fixScoreMemo(store: RunStore, runId: string): FoldScoreMemo {
  const log = store.trialLog(runId);
  const byKey = new Map<string, readonly number[]>();
  const trials = store.trials(runId);
  for (const trial of trials) {
    const key = trial.params.key;
    if (typeof key === 'string')
      byKey.set(
        key,
        trial.testScores.map((score) => score ?? Number.NaN),
      );
  }
  let next = trials.length;
  const hash = (key: string) => createHash('sha256').update(key).digest('hex');
  return {
    get: (key) => byKey.get(hash(key)),
    set(key, scores) {
      const digest = hash(key);
      byKey.set(digest, scores);
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
      log.record({
        index: next++,
        params: { key: digest },
        status: 'ok',
        testScores: [...scores],
        meanTestScore: mean,
        stdTestScore: std,
        fitSeconds: [],
        scoreSeconds: [],
      });
    },
  };
}
