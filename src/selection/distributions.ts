import { parseValue } from '../catalog/model-spec.js';
import { ModeldebugError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';

/** What random search and TPE sample from (scipy.stats' uniform / loguniform / randint, or a list). */
export type Distribution =
  | { readonly kind: 'choice'; readonly values: readonly unknown[] }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'loguniform'; readonly low: number; readonly high: number }
  /** Integers in [low, high] inclusive. */
  | { readonly kind: 'int'; readonly low: number; readonly high: number };

export type SearchSpace = Readonly<Record<string, Distribution>>;

export function sampleDistribution(distribution: Distribution, rng: Rng): unknown {
  switch (distribution.kind) {
    case 'choice':
      return distribution.values[rng.int(distribution.values.length)];
    case 'uniform':
      return distribution.low + rng.next() * (distribution.high - distribution.low);
    case 'loguniform':
      return Math.exp(
        Math.log(distribution.low) + rng.next() * (Math.log(distribution.high) - Math.log(distribution.low)),
      );
    case 'int':
      return distribution.low + rng.int(distribution.high - distribution.low + 1);
  }
}

/**
 * Reads `loguniform(1e-3, 1e2)`, `uniform(0, 1)`, `int(1, 10)` or `choice(l1, l2)`; a plain comma list
 * (`0.1,1,10`) is a choice.
 */
export function parseDistribution(text: string, where: string): Distribution {
  const match = /^\s*(choice|uniform|loguniform|int|randint)\s*\((.*)\)\s*$/s.exec(text);
  if (!match) return { kind: 'choice', values: splitValues(text) };
  const args = splitValues(match[2]);
  if (match[1] === 'choice') return { kind: 'choice', values: args };
  const [low, high] = args;
  if (args.length !== 2 || typeof low !== 'number' || typeof high !== 'number' || !(low < high)) {
    throw new ModeldebugError('invalid_argument', `cannot read the distribution "${text.trim()}"`, {
      where,
      hint: `write ${match[1]}(low, high) with two numbers, low < high, e.g. loguniform(1e-3, 1e2)`,
    });
  }
  const kind = match[1] === 'randint' ? 'int' : (match[1] as 'uniform' | 'loguniform' | 'int');
  if (kind === 'loguniform' && low <= 0) {
    throw new ModeldebugError('invalid_argument', 'loguniform needs a positive lower bound', {
      where,
      hint: 'e.g. loguniform(1e-3, 1e2)',
    });
  }
  if (kind === 'int' && !(Number.isInteger(low) && Number.isInteger(high))) {
    throw new ModeldebugError('invalid_argument', 'int(low, high) needs whole numbers', { where });
  }
  return { kind, low, high };
}

/** `key=value,value,...` (a `--grid` flag) as a key and its values. */
export function parseGridAssignment(text: string): { key: string; values: unknown[] } {
  const { key, body } = splitAssignment(text, '--grid', 'C=0.01,0.1,1,10');
  return { key, values: splitValues(body) };
}

/** `key=distribution` (a `--space` flag). */
export function parseSpaceAssignment(text: string): { key: string; distribution: Distribution } {
  const { key, body } = splitAssignment(text, '--space', "'C=loguniform(1e-3,1e2)'");
  return { key, distribution: parseDistribution(body, `--space ${key}`) };
}

function splitAssignment(text: string, flag: string, example: string): { key: string; body: string } {
  const equals = text.indexOf('=');
  const key = text.slice(0, equals).trim();
  const body = text.slice(equals + 1).trim();
  if (equals < 0 || key === '' || body === '') {
    throw new ModeldebugError('invalid_argument', `expected key=values, got "${text}"`, {
      where: flag,
      hint: `e.g. ${flag} ${example}`,
    });
  }
  return { key, body };
}

function splitValues(text: string): unknown[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseValue);
}
