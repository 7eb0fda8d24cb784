import type { EpochCurve } from '../../analysis/curves/epoch-curve.js';
import { fixed, textTable } from './text-table.js';

/** One row per epoch: training loss, and with a validation split its loss and accuracy; * marks the kept epoch. */
export function formatEpochTable(curve: EpochCurve): string {
  const { history } = curve;
  const validation = history.validationLoss !== undefined;
  const header = ['epoch', 'train loss', ...(validation ? ['val loss', 'val accuracy'] : []), ''];
  const rows = history.trainLoss.map((loss, e) => [
    String(e + 1),
    fixed(loss),
    ...(validation ? [fixed(history.validationLoss?.[e]), fixed(history.validationScore?.[e])] : []),
    history.bestEpoch === e + 1 && validation ? '*' : '',
  ]);
  return textTable(header, rows);
}

/** The protocol line of `curve --epochs`. */
export function epochProtocol(curve: EpochCurve): string {
  const epochs = curve.history.trainLoss.length;
  if (curve.validationFraction === undefined)
    return `one fit on all rows, ${epochs} epochs; training loss only (early_stopping=false)`;
  const added = curve.earlyStoppingAdded ? ', early_stopping=true added for the validation curve' : '';
  return `one fit, ${Math.round(curve.validationFraction * 100)}% of rows held out for validation (stratified)${added}; ${epochs} epochs`;
}

/** The JSON of `curve --epochs`: per-epoch values with snake_case keys, the kept epoch and the verdict. */
export function epochCurveJson(curve: EpochCurve) {
  const { history } = curve;
  return {
    epochs: history.trainLoss.map((loss, e) => ({
      epoch: e + 1,
      trainLoss: loss,
      validationLoss: history.validationLoss?.[e] ?? null,
      validationScore: history.validationScore?.[e] ?? null,
    })),
    bestEpoch: history.bestEpoch ?? null,
    validationFraction: curve.validationFraction ?? null,
    earlyStoppingAdded: curve.earlyStoppingAdded,
    verdict: curve.verdict,
  };
}
