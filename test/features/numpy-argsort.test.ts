import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { numpyArgsort } from '../../src/features/numpy-argsort.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/text/tfidf_reference.json', import.meta.url), 'utf8'),
) as { argsort_cases: { values: number[]; order: number[] }[] };

describe("numpy 1.24's argsort (introsort), ties included", () => {
  for (const [k, reference] of fixture.argsort_cases.entries()) {
    test(`case ${k}: ${reference.values.length} values`, () => {
      expect(Array.from(numpyArgsort(reference.values))).toEqual(reference.order);
    });
  }

  test('the order sorts the values (an identity, independent of numpy)', () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 13);
    const order = numpyArgsort(values);
    for (let r = 1; r < order.length; r++) expect(values[order[r - 1]]).toBeLessThanOrEqual(values[order[r]]);
    expect(new Set(order).size).toBe(values.length);
  });
});
