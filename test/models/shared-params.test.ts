import { describe, expect, it } from 'vitest';
import { histGradientBoostingParamsSchema } from '../../src/models/hist-gradient-boosting/hgb-params.js';
import { mlpParamsSchema } from '../../src/models/mlp/mlp-params.js';
import { sgdParamsSchema } from '../../src/models/sgd/sgd-params.js';
import { decisionTreeParamsSchema } from '../../src/models/tree/tree-params.js';

// scikit-learn's constraints: max_depth an int >= 1 or None (default None); validation_fraction a float
// in the open interval (0, 1) (default 0.1). Every family that takes the param must check it the same way.
describe('params shared between families', () => {
  it.each([
    ['decision-tree', decisionTreeParamsSchema.shape.max_depth],
    ['hist-gradient-boosting', histGradientBoostingParamsSchema.shape.max_depth],
  ])('%s: max_depth is a positive integer or null, null by default', (_, maxDepth) => {
    expect(maxDepth.parse(undefined)).toBeNull();
    expect(maxDepth.parse(1)).toBe(1);
    expect(maxDepth.parse(null)).toBeNull();
    for (const bad of [0, -3, 2.5, '3']) expect(maxDepth.safeParse(bad).success, String(bad)).toBe(false);
  });

  it.each([
    ['hist-gradient-boosting', histGradientBoostingParamsSchema.shape.validation_fraction],
    ['mlp-classifier', mlpParamsSchema.shape.validation_fraction],
    ['sgd-classifier', sgdParamsSchema.shape.validation_fraction],
  ])('%s: validation_fraction is in (0, 1), 0.1 by default', (_, fraction) => {
    expect(fraction.parse(undefined)).toBe(0.1);
    expect(fraction.parse(0.25)).toBe(0.25);
    for (const bad of [0, 1, -0.1, 1.5, null])
      expect(fraction.safeParse(bad).success, String(bad)).toBe(false);
  });
});
