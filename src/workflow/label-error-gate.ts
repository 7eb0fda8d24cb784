import type { RunFinding, RunSections } from './report-types.js';

/**
 * A run's label errors without those read off a model found underfit: when a more flexible model
 * scores better beyond doubt (a verified `underfitting` finding), the rows the model confidently
 * contradicts are its blind spots, not wrong labels — a linear model on XOR-like data, just above
 * chance once tuned, "doubted" 35 % of the rows where 10 % were flipped. The error analysis's own gate
 * (the model must beat the most-frequent-class baseline) cannot see this; the learning curve's
 * comparison with the flexible reference does.
 */
export function withoutUnderfitLabelErrors(
  findings: readonly RunFinding[],
  sections: RunSections,
): { findings: RunFinding[]; errorAnalysis: RunSections['errorAnalysis'] } {
  const underfit = findings.some((finding) => finding.code === 'underfitting' && finding.impact?.verified);
  const { errorAnalysis } = sections;
  if (!underfit) return { findings: [...findings], errorAnalysis };
  return {
    findings: findings.filter((finding) => finding.code !== 'label_errors'),
    errorAnalysis: errorAnalysis && {
      ...errorAnalysis,
      suspectedLabelErrors: [],
      findings: errorAnalysis.findings.filter((finding) => finding.kind !== 'label_errors'),
    },
  };
}
