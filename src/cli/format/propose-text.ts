import type { ProposedCandidate, ProposeResult } from '../../analysis/llm/propose/index.js';
import { fixed, textTable } from './text-table.js';

/** The first line of an instruction, as the table shows it. */
const FIRST_LINE_CHARS = 70;

const gainText = (gain: ProposedCandidate['gain']): string =>
  gain === null ? 'n/a' : `${fixed(gain.mean, 3)} [${fixed(gain.low, 3)}, ${fixed(gain.high, 3)}]`;

/** The candidates with their paired gains, the kept one, and where it was written. */
export function proposeText(
  result: ProposeResult,
  context: { readonly model: string; readonly keptModel: string | null; readonly written?: string },
): string {
  const pairs = result.pairs.map(
    (pair) =>
      `  ${pair.count} × true ${pair.trueLabel}, answered ${pair.answered ?? '(no label)'} (shown: rows ${pair.rows.join(', ')})`,
  );
  const table = textTable(
    ['candidate', 'accuracy', 'gain [95% CI]', 'verdict', 'first line'],
    result.candidates.map((candidate) => [
      candidate.name,
      fixed(candidate.accuracy, 3),
      gainText(candidate.gain),
      candidate === result.kept ? 'kept' : candidate.verified ? 'verified' : 'rejected',
      candidate.kind === 'instruction'
        ? JSON.stringify((candidate.patch.system ?? '').split('\n')[0].slice(0, FIRST_LINE_CHARS))
        : '',
    ]),
  );
  const kept =
    result.kept === null
      ? [
          'Kept: nothing — no candidate’s paired gain has a 95 % lower bound above 0; keep the current prompt.',
        ]
      : [
          `Kept: ${result.kept.name}, accuracy gain ${gainText(result.kept.gain)} over the current prompt`,
          ...(context.written ? [`  instruction written to ${context.written}`] : []),
          `  model: ${context.keptModel}`,
        ];
  return [
    `Model: ${context.model}`,
    `Current prompt: accuracy ${fixed(result.baseline.accuracy, 3)} (mean over folds; the ${result.shownRows.length} rows shown to the proposer are not scored)`,
    '',
    'Errors shown to the proposer, by confusion pair',
    ...(pairs.length > 0 ? pairs : ['  (none)']),
    '',
    table,
    '',
    ...kept,
    ...result.findings.map((finding) => `  ${finding.code}: ${finding.message}`),
  ].join('\n');
}
