import { expect } from 'vitest';

/**
 * Numbers against sklearn's: null means NaN; otherwise |actual - expected| <= tolerance · max(1, |expected|).
 * Reports the first mismatch with its position so a failure names the cell.
 */
export function expectNumbers(
  actual: ArrayLike<number>,
  expected: readonly (number | null)[],
  tolerance: number,
  label: string,
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    const want = expected[k];
    const got = actual[k];
    if (want === null) {
      expect(Number.isNaN(got), `${label}[${k}]: expected NaN, got ${got}`).toBe(true);
      continue;
    }
    const ok = Math.abs(got - want) <= tolerance * Math.max(1, Math.abs(want));
    expect(ok, `${label}[${k}]: expected ${want}, got ${got}`).toBe(true);
  }
}

export function flatten(rows: readonly (readonly (number | null)[])[]): (number | null)[] {
  return rows.flat();
}

/** Fails on params this port does not model unless they hold the value that makes them irrelevant. */
export function modelledParams(
  params: Readonly<Record<string, unknown>>,
  unmodelled: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (Object.hasOwn(unmodelled, key)) {
      expect(
        value,
        `sklearn param ${key} is not modelled; the fixture must use ${String(unmodelled[key])}`,
      ).toEqual(unmodelled[key]);
    } else {
      out[key] = value;
    }
  }
  return out;
}
