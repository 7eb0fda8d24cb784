/** The whisker over each bar: a rule from its `low` to its `high` (±1 std, or an interval), on `y`'s rows. */
export function intervalRuleLayer<Y extends object>(y: Y, values?: readonly object[]) {
  return {
    ...(values === undefined ? {} : { data: { values } }),
    mark: { type: 'rule' as const, color: '#333' },
    encoding: { y, x: { field: 'low', type: 'quantitative' as const }, x2: { field: 'high' } },
  };
}

/** A dashed reference line across the chart at one x value (a baseline, the number of features kept). */
export function referenceRuleLayer(field: string, value: number) {
  return {
    data: { values: [{ [field]: value }] },
    mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#555' },
    encoding: { x: { field, type: 'quantitative' as const } },
  };
}
