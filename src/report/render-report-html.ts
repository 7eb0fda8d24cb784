import type { RunReport } from '../workflow/index.js';
import type { SectionHtml } from './html-parts.js';
import { abbreviateModelSpec } from './model-names.js';
import { pageHead } from './page-head.js';
import { html } from './safe-html.js';
import { runFrontSection } from './sections/front-section.js';
import {
  comparisonSection,
  findingsList,
  gateBlock,
  skippedBlock,
  summaryBlock,
  timingsBlock,
  validationSection,
} from './sections/overview-sections.js';
import { ensembleSection, errorSection, featureSection, finalSection } from './sections/result-sections.js';
import {
  epochCurveSection,
  learningCurveSection,
  regularizationSection,
  searchSection,
  validationCurveSection,
} from './sections/tuning-sections.js';

/**
 * The self-contained report page: findings first, then each section's evidence with its charts as inline
 * SVG. No script, no external resource; every data or model string is escaped by the `html` tag.
 */
export async function renderReportHtml(report: RunReport): Promise<string> {
  const sections: (SectionHtml | undefined)[] = [];
  // In page order; charts render one at a time (Vega views are not cheap).
  sections.push(validationSection(report));
  sections.push(await comparisonSection(report));
  sections.push(await runFrontSection(report));
  sections.push(await learningCurveSection(report));
  sections.push(await epochCurveSection(report));
  sections.push(await validationCurveSection(report));
  sections.push(searchSection(report));
  sections.push(await regularizationSection(report));
  sections.push(await featureSection(report));
  sections.push(ensembleSection(report));
  sections.push(await errorSection(report));
  sections.push(await finalSection(report));
  const present = sections.filter((part): part is SectionHtml => part !== undefined);
  const navigation = present.map((part) => html`<a href="#${part.id}">${part.title}</a>`);
  const { summary } = report;
  const page = html`${pageHead(`modeldebug report: ${summary.dataset}`)}
<header>
<h1>modeldebug report</h1>
<p class="muted">${summary.dataset} · ${summary.rows} rows · best model <code title="${summary.bestModel}">${abbreviateModelSpec(summary.bestModel)}</code> · ${summary.metric} ${summary.bestScore.toFixed(4)}</p>
<nav><a href="#findings">Findings</a>${navigation}</nav>
</header>
<main>
${gateBlock(report)}
${summaryBlock(report)}
<h2>Findings</h2>
${findingsList(report)}
${present}
${skippedBlock(report)}
${timingsBlock(report)}
</main>
</body>
</html>
`;
  return page.value;
}
