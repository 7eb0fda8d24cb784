import type { EpochHistory } from '../../models/epoch-history.js';

export type EpochDiagnosis = 'diverging' | 'overfitting' | 'still-improving' | 'converged' | 'inconclusive';

export interface EpochVerdict {
  readonly diagnosis: EpochDiagnosis;
  /** The finding in plain words. */
  readonly summary: string;
  /** What to do next. */
  readonly nextStep: string;
  readonly evidence: {
    readonly epochs: number;
    /** 1-based epoch of the lowest validation loss (overfitting starts after it). */
    readonly bestValidationEpoch?: number;
    /** Relative fall of the watched loss over the last stretch of epochs, in percent. */
    readonly recentDropPct?: number;
  };
}

/** Thresholds of the epoch verdict; relative changes of a loss, in percent. */
export const EPOCH_VERDICT_THRESHOLDS = {
  /** The last training loss this far above the lowest one means the updates are throwing the fit away. */
  divergenceRisePct: 50,
  /** The validation loss this far above its minimum (while training loss kept falling) is overfitting. */
  overfitRisePct: 5,
  /** Epochs past the validation minimum before calling it overfitting rather than noise. */
  overfitMinEpochs: 3,
  /** The watched loss falling more than this over the last stretch of epochs is still improving… */
  improvingDropPct: 1,
  /** …and by more than this much in absolute terms (a loss near 0 halving from 0.002 is settled). */
  improvingDropAbsolute: 1e-3,
  /** The last stretch: this share of the epochs, at least 2. */
  recentShare: 0.1,
} as const;

const pct = (value: number) => `${value.toFixed(1)}%`;
const loss = (value: number) => value.toPrecision(4);

/**
 * Reads per-epoch loss curves the way a practitioner does: a training loss that is not finite or has
 * climbed well above its minimum is diverging (the learning rate is too large); a validation loss that
 * has risen for several epochs past its minimum while the training loss kept falling is overfitting
 * since that epoch; a loss still falling over the last epochs wants more epochs; otherwise it has
 * converged.
 */
export function epochVerdict(history: EpochHistory): EpochVerdict {
  const train = history.trainLoss;
  const epochs = train.length;
  const T = EPOCH_VERDICT_THRESHOLDS;
  if (epochs === 0) {
    return {
      diagnosis: 'inconclusive',
      summary: 'no epoch was recorded',
      nextStep: 'fit the model first',
      evidence: { epochs },
    };
  }
  const last = train[epochs - 1];
  const lowest = Math.min(...train);
  const lowestEpoch = train.indexOf(lowest) + 1;
  if (!Number.isFinite(last) || last > lowest * (1 + T.divergenceRisePct / 100)) {
    return {
      diagnosis: 'diverging',
      summary: Number.isFinite(last)
        ? `diverging: the training loss climbed from ${loss(lowest)} at epoch ${lowestEpoch} to ${loss(last)} at epoch ${epochs}`
        : `diverging: the training loss became ${last} at epoch ${epochs}`,
      nextStep: 'lower the learning rate (learning_rate_init or eta0) by 10x, or standardise the features',
      evidence: { epochs },
    };
  }
  const validation = history.validationLoss;
  if (validation && validation.length === epochs) {
    const best = Math.min(...validation);
    const bestEpoch = validation.indexOf(best) + 1;
    const rise = ((validation[epochs - 1] - best) / Math.max(best, 1e-12)) * 100;
    if (
      epochs - bestEpoch >= T.overfitMinEpochs &&
      rise > T.overfitRisePct &&
      train[epochs - 1] < train[bestEpoch - 1]
    ) {
      return {
        diagnosis: 'overfitting',
        summary: `overfitting since epoch ${bestEpoch}: validation loss rose ${pct(rise)} (${loss(best)} → ${loss(validation[epochs - 1])}) while the training loss kept falling (${loss(train[bestEpoch - 1])} → ${loss(train[epochs - 1])})`,
        nextStep: `stop near epoch ${bestEpoch} (early_stopping=true keeps the best epoch's weights), or regularise more (larger alpha)`,
        evidence: { epochs, bestValidationEpoch: bestEpoch },
      };
    }
  }
  const watched = validation && validation.length === epochs ? validation : train;
  const name = watched === train ? 'training' : 'validation';
  const span = Math.max(2, Math.ceil(epochs * T.recentShare));
  if (epochs <= span) {
    return {
      diagnosis: 'still-improving',
      summary: `only ${epochs} epoch${epochs === 1 ? '' : 's'}: too few to tell whether the ${name} loss has settled`,
      nextStep: 'raise max_iter to see where the loss settles',
      evidence: { epochs },
    };
  }
  const before = watched[epochs - 1 - span];
  const drop = ((before - watched[epochs - 1]) / Math.max(Math.abs(before), 1e-12)) * 100;
  if (drop > T.improvingDropPct && before - watched[epochs - 1] > T.improvingDropAbsolute) {
    return {
      diagnosis: 'still-improving',
      summary: `still improving: the ${name} loss fell ${pct(drop)} over the last ${span} epochs (${loss(before)} → ${loss(watched[epochs - 1])})`,
      nextStep: 'raise max_iter (more epochs), or a larger learning rate if it is creeping',
      evidence: { epochs, recentDropPct: drop },
    };
  }
  return {
    diagnosis: 'converged',
    summary: `converged: the ${name} loss moved ${pct(-drop)} over the last ${span} epochs (now ${loss(watched[epochs - 1])})`,
    nextStep: 'more epochs will not help; compare models or features instead',
    evidence: { epochs, recentDropPct: drop },
  };
}
