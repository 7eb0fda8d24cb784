import { escapeHtml } from '../escape-html.js';

/**
 * A confusion matrix as an HTML table: true labels in rows, predicted labels in columns, each cell
 * shaded by its share of the row (as the report's heatmap) so the two runs' errors compare at a glance.
 */
export function confusionTable(confusion: {
  readonly labels: readonly string[];
  /** Wider than `labels` when an LLM left rows unlabelled (unparseable, refusal, error columns). */
  readonly predictedLabels?: readonly string[];
  readonly counts: readonly (readonly number[])[];
}): string {
  const labels = confusion.labels.map((label) => escapeHtml(label));
  const columns = (confusion.predictedLabels ?? confusion.labels).map((label) => escapeHtml(label));
  const head = `<tr><th>true \\ predicted</th>${columns.map((label) => `<th>${label}</th>`).join('')}</tr>`;
  const rows = confusion.counts.map((row, index) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    const cells = row.map((count) => {
      const share = total > 0 ? count / total : 0;
      const shade = `background:rgba(33,102,172,${share.toFixed(2)});color:${share > 0.5 ? '#fff' : 'inherit'}`;
      return `<td class="num" style="${shade}">${escapeHtml(String(count))}</td>`;
    });
    return `<tr><th>${labels[index] ?? '?'}</th>${cells.join('')}</tr>`;
  });
  return `<table class="confusion">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
