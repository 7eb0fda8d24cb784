/** A finding as two text lines: code and message, then the suggestion. */
export function findingLines(findings: readonly { code: string; message: string; suggestion: string }[]) {
  return findings.map((finding) => `  ${finding.code}: ${finding.message}\n    → ${finding.suggestion}`);
}
