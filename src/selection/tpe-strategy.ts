import type { Rng } from '../core/rng.js';
import type { Distribution, SearchSpace } from './distributions.js';
import type { CandidateParams } from './param-grid.js';
import { checkTrials, sampleCandidate } from './random-strategy.js';
import type { SearchStrategy, Trial } from './search-types.js';

export interface TpeOptions {
  /** Random candidates before the model takes over; default max(5, nTrials / 5). */
  readonly startupTrials?: number;
  /** Share of trials counted as good (the `l(x)` density); default 0.25. */
  readonly gamma?: number;
  /** Draws from `l(x)` scored per proposal; default 24 (hyperopt's default). */
  readonly proposals?: number;
}

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011, hyperopt's defaults): split finished trials
 * into the best `gamma` share and the rest, model each key's density in both groups with Parzen windows
 * (in log space for loguniform), and propose the draw from the good density that maximises
 * l(x) / g(x). One candidate per round, so the sequence depends only on the seed and the scores —
 * identical for any number of threads, and replayable on resume.
 */
export function tpeStrategy(space: SearchSpace, nTrials: number, options: TpeOptions = {}): SearchStrategy {
  checkTrials(nTrials);
  const startup = Math.min(nTrials, options.startupTrials ?? Math.max(5, Math.floor(nTrials / 5)));
  const gamma = options.gamma ?? 0.25;
  const proposals = options.proposals ?? 24;
  return {
    name: 'tpe',
    plannedTrials: () => nTrials,
    run: async (evaluate, { rng }) => {
      const history: Trial[] = [];
      for (let t = 0; t < nTrials; t++) {
        const candidate =
          t < startup ? sampleCandidate(space, rng) : propose(space, history, gamma, proposals, rng);
        history.push(...(await evaluate([candidate])));
      }
    },
  };
}

function propose(
  space: SearchSpace,
  history: readonly Trial[],
  gamma: number,
  proposals: number,
  rng: Rng,
): CandidateParams {
  // A failed trial counts as the worst score: the model learns to avoid what raised.
  const scored = history
    .map((trial, order) => ({ trial, order, score: trial.meanTestScore ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const nGood = Math.max(1, Math.ceil(gamma * scored.length));
  const good = scored.slice(0, nGood).map(({ trial }) => trial.params);
  const bad = scored.slice(nGood).map(({ trial }) => trial.params);
  const candidate: Record<string, unknown> = {};
  for (const key of Object.keys(space).sort()) {
    const distribution = space[key];
    const goodValues = good.map((params) => params[key]);
    const badValues = bad.map((params) => params[key]);
    let bestValue: unknown;
    let bestRatio = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < proposals; p++) {
      const value = sampleParzen(distribution, goodValues, rng);
      const ratio = logDensity(distribution, goodValues, value) - logDensity(distribution, badValues, value);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        bestValue = value;
      }
    }
    candidate[key] = bestValue;
  }
  return candidate;
}

/** Continuous keys work in this space (log for loguniform), where the prior is uniform on [low, high]. */
function toSpace(distribution: Distribution, value: unknown): number {
  return distribution.kind === 'loguniform' ? Math.log(Number(value)) : Number(value);
}

function bounds(distribution: Exclude<Distribution, { kind: 'choice' }>): [number, number] {
  return distribution.kind === 'loguniform'
    ? [Math.log(distribution.low), Math.log(distribution.high)]
    : [distribution.low, distribution.high];
}

/** A Parzen mixture: the prior plus one Gaussian per observation, bandwidth from the range and count. */
function bandwidth(distribution: Exclude<Distribution, { kind: 'choice' }>, count: number): number {
  const [low, high] = bounds(distribution);
  return Math.max((high - low) / Math.max(1, count) ** 0.8, (high - low) * 0.02);
}

function sampleParzen(distribution: Distribution, observed: readonly unknown[], rng: Rng): unknown {
  if (distribution.kind === 'choice') {
    const weights = choiceWeights(distribution.values, observed);
    let u = rng.next() * weights.reduce((a, b) => a + b, 0);
    for (const [k, weight] of weights.entries()) {
      u -= weight;
      if (u < 0) return distribution.values[k];
    }
    return distribution.values[distribution.values.length - 1];
  }
  const [low, high] = bounds(distribution);
  const component = rng.int(observed.length + 1);
  let x = low + rng.next() * (high - low);
  if (component < observed.length) {
    // A truncated Gaussian by rejection: clamping would pile proposals onto the bounds.
    const sigma = bandwidth(distribution, observed.length);
    const centre = toSpace(distribution, observed[component]);
    for (let attempt = 0; attempt < 32; attempt++) {
      const draw = centre + sigma * rng.normal();
      if (draw >= low && draw <= high) {
        x = draw;
        break;
      }
    }
  }
  if (distribution.kind === 'loguniform') return Math.exp(x);
  if (distribution.kind === 'int') return Math.round(x);
  return x;
}

function logDensity(distribution: Distribution, observed: readonly unknown[], value: unknown): number {
  if (distribution.kind === 'choice') {
    const weights = choiceWeights(distribution.values, observed);
    const total = weights.reduce((a, b) => a + b, 0);
    const k = distribution.values.indexOf(value);
    return Math.log(weights[k] / total);
  }
  const [low, high] = bounds(distribution);
  const x = toSpace(distribution, value);
  const sigma = bandwidth(distribution, observed.length);
  let density = 1 / (high - low);
  for (const point of observed) {
    const z = (x - toSpace(distribution, point)) / sigma;
    density += Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
  }
  return Math.log(density / (observed.length + 1));
}

/** Counts of each choice among the observations, plus one (the prior). */
function choiceWeights(values: readonly unknown[], observed: readonly unknown[]): number[] {
  return values.map((value) => 1 + observed.filter((point) => point === value).length);
}
