import type { FixDocument } from '../../workflow/fix/index.js';

const f = (value: number | null) => (value === null ? '–' : value.toFixed(4));
const signed = (value: number | null) =>
  value === null ? '–' : `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;

/** What `fix` prints: each candidate with its verdict and interval, then the test rows before and after. */
export function formatFixSummary(document: FixDocument, files: Readonly<Record<string, string>>): string {
  const lines = [
    `fix: ${document.startModel}  →  ${document.fixedModel}`,
    `CV ${document.metric} (${document.cv.folds} folds): ${f(document.cv.before)} → ${f(document.cv.after)}`,
    '',
    'changes (paired CV gain, 95 % CI):',
  ];
  for (const change of document.changes) {
    const interval =
      change.gain === null
        ? ''
        : ` ${signed(change.gain)} [${signed(change.ciLow)}, ${signed(change.ciHigh)}]`;
    lines.push(`  ${change.status.padEnd(8)} ${change.description}${interval}`);
    if (change.status !== 'kept' || !change.reason.startsWith('the paired'))
      lines.push(`           ${change.reason}`);
  }
  if (document.changes.length === 0) lines.push('  (no candidate applied to this data)');
  const { test } = document;
  const row = (name: string, key: 'accuracy' | 'f1Macro' | 'f1Weighted') => {
    const b = test.before.intervals[key];
    const a = test.after.intervals[key];
    return `  ${name.padEnd(12)} ${f(b.estimate)} [${f(b.low)}, ${f(b.high)}]  →  ${f(a.estimate)} [${f(a.low)}, ${f(a.high)}]`;
  };
  lines.push(
    '',
    `untouched test rows (${test.testRows}), before → after (95 % bootstrap CI):`,
    row('accuracy', 'accuracy'),
    row('F1 macro', 'f1Macro'),
    row('F1 weighted', 'f1Weighted'),
    `  McNemar: ${test.mcnemar.onlyAfterCorrect} rows only the fixed pipeline gets right, ${test.mcnemar.onlyBeforeCorrect} only the start; p ${test.mcnemar.pValue.toPrecision(2)}`,
  );
  if (document.reusedEvaluations > 0)
    lines.push(`resumed: ${document.reusedEvaluations} cross-validation(s) taken from the run store`);
  if (document.budgetCut > 0) {
    lines.push(
      `budget: ${document.budgetCut} candidate(s) or stage(s) not tried, the least promising of their stage:`,
    );
    for (const cut of document.budgetCutCandidates) lines.push(`  - ${cut}`);
  }
  lines.push(
    '',
    ...Object.entries(files).map(([name, path]) => `${name.padEnd(13)} ${path}`),
    `${document.seconds.toFixed(1)} s`,
  );
  return `${lines.join('\n')}\n`;
}
