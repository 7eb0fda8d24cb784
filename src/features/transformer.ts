import type { Features, FitContext, FitWarning, Labels } from '../core/index.js';

/**
 * A transformer mirrors the classifier contract (src/core/estimator.ts): it is its params and nothing
 * else until fitted, `withParams` gives a validated copy, and `fit` returns a separate fitted object, so
 * an unfitted scaler has no `transform`. `y` is accepted (and ignored by the unsupervised transforms) so
 * that a pipeline can hand every step the same arguments.
 */
export interface Transformer<P extends object = object> {
  readonly kind: string;
  readonly params: Readonly<P>;
  withParams(patch: Partial<P>): Transformer<P>;
  fit(X: Features, y?: Labels, context?: FitContext): Promise<FittedTransformer>;
}

export interface FittedTransformer {
  readonly kind: string;
  /** What the fit noticed (an all-missing column, say); data for the caller, never a console print. */
  readonly warnings: readonly FitWarning[];
  /** A new Features; the input is never mutated. Columns must be the ones seen by `fit`. */
  transform(X: Features): Features;
  toJSON(): SerializedTransformer;
}

/** Scalers can map back (sklearn's `inverse_transform`). */
export interface InvertibleTransformer extends FittedTransformer {
  inverseTransform(X: Features): Features;
}

/** What `toJSON` of a fitted transformer gives and `loadTransformer` takes back. */
export interface SerializedTransformer {
  readonly format: 'modeldebug-transformer';
  readonly version: 1;
  readonly kind: string;
  readonly params: unknown;
  readonly state: unknown;
}

export function serializeTransformer(kind: string, params: unknown, state: unknown): SerializedTransformer {
  return { format: 'modeldebug-transformer', version: 1, kind, params, state };
}
