import { ModeldebugError } from '../../core/errors.js';
import { classCounts } from '../../core/labels.js';
import type { Dataset } from '../../data/dataset.js';

/** Every classifier needs two classes: say so about the label column before any fit fails on it. */
export function assertSeveralClasses(dataset: Dataset): void {
  const { labels } = dataset;
  if (labels.classes.length < 2) {
    throw new ModeldebugError(
      'single_class',
      `the label column "${dataset.labelColumn}" has only one class (${labels.classes[0]})`,
      {
        where: dataset.source,
        hint: 'a classifier needs at least two classes; check the --label column',
      },
    );
  }
}

/** Stratified k-fold leaves a class out of some folds when it has fewer rows than folds. */
export function assertFoldsPerClass(dataset: Dataset, folds: number): void {
  const counts = classCounts(dataset.labels);
  const smallest = counts.reduce((a, b) => Math.min(a, b));
  if (smallest < folds) {
    const name = dataset.labels.classes[counts.indexOf(smallest)];
    throw new ModeldebugError(
      'too_few_per_class',
      `class "${name}" has ${smallest} rows, fewer than the ${folds} folds`,
      {
        where: dataset.source,
        hint: `use --cv ${Math.max(2, smallest)} or fewer, or gather more rows of that class`,
      },
    );
  }
}
