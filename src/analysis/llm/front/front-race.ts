import { ModeldebugError } from '../../../core/errors.js';
import type { Features } from '../../../core/features.js';
import type { Labels } from '../../../core/labels.js';
import { createRng } from '../../../core/rng.js';
import { createLlmEngine } from '../../../llm/engine/llm-engine.js';
import { costOf } from '../../../llm/engine/price-table.js';
import { createLlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import { cacheFromParam, type LlmRuntime } from '../../../models/llm-classifier/runtime.js';
import type { Fold } from '../../../splits/fold.js';
import { createArmScorer, type ScoredRows } from './arm-scorer.js';
import { type ArmState, pointOf } from './arm-state.js';
import { type FrontGrid, frontArms } from './front-arms.js';
import { summariseFront } from './front-summary.js';
import type { FrontCapCut, FrontRung, LlmFront } from './front-types.js';
import { createArmCallMeter, meteredRunJobs } from './metered-run-jobs.js';
import {
  confidentlyDominatedBy,
  DEFAULT_FRONT_OBJECTIVES,
  FRONT_OBJECTIVES,
  type FrontObjective,
} from './pareto-front.js';
import { createSpendGate } from './spend-gate.js';
import { rungSizes, stratifiedOrder } from './stratified-order.js';

export interface FrontOptions extends FrontGrid {
  readonly folds: readonly Fold[];
  readonly runtime?: LlmRuntime;
  /** Rows every arm answers first; default max(50, 10 per class), at most all rows. */
  readonly firstRung?: number;
  /** Each rung has this many times the rows of the one before; default 2. */
  readonly growth?: number;
  /** Rows of the last rung; default all. */
  readonly maxRows?: number;
  /** Total spend cap in dollars over all arms; default none. */
  readonly maxCost?: number | null;
  /** A finding names a front arm this many times cheaper than the most accurate one; default 2. */
  readonly cheaperBy?: number;
  /**
   * What an arm must be beaten on to stop or leave the front: accuracy (always) and any of cost per
   * 1,000 rows and p95 latency; default accuracy and cost.
   */
  readonly objectives?: readonly FrontObjective[];
  /** Seeds the rows' order and the bootstrap; default 0. */
  readonly seed?: number;
  readonly nBoot?: number;
  readonly signal?: AbortSignal;
  readonly onRung?: (rung: FrontRung, survivors: number) => void;
}

/**
 * The cost–accuracy front of an LLM classifier's configurations (models × templates × few-shot k ×
 * maj@k), raced by successive halving: every arm answers the same first rung of rows (stratified,
 * seeded, out of fold), an arm another one beats with confidence at no higher cost stops spending, the
 * others answer the next rung, until all rows (or `maxRows`). `maxCost` caps the total spend.
 */
export async function llmFront(X: Features, y: Labels, options: FrontOptions): Promise<LlmFront> {
  const arms = frontArms(options);
  const objectives = frontObjectives(options.objectives);
  const seed = options.seed ?? 0;
  const costUnit = arms.every((arm) => arm.params.prices[arm.params.model]) ? 'usd' : 'tokens';
  const maxCost = options.maxCost ?? arms[0].params.max_cost ?? null;
  if (maxCost !== null && costUnit === 'tokens') {
    const unpriced = arms.find((arm) => !arm.params.prices[arm.params.model])!;
    throw new ModeldebugError('invalid_param', `maxCost needs a price for model "${unpriced.params.model}"`, {
      where: 'prices',
      hint: `add prices={"${unpriced.params.model}": {"input": <$ per 1M tokens>, "output": <$ per 1M tokens>}}`,
    });
  }
  const n = X.rows;
  const foldOf = new Int32Array(n).fill(-1);
  options.folds.forEach((fold, f) => {
    for (const row of fold.test) foldOf[row] = f;
  });
  const rng = createRng(seed);
  const order = stratifiedOrder(y.codes, y.classes.length, rng);
  const total = Math.min(n, options.maxRows ?? n);
  const first = options.firstRung ?? Math.max(50, 10 * y.classes.length);
  const sizes = rungSizes(total, first, Math.max(1.1, options.growth ?? 2));

  const runtime = options.runtime ?? {};
  const first0 = arms[0].params;
  // One engine for every arm: one limiter per endpoint and model, one cache (maj@3's first answer is maj@1's).
  const engine =
    runtime.engine ??
    createLlmEngine({
      maxConcurrency: first0.concurrency,
      policy: { timeoutMs: first0.timeout_ms, maxAttempts: first0.max_attempts },
      cache: runtime.cache === null ? undefined : (runtime.cache ?? cacheFromParam(first0.cache)),
      seed,
    });
  const gate = maxCost === null ? undefined : createSpendGate(maxCost);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const states: ArmState[] = arms.map((arm) => {
    const meter = createArmCallMeter();
    const model = createLlmClassifier(arm.params, {
      ...runtime,
      engine,
      cache: engine.cache ?? null,
      onProgress: undefined,
      runJobs: meteredRunJobs({
        meter,
        prices: arm.params.prices,
        gate,
        onRefused: () => stop.abort(),
        inner: runtime.runJobs,
      }),
    });
    return {
      arm,
      scorer: createArmScorer(model, X, y, options.folds, foldOf),
      meter,
      predicted: new Int32Array(n).fill(-1),
      rowCost: new Float64Array(n),
      rowTokens: new Float64Array(n),
      rows: 0,
      stoppedAtRung: null,
      dominatedBy: -1,
    };
  });

  const rungs: FrontRung[] = [];
  let capCut: FrontCapCut | null = null;
  let done = 0;
  for (const [r, size] of sizes.entries()) {
    const live = states.filter((state) => state.stoppedAtRung === null);
    const rows = order.slice(done, size);
    if (gate) {
      const projected = await projectedCost(live, rows);
      if (gate.spent() + projected > gate.cap) {
        capCut = {
          rung: r + 1,
          rows: size,
          arms: live.length,
          reason: `its ${live.length} arms would cost about $${projected.toPrecision(3)} for ${rows.length} more rows, and $${(gate.cap - gate.spent()).toPrecision(3)} of max cost $${gate.cap} was left`,
        };
        break;
      }
    }
    const scored = await Promise.allSettled(
      live.map((state) =>
        state.scorer.score(rows, signal).catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );
    const failed = scored.find((result) => result.status === 'rejected');
    if (failed) {
      if (!gate?.refused()) throw failed.reason;
      capCut = {
        rung: r + 1,
        rows: size,
        arms: live.length,
        reason: `the next call could have taken the spend over max cost $${gate.cap} ($${gate.spent().toPrecision(3)} spent); the rung's answers are cached, so a rerun with a higher cap reuses them`,
      };
      break;
    }
    live.forEach((state, a) => {
      commit(state, rows, (scored[a] as PromiseFulfilledResult<ScoredRows>).value, costUnit);
      state.rows = size;
    });
    done = size;
    const stopped: string[] = [];
    if (size < total) {
      const points = live.map((state) => pointOf(state, y.codes, order));
      confidentlyDominatedBy(points, objectives).forEach((by, a) => {
        if (by < 0) return;
        live[a].stoppedAtRung = r + 1;
        live[a].dominatedBy = live[by].arm.id;
        stopped.push(live[a].arm.name);
      });
    }
    const rung = { index: r + 1, rows: size, arms: live.length, stopped };
    rungs.push(rung);
    options.onRung?.(rung, live.length - stopped.length);
  }
  return summariseFront(states, {
    rows: n,
    done,
    order,
    y,
    costUnit,
    maxCost,
    rungs,
    capCut,
    objectives,
    options,
  });
}

async function projectedCost(live: readonly ArmState[], rows: Int32Array): Promise<number> {
  const costs = await Promise.all(
    live.map((state) => {
      if (state.rows === 0) return state.scorer.estimate(rows, state.arm.params.prices);
      let measured = 0;
      for (const cost of state.rowCost) measured += cost;
      return (measured / state.rows) * rows.length;
    }),
  );
  return costs.reduce((sum, cost) => sum + cost, 0);
}

function commit(state: ArmState, rows: Int32Array, scored: ScoredRows, unit: 'usd' | 'tokens'): void {
  const { params } = state.arm;
  rows.forEach((row, t) => {
    const usage = { promptTokens: scored.promptTokens[t], completionTokens: scored.completionTokens[t] };
    const tokens = usage.promptTokens + usage.completionTokens;
    state.predicted[row] = scored.predicted[t];
    state.rowTokens[row] = tokens;
    state.rowCost[row] = unit === 'usd' ? (costOf(params.prices, params.model, usage) ?? 0) : tokens;
  });
}

/** Accuracy first, then the others in their canonical order; accuracy is what every dominance is about. */
function frontObjectives(given: readonly FrontObjective[] | undefined): FrontObjective[] {
  if (given === undefined) return [...DEFAULT_FRONT_OBJECTIVES];
  const unknown = given.find((objective) => !FRONT_OBJECTIVES.includes(objective));
  if (unknown !== undefined || !given.includes('accuracy')) {
    throw new ModeldebugError(
      'invalid_argument',
      unknown !== undefined
        ? `objectives has "${unknown}", not one of ${FRONT_OBJECTIVES.join(', ')}`
        : 'objectives must include accuracy',
      { where: 'objectives', hint: 'give accuracy and any of cost, latency, e.g. accuracy,cost' },
    );
  }
  return FRONT_OBJECTIVES.filter((objective) => given.includes(objective));
}
