import { pairedGain } from '../../metrics/index.js';
import type { Fold } from '../../splits/index.js';
import { subsampleRows } from '../../splits/index.js';

/** How the comparison races its models (successive halving on training rows per fold). */
export interface RaceOptions {
  /** Each rung gives the models still in the race this many times the rows of the one before. */
  readonly factor: number;
  /** No rung trains on fewer rows per fold: below it the scores say more about luck than about models. */
  readonly minRows: number;
  /**
   * A model stops only when the leader's paired gain over it is above this even at its interval's low
   * end: a model that learns fast (a linear one) can lead on few rows by a little that more rows undo,
   * so "behind" at a cheap rung has to be by a margin, not by any amount.
   */
  readonly margin: number;
}

export const DEFAULT_RACE: RaceOptions = { factor: 4, minRows: 1000, margin: 0.01 };

/** One rung on the full folds: the plain comparison, every model on every fold. */
export const NO_RACE: RaceOptions = { ...DEFAULT_RACE, minRows: Number.POSITIVE_INFINITY };

/**
 * The training rows per fold of each rung, ascending, the last one all of them: the full rows divided
 * by factor^k while that stays at or above `minRows`. A small file gets one rung (a plain comparison).
 */
export function raceRungs(fullRows: number, options: RaceOptions = DEFAULT_RACE): number[] {
  const rungs = [fullRows];
  for (let rows = Math.floor(fullRows / options.factor); rows >= options.minRows; ) {
    rungs.unshift(rows);
    rows = Math.floor(rows / options.factor);
  }
  return rungs;
}

/** The folds of a rung: each fold's training rows subsampled (seeded per fold), its test rows whole. */
export function rungFolds(folds: readonly Fold[], rows: number, seed: number): Fold[] {
  return folds.map((fold, f) => ({ train: subsampleRows(fold.train, rows, seed + f), test: fold.test }));
}

/** One model's per-fold scores at a rung (the config's metric). */
export interface RungScores {
  readonly spec: string;
  readonly folds: readonly number[];
}

export interface RaceStop {
  readonly spec: string;
  /** The leader of the rung where it stopped. */
  readonly leader: string;
  /** The leader's paired gain over it on the rung's folds, with its 95 % interval. */
  readonly gap: { readonly mean: number; readonly low: number; readonly high: number };
}

/**
 * Who stops at a rung: every model whose paired gap to the rung's leader (best mean) has its 95 % interval
 * entirely above `margin` (leader minus model, fold by fold). Ties of the mean go to the earlier model.
 */
export function raceStops(scores: readonly RungScores[], margin: number): RaceStop[] {
  if (scores.length < 2) return [];
  const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const leader = scores.reduce((a, b) => (mean(b.folds) > mean(a.folds) ? b : a));
  const stops: RaceStop[] = [];
  for (const entry of scores) {
    if (entry === leader) continue;
    const gap = pairedGain(leader.folds, entry.folds);
    if (gap && gap.low > margin) stops.push({ spec: entry.spec, leader: leader.spec, gap });
  }
  return stops;
}
