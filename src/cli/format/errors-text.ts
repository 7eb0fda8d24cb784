import { describeSlice, type ErrorAnalysis, errorCommandRecords } from '../../analysis/index.js';
import { fixed, textTable } from './text-table.js';

/** The human-readable `modeldebug errors` output; `top` caps each row list. */
export function formatErrorAnalysis(analysis: ErrorAnalysis, modelSpec: string, top: number): string {
  const { dataset } = analysis;
  const sections = [
    `modeldebug errors: ${dataset.source} (${dataset.rows} rows, ${dataset.classes.length} classes)\nmodel: ${modelSpec}\nprotocol: ${analysis.protocol.description}`,
    formatFindings(analysis),
    formatOverview(analysis),
  ];
  if (analysis.errorCount > 0) {
    sections.push(
      `Confusion pairs (true → predicted)\n${textTable(
        ['true', 'predicted', 'errors', 'share'],
        analysis.confusionPairs
          .slice(0, top)
          .map((pair) => [pair.trueLabel, pair.predicted, String(pair.count), percent(pair.shareOfErrors)]),
      )}`,
      `Most confidently wrong rows (${Math.min(top, analysis.misclassified.length)} of ${analysis.errorCount}; data rows numbered from 0, header excluded, as in --json)\n${textTable(
        ['data row', 'true', 'predicted', 'confidence', 'p(true)'],
        analysis.misclassified
          .slice(0, top)
          .map((row) => [
            String(row.row),
            row.trueLabel,
            row.predicted,
            fixed(row.confidence, 3),
            fixed(row.trueLabelProbability, 3),
          ]),
      )}`,
    );
  }
  sections.push(formatSlices(analysis, top), formatSuspects(analysis, top));
  if (analysis.textClusters.length > 0) {
    sections.push(
      `Clusters of misclassified texts (TF-IDF + k-means)\n${textTable(
        ['column', 'texts', 'top terms', 'example data rows (0-based)'],
        analysis.textClusters.map((cluster) => [
          cluster.column,
          String(cluster.size),
          cluster.topTerms.join(', '),
          cluster.exampleRows.join(', '),
        ]),
      )}\nMisclassified texts (closest to each cluster's centre)\n${analysis.textClusters
        .flatMap((cluster) =>
          cluster.exampleRows.map((row, k) => `- row ${row + 1}: ${cluster.exampleTexts[k]}`),
        )
        .join('\n')}`,
    );
  }
  if (analysis.curves.length > 0) {
    sections.push(
      `Ranking curves (${analysis.curves.length === 1 ? 'positive class' : 'one vs rest'}; the curve points are in --json)\n${textTable(
        ['class', 'ROC AUC', 'average precision'],
        analysis.curves.map((curve) => [curve.label, fixed(curve.roc.auc), fixed(curve.pr.averagePrecision)]),
      )}`,
    );
  }
  sections.push(formatCalibration(analysis));
  if (analysis.warnings.length > 0) {
    const unique = [...new Set(analysis.warnings.map((warning) => `${warning.code}: ${warning.message}`))];
    sections.push(`Warnings\n${unique.map((line) => `- ${line}`).join('\n')}`);
  }
  return `${sections.join('\n\n')}\n`;
}

function formatOverview(analysis: ErrorAnalysis): string {
  const { bootstrap, baselineComparison } = analysis;
  const row = (name: string, interval: { estimate: number; low: number; high: number }) => [
    name,
    fixed(interval.estimate),
    fixed(interval.low),
    fixed(interval.high),
  ];
  const lines = [
    `Overview: ${analysis.errorCount} errors in ${analysis.dataset.rows} rows (${Math.round(bootstrap.confidence * 100)} % percentile-bootstrap CI, ${bootstrap.nBoot} resamples, seed ${bootstrap.seed})`,
    textTable(
      ['metric', 'estimate', 'low', 'high'],
      [
        row('accuracy', bootstrap.accuracy),
        row('f1 macro', bootstrap.f1Macro),
        row('f1 weighted', bootstrap.f1Weighted),
      ],
    ),
  ];
  if (baselineComparison) {
    const { mcnemar } = baselineComparison;
    lines.push(
      `against the ${baselineComparison.baseline} baseline (accuracy ${fixed(baselineComparison.baselineAccuracy)}): McNemar ${mcnemar.method}, only model right ${mcnemar.onlyFirstCorrect}, only baseline right ${mcnemar.onlySecondCorrect}, statistic ${fixed(mcnemar.statistic)}, p = ${mcnemar.pValue.toPrecision(3)}`,
    );
  }
  return lines.join('\n');
}

function formatSlices(analysis: ErrorAnalysis, top: number): string {
  const heading = `Weak slices (${analysis.slicesSignificant} significant of ${analysis.slicesTested} tested; one-sided binomial test, Benjamini–Hochberg q ≤ 0.05)`;
  if (analysis.weakSlices.length === 0)
    return `${heading}\nnone: no slice's error rate is significantly above the overall ${percent(analysis.errorRate)}`;
  return `${heading}\n${textTable(
    ['slice', 'rows', 'error rate', '95 % CI', 'lift', 'q'],
    analysis.weakSlices
      .slice(0, top)
      .map((slice) => [
        describeSlice(slice),
        String(slice.support),
        percent(slice.errorRate),
        `${percent(slice.ci.low)}–${percent(slice.ci.high)}`,
        `${slice.lift.toFixed(1)}×`,
        slice.qValue.toPrecision(2),
      ]),
  )}`;
}

function formatSuspects(analysis: ErrorAnalysis, top: number): string {
  const suspects = analysis.suspectedLabelErrors;
  const thresholds = analysis.labelThresholds
    .map((entry) => `${entry.label} ${fixed(entry.threshold, 3)}`)
    .join(', ');
  const heading = `Suspected label errors (confident learning, per-class thresholds: ${thresholds})`;
  if (suspects.length === 0) return `${heading}\nnone`;
  return `${heading}; ${Math.min(top, suspects.length)} of ${suspects.length}, most suspicious first (data rows from 0)\n${textTable(
    ['data row', 'given', 'suggested', 'p(given)', 'p(suggested)', 'margin'],
    suspects
      .slice(0, top)
      .map((suspect) => [
        String(suspect.row),
        suspect.givenLabel,
        suspect.suggestedLabel,
        fixed(suspect.givenLabelProbability, 3),
        fixed(suspect.suggestedLabelProbability, 3),
        fixed(suspect.margin, 3),
      ]),
  )}`;
}

function formatCalibration(analysis: ErrorAnalysis): string {
  const { calibration } = analysis;
  const what =
    calibration.kind === 'binary' ? 'P(positive) vs positive rate' : 'top-label confidence vs accuracy';
  return `Calibration (${what}): ECE ${fixed(calibration.ece)}, MCE ${fixed(calibration.mce)}\n${textTable(
    ['bin', 'rows', 'confidence', 'accuracy'],
    calibration.bins.map((bin) => [
      `${bin.low === 0 ? '[' : '('}${bin.low.toFixed(2)}, ${bin.high.toFixed(2)}]`,
      String(bin.count),
      fixed(bin.meanConfidence, 3),
      fixed(bin.accuracy, 3),
    ]),
  )}`;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

/**
 * The finding records `--json` prints, as lines: the file is analysed whole, so the analysis's rows are
 * the file's 0-based data rows. A clean result says so instead of listing nothing.
 */
function formatFindings(analysis: ErrorAnalysis): string {
  const records = errorCommandRecords(analysis, (row) => row);
  if (records.length === 0)
    return 'Findings\nnone: no error pattern, label suspicion or calibration problem stands out';
  return `Findings\n${records.map((record) => `- [${record.code}] ${record.message}\n  → ${record.suggestion}`).join('\n')}`;
}
