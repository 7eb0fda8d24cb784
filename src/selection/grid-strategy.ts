import { type ParamGrid, parameterGrid } from './param-grid.js';
import type { SearchStrategy } from './search-types.js';

/** GridSearchCV: every combination, in ParameterGrid order, in one batch. */
export function gridStrategy(grid: ParamGrid): SearchStrategy {
  const candidates = parameterGrid(grid);
  return {
    name: 'grid',
    plannedTrials: () => candidates.length,
    run: async (evaluate) => {
      await evaluate(candidates);
    },
  };
}
