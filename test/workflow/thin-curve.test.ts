import { describe, expect, it } from 'vitest';
import { thinCurve } from '../../src/workflow/thin-curve.js';

describe('thinCurve', () => {
  it('keeps short curves whole', () => {
    expect(thinCurve([0, 0.5, 1], [0, 0.8, 1], 10)).toEqual({ x: [0, 0.5, 1], y: [0, 0.8, 1] });
  });

  it('keeps both ends and evenly spaced points of long ones', () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => i / 1000);
    const { x: kept, y } = thinCurve(x, x, 5);
    expect(kept).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(y).toEqual(kept);
  });
});
