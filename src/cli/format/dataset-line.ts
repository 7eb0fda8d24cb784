import type { Dataset } from '../../data/index.js';

/** The first line of a command's text: the command, the data and its size. */
export function datasetLine(command: string, dataset: Dataset): string {
  const { features, labels } = dataset;
  return `modeldebug ${command}: ${dataset.source} (${features.rows} rows, ${features.cols} features, ${labels.classes.length} classes)`;
}
