import { ModeldebugError } from '../../../core/errors.js';
import type { Classifier } from '../../../core/estimator.js';
import type { Features } from '../../../core/features.js';
import type { FindingRecord } from '../../../core/finding-record.js';
import type { Labels } from '../../../core/labels.js';
import type { RunSummary } from '../../../llm/engine/run-progress.js';
import type { Fold } from '../../../splits/fold.js';
import { addUsage, llmOutOfFold } from '../llm-out-of-fold.js';
import { type FlippedRow, flippedRowsOf } from './flipped-rows.js';
import { type Interval, pairedVariantBootstrap } from './paired-variant-bootstrap.js';
import type { VariantFamily } from './prompt-variants.js';
import { type RepeatedSampling, repeatedSampling } from './repeated-sampling.js';
import { robustnessFindings } from './robustness-findings.js';
import { isLlmClassifier, variantRuns } from './robustness-runs.js';
import { rowSlices, type SliceSpread, sliceSpreads } from './slice-spreads.js';
import { splitHalfSpreads, stratifiedHalves } from './split-half-spread.js';

export interface RobustnessOptions {
  readonly folds: readonly Fold[];
  /** Which families to try; default all three. */
  readonly families?: readonly VariantFamily[];
  /** Answers per row for repeated sampling; 1 skips it. Default 5. */
  readonly samples?: number;
  /** Seeds the typos, the halves and the bootstrap; default 0. */
  readonly seed?: number;
  readonly nBoot?: number;
  readonly signal?: AbortSignal;
  readonly onVariant?: (name: string, accuracy: number) => void;
}

export interface VariantResult {
  readonly family: VariantFamily | 'baseline';
  readonly name: string;
  readonly accuracy: Interval;
  /** Share of rows whose label differs from the baseline's. */
  readonly flipRate: Interval;
  /** The words the classes were renamed to, in class order (label-word swaps only). */
  readonly labelWords?: readonly string[];
}

/**
 * Within one family (and the baseline): the best and the worst variant picked on one half of the rows,
 * and their accuracy difference measured, paired, on the other half.
 */
export interface FamilySpread {
  readonly family: VariantFamily;
  readonly best: string;
  readonly worst: string;
  /** Best minus worst on the measure half. */
  readonly spread: Interval;
  /** The best variant minus the baseline on the measure half (0 when the baseline is the best). */
  readonly gainOverBaseline: Interval;
  /** Whether the spread's interval lies above zero. */
  readonly sensitive: boolean;
}

export interface LlmRobustness {
  readonly variants: readonly VariantResult[];
  readonly spreads: readonly FamilySpread[];
  /** How many rows best and worst were picked on, and how many their spread was measured on. */
  readonly halves: { readonly pickRows: number; readonly measureRows: number };
  readonly slices: readonly SliceSpread[];
  /** 0-based rows of the data, in order. */
  readonly flippedRows: readonly FlippedRow[];
  readonly sampling: RepeatedSampling;
  readonly findings: readonly FindingRecord[];
  /** Families asked for but not run, and why. */
  readonly skipped: readonly { readonly family: VariantFamily; readonly reason: string }[];
  readonly usage: RunSummary;
}

/**
 * How much a classifier's accuracy depends on choices that do not change the task: for an LLM, the
 * template's format, the label list's order and words, and the sampling noise at its temperature; for
 * any model, small edits of the input text. Every variant is scored out of fold on the same rows (fitted
 * on the rows as they are; only the rows asked about are edited); intervals come from paired bootstraps.
 */
export async function llmRobustness(
  model: Classifier,
  X: Features,
  y: Labels,
  options: RobustnessOptions,
): Promise<LlmRobustness> {
  if (X.rows < 4) {
    throw new ModeldebugError('invalid_argument', `robustness needs at least 4 rows, got ${X.rows}`, {
      where: 'rows',
      hint: 'best and worst variants are picked on half of the rows and measured on the other half',
    });
  }
  const seed = options.seed ?? 0;
  const families = new Set<VariantFamily>(options.families ?? ['format', 'labels', 'input']);
  const { runs, skipped } = variantRuns(model, X, y, families, seed);
  let usage: RunSummary | undefined;
  const predictions: Int32Array[] = [];
  // One variant after another: each already spreads its rows over the classifier's concurrency.
  for (const run of runs) {
    const scored = await llmOutOfFold(run.model, X, run.y, options.folds, options.signal, run.xPredict);
    usage = usage ? addUsage(usage, scored.usage) : scored.usage;
    predictions.push(scored.predicted);
    options.onVariant?.(
      run.name,
      scored.predicted.filter((code, i) => code === y.codes[i]).length / y.codes.length,
    );
  }
  const statistics = pairedVariantBootstrap(y.codes, predictions, [], { nBoot: options.nBoot, seed });
  const variants = runs.map((run, v) => ({
    family: run.family,
    name: run.name,
    ...statistics.variants[v],
    ...(run.labelWords ? { labelWords: run.labelWords } : {}),
  }));
  const familyMembers = (['format', 'labels', 'input'] as const).flatMap((family) => {
    const members = runs.flatMap((run, v) => (run.family === family ? [v] : []));
    return members.length > 0 ? [{ family, members }] : [];
  });
  const halves = stratifiedHalves(y.codes, seed);
  const picked = splitHalfSpreads(
    y.codes,
    predictions,
    familyMembers.map(({ members }) => [0, ...members]),
    halves,
    { nBoot: options.nBoot, seed },
  );
  const spreads = familyMembers.map(({ family }, f): FamilySpread => {
    const { best, worst, spread, gainOverBaseline } = picked[f];
    return {
      family,
      best: runs[best].name,
      worst: runs[worst].name,
      spread,
      gainOverBaseline,
      sensitive: spread.low > 0,
    };
  });
  const slices = sliceSpreads(rowSlices(X, y), y.codes, predictions, familyMembers, {
    nBoot: options.nBoot,
    seed,
  });
  const flippedRows = flippedRowsOf(
    runs.map((run) => run.name),
    predictions,
    y,
  );
  const sampling: RepeatedSampling = isLlmClassifier(model)
    ? await repeatedSampling(model, X, y, {
        folds: options.folds,
        samples: options.samples ?? 5,
        seed,
        nBoot: options.nBoot,
        signal: options.signal,
      })
    : { ran: false, reason: 'not an LLM classifier: its answers do not vary from call to call' };
  if (sampling.ran) usage = addUsage(usage!, sampling.usage);
  const familyRows = (family: VariantFamily) => {
    const names = new Set(runs.filter((run) => run.family === family).map((run) => run.name));
    return flippedRows
      .filter((flip) => flip.changes.some((change) => names.has(change.variant)))
      .map((flip) => flip.row);
  };
  const findings = robustnessFindings({ spreads, variants, sampling, familyRows, X, y });
  return {
    variants,
    spreads,
    halves: { pickRows: halves.pick.length, measureRows: halves.measure.length },
    slices,
    flippedRows,
    sampling,
    findings,
    skipped,
    usage: usage!,
  };
}
