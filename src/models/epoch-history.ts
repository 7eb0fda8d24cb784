import { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';
import type { FitWarning } from '../core/estimator.js';

/**
 * What a gradient-trained model records per epoch (index e is epoch e + 1): the mean training loss the
 * epoch saw, and with a validation split the loss and score (accuracy) on it after the epoch.
 */
export interface EpochHistory {
  readonly trainLoss: number[];
  readonly validationLoss?: number[];
  readonly validationScore?: number[];
  /** 1-based epoch whose weights the fitted model keeps (early stopping restores the best one). */
  readonly bestEpoch?: number;
}

/** How loaders check a saved model's `diagnostics.epochs` (EpochHistory as JSON). */
export const epochHistorySchema = z.object({
  trainLoss: z.array(z.number()),
  validationLoss: z.array(z.number()).optional(),
  validationScore: z.array(z.number()).optional(),
  bestEpoch: z.number().optional(),
});

/** A loss this many times the reference (and the best epoch so far) has exploded, not slowed down. */
export const EXPLODED_LOSS_FACTOR = 10;

/** Σ_k −p_k·log p_k: the mean log loss of always predicting the training class frequencies. */
export function priorLogLoss(codes: Int32Array, classCount: number): number {
  const counts = new Float64Array(classCount);
  for (const code of codes) counts[code]++;
  let loss = 0;
  for (const count of counts) {
    if (count > 0) {
      const p = count / codes.length;
      loss -= p * Math.log(p);
    }
  }
  return loss;
}

export interface DivergenceWatch {
  /** After each epoch: throws `diverged` on a NaN/infinite loss or one that blew up past the best so far. */
  epoch(epoch: number, loss: number): void;
  /** After the last epoch: throws `diverged` when the loss never came down to a sane level. */
  finish(epoch: number, loss: number): void;
}

/** A DivergenceWatch that records instead of throwing: the first sign, as a fit warning. */
export interface LossJumpRecorder {
  epoch(epoch: number, loss: number): void;
  finish(epoch: number, loss: number): void;
  /** `unstable_training` with the first jump (and the end, if the loss never came down); else none. */
  warnings(): FitWarning[];
}

/**
 * Tells a learning rate that diverges from a slow or poor fit, on the mean training loss per epoch:
 * NaN or infinite at any epoch; over EXPLODED_LOSS_FACTOR times both `reference` (the loss of
 * knowing nothing: the prior log loss, or the hinge loss of zero weights) and the best epoch so far;
 * or still over that factor times `reference` at the end. Early epochs may be large (sklearn's
 * 'optimal' SGD schedule starts with big steps), so a large first epoch alone is not divergence.
 * Returns what went wrong as a phrase, or undefined.
 */
function lossJumpCheck(reference: number): {
  epoch(loss: number): string | undefined;
  finish(loss: number): string | undefined;
} {
  const limit = EXPLODED_LOSS_FACTOR * Math.max(reference, 1e-3);
  let best = Number.POSITIVE_INFINITY;
  return {
    epoch(loss) {
      let what: string | undefined;
      if (!Number.isFinite(loss)) what = `the training loss became ${loss}`;
      else if (loss > limit && loss > EXPLODED_LOSS_FACTOR * best)
        what = `the training loss jumped to ${loss.toPrecision(3)} from ${best.toPrecision(3)}`;
      best = Math.min(best, loss);
      return what;
    },
    finish(loss) {
      return loss > limit
        ? `the training loss ended at ${loss.toPrecision(3)}, over ${EXPLODED_LOSS_FACTOR}x the ${reference.toFixed(3)} of knowing nothing`
        : undefined;
    },
  };
}

/** A watch that fails the fit with code `diverged` at the first sign (see lossJumpCheck). */
export function watchDivergence(
  kind: string,
  reference: number,
  rateParam: string,
  rate: number,
): DivergenceWatch {
  const check = lossJumpCheck(reference);
  const failIf = (epoch: number, what: string | undefined): void => {
    if (what !== undefined) throw divergedError(kind, epoch, what, rateParam, rate);
  };
  return {
    epoch: (epoch, loss) => failIf(epoch, check.epoch(loss)),
    finish: (epoch, loss) => failIf(epoch, check.finish(loss)),
  };
}

/**
 * sklearn's MLPClassifier keeps training through loss spikes (a large learning_rate_init often still
 * ends at a good model) and fails only on non-finite weights; this records the first spike and an
 * unsettled end as a warning so the user still hears about it.
 */
export function recordLossJumps(
  kind: string,
  reference: number,
  rateParam: string,
  rate: number,
): LossJumpRecorder {
  const check = lossJumpCheck(reference);
  const seen: string[] = [];
  return {
    epoch(epoch, loss) {
      const what = check.epoch(loss);
      if (what !== undefined && seen.length === 0) seen.push(`at epoch ${epoch} ${what}`);
    },
    finish(epoch, loss) {
      const what = check.finish(loss);
      if (what !== undefined) seen.push(`at epoch ${epoch} ${what}`);
    },
    warnings: () =>
      seen.length === 0
        ? []
        : [
            {
              code: 'unstable_training',
              message: `${kind} training was unstable: ${seen.join('; ')} with ${rateParam}=${rate}; training went on as scikit-learn's does — a lower ${rateParam} (e.g. ${rate / 10}) may fit better`,
            },
          ],
  };
}

/** `diverged`: the fit cannot give a usable model (NaN/infinite loss or weights). */
export function divergedError(
  kind: string,
  epoch: number,
  what: string,
  rateParam: string,
  rate: number,
): ModeldebugError {
  return new ModeldebugError(
    'diverged',
    `${kind} diverged at epoch ${epoch}: ${what} with ${rateParam}=${rate}`,
    {
      where: `param ${rateParam}`,
      hint: `lower ${rateParam} (e.g. ${rate / 10}) or standardise the features`,
    },
  );
}
