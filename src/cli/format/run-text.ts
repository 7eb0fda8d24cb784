import type { RunReport, WorkflowProgress } from '../../workflow/index.js';
import { stepProgress } from '../step-progress.js';

/** What `modeldebug run` prints on stdout: the headline, the top findings and where the report is. */
export function formatRunSummary(
  report: RunReport,
  files: { readonly html: string; readonly json: string },
  runId: string | undefined,
  top: number,
): string {
  const { summary } = report;
  const final = report.sections.finalTest;
  const ci = final?.intervals;
  const lines = [
    `modeldebug run: ${summary.dataset} (${summary.rows} rows), ${summary.models.length} models, ${report.seconds.toFixed(1)} s`,
    `best model: ${summary.bestModel}`,
    ci
      ? `final test (${final.testRows} rows): ${summary.metric} ${summary.bestScore.toFixed(4)}; accuracy ${ci.accuracy.estimate.toFixed(4)} (95 % CI ${ci.accuracy.low.toFixed(3)}–${ci.accuracy.high.toFixed(3)})`
      : `${summary.metric} ${summary.bestScore.toFixed(4)} (cross-validated; no final test)`,
    '',
    `Top findings (${Math.min(top, report.findings.length)} of ${report.findings.length}; all in the report):`,
    ...report.findings
      .slice(0, top)
      .flatMap((finding, k) => [
        `${String(k + 1).padStart(2)}. [${finding.level}] ${finding.code}: ${finding.message}`,
        `    → ${finding.suggestion}`,
        ...rowLine('data rows', finding.rows),
        ...rowLine('test rows', finding.testRows ?? []),
      ]),
    ...(report.skipped.length > 0
      ? ['', ...report.skipped.map((s) => `skipped ${s.step}: ${s.reason}`)]
      : []),
    // Skipped steps are listed above; here what else the budget cut (the race, a fit on a sample).
    ...(report.budget?.cuts ?? [])
      .filter((cut) => !report.skipped.some((s) => s.step === cut.step))
      .map((cut) => `budget cut ${cut.step}: ${cut.what}`),
    ...(report.thresholds.length > 0
      ? ['', ...report.thresholds.map((t) => `gate ${t.passed ? 'pass' : 'FAIL'}: ${t.reason}`)]
      : []),
    '',
    `report: ${files.html}`,
    `data:   ${files.json}${runId ? ` (run ${runId} in the run store)` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The rows a finding names, as report.json has them: 0-based, header excluded; the first 12. */
function rowLine(what: string, rows: readonly number[]): string[] {
  if (rows.length === 0) return [];
  const more = rows.length > 12 ? `, … (${rows.length} in all)` : '';
  return [`    ${what} (0-based, header excluded): ${rows.slice(0, 12).join(', ')}${more}`];
}

/** Step lines on stderr (stdout keeps the findings), each running step's status at least every 2 s. */
export function stderrProgress(totalSteps: number, enabled: boolean): WorkflowProgress | undefined {
  if (!enabled) return undefined;
  return stepProgress(totalSteps, {
    tty: process.stderr.isTTY === true,
    write: (text) => process.stderr.write(text),
  });
}
