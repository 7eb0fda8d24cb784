import type { Labels } from '../../../core/labels.js';
import { type ArmState, percentile, pointOf } from './arm-state.js';
import { frontFindings } from './front-findings.js';
import type { FrontArmResult, FrontCapCut, FrontRung, LlmFront } from './front-types.js';
import { type FrontObjective, paretoFront } from './pareto-front.js';

interface SummaryInput {
  readonly rows: number;
  readonly done: number;
  readonly order: Int32Array;
  readonly y: Labels;
  readonly costUnit: 'usd' | 'tokens';
  readonly maxCost: number | null;
  readonly rungs: FrontRung[];
  readonly capCut: FrontCapCut | null;
  readonly objectives: readonly FrontObjective[];
  /** The findings' options (FrontOptions' fields of the same names). */
  readonly options: { readonly cheaperBy?: number; readonly seed?: number; readonly nBoot?: number };
}

/** The race's result: every arm's point and status, the front (cheapest first), the totals and findings. */
export function summariseFront(states: readonly ArmState[], input: SummaryInput): LlmFront {
  const { order, y, done } = input;
  const points = states.map((state) => pointOf(state, y.codes, order));
  const finalists = states.filter((state) => state.stoppedAtRung === null && state.rows === done && done > 0);
  const onFront = paretoFront(
    finalists.map((state) => points[state.arm.id]),
    input.objectives,
  );
  const frontIds = new Set(finalists.filter((_, i) => onFront[i]).map((state) => state.arm.id));
  const arms: FrontArmResult[] = states.map((state, a) => {
    const { arm, meter } = state;
    let tokens = 0;
    for (let i = 0; i < state.rows; i++) tokens += state.rowTokens[order[i]];
    const priced = arm.params.prices[arm.params.model] !== undefined;
    return {
      id: arm.id,
      name: arm.name,
      base: arm.base,
      template: arm.template,
      shots: arm.shots,
      maj: arm.maj,
      rows: state.rows,
      accuracy: { estimate: points[a].accuracy, low: points[a].low, high: points[a].high },
      costPer1000Rows: points[a].cost,
      tokensPer1000Rows: state.rows === 0 ? 0 : (1000 * tokens) / state.rows,
      latencyMs: {
        p50: percentile(meter.latenciesMs, 50),
        p95: percentile(meter.latenciesMs, 95),
      },
      httpCalls: meter.calls,
      answers: state.rows * arm.maj,
      spent: priced ? meter.spent : null,
      status:
        state.rows === 0
          ? 'unmeasured'
          : state.stoppedAtRung !== null
            ? 'dominated'
            : frontIds.has(arm.id)
              ? 'front'
              : 'off-front',
      stoppedAtRung: state.stoppedAtRung,
      dominatedBy: state.dominatedBy < 0 ? null : states[state.dominatedBy].arm.name,
    };
  });
  const front = arms
    .filter((arm) => arm.status === 'front')
    .sort((a, b) => a.costPer1000Rows - b.costPer1000Rows || b.accuracy.estimate - a.accuracy.estimate);
  const allPriced = arms.every((arm) => arm.spent !== null);
  return {
    rows: input.rows,
    objectives: input.objectives,
    arms,
    front: front.map((arm) => arm.name),
    rungs: input.rungs,
    costUnit: input.costUnit,
    maxCost: input.maxCost,
    spent: allPriced ? arms.reduce((sum, arm) => sum + (arm.spent ?? 0), 0) : null,
    capCut: input.capCut,
    httpCalls: arms.reduce((sum, arm) => sum + arm.httpCalls, 0),
    answers: arms.reduce((sum, arm) => sum + arm.answers, 0),
    gridAnswers: states.reduce((sum, state) => sum + input.rows * state.arm.maj, 0),
    findings: frontFindings(
      front.map((arm) => states[arm.id]),
      { y, order, done, unit: input.costUnit, cheaperBy: input.options.cheaperBy ?? 2 },
      { seed: input.options.seed ?? 0, nBoot: input.options.nBoot ?? 1000 },
    ),
  };
}
