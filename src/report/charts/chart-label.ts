/**
 * How a name from the user's data (a class, a column, a slice) appears in a chart: quoted. Vega keys its
 * own objects by nominal values (stack groups, scale domains), so a bare `constructor`, `toString` or
 * `__proto__` lands on Object.prototype and breaks the chart (issue 16.2); a quoted name can never be a
 * built-in property, and the quotes tell the reader the name is theirs. Order comes from a numeric field
 * (`NOMINAL_ORDER`), never from a sort list of names, which Vega-Lite compiles into an object.
 */
export function chartLabel(name: string): string {
  return `'${name}'`;
}

/** Sorts a nominal axis by the rows' `order` field: the order the data was given in. */
export const NOMINAL_ORDER = { field: 'order', op: 'min' } as const;
