import type { CurvePoint } from '../../selection/index.js';
import type { CurvePointData } from '../report-types.js';

/** A curve point as the report keeps it: the fold means and standard deviations. */
export function curvePointData(point: CurvePoint): CurvePointData {
  return {
    trainMean: point.trainMean,
    trainStd: point.trainStd,
    testMean: point.testMean,
    testStd: point.testStd,
  };
}
