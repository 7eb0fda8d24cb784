import type { StepSpec } from '../catalog/model-spec.js';
import { ModeldebugError } from '../core/errors.js';
import {
  type Distribution,
  parseGridAssignment,
  parseSpaceAssignment,
  type SearchSpace,
} from './distributions.js';
import { gridStrategy } from './grid-strategy.js';
import { halvingStrategy } from './halving-strategy.js';
import { type ParamGrid, parameterGrid } from './param-grid.js';
import { randomStrategy, sampleCandidate } from './random-strategy.js';
import { checkedSteps } from './search.js';
import type { SearchStrategy } from './search-types.js';
import { tpeStrategy } from './tpe-strategy.js';

export const STRATEGY_NAMES = ['grid', 'random', 'halving', 'tpe'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/**
 * A search as plain data (what `modeldebug search` flags say and the run store keeps, so a resumed run
 * rebuilds the same strategy): `--grid key=v1,v2` lists and `--space key=loguniform(a,b)` distributions.
 */
export interface StrategySpec {
  readonly strategy: StrategyName;
  readonly grid: readonly string[];
  readonly space: readonly string[];
  /** Candidates for random and TPE (and halving without a grid); default 10. */
  readonly trials?: number;
}

/**
 * Checks every key of the space against the model before a run starts (so a typo is one error line,
 * not a failed run in the store), using each key's first value or lower bound.
 */
export function checkSearchSpace(steps: readonly StepSpec[], spec: StrategySpec): void {
  const candidate: Record<string, unknown> = {};
  for (const text of spec.grid) {
    const { key, values } = parseGridAssignment(text);
    candidate[key] = values[0];
  }
  for (const text of spec.space) {
    const { key, distribution } = parseSpaceAssignment(text);
    candidate[key] = distribution.kind === 'choice' ? distribution.values[0] : distribution.low;
  }
  checkedSteps(steps, candidate);
}

export function createStrategy(spec: StrategySpec): SearchStrategy {
  if (!(STRATEGY_NAMES as readonly string[]).includes(spec.strategy)) {
    throw new ModeldebugError('invalid_argument', `unknown search strategy "${spec.strategy}"`, {
      where: 'field strategy',
      hint: `use one of ${STRATEGY_NAMES.join(', ')}`,
    });
  }
  const grid: Record<string, unknown[]> = {};
  for (const text of spec.grid) {
    const { key, values } = parseGridAssignment(text);
    grid[key] = values;
  }
  const space: Record<string, Distribution> = {};
  for (const [key, values] of Object.entries(grid)) space[key] = { kind: 'choice', values };
  for (const text of spec.space) {
    const { key, distribution } = parseSpaceAssignment(text);
    space[key] = distribution;
  }
  if (Object.keys(space).length === 0) {
    throw new ModeldebugError('invalid_argument', 'nothing to search', {
      hint: "give --grid 'C=0.01,0.1,1,10' (repeatable) or --space 'C=loguniform(1e-3,1e2)'",
    });
  }
  const trials = spec.trials ?? 10;
  switch (spec.strategy) {
    case 'grid':
      if (spec.space.length > 0) {
        throw new ModeldebugError('invalid_argument', 'a grid search takes lists only, not distributions', {
          where: 'field space',
          hint: 'use the random, halving or tpe strategy to sample distributions',
        });
      }
      return gridStrategy(grid as ParamGrid);
    case 'random':
      return randomStrategy(space, trials);
    case 'tpe':
      return tpeStrategy(space, trials);
    case 'halving':
      return halvingStrategy(spec.space.length === 0 ? parameterGrid(grid).length : trials, (context) =>
        spec.space.length === 0
          ? parameterGrid(grid)
          : Array.from({ length: trials }, () => sampleCandidate(space as SearchSpace, context.rng)),
      );
  }
}
