import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { isModeldebugError } from '../../src/core/errors.js';
import { type Matrix, matrixToRows } from '../../src/core/matrix.js';
import type { MetricWarning } from '../../src/metrics/index.js';

/** The tolerance the brief asks for; counts are compared exactly. */
export const TOLERANCE = 1e-9;

export type Label = string | number;

/** A case of metrics.json: labels and scores as scikit-learn got them, and what it computed. */
export interface ReferenceCase {
  readonly id: string;
  readonly inputs: {
    readonly y_true: Label[];
    readonly y_pred: Label[];
    readonly y_score?: number[];
    readonly y_proba?: number[][];
    readonly proba_columns?: Label[];
    readonly pos_label?: Label;
  };
  readonly expected: Record<string, unknown>;
}

export interface FixtureWarning {
  readonly category: string;
  readonly message: string;
}

/** One sklearn call as the fixtures record it: a value, or what it raised, plus its warnings. */
export interface Outcome<T = unknown> {
  readonly value?: T;
  readonly raises?: string;
  readonly message?: string;
  readonly warnings?: readonly FixtureWarning[];
}

export interface Computed {
  readonly value: unknown;
  readonly warnings?: readonly MetricWarning[];
}

export function readJson<T>(relativeToThisFolder: string): T {
  return JSON.parse(readFileSync(new URL(relativeToThisFolder, import.meta.url), 'utf8')) as T;
}

/** Typed arrays and matrices as the nested arrays the fixtures hold; NaN as null. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Float64Array || value instanceof Int32Array) return Array.from(value, plainNumber);
  if (isMatrix(value)) return matrixToRows(value).map((row) => row.map(plainNumber));
  if (typeof value === 'number') return plainNumber(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

function plainNumber(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function isMatrix(value: unknown): value is Matrix {
  return value !== null && typeof value === 'object' && 'data' in value && 'rows' in value && 'cols' in value;
}

/** Deep comparison with |actual − expected| ≤ TOLERANCE for floats; null stands for NaN. */
export function expectClose(actual: unknown, expected: unknown, path = 'value'): void {
  const plain = toPlain(actual);
  if (typeof expected === 'number') {
    expect(typeof plain, `${path} should be a number`).toBe('number');
    const gap = Math.abs((plain as number) - expected);
    expect(gap <= TOLERANCE, `${path}: got ${plain}, sklearn ${expected}`).toBe(true);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(plain), `${path} should be an array`).toBe(true);
    const list = plain as unknown[];
    expect(list.length, `${path} length`).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expectClose(list[i], expected[i], `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    const record = plain as Record<string, unknown>;
    expect(Object.keys(record), `${path} keys`).toEqual(Object.keys(expected));
    for (const [key, inner] of Object.entries(expected)) expectClose(record[key], inner, `${path}.${key}`);
    return;
  }
  expect(plain, path).toEqual(expected);
}

/**
 * Checks one computation against one recorded sklearn outcome: the value (or a ModeldebugError where
 * sklearn raised, carrying sklearn's message when `sameMessage`) and the warnings, as data.
 */
export function expectOutcome(expected: Outcome, compute: () => Computed, sameMessage = true): void {
  if (expected.raises !== undefined) {
    let caught: unknown;
    try {
      compute();
    } catch (error) {
      caught = error;
    }
    expect(isModeldebugError(caught), `sklearn raised ${expected.raises}: ${expected.message}`).toBe(true);
    if (sameMessage && isModeldebugError(caught)) expect(caught.message).toContain(expected.message);
    return;
  }
  const result = compute();
  expectClose(result.value, expected.value);
  const warnings = (result.warnings ?? []).map(({ category, message }) => ({ category, message }));
  expect(warnings).toEqual(expected.warnings ?? []);
}
