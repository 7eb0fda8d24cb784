import type { Features } from '../../../core/features.js';
import type { FindingRecord } from '../../../core/finding-record.js';
import type { Labels } from '../../../core/labels.js';
import type { RunSummary } from '../../../llm/engine/run-progress.js';
import type { LlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import type { Fold } from '../../../splits/fold.js';
import { addUsage, llmOutOfFold } from '../llm-out-of-fold.js';
import { type FlippedRow, flippedRowsOf } from './flipped-rows.js';
import { hasTextColumns, INPUT_PERTURBATIONS, perturbTextColumns } from './input-perturbations.js';
import { type Interval, pairedVariantBootstrap } from './paired-variant-bootstrap.js';
import { formatVariants, labelVariants, type VariantFamily } from './prompt-variants.js';
import { type RepeatedSampling, repeatedSampling } from './repeated-sampling.js';
import { robustnessFindings } from './robustness-findings.js';

export interface RobustnessOptions {
  readonly folds: readonly Fold[];
  /** Which families to try; default all three. */
  readonly families?: readonly VariantFamily[];
  /** Answers per row for repeated sampling; 1 skips it. Default 5. */
  readonly samples?: number;
  /** Seeds the typos and the bootstrap; default 0. */
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
}

/** Within one family (and the baseline): the best minus the worst variant, paired over rows. */
export interface FamilySpread {
  readonly family: VariantFamily;
  readonly best: string;
  readonly worst: string;
  readonly spread: Interval;
  /** The best variant minus the baseline (0 when the baseline is the best). */
  readonly gainOverBaseline: Interval;
  /** Whether the spread's interval lies above zero. */
  readonly sensitive: boolean;
}

export interface LlmRobustness {
  readonly variants: readonly VariantResult[];
  readonly spreads: readonly FamilySpread[];
  /** 0-based rows of the data, in order. */
  readonly flippedRows: readonly FlippedRow[];
  readonly sampling: RepeatedSampling;
  readonly findings: readonly FindingRecord[];
  /** Families asked for but not run, and why. */
  readonly skipped: readonly { readonly family: VariantFamily; readonly reason: string }[];
  readonly usage: RunSummary;
}

/**
 * How much an LLM classifier's accuracy depends on choices that do not change the task: the template's
 * format, the label list's order and casing, small edits of the input text, and the sampling noise at
 * its temperature. Every variant is scored out of fold on the same rows; intervals come from one paired
 * bootstrap, so a spread is measured on the very rows both variants answered.
 */
export async function llmRobustness(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  options: RobustnessOptions,
): Promise<LlmRobustness> {
  const seed = options.seed ?? 0;
  const families = new Set(options.families ?? ['format', 'labels', 'input']);
  const columns = X.columns.map((column) => column.name);
  const runs: { family: VariantFamily | 'baseline'; name: string; model: LlmClassifier; X: Features }[] = [
    { family: 'baseline', name: 'as configured', model, X },
  ];
  const promptVariants = [
    ...(families.has('format') ? formatVariants(model.params, columns) : []),
    ...(families.has('labels') ? labelVariants(model.params, y.classes) : []),
  ];
  for (const variant of promptVariants) {
    runs.push({ family: variant.family, name: variant.name, model: model.withParams(variant.patch), X });
  }
  const skipped: { family: VariantFamily; reason: string }[] = [];
  if (families.has('input') && hasTextColumns(X)) {
    for (const perturbation of INPUT_PERTURBATIONS) {
      const perturbed = perturbTextColumns(X, perturbation, seed);
      runs.push({ family: 'input', name: perturbation.name, model, X: perturbed });
    }
  } else if (families.has('input')) {
    skipped.push({
      family: 'input',
      reason: 'no text column to perturb (categorical and numeric cells are left alone)',
    });
  }
  let usage: RunSummary | undefined;
  const predictions: Int32Array[] = [];
  // One variant after another: each already spreads its rows over the classifier's concurrency.
  for (const run of runs) {
    const scored = await llmOutOfFold(run.model, run.X, y, options.folds, options.signal);
    usage = usage ? addUsage(usage, scored.usage) : scored.usage;
    predictions.push(scored.predicted);
    options.onVariant?.(
      run.name,
      scored.predicted.filter((code, i) => code === y.codes[i]).length / y.codes.length,
    );
  }
  const spreadFamilies = (['format', 'labels', 'input'] as const).filter((family) =>
    runs.some((run) => run.family === family),
  );
  const members = (family: VariantFamily) =>
    runs.flatMap((run, v) => (run.family === family || run.family === 'baseline' ? [v] : []));
  const correctCount = (v: number) => predictions[v].filter((code, i) => code === y.codes[i]).length;
  // Best and worst by full-data accuracy; ties go to the earlier variant (the baseline first).
  const extremes = spreadFamilies.map((family) => {
    const ids = members(family);
    const best = ids.reduce((a, b) => (correctCount(b) > correctCount(a) ? b : a));
    const worst = ids.reduce((a, b) => (correctCount(b) < correctCount(a) ? b : a));
    return { family, best, worst };
  });
  const pairs = extremes.flatMap(({ best, worst }) => [[best, worst] as const, [best, 0] as const]);
  const statistics = pairedVariantBootstrap(y.codes, predictions, pairs, { nBoot: options.nBoot, seed });
  const variants = runs.map((run, v) => ({ family: run.family, name: run.name, ...statistics.variants[v] }));
  const spreads = extremes.map(({ family, best, worst }, f) => {
    const spread = statistics.differences[2 * f];
    return {
      family,
      best: runs[best].name,
      worst: runs[worst].name,
      spread,
      gainOverBaseline: statistics.differences[2 * f + 1],
      sensitive: spread.low > 0,
    };
  });
  const flippedRows = flippedRowsOf(
    runs.map((run) => run.name),
    predictions,
    y,
  );
  const sampling = await repeatedSampling(model, X, y, {
    folds: options.folds,
    samples: options.samples ?? 5,
    seed,
    nBoot: options.nBoot,
    signal: options.signal,
  });
  if (sampling.ran) usage = addUsage(usage!, sampling.usage);
  const familyRows = (family: VariantFamily) => {
    const names = new Set(runs.filter((run) => run.family === family).map((run) => run.name));
    return flippedRows
      .filter((flip) => flip.changes.some((change) => names.has(change.variant)))
      .map((flip) => flip.row);
  };
  const findings = robustnessFindings(spreads, familyRows, X);
  return { variants, spreads, flippedRows, sampling, findings, skipped, usage: usage! };
}
