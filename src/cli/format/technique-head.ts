import { formatModelSpec } from '../../catalog/index.js';
import type { LlmTechniqueInput } from '../llm-technique-input.js';

/** The fields every LLM technique's `--json` document starts with: command, data, model and folds. */
export function techniqueHead(command: string, input: LlmTechniqueInput) {
  return {
    command,
    dataset: { source: input.dataset.source, rows: input.dataset.features.rows },
    model: formatModelSpec(input.steps),
    folds: input.folds.length,
  };
}

/** A finding as two text lines: code and message, then the suggestion. */
export function findingLines(findings: readonly { code: string; message: string; suggestion: string }[]) {
  return findings.map((finding) => `  ${finding.code}: ${finding.message}\n    → ${finding.suggestion}`);
}
