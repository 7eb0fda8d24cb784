import { readFileSync } from 'node:fs';
import { type Features, numericFeatures } from '../../src/core/features.js';
import { encodeLabels, type Labels } from '../../src/core/labels.js';
import { datasetPath } from '../helpers/fixtures.js';

/** A bundled all-numeric CSV (label column `target`) read synchronously, independent of the loader. */
export function readNumericCsv(
  file: string,
  keep: (row: number) => boolean = () => true,
): { X: Features; y: Labels } {
  const lines = readFileSync(datasetPath(file), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const label = header.indexOf('target');
  const rows = lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((_, i) => keep(i));
  const d = header.length - 1;
  const data = new Float64Array(rows.length * d);
  rows.forEach((row, i) => {
    row
      .filter((_, c) => c !== label)
      .forEach((cell, j) => {
        data[i * d + j] = Number(cell);
      });
  });
  return {
    X: numericFeatures({ rows: rows.length, cols: d, data }),
    y: encodeLabels(rows.map((row) => row[label])),
  };
}
