import type { LlmFront } from '../../analysis/llm/front/index.js';
import { CHART_CONFIG, type ChartSpec, COLORS, finiteOrNull, SCHEMA } from './chart-theme.js';

const STATUS_COLORS = {
  front: COLORS.good,
  'off-front': COLORS.train,
  dominated: '#bbb',
} as const;

/**
 * Accuracy (with its 95 % interval) against cost per 1,000 rows, one point per measured arm, the front
 * joined by a line and labelled. Field names are fixed; arm names are values only (Vega escapes them).
 */
export function frontChart(front: LlmFront): ChartSpec {
  const unit = front.costUnit === 'usd' ? '$' : 'tokens';
  const values = front.arms
    .filter((arm) => arm.rows > 0 && arm.costPer1000Rows > 0)
    .map((arm) => ({
      arm: arm.name,
      status: arm.status,
      cost: finiteOrNull(arm.costPer1000Rows),
      accuracy: finiteOrNull(arm.accuracy.estimate),
      low: finiteOrNull(arm.accuracy.low),
      high: finiteOrNull(arm.accuracy.high),
      onFront: arm.status === 'front',
    }));
  const frontValues = values.filter((value) => value.onFront).sort((a, b) => (a.cost ?? 0) - (b.cost ?? 0));
  const x = {
    field: 'cost',
    type: 'quantitative',
    scale: { type: 'log' },
    title: `cost per 1,000 rows (${unit}, log scale)`,
  } as const;
  const statuses = Object.keys(STATUS_COLORS);
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 520,
    height: 320,
    layer: [
      {
        data: { values },
        mark: { type: 'rule', color: '#999' },
        encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      {
        data: { values: frontValues },
        mark: { type: 'line', color: COLORS.good, strokeDash: [4, 3] },
        encoding: { x, y: { field: 'accuracy', type: 'quantitative' }, order: { field: 'cost' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x,
          y: {
            field: 'accuracy',
            type: 'quantitative',
            title: 'accuracy (95 % interval)',
            scale: { zero: false },
          },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: {
              domain: statuses,
              range: statuses.map((s) => STATUS_COLORS[s as keyof typeof STATUS_COLORS]),
            },
          },
        },
      },
      {
        data: { values: frontValues },
        mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10, limit: 220 },
        encoding: {
          x,
          y: { field: 'accuracy', type: 'quantitative' },
          text: { field: 'arm', type: 'nominal' },
        },
      },
    ],
  };
}
