import type { FixDocument } from '../workflow/fix/index.js';
import { fixWaterfallChart, type WaterfallStep } from './charts/fix-waterfall-chart.js';
import { fixed, pValue } from './format-values.js';
import { chart, paragraph, section, table } from './html-parts.js';
import { pageHead } from './page-head.js';
import { html } from './safe-html.js';

/**
 * The `fix` report: "Before / after" first (the waterfall of the kept changes' CV gains and the one
 * comparison on the untouched test rows), then every candidate that was not kept and why.
 */
export async function renderFixHtml(document: FixDocument): Promise<string> {
  const { cv, test, metric } = document;
  const kept = document.changes.filter((change) => change.status === 'kept');
  const steps: WaterfallStep[] = [];
  let level = cv.before;
  for (const change of kept) {
    const to = level + (change.gain ?? 0);
    steps.push({ label: change.description, from: level, to });
    level = to;
  }
  const ci = (i: { estimate: number; low: number; high: number }) =>
    `${fixed(i.estimate)} (${fixed(i.low)}–${fixed(i.high)})`;
  const interval = (change: FixDocument['changes'][number]) =>
    change.gain === null ? '–' : `${fixed(change.gain)} (${fixed(change.ciLow)} to ${fixed(change.ciHigh)})`;
  const beforeAfter = section('before-after', 'Before / after', [
    html`<p>Started from <code>${test.before.spec}</code>; fixed: <code>${test.after.spec}</code>. ${kept.length} change${kept.length === 1 ? '' : 's'} kept of ${document.changes.length} tried. Each was kept only when its paired ${cv.folds}-fold CV gain in ${metric} had a 95 % lower bound above zero (or by the leak rule, said in its reason).</p>`,
    await chart(
      'fix-waterfall',
      fixWaterfallChart(metric, cv.before, steps),
      `CV ${metric} of the starting pipeline, each kept change's mean paired gain, and the fixed pipeline`,
    ),
    paragraph(
      `On the untouched test rows (${test.testRows}), each pipeline fitted once on the training rows:`,
    ),
    table(
      ['metric (95 % bootstrap CI)', 'before', 'after'],
      [
        ['accuracy', ci(test.before.intervals.accuracy), ci(test.after.intervals.accuracy)],
        ['F1 macro', ci(test.before.intervals.f1Macro), ci(test.after.intervals.f1Macro)],
        ['F1 weighted', ci(test.before.intervals.f1Weighted), ci(test.after.intervals.f1Weighted)],
        [
          'balanced accuracy',
          fixed(test.before.metrics.balanced_accuracy),
          fixed(test.after.metrics.balanced_accuracy),
        ],
      ],
    ),
    html`<p>McNemar's test, fixed vs starting pipeline: ${test.mcnemar.onlyAfterCorrect} rows only the fixed one gets right, ${test.mcnemar.onlyBeforeCorrect} only the starting one; ${test.mcnemar.method}, p ${pValue(test.mcnemar.pValue)}.</p>`,
    kept.length === 0
      ? paragraph('No change was kept: none had a verified gain.')
      : table(
          ['kept change', 'code', `gain in CV ${metric} (95 % CI)`, 'why'],
          kept.map((change) => [change.description, change.code, interval(change), change.reason]),
          2,
        ),
  ]);
  const others = document.changes.filter((change) => change.status !== 'kept');
  const rejected = section('rejected', 'Not kept', [
    others.length === 0
      ? paragraph('Every candidate tried was kept.')
      : table(
          ['candidate', 'code', 'status', `gain in CV ${metric} (95 % CI)`, 'why'],
          others.map((change) => [
            change.description,
            change.code,
            change.status,
            interval(change),
            change.reason,
          ]),
          3,
        ),
    ...(document.budgetCut > 0
      ? [
          paragraph(
            `The budget left ${document.budgetCut} candidate(s) or stage(s) untried (status "skipped"); within a stage the candidates ran most promising first (by their first fold's gain), so these were the least promising: ${document.budgetCutCandidates.join('; ')}.`,
          ),
        ]
      : []),
  ]);
  return html`${pageHead(`modeldebug fix: ${document.data}`)}
<header>
<h1>modeldebug fix</h1>
<p class="muted">${document.data} · label ${document.label} · ${metric} · ${fixed(document.seconds, 1)} s</p>
<nav><a href="#before-after">Before / after</a><a href="#rejected">Not kept</a></nav>
</header>
<main>
${beforeAfter}
${rejected}
</main>
</body>
</html>
`.value;
}
