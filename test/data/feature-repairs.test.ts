import { describe, expect, it } from 'vitest';
import type { ColumnInfo, Features } from '../../src/core/features.js';
import { applyFeatureRepairs, OTHER_CATEGORY, planFeatureRepairs } from '../../src/data/index.js';

/** Features from per-column cell texts (numbers for numeric columns), levels in order of appearance. */
function featuresOf(columns: Record<string, readonly (string | number | null)[]>): Features {
  const names = Object.keys(columns);
  const rows = columns[names[0]].length;
  const infos: ColumnInfo[] = [];
  const data = new Float64Array(rows * names.length);
  names.forEach((name, j) => {
    const cells = columns[name];
    if (typeof cells.find((cell) => cell !== null) === 'number') {
      infos.push({ name, kind: 'numeric' });
      cells.forEach((cell, i) => {
        data[i * names.length + j] = cell === null ? Number.NaN : Number(cell);
      });
      return;
    }
    const levels = [...new Set(cells.filter((cell) => cell !== null).map(String))];
    infos.push({ name, kind: 'categorical', levels });
    cells.forEach((cell, i) => {
      data[i * names.length + j] = cell === null ? Number.NaN : levels.indexOf(String(cell));
    });
  });
  return { rows, cols: names.length, data, columns: infos };
}

const N = 40;
const column = (f: (i: number) => string | number | null) => Array.from({ length: N }, (_, i) => f(i));

describe('feature repairs before modelling', () => {
  const train = featuresOf({
    x: column((i) => i / 3),
    signup: column((i) => (i === 5 ? null : `2024-03-${String((i % 28) + 1).padStart(2, '0')}`)),
    income: column((i) => (i % 2 === 0 ? `${52 + i},000` : `${900 + i}`)),
    customer: column((i) => `C${1000 + i}`),
    colour: column((i) => ['red', 'green', 'blue'][i % 3]),
  });

  it('plans date parts, number parsing and dropping the identifier; leaves ordinary categories', () => {
    expect(planFeatureRepairs(train)).toEqual([
      { action: 'date-parts', column: 'signup', order: 'iso' },
      { action: 'parse-number', column: 'income', style: 'thousands-comma' },
      { action: 'drop-identifier', column: 'customer', distinct: N },
    ]);
  });

  it('turns a date into calendar parts and days since 1970, missing staying missing', () => {
    const repaired = applyFeatureRepairs(train, planFeatureRepairs(train));
    const names = repaired.columns.map((c) => c.name);
    expect(names).toEqual([
      'x',
      'signup.year',
      'signup.month',
      'signup.day',
      'signup.weekday',
      'signup.dayofyear',
      'signup.epochdays',
      'income',
      'colour',
    ]);
    const cell = (i: number, name: string) => repaired.data[i * repaired.cols + names.indexOf(name)];
    // Row 0 is 2024-03-01: a Friday (pandas dayofweek 4), day 61 of a leap year, 19,783 days after 1970.
    expect([0, 1, 2, 3, 4, 5].map((k) => repaired.data[k + 1])).toEqual([2024, 3, 1, 4, 61, 19783]);
    expect(cell(5, 'signup.year')).toBeNaN();
    expect(cell(0, 'income')).toBe(52000);
    expect(cell(1, 'income')).toBe(901);
    expect(repaired.columns.find((c) => c.name === 'income')?.kind).toBe('numeric');
  });

  it('caps a many-category column at the most frequent categories plus one for the rest', () => {
    // 150 categories over 600 rows: category k appears (k < 20 ? 10 : 2) times, ties broken by first row.
    const values: string[] = [];
    for (let k = 0; k < 150; k++) for (let r = 0; r < (k < 20 ? 10 : 2); r++) values.push(`v${k}`);
    const wide = featuresOf({ code: values, x: values.map((_, i) => i) });
    const [repair] = planFeatureRepairs(wide, { maxCategories: 30 });
    expect(repair).toMatchObject({ action: 'cap-categories', column: 'code', distinct: 150 });
    const kept = repair.action === 'cap-categories' ? repair.kept : [];
    expect(kept).toEqual(Array.from({ length: 29 }, (_, k) => `v${k}`));
    const repaired = applyFeatureRepairs(wide, [repair]);
    expect(repaired.columns[0].levels).toEqual([...kept, OTHER_CATEGORY]);
    expect(repaired.data[(values.length - 1) * 2]).toBe(29);
  });

  it('applies the training plan to a test file by column name, reading its own levels', () => {
    const plan = planFeatureRepairs(train);
    const test = featuresOf({
      x: [1, 2],
      signup: ['2025-01-01', '1999-12-31'],
      income: ['1,000', '5'],
      customer: ['C1', 'C2'],
      colour: ['blue', 'red'],
    });
    const repaired = applyFeatureRepairs(test, plan);
    expect(repaired.cols).toBe(9);
    expect(repaired.data[1]).toBe(2025);
    expect(repaired.data[9 + 1]).toBe(1999);
    expect(repaired.data[7]).toBe(1000);
  });
});
