import type { ClassificationReport, ReportRow } from './classification-report.js';
import { formatFixed } from './format-fixed.js';

const HEADERS = ['precision', 'recall', 'f1-score', 'support'] as const;
const LONGEST_HEADING = 'weighted avg';

/** The text sklearn's `classification_report` prints: right-aligned columns of width 9. */
export function formatClassificationReport(report: ClassificationReport, digits = 2): string {
  const width = Math.max(...report.classes.map((row) => row.name.length), LONGEST_HEADING.length, digits);
  const cell = (text: string) => ` ${text.padStart(9)}`;
  const line = (heading: string, row: ReportRow) =>
    `${heading.padStart(width)} ${cell(formatFixed(row.precision, digits))}${cell(formatFixed(row.recall, digits))}${cell(formatFixed(row.f1Score, digits))}${cell(String(row.support))}\n`;

  let text = `${''.padStart(width)} ${HEADERS.map(cell).join('')}\n\n`;
  for (const row of report.classes) text += line(row.name, row);
  text += '\n';
  const { overall } = report;
  if (overall.kind === 'accuracy') {
    text += `${'accuracy'.padStart(width)} ${cell('')}${cell('')}${cell(formatFixed(overall.accuracy, digits))}${cell(String(overall.support))}\n`;
  } else {
    text += line('micro avg', overall.row);
  }
  text += line('macro avg', report.macroAvg);
  text += line('weighted avg', report.weightedAvg);
  return text;
}
