import type { RunReport } from '../../workflow/index.js';
import { fixed, pct } from '../format-values.js';
import { paragraph, type SectionHtml, section, table } from '../html-parts.js';
import { html } from '../safe-html.js';

type Interval = { estimate: number; low: number; high: number };

const interval = (value: Interval, show: (x: number) => string) =>
  `${show(value.estimate)} [${show(value.low)}, ${show(value.high)}]`;
const share = (value: Interval) => interval(value, (x) => pct(x));
const points = (value: Interval) => `${interval(value, (x) => fixed(100 * x, 1))} pp`;

/** How many flipped rows the page lists (report.json has them all). */
const LISTED_ROWS = 20;

/** The tuned model under prompt and input variants: per variant, per family, per slice; every string escaped. */
export function llmRobustnessSection(report: RunReport): SectionHtml | undefined {
  const data = report.sections.llmRobustness;
  if (!data) return undefined;
  const variants = data.variants.map((variant) => [
    variant.family,
    variant.labelWords ? `${variant.name} (${variant.labelWords.join(', ')})` : variant.name,
    share(variant.accuracy),
    share(variant.flipRate),
  ]);
  const spreads = data.spreads.map((spread) => [
    spread.family,
    spread.best,
    spread.worst,
    points(spread.spread),
    points(spread.gainOverBaseline),
    spread.sensitive ? 'sensitive' : 'no evidence',
  ]);
  const slices = data.slices.map((slice) => [
    slice.family,
    slice.by === 'class' ? `class ${slice.value}` : `${slice.column} ${slice.value}`,
    String(slice.rows),
    share(slice.baselineAccuracy),
    share(slice.variantAccuracy),
    share(slice.flipRate),
  ]);
  const flipped = data.flippedRows
    .slice(0, LISTED_ROWS)
    .map((flip) => [
      String(flip.row),
      flip.truth,
      flip.baseline ?? '(no label)',
      flip.changes.map((change) => `${change.variant} → ${change.label ?? '(no label)'}`).join('; '),
    ]);
  const { sampling, usage } = data;
  return section('llm-robustness', 'Robustness', [
    paragraph(
      `${data.model} on ${data.rows} training rows (a stratified sample), every variant out of fold (${data.folds}-fold stratified) on the same rows; 95 % bootstrap intervals. ${usage.calls} LLM calls, ${usage.cacheHits} answered from the cache.`,
    ),
    table(['family', 'variant', 'accuracy', 'flip rate'], variants, 2),
    paragraph(
      `Spread per family: best and worst picked on ${data.halves.pickRows} rows, their difference measured (paired) on the other ${data.halves.measureRows}, so a spread is not the largest of many noisy differences.`,
    ),
    table(['family', 'best', 'worst', 'spread', 'best − as configured', 'verdict'], spreads, 3),
    ...data.skipped.map((skip) => paragraph(`${skip.family} variants skipped: ${skip.reason}`)),
    paragraph(
      'Per slice: the prompt as configured, the mean over the family’s variants, and the rows that flip.',
    ),
    table(['family', 'slice', 'rows', 'as configured', 'variants (mean)', 'flip rate'], slices, 2),
    paragraph(
      `Rows of the data file whose label changes under some variant: ${data.flippedRows.length}${data.flippedRows.length > LISTED_ROWS ? ` (the first ${LISTED_ROWS}; report.json lists them all)` : ''}.`,
    ),
    table(['row', 'truth', 'as configured', 'changed by'], flipped, 4),
    paragraph(
      sampling.ran
        ? `Repeated sampling, ${sampling.samples} answers per row at temperature ${sampling.temperature}: rows whose answers disagree ${share(sampling.flipRate)}; pass^${sampling.samples} ${share(sampling.passAllK)}; pass@${sampling.samples} ${share(sampling.passAnyK)}.`
        : `Repeated sampling skipped: ${sampling.reason}.`,
    ),
    html`<ul>${data.findings.map((f) => html`<li>${f.message} <span class="fix">${f.suggestion}</span></li>`)}</ul>`,
  ]);
}
