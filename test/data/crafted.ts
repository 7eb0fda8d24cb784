/**
 * Small crafted tables for the data checks: a clean base that passes every check, and one change per
 * check that must make exactly that check speak up.
 */
export type Table = string[][];

/** 40 rows: x uniform and unique (no outliers, no leak), c three colours, y two balanced classes. */
export function cleanTable(): Table {
  const rows: Table = [['x', 'c', 'y']];
  for (let i = 0; i < 40; i++) {
    rows.push([String(((i * 37) % 40) / 4), ['red', 'green', 'blue'][i % 3], i % 2 === 0 ? 'a' : 'b']);
  }
  return rows;
}

export function toCsv(table: Table): string {
  return `${table.map((row) => row.join(',')).join('\n')}\n`;
}

/** Returns a copy with column `name` added, its value per data row given by `value(i, row)`. */
export function withColumn(table: Table, name: string, value: (i: number, row: string[]) => string): Table {
  return table.map((row, i) => (i === 0 ? [...row, name] : [...row, value(i - 1, row)]));
}

/** Returns a copy with the cell at data row `i` (0-based) of column `name` replaced. */
export function withCell(table: Table, i: number, name: string, value: string): Table {
  const j = table[0].indexOf(name);
  return table.map((row, r) => (r === i + 1 ? row.map((cell, c) => (c === j ? value : cell)) : row));
}
