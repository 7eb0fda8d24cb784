import type { RunFinding } from './report-types.js';

/**
 * Findings by what is at stake: failures first (they invalidate the rest), then everything with metric
 * points at stake, most first (a measured gain, or a problem's estimated share of rows), then warnings,
 * then the rest — so a low-severity data warning that costs nothing measurable sits below the model's
 * results. Stable within ties.
 */
export function rankFindings(findings: readonly RunFinding[]): RunFinding[] {
  const tier = (finding: RunFinding): number => {
    if (finding.level === 'fail') return 0;
    if ((finding.stake ?? 0) > 0) return 1;
    return finding.level === 'warn' ? 2 : 3;
  };
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        tier(a.finding) - tier(b.finding) ||
        (b.finding.stake ?? 0) - (a.finding.stake ?? 0) ||
        a.order - b.order,
    )
    .map(({ finding }) => finding);
}
