import { ModeldebugError } from '../../core/errors.js';

/** Flags the select, importance and regpath commands share with eval for naming the data. */
export interface DataFlags {
  readonly label?: string;
  readonly example?: string;
  readonly drop: string[];
  readonly text: string[];
  readonly seed: string;
  readonly json?: boolean;
}

export function fractionFlag(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) {
    throw new ModeldebugError(
      'invalid_argument',
      `${name} must be a fraction between 0 and 1, got "${text}"`,
      {
        where: name,
      },
    );
  }
  return value;
}

export function formatStep(name: string, params: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return name;
  return `${name}(${entries.map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ')})`;
}

// One implementation of the whole-number check for every command (ensemble imports it by this name).
export { wholeNumber as wholeNumberFlag } from '../selection-flags.js';
