import type { LlmRobustness } from '../../analysis/llm/robustness/index.js';
import { datasetLine } from './dataset-line.js';
import { findingLines } from './finding-lines.js';
import { fixed, textTable } from './text-table.js';

type DatasetLike = Parameters<typeof datasetLine>[1];

const interval = (value: { estimate: number; low: number; high: number }): string =>
  `${fixed(value.estimate, 3)} [${fixed(value.low, 3)}, ${fixed(value.high, 3)}]`;

/** How many flipped rows the text lists (the JSON has them all). */
const LISTED_ROWS = 10;

/** The robustness table, the spread per family, the rows that flip and the repeated-sampling verdict. */
export function robustText(
  result: LlmRobustness,
  dataset: DatasetLike,
  model: string,
  folds: number,
): string {
  const variants = textTable(
    ['family', 'variant', 'accuracy [95% CI]', 'flip rate [95% CI]'],
    result.variants.map((variant) => [
      variant.family,
      variant.name,
      interval(variant.accuracy),
      interval(variant.flipRate),
    ]),
  );
  const spreads = textTable(
    ['family', 'best', 'worst', 'spread [95% CI]', 'verdict'],
    result.spreads.map((spread) => [
      spread.family,
      spread.best,
      spread.worst,
      interval(spread.spread),
      spread.sensitive ? 'sensitive' : 'no evidence',
    ]),
  );
  const slices = textTable(
    ['family', 'slice', 'rows', 'as configured [95% CI]', 'variants (mean) [95% CI]', 'flip rate [95% CI]'],
    result.slices.map((slice) => [
      slice.family,
      slice.by === 'class' ? `class ${slice.value}` : `${slice.column} ${slice.value}`,
      String(slice.rows),
      interval(slice.baselineAccuracy),
      interval(slice.variantAccuracy),
      interval(slice.flipRate),
    ]),
  );
  const flipped = result.flippedRows.slice(0, LISTED_ROWS).map((flip) => {
    const changes = flip.changes.map((change) => `${change.variant} → ${change.label ?? '(no label)'}`);
    return `  row ${flip.row} (truth ${flip.truth}, answered ${flip.baseline ?? '(no label)'}): ${changes.join('; ')}`;
  });
  const more = result.flippedRows.length - flipped.length;
  const sampling = result.sampling;
  const samplingLines = sampling.ran
    ? [
        `Repeated sampling (${sampling.samples} answers per row at temperature ${sampling.temperature})`,
        `  rows whose answers disagree: ${interval(sampling.flipRate)}`,
        `  pass^${sampling.samples} (every answer right): ${interval(sampling.passAllK)}`,
        `  pass@${sampling.samples} (some answer right): ${interval(sampling.passAnyK)}`,
        ...sampling.unstableRows
          .slice(0, LISTED_ROWS)
          .map(
            (row) =>
              `  row ${row.row} (truth ${row.truth}, ${fixed(row.disagreement, 2)} disagree): ${row.answers.map((a) => a ?? '(no label)').join(', ')}`,
          ),
      ]
    : [`Repeated sampling skipped: ${sampling.reason}`];
  const findings = findingLines(result.findings);
  const { calls, cacheHits } = result.usage;
  return [
    datasetLine('robust', dataset),
    `model: ${model}`,
    `protocol: every variant scored out of fold (${folds}-fold stratified) on the same rows; 95 % paired bootstrap intervals`,
    `spreads: best and worst picked on ${result.halves.pickRows} rows, measured on the other ${result.halves.measureRows}`,
    `LLM calls: ${calls} (${cacheHits} answered from the cache)`,
    '',
    variants,
    '',
    spreads,
    ...result.skipped.map((skip) => `${skip.family} variants skipped: ${skip.reason}`),
    '',
    ...(result.slices.length > 0
      ? ['Per slice (rows of each class, column level or text-length third)', slices, '']
      : []),
    `Rows whose label changes under some variant: ${result.flippedRows.length}`,
    ...flipped,
    ...(more > 0 ? [`  … and ${more} more (--json lists them all)`] : []),
    '',
    ...samplingLines,
    '',
    ...(findings.length > 0 ? ['Findings', ...findings] : ['Findings: none (no spread excludes 0)']),
  ].join('\n');
}
