import type { FindingRecord } from '../../../core/finding-record.js';
import type { FrontArm } from './front-arms.js';
import type { FrontObjective } from './pareto-front.js';

export interface AccuracyInterval {
  readonly estimate: number;
  /** Wilson 95 % interval. */
  readonly low: number;
  readonly high: number;
}

/**
 * `front`: on the Pareto front of accuracy against cost among the arms measured on every row the race
 * reached; `off-front`: measured as far, but another arm is as accurate for less; `dominated`: stopped
 * early, another arm was more accurate with confidence at no higher cost; `unmeasured`: the spend cap
 * stopped the race before the arm's first rung was complete.
 */
export type FrontArmStatus = 'front' | 'off-front' | 'dominated' | 'unmeasured';

/** An arm (its id, name and grid point, without its params) and what the race measured of it. */
export interface FrontArmResult extends Omit<FrontArm, 'params'> {
  /** Rows the arm answered (a prefix of the race's stratified order). */
  readonly rows: number;
  readonly accuracy: AccuracyInterval;
  /** In `costUnit` (dollars, or tokens when a model has no price), from the tokens the answers used. */
  readonly costPer1000Rows: number;
  readonly tokensPer1000Rows: number;
  /** Of the arm's answers, each as timed when it was made (cached ones keep it); null when none was timed. */
  readonly latencyMs: { readonly p50: number | null; readonly p95: number | null };
  /** HTTP calls answered for this arm in this run (cache hits excluded). */
  readonly httpCalls: number;
  /** Answers the arm needed: rows × maj, whether from the endpoint or the cache. */
  readonly answers: number;
  /** Dollars this run paid for the arm's calls; null when its model has no price. */
  readonly spent: number | null;
  readonly status: FrontArmStatus;
  /** The rung (1-based) after which the race stopped spending on it. */
  readonly stoppedAtRung: number | null;
  readonly dominatedBy: string | null;
}

export interface FrontRung {
  /** 1-based. */
  readonly index: number;
  /** Rows answered by every arm still in the race once this rung is done. */
  readonly rows: number;
  readonly arms: number;
  /** Arms stopped after this rung. */
  readonly stopped: readonly string[];
}

/** Where the spend cap stopped the race, and why. */
export interface FrontCapCut {
  /** The rung (1-based) that was not run or not finished. */
  readonly rung: number;
  readonly rows: number;
  readonly arms: number;
  readonly reason: string;
}

export interface LlmFront {
  readonly rows: number;
  /** What the race and the front traded off (accuracy, and cost and/or latency). */
  readonly objectives: readonly FrontObjective[];
  readonly arms: readonly FrontArmResult[];
  /** Names of the arms on the front, cheapest first. */
  readonly front: readonly string[];
  readonly rungs: readonly FrontRung[];
  readonly costUnit: 'usd' | 'tokens';
  readonly maxCost: number | null;
  /** Dollars paid in this run; null when a model has no price. */
  readonly spent: number | null;
  readonly capCut: FrontCapCut | null;
  /** HTTP calls answered in this run, all arms. */
  readonly httpCalls: number;
  /** Answers the race used (rows × maj, summed over arms) against what the full grid needs. */
  readonly answers: number;
  readonly gridAnswers: number;
  readonly findings: readonly FindingRecord[];
}
